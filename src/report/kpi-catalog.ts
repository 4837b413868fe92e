import type { Scenario } from '../config/parse-scenario.js';
import { kpiKey, type KpiKind } from './kpi-keys.js';
import type { KpiUnit } from './kpi-format.js';

/**
 * The KPIs reports show, with a label and unit each, grouped by what they describe. They are the
 * summary's FINAL_KPIS and TOTAL_KPIS; order is the order of the tables.
 */

export interface KpiDefinition {
  readonly kind: KpiKind;
  readonly metric: string;
  readonly label: string;
  readonly unit: KpiUnit;
}

export const VENDOR_KPIS: readonly KpiDefinition[] = [
  { kind: 'final', metric: 'vendor.enterprise_share', label: 'Enterprise share', unit: 'share' },
  { kind: 'final', metric: 'vendor.arr_usd', label: 'ARR', unit: 'usd' },
  { kind: 'final', metric: 'vendor.gross_margin', label: 'Gross margin', unit: 'share' },
  { kind: 'final', metric: 'vendor.price_usd_per_mtok', label: 'API price per MTok', unit: 'price' },
  { kind: 'final', metric: 'vendor.capacity_shortfall', label: 'Capacity shortfall', unit: 'share' },
  { kind: 'total', metric: 'vendor.revenue_usd', label: 'Revenue, whole run', unit: 'usd' },
];

export const CLOUD_KPIS: readonly KpiDefinition[] = [
  { kind: 'final', metric: 'cloud.ai_revenue_usd', label: 'AI revenue, last month', unit: 'usd' },
  { kind: 'final', metric: 'cloud.asic_share', label: 'Own-ASIC share of fleet', unit: 'share' },
  { kind: 'total', metric: 'cloud.ai_revenue_usd', label: 'AI revenue, whole run', unit: 'usd' },
];

export const MARKET_KPIS: readonly KpiDefinition[] = [
  { kind: 'final', metric: 'market.hhi', label: 'HHI of token sellers', unit: 'count' },
  { kind: 'final', metric: 'market.avg_price_usd_per_mtok', label: 'Average token price per MTok', unit: 'price' },
  { kind: 'final', metric: 'market.adoption_rate', label: 'Enterprises adopted (pilot or production)', unit: 'share' },
  { kind: 'final', metric: 'market.production_rate', label: 'Enterprises in production', unit: 'share' },
  { kind: 'total', metric: 'market.switches', label: 'Model switches, whole run', unit: 'count' },
];

export const ALL_KPIS: readonly KpiDefinition[] = [...VENDOR_KPIS, ...CLOUD_KPIS, ...MARKET_KPIS];

/** A KPI of one entity, as a single number per run: what sweep charts, heatmaps and tornados plot. */
export interface ScalarKpi {
  readonly key: string;
  /** "OpenAI enterprise share", "HHI of token sellers" */
  readonly label: string;
  readonly unit: KpiUnit;
  /** A file-name stem: "enterprise-share-openai", "market-hhi". */
  readonly slug: string;
}

/** The vendor and cloud the one-entity KPIs follow. */
export interface FocusEntities {
  readonly vendor: string;
  readonly cloud: string;
}

/** Display names from the scenario ("Microsoft Azure"), the id where it gives none. */
export function entityNames(scenario: Scenario): Map<string, string> {
  return new Map([...scenario.vendors.map((v) => [v.id, v.name ?? v.id] as const), ...scenario.clouds.map((c) => [c.id, c.name ?? c.id] as const), ['market', 'market']]);
}

/** Key KPIs as single numbers: the focus vendor's share, ARR and margin, the focus cloud's AI revenue, and the market's. */
export function scalarKpis(focus: FocusEntities, names: ReadonlyMap<string, string>): ScalarKpi[] {
  const vendor = names.get(focus.vendor) ?? focus.vendor;
  const cloud = names.get(focus.cloud) ?? focus.cloud;
  return [
    { key: kpiKey('final', 'vendor.enterprise_share', focus.vendor), label: `${vendor} enterprise share`, unit: 'share', slug: `enterprise-share-${focus.vendor}` },
    { key: kpiKey('final', 'vendor.arr_usd', focus.vendor), label: `${vendor} ARR`, unit: 'usd', slug: `arr-${focus.vendor}` },
    { key: kpiKey('final', 'vendor.gross_margin', focus.vendor), label: `${vendor} gross margin`, unit: 'share', slug: `gross-margin-${focus.vendor}` },
    { key: kpiKey('final', 'cloud.ai_revenue_usd', focus.cloud), label: `${cloud} AI revenue per month`, unit: 'usd', slug: `cloud-ai-revenue-${focus.cloud}` },
    { key: kpiKey('final', 'market.hhi', 'market'), label: 'HHI of token sellers', unit: 'count', slug: 'market-hhi' },
    { key: kpiKey('final', 'market.avg_price_usd_per_mtok', 'market'), label: 'Average token price per MTok', unit: 'price', slug: 'avg-token-price' },
    { key: kpiKey('final', 'market.adoption_rate', 'market'), label: 'Enterprises adopted', unit: 'share', slug: 'adoption' },
    { key: kpiKey('total', 'market.switches', 'market'), label: 'Model switches over the run', unit: 'count', slug: 'switches' },
  ];
}

/**
 * The default focus vendor: the closed vendor (one with an ARR, whose economics the KPIs follow)
 * with the largest enterprise share in the given KPI means; open weights earn nothing per token.
 */
export function leadingClosedVendor(means: ReadonlyMap<string, number>): string | undefined {
  const share = new Map<string, number>();
  const closed = new Set<string>();
  for (const [key, value] of means) {
    const [kind, metric, entity] = key.split(':');
    if (kind !== 'final' || entity === undefined) continue;
    if (metric === 'vendor.enterprise_share') share.set(entity, value);
    if (metric === 'vendor.arr_usd') closed.add(entity);
  }
  return leaderOf(new Map([...share].filter(([vendor]) => closed.has(vendor))));
}

/** The entity with the largest value, ties to the first; undefined for none. */
export function leaderOf(values: ReadonlyMap<string, number> | Readonly<Record<string, number>>): string | undefined {
  const entries = values instanceof Map ? [...values] : Object.entries(values);
  let leader: [string, number] | undefined;
  for (const entry of entries) if (Number.isFinite(entry[1]) && (leader === undefined || entry[1] > leader[1])) leader = entry;
  return leader?.[0];
}

/**
 * KPI keys in table order: by definition (ALL_KPIS, then any other), entities in the scenario's
 * order (vendors, clouds, market), unknown entities last by name.
 */
export function orderKpiKeys(keys: Iterable<string>, scenario: Scenario): string[] {
  const definitions = ALL_KPIS.map((k) => `${k.kind}:${k.metric}`);
  const entities = [...scenario.vendors.map((v) => v.id), ...scenario.clouds.map((c) => c.id), 'market'];
  const rank = (key: string) => {
    const [kind, metric, entity] = key.split(':');
    const definition = definitions.indexOf(`${kind}:${metric}`);
    const entityRank = entities.indexOf(entity ?? '');
    return [definition < 0 ? definitions.length : definition, entityRank < 0 ? entities.length : entityRank] as const;
  };
  return [...keys].sort((a, b) => {
    const [da, ea] = rank(a);
    const [db, eb] = rank(b);
    return da - db || ea - eb || (a < b ? -1 : a > b ? 1 : 0);
  });
}
