import type { MetricTable } from '../metrics/metric-table.js';

export const METRICS_CSV_HEADER = 'tick,date,metric,entity,value';

/** Tidy rows, tick by tick, metrics and entities in recording order; absent values are left out. */
export function metricsCsv(table: MetricTable): string {
  const lines = [METRICS_CSV_HEADER];
  const names = table.metricNames();
  for (let tick = 0; tick < table.dates.length; tick++) {
    const date = table.dates[tick]!;
    for (const metric of names) {
      for (const [entity, values] of table.series(metric)) {
        const value = values[tick]!;
        if (Number.isFinite(value)) lines.push(`${tick},${date},${metric},${entity},${value}`);
      }
    }
  }
  return `${lines.join('\n')}\n`;
}
