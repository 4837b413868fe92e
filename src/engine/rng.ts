import seedrandom from 'seedrandom';

/**
 * A seeded random stream. Every agent gets its own, derived from the run's seed and the agent's
 * id, so adding an agent does not reshuffle the draws of every other agent.
 */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
}

export function createRng(seed: number, streamId: string): Rng {
  // alea: small state and fast, which matters with one stream per enterprise.
  const prng = seedrandom.alea(`${seed}/${streamId}`);
  return { next: () => prng() };
}

/** Standard normal draw (Box–Muller; one of the pair is discarded to keep draws per call fixed). */
export function normal(rng: Rng): number {
  const u1 = 1 - rng.next();
  const u2 = rng.next();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/** Log-normal draw given its median and the standard deviation of its logarithm. */
export function logNormal(rng: Rng, median: number, logSd: number): number {
  return median * Math.exp(logSd * normal(rng));
}

export function uniformBetween(rng: Rng, low: number, high: number): number {
  return low + (high - low) * rng.next();
}

/** Index drawn with probability proportional to weights (weights need not sum to 1). */
export function weightedIndex(rng: Rng, weights: readonly number[]): number {
  const total = weights.reduce((sum, w) => sum + w, 0);
  let target = rng.next() * total;
  for (let i = 0; i < weights.length; i++) {
    target -= weights[i] ?? 0;
    if (target < 0) return i;
  }
  return weights.length - 1;
}
