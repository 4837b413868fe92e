import type { FieldBounds } from '../config/field-bounds.js';
import type { Distribution } from '../config/uncertain-schema.js';
import { withinBounds } from './distribution-quantile.js';

/**
 * The low and high ends of an uncertain parameter's declared distribution, for analyses that move
 * one parameter at a time (sensitivity): lo and hi of a bounded distribution; a normal's mean ± 2
 * standard deviations (its 2.3rd and 97.7th percentiles untruncated), held within the field's
 * valid range. Whole-number fields take the nearest whole number.
 */
export function declaredEnds(distribution: Distribution, bounds: FieldBounds | undefined): { low: number; high: number } {
  const [low, high] = distribution.type === 'normal' ? [distribution.mean - 2 * distribution.sd, distribution.mean + 2 * distribution.sd] : [distribution.lo, distribution.hi];
  const held = (value: number) => withinBounds(bounds?.integer ? Math.round(value) : value, bounds);
  return { low: held(low), high: held(high) };
}
