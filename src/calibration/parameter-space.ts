import type { FreeParameter } from './target-file.js';

/**
 * The free parameters as a unit cube: each parameter's range mapped to [0, 1], evenly on its own
 * scale (a log-scale range over orders of magnitude is searched evenly in its logarithm).
 */
export interface ParameterSpace {
  readonly free: readonly FreeParameter[];
  /** The parameter values of a point of the unit cube. */
  toValues(unit: readonly number[]): number[];
  /** Where parameter values sit in the unit cube (clamped to it). */
  toUnit(values: readonly number[]): number[];
}

export function parameterSpace(free: readonly FreeParameter[]): ParameterSpace {
  const value = (p: FreeParameter, u: number) => {
    const [low, high] = p.range;
    return p.scale === 'log' ? Math.exp(Math.log(low) + u * (Math.log(high) - Math.log(low))) : low + u * (high - low);
  };
  const unit = (p: FreeParameter, v: number) => {
    const [low, high] = p.range;
    const u = p.scale === 'log' ? (Math.log(v) - Math.log(low)) / (Math.log(high) - Math.log(low)) : (v - low) / (high - low);
    return Math.min(1, Math.max(0, u));
  };
  return {
    free,
    toValues: (u) => free.map((p, i) => value(p, u[i]!)),
    toUnit: (v) => free.map((p, i) => unit(p, v[i]!)),
  };
}
