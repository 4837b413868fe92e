/** Seeds are 32-bit unsigned integers, as the config's `seed` is. */
const SEED_MODULUS = 2 ** 32;

/**
 * The seeds of an ensemble: seed, seed + 1, …, seed + runs − 1 (wrapping at 2³²). Run 0 is the
 * plain run of that seed, so an ensemble contains the single run a user already looked at. Every
 * random stream is seeded by "<seed>/<agent id>", so neighbouring seeds share no draws.
 */
export function deriveSeeds(seed: number, runs: number): number[] {
  return Array.from({ length: runs }, (_, run) => seedOfRun(seed, run));
}

export function seedOfRun(seed: number, run: number): number {
  return (seed + run) % SEED_MODULUS;
}
