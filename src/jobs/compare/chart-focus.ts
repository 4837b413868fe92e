import type { EnsembleTable } from '../../ensemble/ensemble-table.js';
import type { AxisUnit } from '../../render/ensemble/band-parts.js';
import { formatCount, formatPercent, formatUsd } from '../../render/format.js';
import { entityStyle } from '../../render/palette.js';

/**
 * Which entity a comparison chart of a vendor's or a cloud's metric follows. The focus vendor and
 * cloud are chosen on the whole comparison (comparison-focus.ts); a metric the focus does not move
 * at all (Oracle builds no ASICs: its own-ASIC share is 0 in every month of every scenario) would
 * draw a flat line on an axis of nothing. Unless --vendor or --cloud asked for the focus, such a
 * chart follows the entity of that kind whose value of the metric ends highest in any scenario,
 * among those whose value moves, and says so; with none, or as asked, it keeps the focus and says
 * on the chart that the value is the same throughout.
 */

export type Course = { readonly kind: 'none' } | { readonly kind: 'flat'; readonly value: number } | { readonly kind: 'moves' };

/** Values this close, relative to their size, are one value (the rounding of sums, as in comparison.md). */
const RELATIVE_ROUNDING = 1e-9;

export function sameValue(a: number, b: number): boolean {
  return Math.abs(a - b) <= RELATIVE_ROUNDING * Math.max(Math.abs(a), Math.abs(b));
}

/** How an entity's monthly mean of a metric goes over every scenario: no value, one value throughout, or moving. */
export function courseOf(ensembles: readonly EnsembleTable[], metric: string, entity: string): Course {
  let first: number | undefined;
  for (const ensemble of ensembles) {
    const mean = ensemble.series(metric).get(entity)?.mean;
    if (!mean) continue;
    for (const value of mean) {
      if (Number.isNaN(value)) continue;
      if (first === undefined) first = value;
      else if (!sameValue(first, value)) return { kind: 'moves' };
    }
  }
  return first === undefined ? { kind: 'none' } : { kind: 'flat', value: first };
}

/** The highest last value of an entity's mean in any scenario. */
function endValue(ensembles: readonly EnsembleTable[], metric: string, entity: string): number {
  let best = Number.NEGATIVE_INFINITY;
  for (const ensemble of ensembles) {
    const mean = ensemble.series(metric).get(entity)?.mean ?? [];
    const last = [...mean].reverse().find((v) => !Number.isNaN(v));
    if (last !== undefined && last > best) best = last;
  }
  return best;
}

export interface ChartEntity {
  readonly entity: string;
  /** The focus's course when not "moves": the chart says it, and, when it follows another, why. */
  readonly focusCourse?: Course;
  /** The focus, when the chart follows another entity. */
  readonly insteadOf?: string;
}

export function chartEntity(options: {
  ensembles: readonly EnsembleTable[];
  metric: string;
  focus: string;
  /** Whether the user asked for the focus (--vendor, --cloud): then the chart keeps it. */
  asked: boolean;
}): ChartEntity {
  const { ensembles, metric, focus } = options;
  const course = courseOf(ensembles, metric, focus);
  if (course.kind === 'moves') return { entity: focus };
  if (options.asked) return { entity: focus, focusCourse: course };
  const candidates = [...new Set(ensembles.flatMap((e) => [...e.series(metric).keys()]))].filter(
    (id) => id !== focus && courseOf(ensembles, metric, id).kind === 'moves',
  );
  let best: { id: string; end: number } | undefined;
  for (const id of candidates) {
    const end = endValue(ensembles, metric, id);
    if (best === undefined || end > best.end) best = { id, end };
  }
  return best === undefined ? { entity: focus, focusCourse: course } : { entity: best.id, focusCourse: course, insteadOf: focus };
}

/** A recorded value as a chart shows it: "0%", "$1.2B", "2,000". */
export function formatValue(value: number, unit: AxisUnit): string {
  return unit === 'share' ? formatPercent(100 * value) : unit === 'count' || unit === 'count-log' ? formatCount(value) : formatUsd(value);
}

/**
 * What a chart says of a focus that does not move, and, when the chart follows another entity,
 * what comparison.md says of it: "Oracle's own-ASIC share of AI fleet is 0% in every month of
 * every scenario: this chart follows Google Cloud instead, the cloud whose … ends highest".
 */
export function courseNotes(options: { chosen: ChartEntity; focus: string; metricTitle: string; unit: AxisUnit; kind: 'vendor' | 'cloud' }): { chart?: string; report?: string } {
  const { chosen, focus, metricTitle, unit, kind } = options;
  const course = chosen.focusCourse;
  if (course === undefined || course.kind === 'moves') return {};
  const name = entityStyle(focus).name;
  const what =
    course.kind === 'none' ? `${name} has no ${metricTitle} in any scenario` : `${name}'s ${metricTitle} is ${formatValue(course.value, unit)} in every month of every scenario`;
  if (chosen.insteadOf === undefined) return { chart: what };
  const other = entityStyle(chosen.entity).name;
  return {
    chart: `${what}: this chart follows ${other} instead, the ${kind} whose ${metricTitle} ends highest`,
    report: `The charts of ${metricTitle} follow ${other} instead, the ${kind} whose ${metricTitle} ends highest: ${what}.`,
  };
}
