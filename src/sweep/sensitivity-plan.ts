import type { Scenario } from '../config/parse-scenario.js';
import type { Distribution } from '../config/uncertain-schema.js';
import { declaredEnds } from './declared-range.js';
import { applySettings } from './param-range.js';
import { hasWildcard, numbersAtPath } from './param-path.js';
import { uncertainFactors, type UncertainFactor } from './uncertain-draws.js';
import { numericPolicyParams, type PolicyParam } from './policy-params.js';
import { derivedValue, rangeScale, type RangeScale, type Side } from './derived-range.js';
import { timesBaseField } from './times-base.js';

/**
 * One-at-a-time sensitivity: every numeric parameter of every policy in the scenario, moved down
 * and up while everything else stays put: a parameter the scenario declares uncertain to the ends
 * of its declared range (declared-range.ts), which says where it comes from; any other over the
 * range its valid range gives it (derived-range.ts: its distance from its bounds ÷/× 1 + change).
 */

export { DEFAULT_CHANGE, type Side } from './derived-range.js';

export interface SensitivityCase {
  readonly path: string;
  readonly side: Side;
  readonly value: number;
  /** Present when the value is a factor on each number's own value (times-base.ts). */
  readonly timesBase?: true;
}

/** A parameter moved over the range its scenario declares uncertain, rather than ± the change. */
export interface DeclaredRange {
  readonly distribution: Distribution;
  readonly source: string;
}

export interface SensitivityParam {
  readonly param: PolicyParam;
  readonly low?: number;
  readonly high?: number;
  /** Present when the sides are the ends of a declared range. */
  readonly declared?: DeclaredRange;
  /** Present when the sides are the ends of a --param interval. */
  readonly given?: true;
  /** Present when those ends are factors on each number's own value (×low:×high); its value is then 1. */
  readonly timesBase?: true;
  /** Otherwise, the scale its range was derived on (derived-range.ts). */
  readonly scale?: RangeScale;
}

export interface SensitivityPlan {
  /** The parameters that move, with the value of each side that could move (undefined: it cannot). */
  readonly params: readonly SensitivityParam[];
  /** Sides or whole parameters left out, and why. */
  readonly skipped: readonly { readonly path: string; readonly reason: string }[];
  /** What runs besides the base: the moved sides, in parameter order, low before high. */
  readonly cases: readonly SensitivityCase[];
}

/** A --param interval of sensitivity: the parameter (any number, `*` allowed) moves to its ends. */
export interface GivenRange {
  readonly path: string;
  readonly low: number;
  readonly high: number;
  /** Present when low and high are factors on each number's own value. */
  readonly timesBase?: true;
}

/**
 * `only`: path prefixes ("vendors.openai", "enterprises") that keep a parameter; all when empty.
 * `given`: --param intervals; when there are some, they alone move, each to its two ends.
 */
export function sensitivityPlan(scenario: Scenario, change: number, only: readonly string[] = [], given: readonly GivenRange[] = []): SensitivityPlan {
  if (given.length > 0) return givenPlan(scenario, given);
  const kept = numericPolicyParams(scenario).filter(
    (param) => only.length === 0 || only.some((prefix) => param.path === prefix || param.path.startsWith(`${prefix}.`)),
  );
  const params: SensitivityParam[] = [];
  const skipped: { path: string; reason: string }[] = [];
  const cases: SensitivityCase[] = [];
  const declared = declaredFactors(scenario);
  for (const factor of declared.values()) {
    if (!kept.some((param) => param.path === factor.path) && (only.length === 0 || only.some((prefix) => factor.path === prefix || factor.path.startsWith(`${prefix}.`)))) {
      skipped.push({
        path: factor.path,
        reason: hasWildcard(factor.path)
          ? 'declared uncertain with "*", several parameters moving as one factor: sensitivity moves one policy parameter at a time, over its own range (morris, sobol and discover move it as one)'
          : 'declared uncertain, but not a policy parameter: sensitivity moves policy parameters only (simulate --uncertain draws it)',
      });
    }
  }
  for (const param of kept) {
    const factor = declared.get(param.path);
    if (factor !== undefined) {
      const entry = declaredSides(scenario, param, factor, skipped);
      if (entry.low !== undefined) cases.push({ path: param.path, side: 'low', value: entry.low });
      if (entry.high !== undefined) cases.push({ path: param.path, side: 'high', value: entry.high });
      if (entry.low !== undefined || entry.high !== undefined) params.push(entry);
      continue;
    }
    const entry: { param: PolicyParam; low?: number; high?: number; scale: RangeScale } = { param, scale: rangeScale(param.bounds) };
    const moved = { low: derivedValue(param, 'low', change), high: derivedValue(param, 'high', change) };
    if (moved.low.value === undefined && moved.high.value === undefined && moved.low.why === moved.high.why) {
      skipped.push({ path: param.path, reason: `it cannot move: ${moved.low.why}` });
      continue;
    }
    for (const side of ['low', 'high'] as const) {
      const { value, why } = moved[side];
      if (value === undefined) {
        skipped.push({ path: param.path, reason: `its ${side} side cannot move: ${why}` });
        continue;
      }
      const applied = applySettings(scenario, [{ path: param.path, value }]);
      if (!applied.success) {
        skipped.push({ path: param.path, reason: `its ${side} side (${value}) is not a valid scenario: ${applied.message}` });
        continue;
      }
      entry[side] = value;
      cases.push({ path: param.path, side, value });
    }
    if (entry.low !== undefined || entry.high !== undefined) params.push(entry);
  }
  return { params, skipped, cases };
}

/** The scenario's uncertain parameters by canonical path (policy params are named canonically already). */
function declaredFactors(scenario: Scenario): Map<string, UncertainFactor> {
  const factors = uncertainFactors(scenario);
  return new Map(factors.success ? factors.value.map((factor) => [factor.path, factor]) : []);
}

/** A declared parameter's sides: the ends of its range, each that differs from the value and makes a valid scenario. */
function declaredSides(scenario: Scenario, param: PolicyParam, factor: UncertainFactor, skipped: { path: string; reason: string }[]): SensitivityParam {
  const ends = declaredEnds(factor.distribution, factor.bounds);
  let entry: SensitivityParam = { param, declared: { distribution: factor.distribution, source: factor.source } };
  for (const side of ['low', 'high'] as const) {
    const value = Number(ends[side].toPrecision(12));
    if (value === param.value) {
      skipped.push({ path: param.path, reason: `its ${side} side cannot move: its declared range ends at its value` });
      continue;
    }
    const applied = applySettings(scenario, [{ path: param.path, value }]);
    if (!applied.success) {
      skipped.push({ path: param.path, reason: `its ${side} side (${value}, an end of its declared range) is not a valid scenario: ${applied.message}` });
      continue;
    }
    entry = { ...entry, [side]: value };
  }
  return entry;
}

/**
 * The plan of --param intervals: each parameter to the low and the high end of its interval (a
 * path with `*` sets every number it reaches, as one factor), a side that is the value already
 * left out. Its value is the one the numbers share (NaN where they differ), or 1 for factors (the
 * scenario as it is: a factor of 1 is a side that cannot move); `bounds` say nothing (the interval
 * was checked against the field's).
 */
function givenPlan(scenario: Scenario, given: readonly GivenRange[]): SensitivityPlan {
  const params: SensitivityParam[] = [];
  const skipped: { path: string; reason: string }[] = [];
  const cases: SensitivityCase[] = [];
  for (const range of given) {
    const numbers = numbersAtPath(scenario, range.path);
    const values = numbers.success ? numbers.value.map((n) => n.value) : [];
    const same = range.timesBase === true || values.every((v) => v === values[0]);
    const value = range.timesBase ? 1 : same ? values[0]! : Number.NaN;
    const param: PolicyParam = { path: range.path, value, policyType: '', bounds: { integer: false } };
    let entry: SensitivityParam = { param, given: true, ...timesBaseField(range.timesBase) };
    for (const side of ['low', 'high'] as const) {
      const value = range[side];
      if (same && value === param.value) {
        skipped.push({ path: range.path, reason: `its ${side} side cannot move: the --param interval ends at its value` });
        continue;
      }
      entry = { ...entry, [side]: value };
      cases.push({ path: range.path, side, value, ...timesBaseField(range.timesBase) });
    }
    if (entry.low !== undefined || entry.high !== undefined) params.push(entry);
  }
  return { params, skipped, cases };
}
