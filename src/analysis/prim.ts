import {
  boxOfAll,
  boxStatistics,
  copyBox,
  restrictedParameters,
  rowsInBox,
  type Box,
  type BoxStatistics,
} from './prim-box.js';
import { sampleValue, type SampleMatrix } from './sample-matrix.js';

/**
 * The Patient Rule Induction Method (Friedman and Fisher 1999, "Bump hunting in high-dimensional
 * data", Statistics and Computing 9) as scenario discovery uses it (Bryant and Lempert 2010) and
 * EMA Workbench implements it (`ema_workbench.analysis.prim`): find a box of parameter values
 * where a condition ("Anthropic's share ends above 30 %") mostly holds.
 *
 * Peeling starts from the box of all points and, step by step, cuts off a slice of `peelAlpha` of
 * the box's points from the bottom or the top of one parameter: whichever of those 2k cuts the
 * objective likes best. It stops when the best cut scores 0 or less (under `lenient1`: no cut
 * raises the density; under `original`, only an empty box would) or would leave the box less
 * than `massMin` of the points. Every box on the way is kept: the peeling trajectory, from
 * high coverage and low density to the reverse, from which the analyst picks (`chooseBox`).
 * Pasting (optional) then widens the last box's restricted limits again, a `pasteAlpha` slice at a
 * time, while that raises its density: it undoes cuts that greedy peeling made too early.
 *
 * Cuts fall midway between two distinct values of the parameter (EMA's `get_quantile`), so a limit
 * lies between the last point outside and the first inside, and a slice never splits tied values.
 * Deterministic: among cuts that score the same, the one that leaves more parameters unrestricted
 * wins (as EMA), then the first in parameter order, the upper cut before the lower.
 */

/**
 * How a cut is scored, from the box's density before (d) and after (d'), and points before (n)
 * and after (n'). `lenient1` (EMA's default): (d' − d) / |n − n'|, the gain in density per point
 * given up, which peels patiently. `original` (Friedman and Fisher): d', the density after.
 */
export type PrimObjective = 'lenient1' | 'original';

export interface PrimOptions {
  /** Share of the box's points each peel removes; EMA's default 0.05. */
  readonly peelAlpha: number;
  /** Share of the points beside a limit each paste adds; EMA's default 0.05. */
  readonly pasteAlpha: number;
  /** Smallest share of all points a box may hold; EMA's default 0.05. */
  readonly massMin: number;
  readonly objective: PrimObjective;
  /** Whether to paste after peeling. */
  readonly paste: boolean;
}

export const PRIM_DEFAULTS: PrimOptions = { peelAlpha: 0.05, pasteAlpha: 0.05, massMin: 0.05, objective: 'lenient1', paste: true };

/** One box of the trajectory, with its figures and the parameters it restricts. */
export interface PrimStep extends BoxStatistics {
  readonly box: Box;
  readonly restricted: readonly number[];
  readonly phase: 'start' | 'peel' | 'paste';
}

export interface PrimResult {
  /** The box of all points (limits at each parameter's smallest and largest value). */
  readonly initialBox: Box;
  /** Every box from the initial one, peeled then pasted. */
  readonly trajectory: readonly PrimStep[];
}

interface Candidate {
  readonly box: Box;
  readonly rows: Uint32Array;
  readonly score: number;
  readonly unrestricted: number;
}

/**
 * The peeling (and pasting) trajectory of the points (one row each, parameter values in any
 * units), where `ofInterest[row]` says whether the condition holds at that point.
 */
export function prim(points: SampleMatrix, ofInterest: ArrayLike<boolean>, options: Partial<PrimOptions> = {}): PrimResult {
  const settings = { ...PRIM_DEFAULTS, ...options };
  if (ofInterest.length !== points.rows) throw new RangeError(`${points.rows} points but ${ofInterest.length} outcomes`);
  let totalOfInterest = 0;
  for (let r = 0; r < points.rows; r++) if (ofInterest[r]) totalOfInterest++;
  const initialBox = boxOfAll(points);
  const step = (box: Box, rows: Uint32Array, phase: PrimStep['phase']): PrimStep => ({
    ...boxStatistics(rows, ofInterest, points.rows, totalOfInterest),
    box,
    restricted: restrictedParameters(box, initialBox),
    phase,
  });
  const score = (before: Uint32Array, after: Uint32Array): number =>
    objective(settings.objective, density(before, ofInterest), density(after, ofInterest), before.length, after.length);
  const unrestricted = (box: Box): number => points.columns - restrictedParameters(box, initialBox).length;

  let box = copyBox(initialBox);
  let rows = rowsInBox(points, box);
  const trajectory: PrimStep[] = [step(box, rows, 'start')];

  for (;;) {
    const candidates: Candidate[] = [];
    for (let c = 0; c < points.columns; c++) {
      for (const side of ['upper', 'lower'] as const) {
        const peeled = peel(points, rows, box, c, side, settings.peelAlpha);
        if (peeled.rows.length < rows.length) candidates.push({ ...peeled, score: score(rows, peeled.rows), unrestricted: unrestricted(peeled.box) });
      }
    }
    const best = bestOf(candidates);
    if (best === undefined || best.rows.length / points.rows < settings.massMin || !(best.score > 0)) break;
    ({ box, rows } = best);
    trajectory.push(step(box, rows, 'peel'));
  }

  while (settings.paste) {
    const candidates: Candidate[] = [];
    for (const c of restrictedParameters(box, initialBox)) {
      for (const side of ['lower', 'upper'] as const) {
        const pasted = paste(points, box, initialBox, c, side, settings.pasteAlpha);
        if (pasted !== undefined) candidates.push({ ...pasted, score: score(rows, pasted.rows), unrestricted: unrestricted(pasted.box) });
      }
    }
    const best = bestOf(candidates);
    if (best === undefined || !(best.score > 0) || !(density(best.rows, ofInterest) > density(rows, ofInterest))) break;
    ({ box, rows } = best);
    trajectory.push(step(box, rows, 'paste'));
  }
  return { initialBox, trajectory };
}

/**
 * The box an analyst would pick at a density floor: of the boxes at least `minDensity` dense, the
 * one with the highest coverage (then the denser, then fewer restricted parameters, then the
 * earlier: peeling often cuts off points where the condition fails alone, at no coverage). Undefined
 * when no box is that dense. Its index in the trajectory.
 */
export function chooseBox(trajectory: readonly PrimStep[], minDensity: number): number | undefined {
  let chosen: number | undefined;
  trajectory.forEach((step, i) => {
    if (step.density < minDensity) return;
    const current = chosen === undefined ? undefined : trajectory[chosen]!;
    if (
      current === undefined ||
      step.coverage > current.coverage ||
      (step.coverage === current.coverage && step.density > current.density) ||
      (step.coverage === current.coverage && step.density === current.density && step.restricted.length < current.restricted.length)
    ) {
      chosen = i;
    }
  });
  return chosen;
}

function objective(kind: PrimObjective, densityBefore: number, densityAfter: number, before: number, after: number): number {
  switch (kind) {
    case 'lenient1':
      return densityAfter === densityBefore ? 0 : (densityAfter - densityBefore) / Math.abs(before - after);
    case 'original':
      return densityAfter;
    default: {
      const unknown: never = kind;
      return unknown;
    }
  }
}

function density(rows: Uint32Array, ofInterest: ArrayLike<boolean>): number {
  if (rows.length === 0) return 0;
  let count = 0;
  for (const row of rows) if (ofInterest[row]) count++;
  return count / rows.length;
}

/** The best-scoring candidate, then the one leaving more parameters unrestricted, then the first. */
function bestOf(candidates: readonly Candidate[]): Candidate | undefined {
  let best: Candidate | undefined;
  for (const candidate of candidates) {
    if (best === undefined || candidate.score > best.score || (candidate.score === best.score && candidate.unrestricted > best.unrestricted)) {
      best = candidate;
    }
  }
  return best;
}

/** The box and its rows after cutting a `alpha` slice of its points off one side of parameter `c`. */
function peel(
  points: SampleMatrix,
  rows: Uint32Array,
  box: Box,
  c: number,
  side: 'lower' | 'upper',
  alpha: number,
): { box: Box; rows: Uint32Array } {
  const values = Float64Array.from(rows, (row) => sampleValue(points, row, c)).sort();
  const limit = side === 'lower' ? cutBetweenValues(values, alpha, 'up') : cutBetweenValues(values, 1 - alpha, 'down');
  const peeled = copyBox(box);
  if (side === 'lower') peeled.lower[c] = limit;
  else peeled.upper[c] = limit;
  const kept = rows.filter((row) => {
    const value = sampleValue(points, row, c);
    return side === 'lower' ? value >= limit : value <= limit;
  });
  return { box: peeled, rows: kept };
}

/**
 * The box widened on one side of parameter `c` to take in a `alpha` slice (at least one point) of
 * the points between its limit and the initial box's that it holds on every other parameter;
 * undefined when there are none.
 */
function paste(
  points: SampleMatrix,
  box: Box,
  initial: Box,
  c: number,
  side: 'lower' | 'upper',
  alpha: number,
): { box: Box; rows: Uint32Array } | undefined {
  const slab = copyBox(box);
  if (side === 'lower') [slab.lower[c], slab.upper[c]] = [initial.lower[c]!, box.lower[c]!];
  else [slab.lower[c], slab.upper[c]] = [box.upper[c]!, initial.upper[c]!];
  const beside = rowsInBox(points, slab).filter((row) => {
    const value = sampleValue(points, row, c);
    return side === 'lower' ? value < box.lower[c]! : value > box.upper[c]!;
  });
  if (beside.length === 0) return undefined;
  const values = Float64Array.from(beside, (row) => sampleValue(points, row, c)).sort();
  const pasted = copyBox(box);
  if (side === 'lower') pasted.lower[c] = cutBetweenValues(values, 1 - alpha, 'down');
  else pasted.upper[c] = cutBetweenValues(values, alpha, 'up');
  return { box: pasted, rows: rowsInBox(points, pasted) };
}

/**
 * EMA Workbench's `get_quantile`: the p-quantile's two neighbouring ranks, moved apart (`up`: the
 * upper one up; `down`: the lower one down) until their values differ, and the midpoint of those
 * values; the value itself when every value is the same. A cut there never splits tied values.
 */
export function cutBetweenValues(sorted: Float64Array, p: number, widen: 'up' | 'down'): number {
  const position = (sorted.length - 1) * p;
  let low = Math.floor(position);
  let high = Math.ceil(position);
  if (widen === 'up') while (sorted[low] === sorted[high] && high < sorted.length - 1) high++;
  else while (sorted[low] === sorted[high] && low > 0) low--;
  return (sorted[low]! + sorted[high]!) / 2;
}
