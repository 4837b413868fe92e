import type { Scenario } from '../../config/parse-scenario.js';
import { splitPath } from '../../sweep/param-path.js';
import type { ParamRange } from '../../sweep/param-range.js';
import { withTimesBase } from '../../sweep/times-base.js';
import type { Focus, Job } from '../job-kind.js';

/** A scenario over a grid of one or two parameters, every point with the same seeds. */
export interface SweepJob extends Job {
  readonly kind: 'sweep';
  readonly scenario: Scenario;
  readonly params: readonly ParamRange[];
  /** --at YYYY-MM: the month KPIs are read at (the runs stop there: `ticks` is set to it); the last month when absent. */
  readonly at?: string;
  readonly focus: Focus;
}

/** The last key of a path: "paybackMonths" for enterprises.policies.switching.params.paybackMonths. */
export function shortName(path: string): string {
  const split = splitPath(path);
  return split.success ? split.value.at(-1)! : path;
}

/** A swept parameter as its column, axes and report name it: its path, "(× base)" for factors. */
export function sweptName(range: Pick<ParamRange, 'path' | 'timesBase'>): string {
  return withTimesBase(range.path, range.timesBase);
}

/** The last key of a swept parameter's path, "(× base)" for factors: a table's column, a chart's title. */
export function sweptShortName(range: Pick<ParamRange, 'path' | 'timesBase'>): string {
  return withTimesBase(range.path.split('.').at(-1)!, range.timesBase);
}

/** Segments that only say where a number sits, not which one it is. */
const STRUCTURAL = new Set(['policies', 'params']);

/**
 * Which parameter a sweep's output folder is of: its path without "policies" and "params", the
 * last four parts, `*` as "all" ("openai.pricing.markup", "enterprises.switching.paybackMonths",
 * "segments.all.switchingCostUsd.median"), characters a folder name should not hold dropped;
 * ".times-base" after it when the sweep's values are factors, so the folder says they are not values.
 */
export function sweptSlug(range: Pick<ParamRange, 'path' | 'timesBase'>): string {
  const split = splitPath(range.path);
  if (!split.success) return range.path;
  const kept = split.value.filter((segment) => !STRUCTURAL.has(segment)).map((segment) => (segment === '*' ? 'all' : segment));
  const first = kept.length > 1 && (kept[0] === 'vendors' || kept[0] === 'clouds') ? 1 : 0;
  const slug = kept.slice(Math.max(first, kept.length - 4)).join('.').replace(/[^\w.-]/g, '');
  return range.timesBase ? `${slug}.times-base` : slug;
}
