import { sameValue } from './chart-focus.js';

/**
 * Lines that lie on one another. chart.js draws the first dataset on top, so a scenario that ends up
 * where the first one is (or where any earlier one is) would vanish beneath it; so would one that
 * never strays further from it than a line is wide. Such a line is drawn over the one it lies on,
 * dashed so that the two colours alternate along it (with three on one course, each shows a third
 * of the time), and its legend entry names the line it follows: the same, or within a line's width.
 */

export interface Coincidence {
  /** The earlier line it lies on. */
  readonly on: number;
  /** Its place among the lines lying on that one (1, 2, …) and how many lines share the course, that one included. */
  readonly slot: number;
  readonly of: number;
  /** The same values (to rounding), not merely within a line's width. */
  readonly exact: boolean;
}

/**
 * A 2.5 px line on a chart some 450 px high covers about 0.6 % of the axis: two lines closer than
 * that, relative to the span of all the lines drawn, overlap.
 */
export const LINE_WIDTH_OF_SPAN = 0.006;

/**
 * Whether every drawn value of `line` is drawn in `under` too, at the same value (to rounding) or
 * within `tolerance`; false for a line with none drawn.
 */
export function liesOn(line: readonly (number | null)[], under: readonly (number | null)[], tolerance = 0): boolean {
  let drawn = false;
  for (let t = 0; t < line.length; t++) {
    const value = line[t];
    if (value === null || value === undefined) continue;
    const other = under[t];
    if (other === null || other === undefined || (!sameValue(value, other) && Math.abs(value - other) > tolerance)) return false;
    drawn = true;
  }
  return drawn;
}

export interface AxisShape {
  /** A log axis compares lines by ratio. */
  readonly log?: boolean;
  /** The axis starts at 0 (a share's), so 0 is within its span. */
  readonly fromZero?: boolean;
}

/** The span of the axis the lines are drawn on, at least: every drawn value, and 0 when the axis starts there. */
function spanOf(lines: readonly (readonly (number | null)[])[], axis: AxisShape): number {
  const values = lines.flatMap((line) => line.filter((v): v is number => v !== null && Number.isFinite(v)));
  if (axis.fromZero) values.push(0);
  return values.length === 0 ? 0 : Math.max(...values) - Math.min(...values);
}

/** For each line, the earliest line not itself lying on another that it lies on (within a line's width), if any. */
export function coincidences(lines: readonly (readonly (number | null)[])[], axis: AxisShape = {}): (Coincidence | undefined)[] {
  const drawn = axis.log ? lines.map((line) => line.map((v) => (v === null || !(v > 0) ? null : Math.log10(v)))) : lines;
  const tolerance = LINE_WIDTH_OF_SPAN * spanOf(drawn, axis.log ? {} : axis);
  const on: (number | undefined)[] = [];
  drawn.forEach((line, i) => {
    const base = drawn.slice(0, i).findIndex((under, j) => on[j] === undefined && liesOn(line, under, tolerance));
    on.push(base === -1 ? undefined : base);
  });
  return on.map((base, i) => {
    if (base === undefined) return undefined;
    const group = on.flatMap((b, k) => (b === base ? [k] : []));
    return { on: base, slot: group.indexOf(i) + 1, of: group.length + 1, exact: liesOn(lines[i]!, lines[base]!) };
  });
}

const DASH_PX = 8;

/** The dash of a line lying on another: one dash in `of`, shifted to its slot, so that each line of the course shows in turn. */
export function dashOf(coincidence: Coincidence): { dash: number[]; dashOffset: number } {
  return { dash: [DASH_PX, DASH_PX * (coincidence.of - 1)], dashOffset: DASH_PX * (coincidence.of - coincidence.slot) };
}
