import seedrandom from 'seedrandom';

/**
 * A seeded random stream. Every agent gets its own, derived from the run's seed and the agent's
 * id, so adding an agent does not reshuffle the draws of every other agent.
 */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
}

/**
 * seedrandom's Alea stream, seeded by seedrandom and stepped here. seedrandom's own `next` goes
 * through two closures to an object of four boxed numbers scattered over the heap: with one stream
 * per enterprise that was a quarter of a 100,000-enterprise run (docs/performance.md). Stepping
 * its exported state with the same arithmetic gives the same draws bit for bit
 * (test/engine/rng.test.ts checks it against seedrandom.alea).
 */
class AleaStream implements Rng {
  // `declare`: a plain field declaration would first set each field to undefined, after which V8
  // boxes every number stored in it, one allocation per draw.
  private declare s0: number;
  private declare s1: number;
  private declare s2: number;
  private declare c: number;

  constructor(state: { s0: number; s1: number; s2: number; c: number }) {
    this.s0 = state.s0;
    this.s1 = state.s1;
    this.s2 = state.s2;
    this.c = state.c;
  }

  next(): number {
    const t = 2091639 * this.s0 + this.c * 2.3283064365386963e-10; // 2^-32, as seedrandom's alea
    this.s0 = this.s1;
    this.s1 = this.s2;
    this.c = t | 0;
    return (this.s2 = t - this.c);
  }
}

export function createRng(seed: number, streamId: string): Rng {
  // alea: small state and fast, which matters with one stream per enterprise.
  return new AleaStream(seedrandom.alea(`${seed}/${streamId}`, { state: true }).state());
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

/** 0..n-1 in a uniformly random order (Fisher–Yates), drawing n − 1 numbers from the stream. */
export function shuffledIndexes(rng: Rng, n: number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}
