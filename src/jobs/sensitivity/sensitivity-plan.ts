import type { Scenario } from '../../config/parse-scenario.js';
import { applySettings } from '../../sweep/param-range.js';
import { numericPolicyParams, type PolicyParam } from '../../sweep/policy-params.js';

/**
 * One-at-a-time sensitivity: every numeric parameter of every policy in the scenario, moved down
 * and up by a relative change (±20 % by default) while everything else stays put, each side kept
 * within the range the policy's own schema allows.
 */

export type Side = 'low' | 'high';

export interface SensitivityCase {
  readonly path: string;
  readonly side: Side;
  readonly value: number;
}

export interface SensitivityPlan {
  /** The parameters that move, with the value of each side that could move (undefined: it cannot). */
  readonly params: readonly { readonly param: PolicyParam; readonly low?: number; readonly high?: number }[];
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
  const params: { param: PolicyParam; low?: number; high?: number }[] = [];
  const skipped: { path: string; reason: string }[] = [];
  const cases: SensitivityCase[] = [];
  for (const param of kept) {
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
