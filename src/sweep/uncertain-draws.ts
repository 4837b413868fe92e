import { fieldBounds, type FieldBounds } from '../config/field-bounds.js';
import type { Scenario } from '../config/parse-scenario.js';
import type { Distribution } from '../config/uncertain-schema.js';
import { createRng } from '../engine/rng.js';
import { quantileOf } from './distribution-quantile.js';
import { canonicalPath, numbersAtPath, type PathResult } from './param-path.js';
import { applySettings, type ParamSetting } from './param-range.js';

/**
 * Drawing a scenario's uncertain parameters: draw k of a seed is the same values whatever else
 * runs, each parameter from its own random stream ("<seed>/uncertain/<path>/<k>"), so declaring
 * one more parameter leaves every other parameter's draws as they were, and an ensemble of N runs
 * holds the draws of a smaller one.
 */

/** An uncertain parameter as it is drawn: its one spelling, its distribution and its field's valid range. */
export interface UncertainFactor {
  /** Canonical path: vendors.openai.quality, never vendors[0].quality. */
  readonly path: string;
  readonly distribution: Distribution;
  readonly bounds?: FieldBounds;
  readonly source: string;
}

/** The scenario's uncertain parameters, in the order it declares them; none when it declares none. */
export function uncertainFactors(scenario: Scenario): PathResult<UncertainFactor[]> {
  const factors: UncertainFactor[] = [];
  for (const [index, parameter] of (scenario.uncertain ?? []).entries()) {
    const target = numbersAtPath(scenario, parameter.path);
    const path = canonicalPath(scenario, parameter.path);
    if (!target.success || !path.success) return { success: false, message: `uncertain[${index}].path: ${target.success ? (path as { message: string }).message : target.message}` };
    // A path with `*` moves numbers of one field (each segment's median): the first one's range is theirs.
    const bounds = fieldBounds(scenario, target.value[0]!.segments);
    factors.push({ path: path.value, distribution: parameter.distribution, ...(bounds !== undefined ? { bounds } : {}), source: parameter.source });
  }
  return { success: true, value: factors };
}

/** Draw `draw` (0, 1, …) of the factors under `seed`: one value per factor, in their order. */
export function drawUncertain(factors: readonly UncertainFactor[], seed: number, draw: number): ParamSetting[] {
  return factors.map((factor) => {
    const u = createRng(seed, `uncertain/${factor.path}/${draw}`).next();
    return { path: factor.path, value: quantileOf(factor.distribution, factor.bounds, u) };
  });
}

/**
 * The scenario with a draw's values, validated again as a whole: a rule spanning fields that a
 * combination of values breaks (a segment's lowest quality weight above its highest) is a message
 * naming the values.
 */
export function applyDraw(scenario: Scenario, draw: readonly ParamSetting[]): PathResult<Scenario> {
  return applySettings(scenario, draw);
}
