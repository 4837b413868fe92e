import { meanTableAbsentAsZero, statTable, type EnsembleTable } from '../ensemble/ensemble-table.js';
import type { MetricTable } from '../metrics/metric-table.js';

/**
 * What a chart reads: one run's metrics, or an ensemble's statistics. Every chart spec draws both,
 * under the same file name: a line is the run's value, or the mean of the runs with their 5th–95th
 * percentile shaded; a bar of sums or holdings is the run's, or the runs' mean counting a run
 * without a value as 0 (the mean of sums is the sum of means).
 */
export interface ChartData {
  /** "YYYY-MM" of each month. */
  readonly dates: readonly string[];
  /** 1 for a single run. */
  readonly runs: number;
  /** "8 runs (seeds 1–8)", for subtitles; undefined for a single run. */
  readonly runsNote?: string;
  /** What lines draw: the run's values, or the mean over the runs that have a value there. */
  readonly lines: MetricTable;
  /** What sums and holdings draw: the run's values, or the runs' mean with a missing value as 0. */
  readonly sums: MetricTable;
  /** The runs' 5th and 95th percentiles of a series; undefined for a single run. */
  band(metric: string, entity: string): { readonly low: Float64Array; readonly high: Float64Array } | undefined;
}

/** One run: lines and sums are its own values, without bands. */
export function singleRun(table: MetricTable): ChartData {
  return { dates: table.dates, runs: 1, lines: table, sums: table, band: () => undefined };
}

/** An ensemble (simulate --runs N): means, bands of the 5th to 95th percentile. */
export function ensembleOfRuns(ensemble: EnsembleTable, runsNote: string): ChartData {
  if (ensemble.runs <= 1) return singleRun(statTable(ensemble, 'mean'));
  return {
    dates: ensemble.dates,
    runs: ensemble.runs,
    runsNote,
    lines: statTable(ensemble, 'mean'),
    sums: meanTableAbsentAsZero(ensemble),
    band: (metric, entity) => {
      const stats = ensemble.series(metric).get(entity);
      return stats ? { low: stats.p5, high: stats.p95 } : undefined;
    },
  };
}

/** The subtitle line an ensemble's line charts add; none for a single run. */
export function bandNote(data: ChartData): string[] {
  return data.runsNote === undefined ? [] : [`Lines: mean of ${data.runsNote}; shaded: 5th to 95th percentile of the runs`];
}

/** The subtitle line an ensemble's charts of sums and holdings add; none for a single run. */
export function meanNote(data: ChartData): string[] {
  return data.runsNote === undefined ? [] : [`Mean of ${data.runsNote}, a run without a value counting as 0`];
}
