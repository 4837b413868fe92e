import { sampleValue, type SampleMatrix } from './sample-matrix.js';

/**
 * A box of scenario discovery: a lower and an upper limit on each parameter, the points inside it,
 * and the three figures an analyst judges it by (Bryant and Lempert 2010, "Thinking inside the
 * box", Technol. Forecast. Soc. Change 77; the names EMA Workbench's PRIM reports):
 *
 * - coverage: the share of all the points of interest (where the condition holds) that fall in
 *   the box; how much of the phenomenon the box explains;
 * - density: the share of the box's points that are of interest; how reliably the box's
 *   assumptions lead to it;
 * - mass: the share of all points in the box; how much of the uncertainty it spans.
 *
 * A parameter is restricted when a limit has moved in from the box that holds every point; the
 * others are unconstrained, and a box that restricts few parameters is easier to tell.
 */

export interface Box {
  /** Lower limit per parameter, inclusive. */
  readonly lower: Float64Array;
  /** Upper limit per parameter, inclusive. */
  readonly upper: Float64Array;
}

export interface BoxStatistics {
  /** Points in the box. */
  readonly points: number;
  /** Points in the box where the condition holds. */
  readonly pointsOfInterest: number;
  readonly coverage: number;
  readonly density: number;
  readonly mass: number;
}

/** The box of every point: each parameter from its smallest value to its largest. */
export function boxOfAll(points: SampleMatrix): Box {
  const lower = new Float64Array(points.columns).fill(Number.POSITIVE_INFINITY);
  const upper = new Float64Array(points.columns).fill(Number.NEGATIVE_INFINITY);
  for (let r = 0; r < points.rows; r++) {
    for (let c = 0; c < points.columns; c++) {
      const value = sampleValue(points, r, c);
      if (value < lower[c]!) lower[c] = value;
      if (value > upper[c]!) upper[c] = value;
    }
  }
  return { lower, upper };
}

export function copyBox(box: Box): Box {
  return { lower: box.lower.slice(), upper: box.upper.slice() };
}

export function isInBox(points: SampleMatrix, row: number, box: Box): boolean {
  for (let c = 0; c < points.columns; c++) {
    const value = sampleValue(points, row, c);
    if (value < box.lower[c]! || value > box.upper[c]!) return false;
  }
  return true;
}

/** Rows of the points inside the box, in order. */
export function rowsInBox(points: SampleMatrix, box: Box): Uint32Array {
  const rows: number[] = [];
  for (let r = 0; r < points.rows; r++) if (isInBox(points, r, box)) rows.push(r);
  return Uint32Array.from(rows);
}

/** Coverage, density and mass of the points at `rows`, among `totalPoints` of which `totalOfInterest` hold the condition. */
export function boxStatistics(
  rows: Uint32Array,
  ofInterest: ArrayLike<boolean>,
  totalPoints: number,
  totalOfInterest: number,
): BoxStatistics {
  let pointsOfInterest = 0;
  for (const row of rows) if (ofInterest[row]) pointsOfInterest++;
  return {
    points: rows.length,
    pointsOfInterest,
    coverage: totalOfInterest === 0 ? 0 : pointsOfInterest / totalOfInterest,
    density: rows.length === 0 ? 0 : pointsOfInterest / rows.length,
    mass: rows.length / totalPoints,
  };
}

/** Parameters whose limits have moved in from `initial`, in column order. */
export function restrictedParameters(box: Box, initial: Box): number[] {
  const restricted: number[] = [];
  for (let c = 0; c < box.lower.length; c++) {
    if (box.lower[c]! > initial.lower[c]! || box.upper[c]! < initial.upper[c]!) restricted.push(c);
  }
  return restricted;
}
