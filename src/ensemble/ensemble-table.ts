import type { MetricTable } from '../metrics/metric-table.js';
import { sampleStats, type StatName } from './quantiles.js';

/**
 * An ensemble's time series: for every (metric, entity, tick), the mean, 5th, 50th and 95th
 * percentiles over the runs that recorded a value there, and how many did. Built once every run is
 * in, from the runs in seed order, so it is the same whatever order the runs finished in.
 */
export interface CellStats {
  readonly mean: Float64Array;
  readonly p5: Float64Array;
  readonly p50: Float64Array;
  readonly p95: Float64Array;
  /** Runs with a finite value at each tick; the statistics are NaN where it is 0. */
  readonly count: Uint32Array;
}

export interface EnsembleTable {
  /** "YYYY-MM" of each tick, as in a single run. */
  readonly dates: readonly string[];
  readonly runs: number;
  /** Metric names in the order the runs first recorded them (run 0 first). */
  metricNames(): readonly string[];
  /** Entity → statistics per tick; entities in first-recorded order. */
  series(metric: string): ReadonlyMap<string, CellStats>;
}

/** Every (metric, entity) any run recorded, in the order run 0, then run 1, … first recorded them. */
export function unionOfCells(runs: readonly MetricTable[]): Map<string, string[]> {
  const cells = new Map<string, string[]>();
  for (const run of runs) {
    for (const metric of run.metricNames()) {
      let entities = cells.get(metric);
      if (!entities) cells.set(metric, (entities = []));
      for (const entity of run.series(metric).keys()) if (!entities.includes(entity)) entities.push(entity);
    }
  }
  return cells;
}

/** The dates of the longest run (runs of one scenario all have the same). */
function datesOf(runs: readonly MetricTable[]): readonly string[] {
  return runs.reduce<readonly string[]>((longest, run) => (run.dates.length > longest.length ? run.dates : longest), []);
}

/** Statistics of one cell's values, where `valueAt(run, tick)` reads run `run` at `tick`. */
export function cellStats(runCount: number, ticks: number, valueAt: (run: number, tick: number) => number): CellStats {
  const stats: CellStats = {
    mean: new Float64Array(ticks),
    p5: new Float64Array(ticks),
    p50: new Float64Array(ticks),
    p95: new Float64Array(ticks),
    count: new Uint32Array(ticks),
  };
  const values = new Float64Array(runCount);
  for (let tick = 0; tick < ticks; tick++) {
    for (let run = 0; run < runCount; run++) values[run] = valueAt(run, tick);
    const at = sampleStats(values);
    stats.mean[tick] = at?.mean ?? Number.NaN;
    stats.p5[tick] = at?.p5 ?? Number.NaN;
    stats.p50[tick] = at?.p50 ?? Number.NaN;
    stats.p95[tick] = at?.p95 ?? Number.NaN;
    stats.count[tick] = at?.count ?? 0;
  }
  return stats;
}

/** The statistics of runs given in seed order. */
export function summariseRuns(runs: readonly MetricTable[]): EnsembleTable {
  const dates = datesOf(runs);
  const columns = new Map<string, Map<string, CellStats>>();
  for (const [metric, entities] of unionOfCells(runs)) {
    const byEntity = new Map<string, CellStats>();
    for (const entity of entities) {
      const perRun = runs.map((run) => run.series(metric).get(entity));
      byEntity.set(
        entity,
        cellStats(runs.length, dates.length, (run, tick) => (tick < runs[run]!.dates.length ? (perRun[run]?.[tick] ?? Number.NaN) : Number.NaN)),
      );
    }
    columns.set(metric, byEntity);
  }
  return {
    dates,
    runs: runs.length,
    metricNames: () => [...columns.keys()],
    series: (metric) => columns.get(metric) ?? new Map(),
  };
}

/** One statistic of an ensemble read as a metric table, e.g. the means, for charts drawn from a single table. */
export function statTable(ensemble: EnsembleTable, stat: StatName): MetricTable {
  return {
    dates: ensemble.dates,
    metricNames: () => ensemble.metricNames(),
    series: (metric) => new Map([...ensemble.series(metric)].map(([entity, stats]) => [entity, stats[stat]])),
  };
}

/**
 * Run by run changes of one cell, other − base or other / base − 1,, on a common axis of dates: run i of one scenario
 * against run i of the other. With the same seeds the runs share their random draws (common random
 * numbers), so the spread of the differences is the effect of the change, not of the draws.
 */
export function pairedDifferences(options: {
  readonly base: readonly MetricTable[];
  readonly other: readonly MetricTable[];
  readonly metric: string;
  readonly entity: string;
  readonly dates: readonly string[];
  /** "difference": other − base; "relative": other / base − 1, for prices, which move by factors. */
  readonly change?: 'difference' | 'relative';
}): CellStats {
  const { base, other, metric, entity, dates } = options;
  const relative = options.change === 'relative';
  const runs = Math.min(base.length, other.length);
  const reader = (tables: readonly MetricTable[]) =>
    tables.slice(0, runs).map((table) => {
      const column = table.series(metric).get(entity);
      const index = new Map(table.dates.map((date, tick) => [date, tick]));
      return (date: string) => {
        const tick = index.get(date);
        return tick === undefined || !column ? Number.NaN : column[tick]!;
      };
    });
  const baseAt = reader(base);
  const otherAt = reader(other);
  return cellStats(runs, dates.length, (run, tick) => {
    const [a, b] = [baseAt[run]!(dates[tick]!), otherAt[run]!(dates[tick]!)];
    return relative ? (a > 0 ? b / a - 1 : Number.NaN) : b - a;
  });
}

/**
 * The runs' mean with a missing value counted as 0, for flows and holdings a run may simply not
 * have (no revenue of that kind, no contract with that cloud): what bar charts of sums draw. A cell
 * no run recorded stays missing.
 */
export function meanTableAbsentAsZero(ensemble: EnsembleTable): MetricTable {
  return {
    dates: ensemble.dates,
    metricNames: () => ensemble.metricNames(),
    series: (metric) =>
      new Map(
        [...ensemble.series(metric)].map(([entity, stats]) => [
          entity,
          stats.mean.map((mean, tick) => (stats.count[tick] === 0 ? Number.NaN : (mean * stats.count[tick]!) / ensemble.runs)),
        ]),
      ),
  };
}
