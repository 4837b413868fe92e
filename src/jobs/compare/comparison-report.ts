import type { Scenario } from '../../config/parse-scenario.js';
import type { KpiStats, KpiValues } from '../../ensemble/kpi-samples.js';
import { sampleStats, type SampleStats } from '../../ensemble/quantiles.js';
import { CLOUD_KPIS, entityNames, MARKET_KPIS, orderKpiKeys, VENDOR_KPIS, type KpiDefinition } from '../../report/kpi-catalog.js';
import { describeSeeds, formatStats, mdTable, monthName } from '../../report/kpi-format.js';
import { kpiKey, parseKpiKey } from '../../report/kpi-keys.js';
import { chartSection, type ChartEntry } from '../../report/run-report.js';

/**
 * comparison.csv and comparison.md: the KPIs of several scenarios side by side, and each one's
 * change against the first. With several runs per scenario, run i of each scenario has the same
 * seed when their configs do, so a change is taken run by run (seed i against seed i) and its
 * spread shows what the scenario changes, not what the draws do.
 */

export interface ComparedScenario {
  readonly label: string;
  readonly scenario: Scenario;
  readonly seeds: readonly number[];
  readonly end: string;
  /** Each run's KPIs, in seed order. */
  readonly perRun: readonly KpiValues[];
  readonly stats: KpiStats;
}

/**
 * Differences this small against the values compared are the rounding of sums taken in another
 * order (a double carries ~16 digits), not a change: a KPI that is the same in both runs has a
 * change of exactly 0, not ±$1.49e-8.
 */
const RELATIVE_ROUNDING = 1e-9;

/** One run's change: other − base, 0 when within the rounding of the two values. */
export function changeOf(base: number, other: number): number {
  const change = other - base;
  return Math.abs(change) <= RELATIVE_ROUNDING * Math.max(Math.abs(base), Math.abs(other)) ? 0 : change;
}

/** Statistics of the run-by-run change of a KPI against the first scenario. */
export function pairedChange(base: ComparedScenario, other: ComparedScenario, key: string): SampleStats | undefined {
  const runs = Math.min(base.perRun.length, other.perRun.length);
  return sampleStats(Array.from({ length: runs }, (_, i) => changeOf(base.perRun[i]![key] ?? Number.NaN, other.perRun[i]![key] ?? Number.NaN)));
}

/** "4 runs per scenario (seeds 1–4)", "… (seeds 1–4; seeds 7–10)" when scenarios fix other seeds: the charts' subtitle. */
export function describeRunsPerScenario(runs: number, seedsOfScenarios: readonly (readonly number[])[]): string {
  return `${runs} runs per scenario (${[...new Set(seedsOfScenarios.map(describeSeeds))].join('; ')})`;
}

/**
 * Whether a change is within the runs' noise: the 5th to 95th percentile of its run-by-run changes
 * includes 0 (and it is not exactly 0 in every run, which is no change at all). One run has no
 * spread to tell by: see SINGLE_SEED_CAVEAT.
 */
export function withinNoise(change: SampleStats | undefined): boolean {
  return change !== undefined && change.count > 1 && change.p5 <= 0 && change.p95 >= 0 && change.p5 !== change.p95;
}

/** What a comparison of one seed per scenario cannot tell, said wherever its changes are shown. */
export const SINGLE_SEED_CAVEAT =
  'One seed per scenario: a change may be seed noise alone, however large it looks; run with --runs 10 or more to see which changes exceed the spread of the runs.';

/** How many of the changes against the first scenario are within the runs' noise, of how many. */
export function changesWithinNoise(scenarios: readonly ComparedScenario[]): { within: number; of: number } {
  let within = 0;
  let of = 0;
  for (const key of keysOf(scenarios)) {
    for (const other of scenarios.slice(1)) {
      const change = pairedChange(scenarios[0]!, other, key);
      if (change === undefined) continue;
      of++;
      if (withinNoise(change)) within++;
    }
  }
  return { within, of };
}

function keysOf(scenarios: readonly ComparedScenario[]): string[] {
  return orderKpiKeys(new Set(scenarios.flatMap((s) => [...s.stats.keys()])), scenarios[0]!.scenario);
}

export function comparisonCsv(scenarios: readonly ComparedScenario[]): string {
  const runs = scenarios[0]!.perRun.length;
  const header = runs > 1 ? 'kpi,metric,entity,scenario,mean,p5,p50,p95,delta_mean,delta_p5,delta_p95' : 'kpi,metric,entity,scenario,value,delta';
  const lines = [header];
  const cell = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '' : String(v));
  for (const key of keysOf(scenarios)) {
    const { kind, metric, entity } = parseKpiKey(key);
    scenarios.forEach((s, i) => {
      const stats = s.stats.get(key);
      if (!stats) return;
      const change = i === 0 ? undefined : pairedChange(scenarios[0]!, s, key);
      const label = /[",\n]/.test(s.label) ? `"${s.label.replace(/"/g, '""')}"` : s.label;
      const prefix = `${kind},${metric},${entity},${label}`;
      lines.push(
        runs > 1
          ? `${prefix},${stats.mean},${stats.p5},${stats.p50},${stats.p95},${cell(change?.mean)},${cell(change?.p5)},${cell(change?.p95)}`
          : `${prefix},${stats.mean},${cell(change?.mean)}`,
      );
    });
  }
  return `${lines.join('\n')}\n`;
}

function comparisonTable(scenarios: readonly ComparedScenario[], group: string, kpis: readonly KpiDefinition[], entities: readonly string[]): string {
  const runs = scenarios[0]!.perRun.length;
  const names = entityNames(scenarios[0]!.scenario);
  const rows: string[][] = [];
  for (const kpi of kpis) {
    for (const entity of entities) {
      const key = kpiKey(kpi.kind, kpi.metric, entity);
      const stats = scenarios.map((s) => s.stats.get(key));
      if (stats.every((s) => s === undefined)) continue;
      const subject = entity === 'market' ? kpi.label : `${kpi.label}, ${names.get(entity) ?? entity}`;
      const values = stats.map((s) => (s ? formatStats(s, kpi.unit, runs) : '–'));
      const changes = scenarios.slice(1).map((s) => {
        const change = pairedChange(scenarios[0]!, s, key);
        return change ? `${formatStats(change, kpi.unit, runs, true)}${withinNoise(change) ? ' *' : ''}` : '–';
      });
      rows.push([subject, ...values, ...changes]);
    }
  }
  const header = [group, ...scenarios.map((s) => s.label), ...scenarios.slice(1).map((s) => `Δ ${s.label}`)];
  return mdTable(header, rows, ['l', ...header.slice(1).map(() => 'r' as const)]);
}

export function comparisonMd(options: {
  scenarios: readonly ComparedScenario[];
  command: string;
  charts: readonly ChartEntry[];
  /** Which vendor and cloud the charts follow, and why. */
  focusNote: string;
  /** With --targets: the targets met and missed (targetsSection). */
  targets?: string;
}): string {
  const { scenarios } = options;
  const first = scenarios[0]!;
  const runs = first.perRun.length;
  const entitiesOf = (pick: (s: Scenario) => string[]) => [...new Set(scenarios.flatMap((s) => pick(s.scenario)))];
  const vendors = entitiesOf((s) => s.vendors.map((v) => v.id));
  const clouds = entitiesOf((s) => s.clouds.map((c) => c.id));
  const ends = [...new Set(scenarios.map((s) => s.end))];
  const when = ends.length === 1 ? `at ${monthName(ends[0]!)}` : "at each scenario's last month";
  const note =
    runs > 1
      ? `Each value is the mean of ${runs} runs with the 5th to 95th percentile of the runs in brackets, ${when} unless it says "whole run". Δ is the change against ${first.label}, taken run by run (seed i against seed i): its mean, and the 5th to 95th percentile of the changes; a Δ marked * is within the runs' noise, its 5th to 95th percentile including 0.`
      : `Values are ${when} unless they say "whole run". Δ is the scenario minus ${first.label}; "pp" are percentage points. ${SINGLE_SEED_CAVEAT}`;
  return [
    `# Comparing ${scenarios.map((s) => s.label).join(', ')}`,
    `Made by \`${options.command}\`; [manifest.json](manifest.json) records how to run it again.`,
    scenarios
      .map((s) => `- **${s.label}** (${monthName(s.scenario.start)} – ${monthName(s.end)}, ${describeSeeds(s.seeds)}): ${s.scenario.description || 'no description'}`)
      .join('\n'),
    `## Key figures`,
    note,
    comparisonTable(scenarios, 'Vendors', VENDOR_KPIS, vendors),
    comparisonTable(scenarios, 'Clouds', CLOUD_KPIS, clouds),
    comparisonTable(scenarios, 'Market', MARKET_KPIS, ['market']),
    ...(options.targets !== undefined ? [options.targets] : []),
    `## Charts`,
    options.focusNote,
    chartSection(options.charts),
    `## Files`,
    [
      `- [comparison.csv](comparison.csv): every KPI of every scenario, one row per (KPI, entity, scenario)${runs > 1 ? ' with mean, p5, p50, p95 and the run-by-run change against the first scenario' : ' with its change against the first scenario'}`,
      '- [manifest.json](manifest.json): the resolved scenarios, seeds and versions that made these files',
    ].join('\n'),
    '',
  ].join('\n\n');
}
