import type { Scenario } from '../../config/parse-scenario.js';
import type { KpiStats } from '../../ensemble/kpi-samples.js';
import type { ParamRange, ParamSetting } from '../../sweep/param-range.js';
import type { ScalarKpi } from '../../report/kpi-catalog.js';
import { orderKpiKeys } from '../../report/kpi-catalog.js';
import { describeSeeds, formatStats, mdTable, monthName } from '../../report/kpi-format.js';
import { chartSection, type ChartEntry } from '../../report/run-report.js';
import { scenarioDescription } from '../../report/scenario-description.js';
import { numbersAtPath } from '../../sweep/param-path.js';
import { formatRangeEnd } from '../../sweep/times-base.js';
import { sweptName, sweptShortName } from './job.js';

/**
 * sweep.csv and the sweep's report.md. sweep.csv has one row per point of the grid: the point's
 * number, the value of each swept parameter, how many runs it had, then one column per KPI (named
 * by its key, e.g. "final:vendor.enterprise_share:openai"); with several runs per point each KPI
 * has four columns, "<key>:mean", ":p5", ":p50" and ":p95", over the point's runs. A parameter
 * swept by factors on each number's own value is headed "<path> (× base)", its cells the factors.
 */

export function sweepCsv(options: {
  scenario: Scenario;
  params: readonly ParamRange[];
  points: readonly (readonly ParamSetting[])[];
  stats: readonly KpiStats[];
  runs: number;
}): string {
  const { params, points, stats, runs } = options;
  const keys = orderKpiKeys(new Set(stats.flatMap((s) => [...s.keys()])), options.scenario);
  const columns = runs > 1 ? keys.flatMap((k) => ['mean', 'p5', 'p50', 'p95'].map((stat) => `${k}:${stat}`)) : keys;
  const lines = [['point', ...params.map(sweptName), 'runs', ...columns].join(',')];
  points.forEach((point, i) => {
    const at = stats[i]!;
    const values = keys.flatMap((key) => {
      const s = at.get(key);
      if (runs <= 1) return [s ? String(s.mean) : ''];
      return s ? [s.mean, s.p5, s.p50, s.p95].map(String) : ['', '', '', ''];
    });
    lines.push([String(i + 1), ...point.map((setting) => String(setting.value)), String(runs), ...values].join(','));
  });
  return `${lines.join('\n')}\n`;
}

/** Above this many points the report lists no table: sweep.csv has them all. */
const MAX_TABLE_POINTS = 60;

/**
 * A swept parameter as the report lists it; for factors, the numbers they multiply and their values
 * in the scenario, so a reader can turn ×0.5 back into dollars.
 */
function describeRange(scenario: Scenario, p: ParamRange): string {
  const log = p.scale === 'log' ? ', evenly on a log scale' : '';
  if (!p.timesBase) return `- \`${p.path}\`: ${p.steps} values from ${p.from} to ${p.to}${log}`;
  const numbers = numbersAtPath(scenario, p.path);
  const bases = numbers.success ? `: ${numbers.value.map((n) => `\`${n.path}\` ${n.value}`).join(', ')}` : '';
  return `- \`${p.path}\` (× base): ${p.steps} factors from ×${p.from} to ×${p.to}${log}, each multiplying the scenario's own value of every number it names${bases}`;
}

export function sweepMd(options: {
  /** The scenario as it ran, and as configured (its description is of the configured months). */
  scenario: Scenario;
  configured: Scenario;
  command: string;
  params: readonly ParamRange[];
  points: readonly (readonly ParamSetting[])[];
  stats: readonly KpiStats[];
  runs: number;
  seeds: readonly number[];
  kpis: readonly ScalarKpi[];
  focusNote: string;
  charts: readonly ChartEntry[];
  /** --at YYYY-MM, when given. */
  at?: string;
}): string {
  const { params, points, stats, runs, kpis } = options;
  const ranges = params.map((p) => describeRange(options.configured, p)).join('\n');
  const table =
    points.length > MAX_TABLE_POINTS
      ? `${points.length} points: too many to list here; sweep.csv has every one.`
      : mdTable(
          [...params.map(sweptShortName), ...kpis.map((k) => k.label)],
          points.map((point, i) => [
            ...point.map((s) => formatRangeEnd(s.value, s.timesBase)),
            ...kpis.map((k) => {
              const s = stats[i]!.get(k.key);
              return s ? formatStats(s, k.unit, runs) : '–';
            }),
          ]),
          [...params.map(() => 'r' as const), ...kpis.map(() => 'r' as const)],
        );
  return [
    `# Sweep of ${options.scenario.name}`,
    `Made by \`${options.command}\`; [manifest.json](manifest.json) records how to run it again.`,
    scenarioDescription(options.configured, options.scenario.months, ...(options.at !== undefined ? [`--at ${options.at}`] : [])),
    `${points.length} points × ${runs} run${runs === 1 ? '' : 's'} (${describeSeeds(options.seeds)}, the same at every point)${options.at !== undefined ? `, each stopped at ${monthName(options.at)} (--at) and its KPIs read there` : ''}, over:`,
    ranges,
    `## Key figures by point`,
    runs > 1 ? 'Each cell is the mean of the runs with their 5th to 95th percentile in brackets; values at the last month unless over the whole run.' : 'Values at the last month unless over the whole run.',
    table,
    `## Charts`,
    options.focusNote,
    chartSection(options.charts),
    `## Files`,
    `- [sweep.csv](sweep.csv): one row per point with the value of each parameter and every KPI${runs > 1 ? ' (mean, p5, p50, p95 over its runs)' : ''}\n- [manifest.json](manifest.json): the resolved scenario, ranges, seeds and versions`,
    '',
  ]
    .filter((part) => part !== '')
    .join('\n\n');
}
