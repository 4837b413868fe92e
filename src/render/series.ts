import type { MetricTable } from '../metrics/metric-table.js';
import { formatPeriod } from './format.js';
import { inPaletteOrder } from './palette.js';

/** Reading a MetricTable into what charts plot: only recorded ticks, NaN as a gap. */

/** An entity's column as chart.js values: null where the metric has no value, times `scale`. */
function chartValues(table: MetricTable, column: Float64Array, scale = 1): (number | null)[] {
  // Columns are sized for the planned run; a run that stopped early has fewer dates than slots.
  return Array.from(column.subarray(0, table.dates.length), (v) => (Number.isNaN(v) ? null : v * scale));
}

/** One entity's values for a metric; all gaps if the entity never recorded it. */
export function entityValues(table: MetricTable, metric: string, entity: string, scale = 1): (number | null)[] {
  const column = table.series(metric).get(entity);
  return column ? chartValues(table, column, scale) : table.dates.map(() => null);
}

/** The entities of a metric that have at least one value, in palette order. */
export function entitiesWithValues(table: MetricTable, metric: string): string[] {
  const series = table.series(metric);
  const ids = [...series.keys()].filter((id) => chartValues(table, series.get(id)!).some((v) => v !== null));
  return inPaletteOrder(ids);
}

/** The entities recorded for a metric that never had a value, e.g. a margin for a vendor that earned nothing. */
export function entitiesWithoutValues(table: MetricTable, metric: string): string[] {
  const withValues = new Set(entitiesWithValues(table, metric));
  return inPaletteOrder([...table.series(metric).keys()].filter((id) => !withValues.has(id)));
}

/** A run of consecutive ticks, [from, to). */
export interface TickWindow {
  readonly from: number;
  readonly to: number;
  /** "Jan 2025 – Dec 2025" */
  readonly period: string;
  readonly months: number;
}

/** The last `months` ticks of the run, or the whole run if it is shorter. */
export function trailingWindow(table: MetricTable, months: number): TickWindow {
  const to = table.dates.length;
  const from = Math.max(0, to - months);
  return { from, to, period: formatPeriod(table.dates[from]!, table.dates[to - 1]!), months: to - from };
}

/** The whole run as a window. */
export function wholeRun(table: MetricTable): TickWindow {
  return trailingWindow(table, table.dates.length);
}

/** Sum of a metric for one entity over a window; missing values count as 0 (a flow that did not occur). */
export function sumOver(table: MetricTable, metric: string, entity: string, window: TickWindow): number {
  const column = table.series(metric).get(entity);
  let total = 0;
  for (let tick = window.from; tick < window.to; tick++) {
    const value = column?.[tick] ?? Number.NaN;
    if (!Number.isNaN(value)) total += value;
  }
  return total;
}

/**
 * The entities of a metric whose every value is within `tolerance` of `value`, in palette order: e.g. a share at 0
 * throughout, whose lines all lie on top of each other.
 */
export function entitiesConstantAt(table: MetricTable, metric: string, value: number, tolerance = 1e-4): string[] {
  return entitiesWithValues(table, metric).filter((id) =>
    entityValues(table, metric, id).every((v) => v === null || Math.abs(v - value) <= tolerance),
  );
}
