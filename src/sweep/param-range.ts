import { parseScenario, type Scenario } from '../config/parse-scenario.js';
import { canonicalPath, formatSegments, numbersAtPath, withValueAt, type PathResult } from './param-path.js';
import { formatRangeEnd, readRangeEnds, timesBaseField, timesBaseValue } from './times-base.js';

/**
 * `--param <path>=<from>:<to>:<steps>[:log]`: `steps` values from `from` to `to`, both included,
 * evenly spaced, or with `log` evenly on a log scale (a constant ratio from one to the next: a range
 * over orders of magnitude, 1e4:1e6:3:log is 1e4, 1e5, 1e6). `×from:×to` gives factors on each
 * number's own value instead (times-base.ts).
 */
export interface ParamRange {
  readonly path: string;
  readonly from: number;
  readonly to: number;
  readonly steps: number;
  /** Present, 'log', for a logarithmic grid. */
  readonly scale?: 'log';
  /** Present, true, when from and to are factors on each number's own value. */
  readonly timesBase?: true;
}

/** One parameter set to one value, or with `timesBase` each number it names multiplied by it. */
export interface ParamSetting {
  readonly path: string;
  readonly value: number;
  readonly timesBase?: true;
}

export const MAX_STEPS = 1000;
/** Points of a whole grid; each point runs --runs seeds. */
export const MAX_POINTS = 10_000;
export const MAX_SWEPT_PARAMS = 2;

const RANGE_EXAMPLE = 'enterprises.policies.switching.params.paybackMonths=3:24:4';
const FACTOR_EXAMPLE = 'enterprises.segments.*.switchingCostUsd.median=×0.1:×10:5:log';

export function parseParamRange(text: string): PathResult<ParamRange> {
  const equals = text.lastIndexOf('=');
  const bad = (why: string): PathResult<ParamRange> => ({
    success: false,
    message: `--param ${text}: ${why}; write <path>=<from>:<to>:<steps> or <path>=<from>:<to>:<steps>:log, e.g. ${RANGE_EXAMPLE}, or factors on the scenario's values, e.g. ${FACTOR_EXAMPLE}`,
  });
  if (equals <= 0) return bad('no "=" between the path and the range');
  const path = text.slice(0, equals).trim();
  const parts = text.slice(equals + 1).split(':');
  if (parts.length !== 3 && parts.length !== 4) return bad(`the range must have three or four parts separated by ":", found ${parts.length}`);
  if (parts.length === 4 && parts[3]!.trim() !== 'log') return bad(`the fourth part may only be "log", found "${parts[3]}"`);
  const ends = readRangeEnds(parts.slice(0, 2));
  if (!ends.success) return bad(ends.message);
  const [from, to] = ends.value.values;
  const steps = parts[2]!.trim() === '' ? Number.NaN : Number(parts[2]);
  if (!Number.isFinite(from!) || !Number.isFinite(to!)) return bad('from and to must be numbers, or factors written ×0.5');
  if (!Number.isInteger(steps!) || steps! < 2 || steps! > MAX_STEPS) return bad(`steps must be a whole number from 2 to ${MAX_STEPS}`);
  if (from === to) return bad('from and to are equal, so every step would be the same value');
  if (parts.length === 4 && (from! <= 0 || to! <= 0)) return bad(`a log grid needs ${ends.value.timesBase ? 'factors' : 'from and to'} above 0`);
  if (path === 'seed') return { success: false, message: `--param ${text}: the seed is not a parameter; use --seed and --runs` };
  return {
    success: true,
    value: { path, from: from!, to: to!, steps, ...(parts.length === 4 ? { scale: 'log' as const } : {}), ...timesBaseField(ends.value.timesBase) },
  };
}

/** The range's values, rounded to 12 significant digits so 0.1:0.3:3 gives 0.2, not 0.20000000000000004. */
export function rangeValues(range: ParamRange): number[] {
  return Array.from({ length: range.steps }, (_, i) => {
    const value =
      range.scale === 'log'
        ? Math.exp(Math.log(range.from) + ((Math.log(range.to) - Math.log(range.from)) * i) / (range.steps - 1))
        : range.from + ((range.to - range.from) * i) / (range.steps - 1);
    return Number(value.toPrecision(12));
  });
}

/** Every combination of the ranges' values, the first parameter varying slowest. */
export function sweepGrid(ranges: readonly ParamRange[]): ParamSetting[][] {
  return ranges.reduce<ParamSetting[][]>(
    (points, range) => points.flatMap((point) => rangeValues(range).map((value) => [...point, { path: range.path, value, ...timesBaseField(range.timesBase) }])),
    [[]],
  );
}

export function gridSize(ranges: readonly ParamRange[]): number {
  return ranges.reduce((size, range) => size * range.steps, 1);
}

/**
 * The scenario with these settings, validated again as a whole, as if the file had said so: a
 * value out of its range, or one that breaks a rule spanning fields, is a message naming the path.
 * A path with `*` sets every number it reaches to the value (param-path.ts); a setting `timesBase`
 * multiplies each by it instead, from the scenario's own value (no two settings name one number).
 */
export function applySettings(scenario: Scenario, settings: readonly ParamSetting[]): PathResult<Scenario> {
  let json: unknown = scenario;
  // Each number a factor moved, by its path as the schema's problems name it: "0.58 × 2 = 1.16".
  const scaled = new Map<string, string>();
  for (const setting of settings) {
    const targets = numbersAtPath(json, setting.path);
    if (!targets.success) return targets;
    for (const target of targets.value) {
      const value = setting.timesBase ? timesBaseValue(target.value, setting.value) : setting.value;
      if (setting.timesBase) scaled.set(formatSegments(target.segments), `${target.value} × ${setting.value} = ${value}`);
      json = withValueAt(json, target.segments, value);
    }
  }
  const parsed = parseScenario(json);
  if (parsed.success) return { success: true, value: parsed.scenario };
  const shown = settings.map((s) => `${s.path}=${formatRangeEnd(s.value, s.timesBase)}`).join(', ');
  const problems = parsed.problems.map((p) => `${p.path}${scaled.has(p.path) ? ` (${scaled.get(p.path)})` : ''}: ${p.message}`).join('; ');
  return { success: false, message: `${shown} is not a valid scenario: ${problems}` };
}

/**
 * The ranges with each path in its one canonical spelling (vendors[0].quality is
 * vendors.openai.quality), so that the job, its rows and its labels name each parameter one way;
 * a parameter given twice, however spelt, is refused: the first axis would have no effect.
 */
export function canonicalRanges(scenario: Scenario, ranges: readonly ParamRange[]): PathResult<ParamRange[]> {
  const seen = new Map<string, string>();
  const canonical: ParamRange[] = [];
  for (const range of ranges) {
    const path = canonicalPath(scenario, range.path);
    if (!path.success) return { success: false, message: `--param ${path.message}` };
    const overlap = firstOverlap(scenario, seen, range.path, path.value);
    if (overlap !== undefined) return { success: false, message: `${overlap}: sweep each parameter once (two --param make a grid of two different parameters)` };
    canonical.push({ ...range, path: path.value });
  }
  return { success: true, value: canonical };
}

/**
 * Whether a parameter (`path`, canonical `canonical`) names a number an earlier one named, `*`
 * counted: the message saying which, else undefined, and the numbers it names recorded in `seen`
 * (each number's canonical path → the --param text that named it).
 */
export function firstOverlap(scenario: Scenario, seen: Map<string, string>, path: string, canonical: string): string | undefined {
  const numbers = numbersAtPath(scenario, canonical);
  const named = numbers.success ? numbers.value.map((n) => n.path) : [canonical];
  for (const number of named) {
    const earlier = seen.get(number);
    if (earlier === undefined) continue;
    if (earlier === path) return `--param ${path} is given twice`;
    return `--param ${earlier} and --param ${path} name the same parameter, ${number}`;
  }
  for (const number of named) seen.set(number, path);
  return undefined;
}
