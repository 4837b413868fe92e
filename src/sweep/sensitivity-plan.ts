import type { Scenario } from '../config/parse-scenario.js';
import type { Distribution } from '../config/uncertain-schema.js';
import { declaredEnds } from './declared-range.js';
import { applySettings } from './param-range.js';
import { uncertainFactors, type UncertainFactor } from './uncertain-draws.js';
import { numericPolicyParams, type PolicyParam } from './policy-params.js';

/**
 * One-at-a-time sensitivity: every numeric parameter of every policy in the scenario, moved down
 * and up by a relative change (±20 % by default) while everything else stays put, each side kept
 * within the range the policy's own schema allows; a parameter the scenario declares uncertain
 * moves to the ends of its declared range instead (declared-range.ts), which says where it comes from.
 */

/** Sensitivity's relative change, ±20 %: the range of a policy parameter no range is declared for. */
export const DEFAULT_CHANGE = 0.2;

export type Side = 'low' | 'high';

export interface SensitivityCase {
  readonly path: string;
  readonly side: Side;
  readonly value: number;
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
}

export interface SensitivityPlan {
  /** The parameters that move, with the value of each side that could move (undefined: it cannot). */
  readonly params: readonly SensitivityParam[];
  /** Sides or whole parameters left out, and why. */
  readonly skipped: readonly { readonly path: string; readonly reason: string }[];
  /** What runs besides the base: the moved sides, in parameter order, low before high. */
  readonly cases: readonly SensitivityCase[];
}

/** value × (1 ± change), rounded for whole-number params and kept within the param's bounds. */
export function movedValue(param: PolicyParam, side: Side, change: number): number {
  let value = param.value * (side === 'low' ? 1 - change : 1 + change);
  if (param.bounds.integer) value = Math.round(value);
  if (param.bounds.min !== undefined) value = Math.max(value, param.bounds.min);
  if (param.bounds.max !== undefined) value = Math.min(value, param.bounds.max);
  return Number(value.toPrecision(12));
}

/** `only`: path prefixes ("vendors.openai", "enterprises") that keep a parameter; all when empty. */
export function sensitivityPlan(scenario: Scenario, change: number, only: readonly string[] = []): SensitivityPlan {
  const kept = numericPolicyParams(scenario).filter(
    (param) => only.length === 0 || only.some((prefix) => param.path === prefix || param.path.startsWith(`${prefix}.`)),
  );
  const params: SensitivityParam[] = [];
  const skipped: { path: string; reason: string }[] = [];
  const cases: SensitivityCase[] = [];
  const declared = declaredFactors(scenario);
  for (const factor of declared.values()) {
    if (!kept.some((param) => param.path === factor.path) && (only.length === 0 || only.some((prefix) => factor.path === prefix || factor.path.startsWith(`${prefix}.`)))) {
      skipped.push({ path: factor.path, reason: 'declared uncertain, but not a policy parameter: sensitivity moves policy parameters only (simulate --uncertain draws it)' });
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
    if (param.value === 0) {
      skipped.push({ path: param.path, reason: 'it is 0, which a relative change leaves at 0' });
      continue;
    }
    const entry: { param: PolicyParam; low?: number; high?: number } = { param };
    for (const side of ['low', 'high'] as const) {
      const value = movedValue(param, side, change);
      if (value === param.value) {
        const bound = side === 'low' ? param.bounds.min : param.bounds.max;
        const why = bound === param.value ? `it is at the ${side === 'low' ? 'minimum' : 'maximum'} of its range` : 'it is a whole number too small to move by rounding';
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
