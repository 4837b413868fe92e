import type { FieldBounds } from '../config/field-bounds.js';
import type { Distribution } from '../config/uncertain-schema.js';

/**
 * The value of an uncertain parameter's distribution at a probability u in [0, 1) (its inverse
 * distribution function): one uniform draw makes one value, so every draw takes the same number
 * of random numbers whatever its distribution, and a stratified u (a Latin hypercube) gives a
 * stratified sample of the parameter. A normal is truncated to the field's valid range; every
 * value is kept within that range, and a whole-number field takes the nearest whole number.
 */
export function quantileOf(distribution: Distribution, bounds: FieldBounds | undefined, u: number): number {
  const value = rawQuantile(distribution, bounds, u);
  return withinBounds(bounds?.integer ? Math.round(value) : value, bounds);
}

function rawQuantile(distribution: Distribution, bounds: FieldBounds | undefined, u: number): number {
  switch (distribution.type) {
    case 'uniform':
      return distribution.lo + u * (distribution.hi - distribution.lo);
    case 'log-uniform':
      return Math.exp(Math.log(distribution.lo) + u * (Math.log(distribution.hi) - Math.log(distribution.lo)));
    case 'triangular': {
      const { lo, mode, hi } = distribution;
      const atMode = (mode - lo) / (hi - lo);
      return u < atMode ? lo + Math.sqrt(u * (hi - lo) * (mode - lo)) : hi - Math.sqrt((1 - u) * (hi - lo) * (hi - mode));
    }
    case 'normal': {
      const { mean, sd } = distribution;
      const low = bounds?.min === undefined ? 0 : normalCdf((bounds.min - mean) / sd);
      const high = bounds?.max === undefined ? 1 : normalCdf((bounds.max - mean) / sd);
      const p = low + u * (high - low);
      if (p <= 0) return bounds?.min ?? Number.NEGATIVE_INFINITY;
      if (p >= 1) return bounds?.max ?? Number.POSITIVE_INFINITY;
      return mean + sd * inverseNormalCdf(p);
    }
    default: {
      const never: never = distribution;
      return never;
    }
  }
}

/** The value held within the field's range; on an exclusive bound, the nearest number inside it. */
export function withinBounds(value: number, bounds: FieldBounds | undefined): number {
  let held = value;
  const integer = bounds?.integer ?? false;
  if (bounds?.min !== undefined && held <= bounds.min) held = bounds.minExclusive ? inward(bounds.min, +1, integer) : bounds.min;
  if (bounds?.max !== undefined && held >= bounds.max) held = bounds.maxExclusive ? inward(bounds.max, -1, integer) : bounds.max;
  return held;
}

/** The number next to `bound` in `direction` (the next float, or whole number): what "above 0" allows closest to 0. */
function inward(bound: number, direction: 1 | -1, integer: boolean): number {
  if (integer) return Math.floor(bound) + (direction > 0 ? 1 : Number.isInteger(bound) ? -1 : 0);
  if (bound === 0) return direction * Number.MIN_VALUE;
  return bound + direction * Math.abs(bound) * Number.EPSILON;
}

/**
 * The standard normal distribution function, Φ(x) = erfc(−x/√2) / 2, erfc by Chebyshev fitting
 * (Numerical Recipes, 2nd ed., §6.2, erfcc: fractional error below 1.2e-7 everywhere).
 */
export function normalCdf(x: number): number {
  if (x === Number.NEGATIVE_INFINITY) return 0;
  if (x === Number.POSITIVE_INFINITY) return 1;
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * z);
  const erfc =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? 1 - erfc / 2 : erfc / 2;
}

/**
 * Φ⁻¹(p) for 0 < p < 1: Acklam's rational approximation (relative error below 1.15e-9), the
 * central region and the two tails.
 */
export function inverseNormalCdf(p: number): number {
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const tail = (q: number) => (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  const lowTail = 0.02425;
  if (p < lowTail) return tail(Math.sqrt(-2 * Math.log(p)));
  if (p > 1 - lowTail) return -tail(Math.sqrt(-2 * Math.log(1 - p)));
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) / (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
}
