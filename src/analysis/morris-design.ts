import { createRng, shuffledIndexes, type Rng } from '../engine/rng.js';
import { emptySampleMatrix, sampleValue, type SampleMatrix } from './sample-matrix.js';

/**
 * Morris's one-at-a-time screening design (Morris 1991, "Factorial sampling plans for preliminary
 * computational experiments", Technometrics 33): r trajectories through a grid of p levels
 * {0, 1/(p−1), …, 1} in the unit hypercube, each of k + 1 points, each point moving one parameter
 * by ±Δ from the one before, every parameter once, in a random order. Δ = p / (2(p − 1)) (Morris's
 * choice for even p), so that every level is equally likely to be visited. A trajectory gives one
 * elementary effect per parameter for k + 1 runs: the cheapest screening of many parameters, for
 * ranking them before a Sobol' analysis of the few that matter.
 *
 * With `candidates`, Campolongo, Cariboni and Saltelli's improvement (2007, "An effective screening
 * design for sensitivity analysis of large models", Environ. Model. Softw. 22): draw that many
 * trajectories and keep the r most spread out, measured by the sum of Euclidean distances between
 * the points of two trajectories. Their exhaustive search over every r-subset is combinatorial;
 * here the subset is grown greedily (the most distant pair, then each time the trajectory adding
 * most to the sum of squared distances), which keeps most of the gain in spread.
 */

export interface MorrisShape {
  /** k, the parameters (columns). */
  readonly parameters: number;
  /** r, trajectories of k + 1 points each. */
  readonly trajectories: number;
  /** p, grid levels per parameter; even. */
  readonly levels: number;
}

export interface MorrisDesign extends MorrisShape {
  /** The step, p / (2(p − 1)): 2/3 for 4 levels. */
  readonly delta: number;
  /** r(k + 1) points, trajectory by trajectory: trajectory t is rows t(k + 1) … t(k + 1) + k. */
  readonly points: SampleMatrix;
}

export interface MorrisDesignOptions extends MorrisShape {
  readonly seed: number;
  /** Campolongo's candidates to choose the r trajectories from; absent, r random ones (Morris). */
  readonly candidates?: number;
}

export function morrisDelta(levels: number): number {
  return levels / (2 * (levels - 1));
}

export function morrisDesign(options: MorrisDesignOptions): MorrisDesign {
  const { parameters: k, trajectories: r, levels: p } = options;
  if (!Number.isInteger(p) || p < 2 || p % 2 !== 0) throw new RangeError(`Morris levels must be even and at least 2, not ${p}`);
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`a Morris design needs 1 parameter or more, not ${k}`);
  const candidates = options.candidates ?? r;
  if (!Number.isInteger(candidates) || candidates < r) throw new RangeError(`${candidates} candidates cannot give ${r} trajectories`);
  const rng = createRng(options.seed, 'morris-trajectories');
  const drawn = Array.from({ length: candidates }, () => randomTrajectory(k, p, rng));
  const chosen = candidates === r ? drawn : mostSpread(drawn, r);
  const points = emptySampleMatrix(r * (k + 1), k);
  chosen.forEach((trajectory, t) => points.values.set(trajectory.values, t * (k + 1) * k));
  return { parameters: k, trajectories: r, levels: p, delta: morrisDelta(p), points };
}

/**
 * One trajectory, as Morris's B* = (J x* + (Δ/2)((2B − J)D* + J))P*: a base point x* drawn from
 * the levels that leave room for +Δ, a random direction (up or down) for each parameter and a
 * random order in which the parameters move.
 */
function randomTrajectory(k: number, p: number, rng: Rng): SampleMatrix {
  const delta = morrisDelta(p);
  const trajectory = emptySampleMatrix(k + 1, k);
  const start = new Float64Array(k);
  const up = new Array<boolean>(k);
  for (let i = 0; i < k; i++) {
    const base = Math.floor(rng.next() * (p / 2)) / (p - 1);
    up[i] = rng.next() < 0.5;
    start[i] = up[i] ? base : base + delta;
  }
  trajectory.values.set(start, 0);
  const order = shuffledIndexes(rng, k);
  for (let step = 0; step < k; step++) {
    const row = (step + 1) * k;
    trajectory.values.copyWithin(row, step * k, (step + 1) * k);
    const moved = order[step]!;
    trajectory.values[row + moved] = trajectory.values[row + moved]! + (up[moved] ? delta : -delta);
  }
  return trajectory;
}

/** Campolongo's distance between two trajectories: the sum of Euclidean distances between their points. */
export function trajectoryDistance(one: SampleMatrix, other: SampleMatrix): number {
  let distance = 0;
  for (let a = 0; a < one.rows; a++) {
    for (let b = 0; b < other.rows; b++) {
      let squared = 0;
      for (let c = 0; c < one.columns; c++) squared += (sampleValue(one, a, c) - sampleValue(other, b, c)) ** 2;
      distance += Math.sqrt(squared);
    }
  }
  return distance;
}

/** The r candidates, grown greedily, whose pairwise distances have the largest sum of squares. */
function mostSpread(candidates: readonly SampleMatrix[], r: number): SampleMatrix[] {
  const m = candidates.length;
  const squared = Array.from({ length: m }, () => new Float64Array(m));
  let best: [number, number] = [0, 1];
  for (let a = 0; a < m; a++) {
    for (let b = a + 1; b < m; b++) {
      const d = trajectoryDistance(candidates[a]!, candidates[b]!) ** 2;
      squared[a]![b] = d;
      squared[b]![a] = d;
      if (d > squared[best[0]]![best[1]]!) best = [a, b];
    }
  }
  const chosen = r === 1 ? [best[0]] : [...best];
  const taken = new Set(chosen);
  while (chosen.length < r) {
    let next = -1;
    let gain = -1;
    for (let c = 0; c < m; c++) {
      if (taken.has(c)) continue;
      const added = chosen.reduce((sum, t) => sum + squared[c]![t]!, 0);
      if (added > gain) [next, gain] = [c, added];
    }
    chosen.push(next);
    taken.add(next);
  }
  return chosen.map((c) => candidates[c]!);
}
