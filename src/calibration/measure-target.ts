import { monthIndex } from '../engine/calendar.js';
import type { MetricTable } from '../metrics/metric-table.js';
import { targetWindow, type Target } from './target-file.js';

/**
 * A target's figure read off one run's metrics; NaN when the run does not cover its months, or
 * the entity has no such metric (an open-weights vendor has no price). Over a window, a month
 * without a value makes the sum and the mean NaN rather than a smaller number.
 */
export function measureTarget(target: Target, table: MetricTable): number {
  const { from, to } = targetWindow(target);
  const ticks = ticksOf(table, from, to);
  if (ticks === null) return Number.NaN;
  const columns = columnsOf(table, target.metric, target.entity);
  if (columns.length === 0) return Number.NaN;
  switch (target.aggregate) {
    case 'last':
      return columns[0]![ticks.at(-1)!]!;
    case 'growth':
      return columns[0]![ticks.at(-1)!]! / columns[0]![ticks[0]!]!;
    case 'max':
    case 'min': {
      const pick = target.aggregate === 'max' ? Math.max : Math.min;
      let best = Number.NaN;
      for (const column of columns) for (const tick of ticks) if (Number.isFinite(column[tick]!)) best = Number.isNaN(best) ? column[tick]! : pick(best, column[tick]!);
      return best;
    }
    case 'sum':
    case 'mean': {
      // A share of a total: the same aggregate of both, so a mean of shares weights no month more.
      const value = total(columns[0]!, ticks);
      if (target.per === undefined) return target.aggregate === 'sum' ? value : value / ticks.length;
      const per = columnsOf(table, target.per, target.entity);
      return per.length === 0 ? Number.NaN : value / total(per[0]!, ticks);
    }
  }
}

/** The ticks of months [from, to], or null when the run does not cover all of them. */
function ticksOf(table: MetricTable, from: string, to: string): number[] | null {
  const first = table.dates.length > 0 ? monthIndex(table.dates[0]!) : 0;
  const ticks: number[] = [];
  for (let m = monthIndex(from); m <= monthIndex(to); m++) {
    const tick = m - first;
    if (tick < 0 || tick >= table.dates.length) return null;
    ticks.push(tick);
  }
  return ticks;
}

function columnsOf(table: MetricTable, metric: string, entity: string): Float64Array[] {
  const series = table.series(metric);
  if (entity === '*') return [...series.values()];
  const column = series.get(entity);
  return column ? [column] : [];
}

function total(column: Float64Array, ticks: readonly number[]): number {
  let sum = 0;
  for (const tick of ticks) sum += column[tick]!;
  return sum;
}
