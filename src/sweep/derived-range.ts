import type { ParamBounds } from './policy-params.js';

/**
 * The range a parameter moves over when no range is declared for it (no `uncertain` entry, no
 * --param interval): derived from its valid range, never ± a share of its value. ±20 % of a
 * multiplier that must stay at least 1 (a training step of 1.05) makes it 1.00, so the step does
 * nothing, or 1.26, five times its gain; ±20 % of a share of 0.9 that must stay at most 1 reaches
 * 1.08. Each side instead moves the parameter's distance from the bound(s) it lives against by a
 * factor F = 1 + change (1.5 by default), on the scale its bounds give it:
 *
 * - `odds`, both bounds L..U (shares, probabilities, weights with a cap): its place between them,
 *   p = (v − L)/(U − L), as odds p/(1 − p), divided or multiplied by F. A share of 0.5 moves to
 *   0.4 and 0.6 (±20 % at the middle, as before), one of 0.05 to 0.034 and 0.073, one of 0.9 to
 *   0.857 and 0.931: never past a bound, and small and large shares move in proportion to what
 *   they have left. At a bound the odds are 0 or infinite, so the one side that can move goes in
 *   by as far as the middle would, (F/(1 + F) − 1/2) of the range (a tenth for F = 1.5).
 * - `excess`, a lower bound L only (money, counts, multipliers at least 1, markups above −1): its
 *   excess over L divided or multiplied by F, L + (v − L)/F and L + (v − L) F. For L = 0 that is
 *   v/F to vF, symmetric on a log scale, as a positive quantity known within a factor is; a
 *   multiplier of 1.05 at least 1 moves to 1.033 and 1.075. At L (no excess) it cannot move.
 * - `shortfall`, an upper bound U only: its shortfall below U, as `excess` mirrored.
 * - `relative`, no bound: ± change × |v| (0 cannot move).
 *
 * A whole-number parameter is rounded, and moved one step where rounding would leave it where it
 * is; a side that lands on the value, or outside the range, cannot move.
 */

/** sensitivity's change: each side moves a parameter's distance from its bound by a factor 1 + change. */
export const DEFAULT_CHANGE = 0.5;
/** A factor of 10 at most: beyond it a "range" is orders of magnitude, for --param with :log. */
export const MAX_CHANGE = 9;

export type RangeScale = 'odds' | 'excess' | 'shortfall' | 'relative';

export type Side = 'low' | 'high';

export interface DerivedValue {
  /** The moved value; undefined where that side cannot move, and `why` says so. */
  readonly value?: number;
  readonly why?: string;
}

export function rangeScale(bounds: ParamBounds): RangeScale {
  if (bounds.min !== undefined && bounds.max !== undefined) return 'odds';
  if (bounds.min !== undefined) return 'excess';
  if (bounds.max !== undefined) return 'shortfall';
  return 'relative';
}

const precise = (value: number) => Number(value.toPrecision(12));

/** The value before rounding, or a reason it has no scale to move on. */
function continuousValue(value: number, bounds: ParamBounds, side: Side, factor: number): number | string {
  const up = side === 'high';
  const { min, max } = bounds;
  const scale = rangeScale(bounds);
  switch (scale) {
    case 'odds': {
      const width = max! - min!;
      const place = (value - min!) / width;
      const inward = factor / (1 + factor) - 0.5;
      if (place <= 0) return up ? min! + inward * width : 'it is at the minimum of its range';
      if (place >= 1) return up ? 'it is at the maximum of its range' : max! - inward * width;
      const odds = (place / (1 - place)) * (up ? factor : 1 / factor);
      return min! + (odds / (1 + odds)) * width;
    }
    case 'excess':
      if (value <= min!) return `it is at its lower bound, ${min}, and its range has no upper bound: no excess over the bound to scale`;
      return min! + (value - min!) * (up ? factor : 1 / factor);
    case 'shortfall':
      if (value >= max!) return `it is at its upper bound, ${max}, and its range has no lower bound: no shortfall below the bound to scale`;
      return max! - (max! - value) * (up ? 1 / factor : factor);
    case 'relative':
      if (value === 0) return 'it is 0 and its range has no bound: nothing to scale';
      return value + (up ? 1 : -1) * (factor - 1) * Math.abs(value);
    default: {
      const never: never = scale;
      return never;
    }
  }
}

/** One side of a parameter with no declared range, moved by the factor 1 + change on its scale. */
export function derivedValue(param: { readonly value: number; readonly bounds: ParamBounds }, side: Side, change: number): DerivedValue {
  const moved = continuousValue(param.value, param.bounds, side, 1 + change);
  if (typeof moved === 'string') return { why: moved };
  let value = precise(moved);
  if (param.bounds.integer) {
    value = Math.round(value);
    if (value === param.value) value += side === 'high' ? 1 : -1;
    const { min, max } = param.bounds;
    if ((min !== undefined && value < min) || (max !== undefined && value > max)) return { why: `it is a whole number at the ${side === 'low' ? 'minimum' : 'maximum'} of its range` };
  }
  return value === param.value ? { why: 'the factor moves it by less than its precision' } : { value };
}

/** "its odds in 0..1 ÷/× 1.5", "its excess over 1 ÷/× 1.5": the rule as report.md and sensitivity.csv state it. */
export function describeDerivedRange(bounds: ParamBounds, change: number): string {
  const factor = precise(1 + change);
  const whole = bounds.integer ? ' (whole numbers)' : '';
  const scale = rangeScale(bounds);
  switch (scale) {
    case 'odds':
      return `its odds within ${bounds.min}..${bounds.max} ÷/× ${factor}${whole}`;
    case 'excess':
      return bounds.min === 0 ? `its value ÷/× ${factor} (no upper bound)${whole}` : `its excess over ${bounds.min} ÷/× ${factor}${whole}`;
    case 'shortfall':
      return `its shortfall below ${bounds.max} ×/÷ ${factor}${whole}`;
    case 'relative':
      return `±${precise(change * 100)}% of its value (no bound)${whole}`;
    default: {
      const never: never = scale;
      return never;
    }
  }
}
