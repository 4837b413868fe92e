import { createHash } from 'node:crypto';
import type { Scenario } from '../config/parse-scenario.js';
import type { MetricTable } from '../metrics/metric-table.js';
import { canonicalJson } from '../batch/canonical-json.js';
import { primaryClouds, type PrimaryCloud } from './history-report.js';

/** Metrics whose last month is reported as a final KPI, per entity. */
export const FINAL_KPIS = [
  'vendor.enterprise_share',
  'vendor.arr_usd',
  'vendor.gross_margin',
  'vendor.price_usd_per_mtok',
  'vendor.capacity_shortfall',
  'cloud.ai_revenue_usd',
  'cloud.asic_share',
  'market.hhi',
  'market.avg_price_usd_per_mtok',
  'market.adoption_rate',
  'market.production_rate',
] as const;

/** Flow metrics summed over the whole run. */
export const TOTAL_KPIS = ['market.switches', 'cloud.ai_revenue_usd', 'vendor.revenue_usd'] as const;

export interface Summary {
  readonly scenario: string;
  readonly description: string;
  readonly seed: number;
  readonly ticks: number;
  readonly start: string;
  readonly end: string;
  readonly configHash: string;
  readonly final: Record<string, Record<string, number>>;
  readonly totals: Record<string, Record<string, number>>;
  /** Each vendor's primary cloud at the end: where most of its compute money went over the last 12 months. */
  readonly primaryCloud: Record<string, PrimaryCloud>;
}

export function configHash(resolved: Scenario): string {
  return `sha256:${createHash('sha256').update(canonicalJson(resolved)).digest('hex')}`;
}

export function buildSummary(resolved: Scenario, table: MetricTable): Summary {
  const last = table.dates.length - 1;
  const final: Record<string, Record<string, number>> = {};
  for (const metric of FINAL_KPIS) {
    const byEntity: Record<string, number> = {};
    for (const [entity, values] of table.series(metric)) {
      const value = values[last];
      if (value !== undefined && Number.isFinite(value)) byEntity[entity] = value;
    }
    final[metric] = byEntity;
  }
  const totals: Record<string, Record<string, number>> = {};
  for (const metric of TOTAL_KPIS) {
    const byEntity: Record<string, number> = {};
    for (const [entity, values] of table.series(metric)) {
      let sum = 0;
      for (let t = 0; t <= last; t++) if (Number.isFinite(values[t]!)) sum += values[t]!;
      byEntity[entity] = sum;
    }
    totals[metric] = byEntity;
  }
  return {
    scenario: resolved.name,
    description: resolved.description,
    seed: resolved.seed,
    ticks: resolved.months,
    start: resolved.start,
    end: table.dates[last] ?? resolved.start,
    configHash: configHash(resolved),
    final,
    totals,
    primaryCloud: primaryClouds(table),
  };
}
