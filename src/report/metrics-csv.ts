import type { EnsembleTable } from '../ensemble/ensemble-table.js';
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

export const ENSEMBLE_CSV_HEADER = 'tick,date,metric,entity,mean,p5,p50,p95,runs';

/** An ensemble's rows: each value's mean, 5th, 50th and 95th percentile over the runs that have it, and how many do. */
export function ensembleMetricsCsv(ensemble: EnsembleTable): string {
  const lines = [ENSEMBLE_CSV_HEADER];
  const names = ensemble.metricNames();
  for (let tick = 0; tick < ensemble.dates.length; tick++) {
    const date = ensemble.dates[tick]!;
    for (const metric of names) {
      for (const [entity, stats] of ensemble.series(metric)) {
        const runs = stats.count[tick]!;
        if (runs === 0) continue;
        lines.push(`${tick},${date},${metric},${entity},${stats.mean[tick]},${stats.p5[tick]},${stats.p50[tick]},${stats.p95[tick]},${runs}`);
      }
    }
  }
  return `${lines.join('\n')}\n`;
}
