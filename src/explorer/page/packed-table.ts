import type { MetricTable } from '../../metrics/metric-table.js';

/**
 * A run's metric table as the worker posts it to the page (structured clone keeps the
 * Float64Arrays whole), and views of it: the table unpacked, and its first months only, which is
 * what stepping, playing and scrubbing show (a run is causal: its first months are those of the
 * run stopped there).
 */

export interface PackedTable {
  readonly dates: readonly string[];
  readonly metrics: readonly (readonly [string, readonly (readonly [string, Float64Array])[]])[];
}

/** The table as posted: its months so far (a run under way has recorded fewer than its columns hold). */
export function packTable(table: MetricTable): PackedTable {
  const months = table.dates.length;
  return {
    dates: [...table.dates],
    metrics: table.metricNames().map((name) => [name, [...table.series(name)].map(([entity, values]) => [entity, values.slice(0, months)] as const)] as const),
  };
}

export function unpackTable(packed: PackedTable): MetricTable {
  const byMetric = new Map(packed.metrics.map(([name, series]) => [name, new Map(series)]));
  const names = packed.metrics.map(([name]) => name);
  return { dates: packed.dates, metricNames: () => names, series: (metric) => byMetric.get(metric) ?? new Map() };
}

/** The table's first `months` months. */
export function firstMonths(table: MetricTable, months: number): MetricTable {
  if (months >= table.dates.length) return table;
  const dates = table.dates.slice(0, months);
  const cut = new Map<string, ReadonlyMap<string, Float64Array>>();
  return {
    dates,
    metricNames: () => table.metricNames(),
    series: (metric) => {
      let series = cut.get(metric);
      if (series === undefined) {
        series = new Map([...table.series(metric)].map(([entity, values]) => [entity, values.subarray(0, months)]));
        cut.set(metric, series);
      }
      return series;
    },
  };
}
