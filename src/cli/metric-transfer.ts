import type { MetricTable } from '../metrics/metric-table.js';

/**
 * A metric table as plain data, to cross from the simulation's worker thread to the main thread:
 * the columns are Float64Arrays whose buffers move rather than copy.
 */
export interface MetricColumns {
  readonly dates: readonly string[];
  readonly metrics: readonly (readonly [metric: string, entities: readonly (readonly [entity: string, values: Float64Array])[]])[];
}

export function toColumns(table: MetricTable): MetricColumns {
  return {
    dates: [...table.dates],
    metrics: table.metricNames().map((metric) => [metric, [...table.series(metric)]] as const),
  };
}

/** The buffers to transfer with a postMessage of these columns. */
export function columnBuffers(columns: MetricColumns): ArrayBuffer[] {
  return columns.metrics.flatMap(([, entities]) => entities.map(([, values]) => values.buffer as ArrayBuffer));
}

export function fromColumns(columns: MetricColumns): MetricTable {
  const byMetric = new Map(columns.metrics.map(([metric, entities]) => [metric, new Map(entities)]));
  return {
    dates: columns.dates,
    metricNames: () => [...byMetric.keys()],
    series: (metric) => byMetric.get(metric) ?? new Map(),
  };
}
