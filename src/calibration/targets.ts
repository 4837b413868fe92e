import { monthIndex } from '../engine/calendar.js';
import type { MetricTable } from '../metrics/metric-table.js';

/**
 * The 2023–2024 figures configs/baseline.json must reproduce, each as a band, with its source.
 * `measure` reads the figure off a run's metrics; NaN when the run does not cover it.
 */
export interface CalibrationTarget {
  readonly name: string;
  readonly low: number;
  readonly high: number;
  readonly source: string;
  measure(table: MetricTable): number;
}

function valueAt(table: MetricTable, metric: string, entity: string, month: string): number {
  const tick = table.dates.indexOf(month);
  return tick < 0 ? Number.NaN : (table.series(metric).get(entity)?.[tick] ?? Number.NaN);
}

/** Sum of a monthly metric over [from, to], NaN if a month is missing. */
function sumOver(table: MetricTable, metric: string, entity: string, from: string, to: string): number {
  let sum = 0;
  for (let m = monthIndex(from); m <= monthIndex(to); m++) {
    const tick = table.dates.findIndex((d) => monthIndex(d) === m);
    if (tick < 0) return Number.NaN;
    sum += table.series(metric).get(entity)?.[tick] ?? Number.NaN;
  }
  return sum;
}

function meanOver(table: MetricTable, metric: string, entity: string, from: string, to: string): number {
  return sumOver(table, metric, entity, from, to) / (monthIndex(to) - monthIndex(from) + 1);
}

/** Largest value of a metric over [from, to] across every entity that has it. */
function maxOver(table: MetricTable, metric: string, from: string, to: string): number {
  let max = -Infinity;
  for (const values of table.series(metric).values()) {
    table.dates.forEach((date, tick) => {
      const m = monthIndex(date);
      if (m >= monthIndex(from) && m <= monthIndex(to) && Number.isFinite(values[tick]!)) max = Math.max(max, values[tick]!);
    });
  }
  return max;
}

const ratio2024 = (table: MetricTable, part: string, vendor: string) =>
  sumOver(table, part, vendor, '2024-01', '2024-12') / sumOver(table, 'vendor.revenue_usd', vendor, '2024-01', '2024-12');

export const CALIBRATION_TARGETS: readonly CalibrationTarget[] = [
  {
    name: 'anthropic gross margin, 2023-12',
    low: 0.48,
    high: 0.57,
    source: 'The Information via the seed article: 50–55 % in December 2023',
    measure: (t) => valueAt(t, 'vendor.gross_margin', 'anthropic', '2023-12'),
  },
  {
    name: 'anthropic gross margin, mean of 2024-09..2024-12',
    low: 0.33,
    high: 0.43,
    source: 'The Information via the seed article: 38 % in autumn 2024',
    measure: (t) => meanOver(t, 'vendor.gross_margin', 'anthropic', '2024-09', '2024-12'),
  },
  {
    name: 'openai share of 2024 revenue from subscriptions',
    low: 0.66,
    high: 0.8,
    source: 'seed article: ~73 % subscriptions, 27 % API',
    measure: (t) => ratio2024(t, 'vendor.revenue_subscription_usd', 'openai'),
  },
  {
    name: 'anthropic share of 2024 revenue from subscriptions',
    low: 0.08,
    high: 0.22,
    source: 'seed article: ~15 % subscriptions, 85 % API',
    measure: (t) => ratio2024(t, 'vendor.revenue_subscription_usd', 'anthropic'),
  },
  {
    name: 'anthropic share of 2024 revenue through cloud marketplaces',
    low: 0.6,
    high: 0.75,
    source: 'seed article (AlphaSense expert): 60–75 % through third-party APIs, mainly AWS',
    measure: (t) => ratio2024(t, 'vendor.revenue_marketplace_usd', 'anthropic'),
  },
  {
    name: 'anthropic ARR at 2024-12, USD',
    low: 0.75e9,
    high: 1.25e9,
    source: 'seed article: ~$1B ARR by the end of 2024',
    measure: (t) => valueAt(t, 'vendor.arr_usd', 'anthropic', '2024-12'),
  },
  {
    name: 'openai ARR at 2024-12, USD',
    low: 3.75e9,
    high: 6.25e9,
    source: 'seed article: ~$5B ARR by the end of 2024',
    measure: (t) => valueAt(t, 'vendor.arr_usd', 'openai', '2024-12'),
  },
  {
    name: 'openai enterprise share at 2024-12',
    low: 0.28,
    high: 0.4,
    source: 'Menlo Ventures 2024: OpenAI 34 % of enterprise LLM usage',
    measure: (t) => valueAt(t, 'vendor.enterprise_share', 'openai', '2024-12'),
  },
  {
    name: 'anthropic enterprise share at 2024-12',
    low: 0.18,
    high: 0.3,
    source: 'Menlo Ventures 2024: Anthropic 24 %',
    measure: (t) => valueAt(t, 'vendor.enterprise_share', 'anthropic', '2024-12'),
  },
  {
    name: 'meta (open weights) enterprise share at 2024-12',
    low: 0.1,
    high: 0.25,
    source: 'Menlo Ventures 2023–2024: open-source models ~19 % of usage',
    measure: (t) => valueAt(t, 'vendor.enterprise_share', 'meta', '2024-12'),
  },
  {
    name: 'highest vendor gross margin in any month of 2024 (below 0.70)',
    low: Number.NEGATIVE_INFINITY,
    high: 0.7,
    source: 'seed article: LLM vendors’ margins sit below SaaS’s 70–90 %',
    measure: (t) => maxOver(t, 'vendor.gross_margin', '2024-01', '2024-12'),
  },
];
