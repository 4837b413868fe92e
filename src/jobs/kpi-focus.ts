import type { Scenario } from '../config/parse-scenario.js';
import type { KpiStats } from '../ensemble/kpi-samples.js';
import type { AxisUnit } from '../render/ensemble/band-parts.js';
import { entityNames, leaderOf, leadingClosedVendor, type FocusEntities } from '../report/kpi-catalog.js';
import type { KpiUnit } from '../report/kpi-format.js';

/** What sweeps and sensitivity share: which vendor and cloud their single-number KPIs follow, and axis units. */

/** A report unit as a chart axis unit (shares are drawn in percent). */
export function axisUnit(unit: KpiUnit): AxisUnit {
  return unit === 'price' ? 'price' : unit;
}

/** The focus vendor and cloud: as asked, else the largest on average over the given statistics. */
export function focusOf(asked: { vendor?: string; cloud?: string }, stats: readonly KpiStats[], scenario: Scenario): FocusEntities {
  const sums = new Map<string, number>();
  for (const at of stats) for (const [key, s] of at) sums.set(key, (sums.get(key) ?? 0) + s.mean);
  const prefix = 'final:cloud.ai_revenue_usd:';
  const clouds = new Map([...sums].filter(([key]) => key.startsWith(prefix)).map(([key, v]) => [key.slice(prefix.length), v] as const));
  return {
    vendor: asked.vendor ?? leadingClosedVendor(sums) ?? scenario.vendors[0]!.id,
    cloud: asked.cloud ?? leaderOf(clouds) ?? scenario.clouds[0]!.id,
  };
}

export function focusNote(asked: { vendor?: string; cloud?: string }, focus: FocusEntities, scenario: Scenario, where: string): string {
  const names = entityNames(scenario);
  const auto = asked.vendor === undefined || asked.cloud === undefined ? ` (unless chosen, the closed vendor with the largest enterprise share and the cloud with the largest AI revenue, ${where})` : '';
  return `Single-number KPIs of a vendor or a cloud follow ${names.get(focus.vendor) ?? focus.vendor} and ${names.get(focus.cloud) ?? focus.cloud}${auto}; choose others with --vendor and --cloud.`;
}
