import type { Scenario } from '../config/parse-scenario.js';
import { pastCalibratedWindow } from './calibrated-window.js';
import { scenarioDescription } from './scenario-description.js';
import type { Quantiles } from '../ensemble/quantiles.js';
import type { EnsembleSummary } from './ensemble-outputs.js';
import { CLOUD_KPIS, entityNames, MARKET_KPIS, VENDOR_KPIS, type KpiDefinition } from './kpi-catalog.js';
import { formatStats, mdTable, monthName } from './kpi-format.js';
import { describeRunsSpread, uncertainCount } from './uncertain-runs.js';
import { mergersSection, scriptedEventsSection, tiesSection } from './history-report.js';
import type { Summary } from './summary.js';
import type { MetricTable } from '../metrics/metric-table.js';

/**
 * report.md of a simulate run: what ran, the KPIs in three tables (vendors, clouds, market) and
 * every chart embedded by a relative link, readable as is on GitHub or in an editor's preview.
 */

export interface ChartEntry {
  readonly file: string;
  readonly title: string;
  readonly description: string;
}

type StatsLookup = (definition: KpiDefinition, entity: string) => Quantiles | undefined;

function lookup(summary: Summary | EnsembleSummary): StatsLookup {
  return (definition, entity) => {
    const byEntity = (definition.kind === 'final' ? summary.final : summary.totals)[definition.metric];
    const value = byEntity?.[entity];
    if (value === undefined) return undefined;
    return typeof value === 'number' ? { mean: value, p5: value, p50: value, p95: value } : value;
  };
}

/** Rows of entities, columns of KPIs; an entity with none of them is left out (e.g. open weights' revenue). */
export function entityKpiTable(options: {
  title: string;
  entities: readonly string[];
  names: ReadonlyMap<string, string>;
  kpis: readonly KpiDefinition[];
  stats: StatsLookup;
  runs: number;
}): string {
  const { entities, names, kpis, stats, runs } = options;
  const rows = entities
    .map((entity) => ({ entity, cells: kpis.map((kpi) => stats(kpi, entity)) }))
    .filter((row) => row.cells.some((cell) => cell !== undefined))
    .map((row) => [names.get(row.entity) ?? row.entity, ...row.cells.map((cell, i) => (cell ? formatStats(cell, kpis[i]!.unit, runs) : '–'))]);
  return mdTable([options.title, ...kpis.map((k) => k.label)], rows, ['l', ...kpis.map(() => 'r' as const)]);
}

/** The market's KPIs, one a row. */
export function marketKpiTable(stats: StatsLookup, runs: number): string {
  const rows = MARKET_KPIS.flatMap((kpi) => {
    const at = stats(kpi, 'market');
    return at ? [[kpi.label, formatStats(at, kpi.unit, runs)]] : [];
  });
  return mdTable(['Market', runs > 1 ? 'Mean (5th to 95th percentile)' : 'Value'], rows, ['l', 'r']);
}

export function kpiTables(scenario: Scenario, summary: Summary | EnsembleSummary): string {
  const runs = 'runs' in summary ? summary.runs : 1;
  const names = entityNames(scenario);
  const stats = lookup(summary);
  return [
    entityKpiTable({ title: 'Vendor', entities: scenario.vendors.map((v) => v.id), names, kpis: VENDOR_KPIS, stats, runs }),
    entityKpiTable({ title: 'Cloud', entities: scenario.clouds.map((c) => c.id), names, kpis: CLOUD_KPIS, stats, runs }),
    marketKpiTable(stats, runs),
  ].join('\n\n');
}

export function chartSection(charts: readonly ChartEntry[]): string {
  if (charts.length === 0) return 'No charts were drawn (--no-charts).';
  return charts.map((chart) => `### ${chart.title}\n\n${chart.description}\n\n![${chart.title}](${encodeURI(chart.file)})`).join('\n\n');
}

export function runReportMd(options: {
  /** The scenario as it ran (its months those of --ticks, if given). */
  scenario: Scenario;
  /** The scenario as configured, when --ticks changed its months: its description is of those. */
  configured?: Scenario;
  summary: Summary | EnsembleSummary;
  /** The run's metrics, or an ensemble's means: what the history sections read. */
  table: MetricTable;
  charts: readonly ChartEntry[];
  /** Data files beside the report, with what each holds. */
  files: readonly (readonly [file: string, content: string])[];
  /** With --targets: the targets met and missed (targetsSection). */
  targets?: string;
  /** With --uncertain: the parameters the runs drew (uncertainSection). */
  uncertain?: string;
}): string {
  const { scenario, summary, charts } = options;
  const ensemble = 'runs' in summary;
  const period = `${summary.ticks} months, ${monthName(summary.start)} – ${monthName(summary.end)}`;
  const runsLine = ensemble
    ? `${summary.runs} runs, ${describeRunsSpread(summary.seeds, summary.uncertain?.parameters.length)} · ${period}`
    : `Seed ${summary.seed} · ${period}`;
  const kpiNote = ensemble
    ? `Each cell is the mean over the ${summary.runs} runs, with the 5th to 95th percentile of the runs in brackets${summary.uncertain === undefined ? '' : `: the runs differ by their seeds and by the ${uncertainCount(summary.uncertain.parameters.length)} each drew with its seed (see Uncertain parameters)`}. Values are at ${monthName(summary.end)}, except those over the whole run.`
    : `Values are at ${monthName(summary.end)}, except those over the whole run.`;
  const pastWindow = pastCalibratedWindow({ ...scenario, months: summary.ticks });
  return [
    `# ${scenario.name}`,
    scenarioDescription(options.configured ?? scenario, summary.ticks),
    `${runsLine} · config hash \`${summary.configHash.slice(0, 19)}…\` · [manifest.json](manifest.json) records how to run it again.`,
    pastWindow === undefined ? '' : `> **Past the calibrated window:** ${pastWindow}.`,
    `## Key figures`,
    kpiNote,
    kpiTables(scenario, summary),
    options.uncertain ?? '',
    scriptedEventsSection(scenario, summary.end),
    tiesSection(scenario, options.table),
    mergersSection(scenario, options.table),
    options.targets ?? '',
    `## Charts`,
    chartSection(charts),
    `## Files`,
    options.files.map(([file, content]) => `- [${file}](${encodeURI(file)}): ${content}`).join('\n'),
    '',
  ]
    .filter((part) => part !== '')
    .join('\n\n')
    .concat('\n');
}
