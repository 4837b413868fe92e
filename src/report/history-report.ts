import type { Scenario } from '../config/parse-scenario.js';
import { eventLabel } from '../config/event-label.js';
import type { MetricTable } from '../metrics/metric-table.js';
import { entityNames } from './kpi-catalog.js';
import { formatMoney, mdTable, monthName } from './kpi-format.js';

/**
 * What report.md and summary.json say of a run's history: the scripted events it ran through,
 * where each vendor's compute money went by the end, and, for a merger, the merged business's
 * combined revenue and margin.
 */

/** The last `months` ticks of a table, as indexes. */
function lastMonths(table: MetricTable, months: number): number[] {
  const end = table.dates.length;
  return Array.from({ length: Math.min(months, end) }, (_, i) => end - Math.min(months, end) + i);
}

function sumOver(table: MetricTable, metric: string, entity: string, ticks: readonly number[]): number {
  const values = table.series(metric).get(entity);
  if (!values) return 0;
  return ticks.reduce((sum, t) => sum + (Number.isFinite(values[t]!) ? values[t]! : 0), 0);
}

export interface PrimaryCloud {
  readonly cloud: string;
  /** Its share of the vendor's compute spend over the run's last 12 months. */
  readonly spendShare: number;
}

/** Each closed vendor's primary cloud at the end: the one its compute money went to most over the last 12 months. */
export function primaryClouds(table: MetricTable): Record<string, PrimaryCloud> {
  const ticks = lastMonths(table, 12);
  const byVendor = new Map<string, Map<string, number>>();
  for (const pair of table.series('contract.spend_usd').keys()) {
    const [vendor, cloud] = pair.split('@') as [string, string];
    const spend = sumOver(table, 'contract.spend_usd', pair, ticks);
    if (spend <= 0) continue;
    const clouds = byVendor.get(vendor) ?? new Map<string, number>();
    clouds.set(cloud, (clouds.get(cloud) ?? 0) + spend);
    byVendor.set(vendor, clouds);
  }
  const result: Record<string, PrimaryCloud> = {};
  for (const [vendor, clouds] of byVendor) {
    const total = [...clouds.values()].reduce((a, b) => a + b, 0);
    const [cloud, spend] = [...clouds].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]!;
    result[vendor] = { cloud, spendShare: spend / total };
  }
  return result;
}

/** The scripted events the run went through, as a table: month, label, what, source. */
export function scriptedEventsSection(scenario: Scenario, end: string): string {
  const names = entityNames(scenario);
  const name = (id: string) => names.get(id) ?? id;
  const within = scenario.events.filter((e) => e.date <= end);
  if (within.length === 0) return '';
  const later = scenario.events.length - within.length;
  const rows = [...within]
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    .map((e) => [monthName(e.date), eventLabel(e, name), e.type, e.note ?? '']);
  const window = scenario.history ? ` Until ${monthName(scenario.history.until)} model releases and investment rounds are the record's; the agents' own after.` : '';
  const branch = scenario.branchesAt ? ` The scenario branches from its parent in ${monthName(scenario.branchesAt)}: before that it is the parent's run exactly.` : '';
  return [
    '## Scripted history',
    `${within.length} dated events happen in this run${later > 0 ? ` (${later} more are dated after it ends)` : ''}; each becomes the bus events an agent's decision would have produced, in events.jsonl.${window}${branch}`,
    mdTable(['Month', 'Event', 'Type', 'Source'], rows, ['l', 'l', 'l', 'l']),
  ].join('\n\n');
}

/** Where each vendor's compute money went over the last 12 months, and what it still owes. */
export function tiesSection(scenario: Scenario, table: MetricTable): string {
  const names = entityNames(scenario);
  const primaries = primaryClouds(table);
  const last = table.dates.length - 1;
  const rows = Object.entries(primaries).map(([vendor, { cloud, spendShare }]) => {
    const owed = table.series('vendor.commitments_remaining_usd').get(vendor)?.[last];
    return [names.get(vendor) ?? vendor, names.get(cloud) ?? cloud, `${(100 * spendShare).toFixed(0)} %`, owed !== undefined && owed > 0 ? formatMoney(owed) : '–'];
  });
  if (rows.length === 0) return '';
  return [
    `## Compute ties at ${monthName(table.dates[last]!)}`,
    'Each vendor’s primary cloud is the one its compute spend (inference, training, commitments) went to most over the last 12 months.',
    mdTable(['Vendor', 'Primary cloud', 'Its share of compute spend', 'Committed spend still owed'], rows, ['l', 'l', 'r', 'r']),
    lateDeliveries(scenario, table),
  ]
    .filter((part) => part !== '')
    .join('\n\n');
}

/** Contracts that called for more than the cloud had, while the rest was built: how much, how long. */
function lateDeliveries(scenario: Scenario, table: MetricTable): string {
  const names = entityNames(scenario);
  const rows = [...table.series('contract.undelivered_mtok')].flatMap(([pair, values]) => {
    const months = [...values].flatMap((v, t) => (Number.isFinite(v) && v > 0 ? [t] : []));
    if (months.length === 0) return [];
    const [vendor, cloud] = pair.split('@') as [string, string];
    const most = Math.max(...months.map((t) => values[t]!));
    return [[`${names.get(vendor) ?? vendor} @ ${names.get(cloud) ?? cloud}`, `${monthName(table.dates[months[0]!]!)} – ${monthName(table.dates[months.at(-1)!]!)}`, `${months.length}`, `${most.toExponential(2)} MTok/month`]];
  });
  if (rows.length === 0) return '';
  return [
    'Capacity delivered late: contracts that called for more than the cloud’s fleet held, while the cloud built the rest (`contract.undelivered_mtok`).',
    mdTable(['Contract', 'Short from – to', 'Months short', 'Largest shortfall'], rows, ['l', 'l', 'r', 'r']),
  ].join('\n\n');
}

/**
 * A merged cloud and vendor as one company over the run's last 12 months: revenue from outside the
 * pair (the vendor's sales, the cloud's AI revenue from everyone else) and what it costs (the
 * cloud's fleet, the vendor's compute and revenue shares paid to other clouds).
 */
export function mergedPairFigures(table: MetricTable, vendor: string, cloud: string): { revenueUsd: number; marginShare: number } {
  const ticks = lastMonths(table, 12);
  const sum = (metric: string, entity: string) => sumOver(table, metric, entity, ticks);
  const elsewhere = (metric: string) =>
    [...table.series(metric).keys()].filter((p) => p.startsWith(`${vendor}@`) && p !== `${vendor}@${cloud}`).reduce((total, p) => total + sum(metric, p), 0);
  const inside = sum('contract.spend_usd', `${vendor}@${cloud}`) + sum('contract.revenue_share_usd', `${vendor}@${cloud}`);
  const revenueUsd = sum('vendor.revenue_usd', vendor) + sum('cloud.ai_revenue_usd', cloud) - inside;
  const outside = elsewhere('contract.spend_usd') + elsewhere('contract.revenue_share_usd');
  const costUsd = sum('cloud.fleet_cost_usd', cloud) + outside;
  return { revenueUsd, marginShare: revenueUsd > 0 ? 1 - costUsd / revenueUsd : Number.NaN };
}

/**
 * For each merger the run went through, the merged business's combined revenue and margin: one row
 * per merged vendor, so its revenue is counted once. A merger happened when its acquirer holds the
 * whole vendor at the end (`stake.share`); one the run skipped is left out.
 */
export function mergersSection(scenario: Scenario, table: MetricTable): string {
  const end = table.dates.at(-1) ?? scenario.start;
  const last = table.dates.length - 1;
  const mergedVendors = new Set<string>();
  const mergers = scenario.events.filter((e): e is Extract<Scenario['events'][number], { type: 'merger' }> => {
    if (e.type !== 'merger' || e.date > end || mergedVendors.has(e.vendor)) return false;
    const held = table.series('stake.share').get(`${e.cloud}@${e.vendor}`)?.[last] ?? 0;
    if (held < 1 - 1e-9) return false;
    mergedVendors.add(e.vendor);
    return true;
  });
  if (mergers.length === 0) return '';
  const names = entityNames(scenario);
  const rows = mergers.map((m) => {
    const { revenueUsd, marginShare } = mergedPairFigures(table, m.vendor, m.cloud);
    return [`${names.get(m.cloud) ?? m.cloud} + ${names.get(m.vendor) ?? m.vendor}`, monthName(m.date), formatMoney(revenueUsd), Number.isFinite(marginShare) ? `${(100 * marginShare).toFixed(1)} %` : '–'];
  });
  return [
    '## Merged businesses',
    'Over the last 12 months, the cloud and the vendor as one company: revenue from outside the pair (the vendor’s sales, the cloud’s AI revenue from everyone else); margin = 1 − (the cloud’s whole fleet cost + compute and revenue shares the vendor pays other clouds) / that revenue.',
    mdTable(['Merged pair', 'Since', 'Combined AI revenue, last 12 months', 'Combined margin'], rows, ['l', 'l', 'r', 'r']),
  ].join('\n\n');
}
