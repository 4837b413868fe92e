import type { Scenario } from '../config/parse-scenario.js';
import { canonicalPath, numbersAtPath, type PathResult } from './param-path.js';
import { applySettings, firstOverlap } from './param-range.js';
import { numericPolicyParams } from './policy-params.js';
import { readRangeEnds, timesBaseField } from './times-base.js';

/**
 * `--param <path>=<low>:<high>[:log]`: a parameter of a global analysis (sobol, morris) and the
 * interval it is uncertain over, uniform on it or, with `log`, uniform on its logarithm (a range
 * over orders of magnitude). A column of the unit-cube design maps to the interval; a whole-number
 * field (a policy parameter its schema says is an integer) takes each whole number of the interval
 * with equal weight. `×low:×high` makes the interval one of factors on each number's own value
 * (times-base.ts): a path with `*` then scales every number it reaches, keeping their ratios.
 */

export type ParamScale = 'linear' | 'log';

export interface IntervalParam {
  readonly path: string;
  readonly low: number;
  readonly high: number;
  readonly scale: ParamScale;
  readonly integer: boolean;
  /** Present, true, when low and high are factors on each number's own value. */
  readonly timesBase?: true;
}

/** How many parameters a kind takes, and what it says when given too few. */
export interface ParamCount {
  readonly min: number;
  readonly max: number;
  readonly tooFew: (given: number) => string;
}

const PARAM_EXAMPLE = 'enterprises.policies.switching.params.paybackMonths=3:24';
const FACTOR_EXAMPLE = 'enterprises.segments.*.switchingCostUsd.median=×0.1:×10:log';

/** Reads one --param; the path is checked against a scenario later (`checkIntervalParams`). */
export function parseIntervalParam(text: string): PathResult<Omit<IntervalParam, 'integer'>> {
  const equals = text.lastIndexOf('=');
  const bad = (why: string): PathResult<Omit<IntervalParam, 'integer'>> => ({
    success: false,
    message: `--param ${text}: ${why}; write <path>=<low>:<high> or <path>=<low>:<high>:log, e.g. ${PARAM_EXAMPLE}, or factors on the scenario's values, e.g. ${FACTOR_EXAMPLE}`,
  });
  if (equals <= 0) return bad('no "=" between the path and the range');
  const path = text.slice(0, equals).trim();
  if (path === 'seed') return { success: false, message: `--param ${text}: the seed is not a parameter; use --seed and --runs` };
  const parts = text.slice(equals + 1).split(':');
  if (parts.length !== 2 && parts.length !== 3) return bad(`the range must have two or three parts separated by ":", found ${parts.length}`);
  if (parts.length === 3 && parts[2]!.trim() !== 'log') return bad(`the third part may only be "log", found "${parts[2]}"`);
  const ends = readRangeEnds(parts.slice(0, 2));
  if (!ends.success) return bad(ends.message);
  const [low, high] = ends.value.values;
  if (!Number.isFinite(low!) || !Number.isFinite(high!)) return bad('low and high must be numbers, or factors written ×0.5');
  if (!(low! < high!)) return bad('low must be below high');
  const scale: ParamScale = parts.length === 3 ? 'log' : 'linear';
  if (scale === 'log' && low! <= 0) return bad(`a log range needs ${ends.value.timesBase ? 'a low factor' : 'low'} above 0`);
  return { success: true, value: { path, low: low!, high: high!, scale, ...timesBaseField(ends.value.timesBase) } };
}

/** The parameter's value at position `unit` in [0, 1) of its interval, rounded to 12 significant digits. */
export function valueAt(param: IntervalParam, unit: number): number {
  if (param.integer) {
    const [low, high] = [Math.ceil(param.low), Math.floor(param.high)];
    return Math.min(high, low + Math.floor(unit * (high - low + 1)));
  }
  const value = param.scale === 'log' ? Math.exp(Math.log(param.low) + unit * (Math.log(param.high) - Math.log(param.low))) : param.low + unit * (param.high - param.low);
  return Number(value.toPrecision(12));
}

/** "0.05 to 0.3, uniform", "3–24, whole numbers", "×0.1 to ×10 of each value in the scenario, log-uniform": an interval as a report shows it. */
export function describeInterval(param: IntervalParam): string {
  if (param.integer) return `${Math.ceil(param.low)}–${Math.floor(param.high)}, whole numbers`;
  const spread = param.scale === 'log' ? ', log-uniform' : ', uniform';
  if (param.timesBase) return `×${param.low} to ×${param.high} of each value in the scenario${spread}`;
  return `${param.low} to ${param.high}${spread}`;
}

/**
 * The parameters with each path in its canonical spelling and whole-number fields known, or the
 * first problem: a path naming no number, a parameter given twice, an interval whose ends the
 * scenario's schema refuses (the same message as sweep's), too few or too many parameters.
 */
export function checkIntervalParams(scenario: Scenario, params: readonly Omit<IntervalParam, 'integer'>[], count: ParamCount): PathResult<IntervalParam[]> {
  if (params.length < count.min) return { success: false, message: count.tooFew(params.length) };
  if (params.length > count.max) return { success: false, message: `at most ${count.max} --param at a time, got ${params.length}` };
  const integers = new Set(numericPolicyParams(scenario).filter((p) => p.bounds.integer).map((p) => p.path));
  const seen = new Map<string, string>();
  const checked: IntervalParam[] = [];
  for (const param of params) {
    const path = canonicalPath(scenario, param.path);
    if (!path.success) return { success: false, message: `--param ${path.message}` };
    const targets = numbersAtPath(scenario, path.value);
    if (!targets.success) return { success: false, message: `--param ${targets.message}` };
    const overlap = firstOverlap(scenario, seen, param.path, path.value);
    if (overlap !== undefined) return { success: false, message: `${overlap}: give each parameter once` };
    // A path with `*` is whole-number when every number it moves is.
    const integer = targets.value.every((target) => integers.has(target.path));
    if (integer && param.timesBase) {
      return { success: false, message: `--param ${param.path}: a whole-number parameter takes values (${param.path}=${Math.ceil(targets.value[0]!.value / 2)}:${targets.value[0]!.value * 2}), not factors, which would make fractions of it` };
    }
    if (integer && Math.ceil(param.low) > Math.floor(param.high)) {
      return { success: false, message: `--param ${param.path}: a whole-number parameter, and no whole number lies from ${param.low} to ${param.high}` };
    }
    for (const value of intervalEnds({ ...param, integer })) {
      const applied = applySettings(scenario, [{ path: path.value, value, ...timesBaseField(param.timesBase) }]);
      if (!applied.success) return { success: false, message: `--param ${applied.message}` };
    }
    // In the order a manifest records it, so a job read back is byte for byte the one built.
    checked.push({ path: path.value, low: param.low, high: param.high, scale: param.scale, integer, ...timesBaseField(param.timesBase) });
  }
  const corners = checkPairCorners(scenario, checked.map((p) => ({ path: p.path, ends: intervalEnds(p), ...timesBaseField(p.timesBase) })));
  return corners === undefined ? { success: true, value: checked } : { success: false, message: corners };
}

/** Parameters up to which every pair's four corners are checked (k(k − 1)/2 × 4 scenarios, 480 for 16). */
const CHECK_PAIRS_UP_TO = 16;

/**
 * A rule spanning two fields (one bound below another) that some point of the box breaks: such a
 * rule, linear in the two, is broken at one of their four corners if anywhere, so checking those
 * finds it up front rather than in the middle of the runs.
 */
export function checkPairCorners(scenario: Scenario, params: readonly { readonly path: string; readonly ends: readonly number[]; readonly timesBase?: true }[], flag = '--param'): string | undefined {
  if (params.length > CHECK_PAIRS_UP_TO) return undefined;
  const ends = params.map((p) => p.ends);
  for (let i = 0; i < params.length; i++) {
    for (let j = i + 1; j < params.length; j++) {
      for (const a of ends[i]!) {
        for (const b of ends[j]!) {
          const [p, q] = [params[i]!, params[j]!];
          const applied = applySettings(scenario, [
            { path: p.path, value: a, ...timesBaseField(p.timesBase) },
            { path: q.path, value: b, ...timesBaseField(q.timesBase) },
          ]);
          if (!applied.success) return `${flag}: ${applied.message}`;
        }
      }
    }
  }
  return undefined;
}

/** The lowest and highest value the interval takes. */
export function intervalEnds(param: IntervalParam): [number, number] {
  return param.integer ? [Math.ceil(param.low), Math.floor(param.high)] : [param.low, param.high];
}
