import { entityNames, leaderOf, leadingClosedVendor } from '../../report/kpi-catalog.js';
import { formatKpi } from '../../report/kpi-format.js';
import { kpiKey } from '../../report/kpi-keys.js';
import { pairedChange, type ComparedScenario } from './comparison-report.js';

/**
 * The vendor and cloud that a comparison's charts of one entity follow, unless --vendor and
 * --cloud say otherwise. A comparison asks what a scenario changes, so the vendor is the closed
 * vendor (one with an ARR) whose final enterprise share moved most against the first scenario, in
 * any of the others (the mean of the run-by-run changes); the cloud the one with the largest AI
 * revenue in the first scenario. With no share moved at all, the vendor is the largest.
 */
export interface ComparisonFocus {
  readonly vendor: string;
  readonly cloud: string;
  readonly vendorName: string;
  readonly cloudName: string;
  /** For comparison.md: which they are and why. */
  readonly note: string;
}

function closedVendors(scenarios: readonly ComparedScenario[]): string[] {
  const ids = scenarios.flatMap((s) => s.scenario.vendors.map((v) => v.id));
  return [...new Set(ids)].filter((id) => scenarios.some((s) => s.stats.has(kpiKey('final', 'vendor.arr_usd', id))));
}

/** The closed vendor whose share moved most, with the move; undefined when none moved. */
export function mostMovedVendor(scenarios: readonly ComparedScenario[]): { vendor: string; change: number; against: string } | undefined {
  const [first, ...others] = scenarios;
  if (!first) return undefined;
  let best: { vendor: string; change: number; against: string } | undefined;
  for (const vendor of closedVendors(scenarios)) {
    const key = kpiKey('final', 'vendor.enterprise_share', vendor);
    for (const other of others) {
      const change = pairedChange(first, other, key)?.mean;
      if (change === undefined || !Number.isFinite(change) || change === 0) continue;
      if (best === undefined || Math.abs(change) > Math.abs(best.change)) best = { vendor, change, against: other.label };
    }
  }
  return best;
}

export function comparisonFocus(asked: { vendor?: string; cloud?: string }, scenarios: readonly ComparedScenario[]): ComparisonFocus {
  const first = scenarios[0]!;
  const means = new Map([...first.stats].map(([key, s]) => [key, s.mean] as const));
  const moved = asked.vendor === undefined ? mostMovedVendor(scenarios) : undefined;
  const vendor = asked.vendor ?? moved?.vendor ?? leadingClosedVendor(means) ?? first.scenario.vendors[0]!.id;
  const prefix = 'final:cloud.ai_revenue_usd:';
  const cloudRevenue = new Map([...means].filter(([key]) => key.startsWith(prefix)).map(([key, v]) => [key.slice(prefix.length), v] as const));
  const cloud = asked.cloud ?? leaderOf(cloudRevenue) ?? first.scenario.clouds[0]!.id;
  const names = entityNames(first.scenario);
  const vendorName = names.get(vendor) ?? vendor;
  const cloudName = names.get(cloud) ?? cloud;
  const why = [
    asked.vendor === undefined
      ? moved
        ? `${vendorName} is the closed vendor whose enterprise share moved most against ${first.label} (${formatKpi(moved.change, 'share', true)} in ${moved.against})`
        : `${vendorName} is the closed vendor with the largest enterprise share in ${first.label}, no share having moved`
      : undefined,
    asked.cloud === undefined ? `${cloudName} has the largest AI revenue in ${first.label}` : undefined,
  ].filter((w) => w !== undefined);
  const note =
    `Charts of one vendor follow ${vendorName}, of one cloud ${cloudName}` +
    (why.length > 0 ? ` (${why.join('; ')}, at the end of the run)` : '') +
    '; choose others with --vendor and --cloud. Each chart of levels is followed by the change against the first scenario.';
  return { vendor, cloud, vendorName, cloudName, note };
}
