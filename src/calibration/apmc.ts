import { CholeskyDecomposition, Matrix } from 'ml-matrix';
import { normal, type Rng } from '../engine/rng.js';
import { latinHypercube } from '../analysis/latin-hypercube.js';

/**
 * Adaptive population Monte Carlo ABC (APMC: Lenormand, Jabot and Deffuant 2013, "Adaptive
 * approximate Bayesian computation for complex models", Computational Statistics 28: 2777–2796),
 * an ABC-SMC made for agent-based models whose runs are costly: every generation is a batch of
 * runs that can go to a pool at once, and the tolerance shrinks by itself.
 *
 * - Generation 0: N points from the prior (a Latin hypercube of the free parameters' ranges).
 *   The Nα nearest the targets are the particles, each of weight 1; the tolerance is the
 *   farthest of them.
 * - Each later generation: N − Nα new points, each a particle drawn by weight and moved by a
 *   normal kernel of twice the particles' weighted covariance (Beaumont et al. 2009), weighted
 *   prior ÷ proposal density. The Nα nearest of old and new particles go on; the share of new
 *   points within the old tolerance is the acceptance rate.
 * - It stops when the acceptance rate falls below `minAcceptance` (more runs would barely move
 *   the posterior) or the budget is spent. The particles and their weights are the posterior.
 *
 * Parameters live on the logit of their place in their range, so a move never leaves the range;
 * the prior, uniform over the range (on the parameter's scale), has the logistic density there.
 */

export interface ApmcSettings {
  /** N: points of generation 0; each later generation runs N − Nα. */
  readonly populationSize: number;
  /** α: share of N kept as particles. Lenormand et al. use 0.5. */
  readonly keepShare: number;
  /** Stop when fewer than this share of a generation's points land within the tolerance (their 0.01). */
  readonly minAcceptance: number;
}

export const DEFAULT_APMC: ApmcSettings = { populationSize: 100, keepShare: 0.5, minAcceptance: 0.02 };

export interface Particle {
  /** Logit of the particle's place in each parameter's range. */
  readonly x: readonly number[];
  readonly distance: number;
  readonly weight: number;
}

export interface ApmcState {
  readonly generation: number;
  /** The Nα particles kept, nearest first. */
  readonly particles: readonly Particle[];
  /** The farthest particle kept. */
  readonly tolerance: number;
  /** Share of the last generation's points within the previous tolerance (1 for generation 0). */
  readonly acceptance: number;
}

/** A point a generation runs: its place in the unit cube of the free parameters. */
export type UnitPoint = readonly number[];

export function keptCount(settings: ApmcSettings): number {
  return Math.max(2, Math.round(settings.populationSize * settings.keepShare));
}

/** Generation 0's points: a Latin hypercube of N points. */
export function firstGeneration(dimensions: number, settings: ApmcSettings, rng: Rng): UnitPoint[] {
  return latinHypercube(settings.populationSize, dimensions, rng);
}

/** The particles after generation 0: the Nα nearest points (ties by order), each of weight 1. */
export function startFrom(points: readonly UnitPoint[], distances: readonly number[], settings: ApmcSettings): ApmcState {
  const particles = nearest(
    points.map((u, i) => ({ x: u.map(logit), distance: distances[i]!, weight: 1 })),
    keptCount(settings),
  );
  return { generation: 0, particles, tolerance: particles.at(-1)!.distance, acceptance: 1 };
}

/** The next generation's N − Nα points: particles drawn by weight, moved by the kernel. */
export function proposeGeneration(state: ApmcState, settings: ApmcSettings, rng: Rng): UnitPoint[] {
  const kernel = kernelOf(state.particles);
  const count = Math.max(1, settings.populationSize - keptCount(settings));
  const cumulative: number[] = [];
  let total = 0;
  for (const p of state.particles) cumulative.push((total += p.weight));
  return Array.from({ length: count }, () => {
    const pick = rng.next() * total;
    let j = cumulative.findIndex((c) => pick < c);
    if (j < 0) j = cumulative.length - 1;
    const z = state.particles[0]!.x.map(() => normal(rng));
    const x = state.particles[j]!.x.map((value, d) => value + kernel.lower[d]!.reduce((s, l, k) => s + l * z[k]!, 0));
    return x.map(inverseLogit);
  });
}

/** Weighs the new points, keeps the Nα nearest of old and new, and measures the acceptance rate. */
export function advance(state: ApmcState, points: readonly UnitPoint[], distances: readonly number[]): ApmcState {
  const kernel = kernelOf(state.particles);
  const totalWeight = state.particles.reduce((s, p) => s + p.weight, 0);
  const fresh = points.map((u, i) => {
    const x = u.map(logit);
    let proposal = 0;
    for (const p of state.particles) proposal += (p.weight / totalWeight) * kernel.density(x, p.x);
    return { x, distance: distances[i]!, weight: proposal > 0 ? priorDensity(x) / proposal : 0 };
  });
  const within = distances.filter((d) => d < state.tolerance).length;
  const particles = nearest([...state.particles, ...fresh], state.particles.length);
  return { generation: state.generation + 1, particles, tolerance: particles.at(-1)!.distance, acceptance: points.length > 0 ? within / points.length : 0 };
}

export function finished(state: ApmcState, settings: ApmcSettings): boolean {
  return state.acceptance < settings.minAcceptance;
}

/** The particles' places in the unit cube, with weights summing to 1. */
export function posteriorDraws(state: ApmcState): { unit: number[]; x: readonly number[]; weight: number }[] {
  const total = state.particles.reduce((s, p) => s + p.weight, 0);
  return state.particles.map((p) => ({ unit: p.x.map(inverseLogit), x: p.x, weight: total > 0 ? p.weight / total : 1 / state.particles.length }));
}

function nearest(particles: readonly Particle[], count: number): Particle[] {
  return particles
    .map((p, i) => ({ p, i }))
    .filter(({ p }) => Number.isFinite(p.distance))
    .sort((a, b) => a.p.distance - b.p.distance || a.i - b.i)
    .slice(0, count)
    .map(({ p }) => p);
}

interface Kernel {
  /** Cholesky factor of the kernel's covariance, row by row. */
  readonly lower: number[][];
  /** The kernel's normal density at x around a centre. */
  density(x: readonly number[], centre: readonly number[]): number;
}

/** A normal kernel of twice the particles' weighted covariance (Beaumont et al. 2009). */
function kernelOf(particles: readonly Particle[]): Kernel {
  const d = particles[0]!.x.length;
  const total = particles.reduce((s, p) => s + p.weight, 0);
  const mean = Array.from({ length: d }, (_, k) => particles.reduce((s, p) => s + p.weight * p.x[k]!, 0) / total);
  const covariance = new Matrix(d, d);
  for (let a = 0; a < d; a++) {
    for (let b = a; b < d; b++) {
      const c = particles.reduce((s, p) => s + p.weight * (p.x[a]! - mean[a]!) * (p.x[b]! - mean[b]!), 0) / total;
      // A floor on the diagonal keeps the kernel proper when the particles sit on one value.
      covariance.set(a, b, 2 * c + (a === b ? 1e-6 : 0));
      covariance.set(b, a, covariance.get(a, b));
    }
  }
  const lower = new CholeskyDecomposition(covariance).lowerTriangularMatrix.to2DArray();
  let logDeterminant = 0;
  for (let k = 0; k < d; k++) logDeterminant += 2 * Math.log(lower[k]![k]!);
  const normalising = -0.5 * (d * Math.log(2 * Math.PI) + logDeterminant);
  return {
    lower,
    density(x, centre) {
      // Solve L y = x − centre by forward substitution; the exponent is −|y|²/2.
      let squared = 0;
      const y: number[] = [];
      for (let r = 0; r < d; r++) {
        let v = x[r]! - centre[r]!;
        for (let k = 0; k < r; k++) v -= lower[r]![k]! * y[k]!;
        y.push(v / lower[r]![r]!);
        squared += y[r]! ** 2;
      }
      return Math.exp(normalising - squared / 2);
    },
  };
}

/** A uniform prior on (0, 1) seen on the logit: the logistic density, one factor per parameter. */
function priorDensity(x: readonly number[]): number {
  let density = 1;
  for (const v of x) {
    const u = inverseLogit(v);
    density *= u * (1 - u);
  }
  return density;
}

export function logit(u: number): number {
  const v = Math.min(1 - 1e-12, Math.max(1e-12, u));
  return Math.log(v / (1 - v));
}

export function inverseLogit(x: number): number {
  return 1 / (1 + Math.exp(-x));
}
