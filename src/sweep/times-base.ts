import type { PathResult } from './param-path.js';

/**
 * A range given as factors on each number's own value, `×0.1:×10` (or `x0.1:x10`), rather than as
 * values. With a path with `*` a value sets every number it reaches to the same thing, which loses
 * the structure between them (the enterprise segments' switching costs, small below mid below
 * large); a factor multiplies each by the same amount and keeps their ratios. Without `*` it is the
 * same as giving the values, said relative to the scenario's.
 */

/** The marks that make an end a factor: the multiplication sign, and `x` for keyboards without it. */
const TIMES_MARKS = ['×', 'x'];

/** One end of a range as written: its number and whether it was a factor (`×0.5`). */
export interface RangeEnd {
  readonly value: number;
  readonly timesBase: boolean;
}

/** "×0.5" → 0.5 as a factor, "0.5" → 0.5 as a value; NaN where no number is (a lone "x" is no factor). */
export function readRangeEnd(text: string): RangeEnd {
  const trimmed = text.trim();
  const mark = TIMES_MARKS.find((m) => trimmed.startsWith(m) && trimmed.length > m.length);
  const number = mark === undefined ? trimmed : trimmed.slice(mark.length).trim();
  return { value: number === '' ? Number.NaN : Number(number), timesBase: mark !== undefined };
}

/**
 * The ends of a range, both values or both factors: a range from a value to a factor has no one
 * meaning (the grid between them would mix the two).
 */
export function readRangeEnds(texts: readonly string[]): PathResult<{ values: number[]; timesBase: boolean }> {
  const ends = texts.map(readRangeEnd);
  const timesBase = ends.some((end) => end.timesBase);
  if (timesBase && !ends.every((end) => end.timesBase)) {
    return { success: false, message: 'give both ends as factors of each number\'s own value (×0.5:×2) or both as values (0.5:2), not one of each' };
  }
  return { success: true, value: { values: ends.map((end) => end.value), timesBase } };
}

/** A number of the scenario times a factor, rounded to 12 significant digits as grids are (so 3 × 0.1 is 0.3). */
export function timesBaseValue(base: number, factor: number): number {
  return Number((base * factor).toPrecision(12));
}

/** "×0.5" for a factor, "0.5" for a value: a setting or an end as shown back to the user. */
export function formatRangeEnd(value: number, timesBase: boolean | undefined): string {
  return timesBase === true ? `×${value}` : String(value);
}

/**
 * A parameter as a column, an axis or a report names it: its path, and "(× base)" where its values
 * are factors on each number's own value, so that a reader does not take 0.5 for a switching cost.
 */
export function withTimesBase(name: string, timesBase: boolean | undefined): string {
  return timesBase === true ? `${name} (× base)` : name;
}

/** `{ timesBase: true }` for factors, nothing for values: the field as settings, jobs and manifests carry it (absent, not false, so manifests of values are as before). */
export function timesBaseField(timesBase: boolean | undefined): { timesBase?: true } {
  return timesBase === true ? { timesBase: true } : {};
}
