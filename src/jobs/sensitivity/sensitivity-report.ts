import type { Scenario } from '../../config/parse-scenario.js';
import type { KpiStats } from '../../ensemble/kpi-samples.js';
import type { SensitivityParam, SensitivityPlan } from '../../sweep/sensitivity-plan.js';
import { csvField, describeDistribution } from '../../report/uncertain-runs.js';
import { describeDerivedRange } from '../../sweep/derived-range.js';
import type { ScalarKpi } from '../../report/kpi-catalog.js';
import { orderKpiKeys } from '../../report/kpi-catalog.js';
import { describeSeeds, formatKpi, mdTable, monthName } from '../../report/kpi-format.js';
import { parseKpiKey } from '../../report/kpi-keys.js';
import { chartSection, type ChartEntry } from '../../report/run-report.js';
import type { KpiUnit } from '../../report/kpi-format.js';
import { noiseMark } from '../kpi-noise.js';
import { paramName } from '../param-labels.js';
import { formatRangeEnd, withTimesBase } from '../../sweep/times-base.js';
import { swingBeyondNoise, type SensitivityNoise } from './sensitivity-noise.js';

/**
 * One-at-a-time sensitivity: the KPIs with each parameter lowered and raised, against the base.
 * sensitivity.csv: parameter,value,low_value,high_value,range,kpi,metric,entity,at_base,at_low,
 * at_high,swing,between_seeds_sd,seed_noise_sd,swing_noise_floor,beyond_noise. `range` says where
 * the sides come from (a declared distribution and its source, or the rule that derived them from
 * the parameter's valid range); with several runs each "at_" is the mean over them; swing is the
 * span of base, low and high (|at_high − at_low| when the sides move the KPI opposite ways, the
 * larger move when they agree), a side that could not move counting as the base; the noise columns
 * are the KPI's (sensitivity-noise.ts), beyond_noise true, false, or empty with one run a case.
 */

export interface SensitivityResults {
  readonly plan: SensitivityPlan;
  /** The change the ranges not declared were derived with (derived-range.ts). */
  readonly change: number;
  readonly base: KpiStats;
  /** The KPIs of each moved side, by parameter path and side. */
  readonly sides: ReadonlyMap<string, { readonly low?: KpiStats; readonly high?: KpiStats }>;
  /** Each KPI's seed noise, by KPI key. */
  readonly noise: ReadonlyMap<string, SensitivityNoise>;
}

export interface Swing {
  readonly path: string;
  /** Present when the parameter moved by factors on each number's own value. */
  readonly timesBase?: true;
  readonly low?: number;
  readonly high?: number;
  readonly swing: number;
  /** Whether the swing stands out from the KPI's seed noise; undefined where it is not measured. */
  readonly beyondNoise?: boolean;
}

/** The span of the base and the sides that moved: how far the parameter moves the KPI over its range. */
export function swingOf(base: number, low: number | undefined, high: number | undefined): number {
  const values = [base, low ?? base, high ?? base];
  return Math.max(...values) - Math.min(...values);
}

/** Each parameter's effect on one KPI, largest swing first; parameters that do not move it at all are left out. */
export function swings(results: SensitivityResults, key: string): Swing[] {
  const base = results.base.get(key)?.mean;
  if (base === undefined) return [];
  return results.plan.params
    .map(({ param, timesBase }) => {
      const side = results.sides.get(param.path);
      const low = side?.low?.get(key)?.mean;
      const high = side?.high?.get(key)?.mean;
      const swing = swingOf(base, low, high);
      const beyondNoise = swingBeyondNoise(swing, results.noise.get(key));
      return { path: param.path, ...(timesBase ? { timesBase } : {}), ...(low !== undefined ? { low } : {}), ...(high !== undefined ? { high } : {}), swing, ...(beyondNoise !== undefined ? { beyondNoise } : {}) };
    })
    .filter((s) => s.swing > 0 && Number.isFinite(s.swing))
    .sort((a, b) => b.swing - a.swing || (a.path < b.path ? -1 : 1));
}

export function sensitivityCsv(results: SensitivityResults, scenario: Scenario): string {
  const keys = orderKpiKeys(results.base.keys(), scenario);
  const lines = ['parameter,value,low_value,high_value,range,kpi,metric,entity,at_base,at_low,at_high,swing,between_seeds_sd,seed_noise_sd,swing_noise_floor,beyond_noise'];
  const finite = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '' : String(v));
  const cell = (v: number | undefined) => (v === undefined ? '' : String(v));
  for (const entry of results.plan.params) {
    const { param, low, high } = entry;
    const side = results.sides.get(param.path);
    const range = csvField(describeRange(entry, results.change));
    for (const key of keys) {
      const { kind, metric, entity } = parseKpiKey(key);
      const base = results.base.get(key)!.mean;
      const atLow = low === undefined ? undefined : side?.low?.get(key)?.mean;
      const atHigh = high === undefined ? undefined : side?.high?.get(key)?.mean;
      const swing = swingOf(base, atLow, atHigh);
      const noise = results.noise.get(key);
      const beyond = swingBeyondNoise(swing, noise);
      lines.push(
        [csvField(withTimesBase(param.path, entry.timesBase)), Number.isNaN(param.value) ? '' : param.value, cell(low), cell(high), range, kind, metric, entity, base, cell(atLow), cell(atHigh), swing, finite(noise?.betweenSeedsSd), finite(noise?.seedNoiseSd), finite(noise?.swingFloor), beyond === undefined ? '' : String(beyond)].join(','),
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

/** "openai · pricing.markup", "every segment · switchingCostUsd.median (× base)": a parameter as a chart or table label. */
export function swingLabel(swing: Pick<Swing, 'path' | 'timesBase'>): string {
  return withTimesBase(paramLabel(swing.path), swing.timesBase);
}

/**
 * "openai · pricing.markup": a policy parameter as a chart or table label, its policy named; any
 * other number (`enterprises.brandPremium`, given with --param) as the global analyses name it,
 * where the policy's place in the path would be some other key, or none.
 */
export function paramLabel(path: string): string {
  if (path.includes('*')) return paramName(path);
  const parts = path.split('.');
  if ((parts[0] === 'vendors' || parts[0] === 'clouds') && parts[2] === 'policies') return `${parts[1]} · ${parts[3]}.${parts.at(-1)}`;
  if (parts[0] === 'enterprises' && parts[1] === 'policies') return `enterprises · ${parts[2]}.${parts.at(-1)}`;
  if (parts[0] === 'consumers') return `consumers · ${parts.at(-1)}`;
  return parts.length > 1 ? paramName(path) : path;
}

const TOP_IN_TABLE = 10;

/** A KPI's value or a swing in its units, a share's swing in percentage points. */
function inUnit(value: number, unit: KpiUnit): string {
  return formatKpi(value, unit).replace(/%$/, unit === 'share' ? ' pp' : '');
}

/** What seed noise does to one KPI, in a sentence under its table. */
function noiseSentence(noise: SensitivityNoise | undefined, unit: KpiUnit, runs: number): string {
  if (runs < 2) return '';
  if (noise === undefined || !Number.isFinite(noise.seedNoiseSd)) return 'Its seed noise could not be measured (a run had no value).';
  // Two significant digits: common seeds often leave a noise far below the KPI's own rounding.
  const small = (value: number) => (unit === 'share' ? `${Number((value * 100).toPrecision(2))} pp` : inUnit(Number(value.toPrecision(2)), unit));
  return `Seed noise: between seeds it moves by ${small(noise.betweenSeedsSd)} (standard deviation, pooled over the cases), ${small(noise.seedNoiseSd)} of it differing from case to case, so a swing below ${small(noise.swingFloor)} cannot be told from noise.`;
}

export function sensitivityMd(options: {
  scenario: Scenario;
  command: string;
  change: number;
  runs: number;
  seeds: readonly number[];
  results: SensitivityResults;
  kpis: readonly ScalarKpi[];
  focusNote: string;
  charts: readonly ChartEntry[];
  /** --at YYYY-MM, when given. */
  at?: string;
}): string {
  const { results, kpis, change } = options;
  const factor = Number((1 + change).toPrecision(12));
  const declared = results.plan.params.filter((p) => p.declared !== undefined);
  const tables = kpis.map((kpi) => {
    const base = results.base.get(kpi.key)?.mean;
    const top = swings(results, kpi.key).slice(0, TOP_IN_TABLE);
    if (base === undefined || top.length === 0) return `### ${kpi.label}\n\nNo parameter moved it.`;
    const measured = options.runs > 1;
    const rows = top.map((s) => [
      `\`${withTimesBase(s.path, s.timesBase)}\``,
      s.low === undefined ? '–' : formatKpi(s.low, kpi.unit),
      s.high === undefined ? '–' : formatKpi(s.high, kpi.unit),
      inUnit(s.swing, kpi.unit),
      ...(measured ? [noiseMark(s.beyondNoise)] : []),
    ]);
    const table = mdTable(['Parameter', 'Low', 'High', 'Swing', ...(measured ? ['Against seed noise'] : [])], rows, ['l', 'r', 'r', 'r', ...(measured ? (['l'] as const) : [])]);
    return `### ${kpi.label}\n\nBase: ${formatKpi(base, kpi.unit)}. ${noiseSentence(results.noise.get(kpi.key), kpi.unit, options.runs)}\n\n${table}`;
  });
  const skipped = results.plan.skipped;
  return [
    `# Sensitivity of ${options.scenario.name}`,
    `Made by \`${options.command}\`; [manifest.json](manifest.json) records how to run it again.`,
    results.plan.params.some((p) => p.given)
      ? `Each of ${results.plan.params.length} parameters given with --param moved to the low and the high end of its interval, one at a time, everything else as in the scenario (a path with \`*\` setting every number it reaches, as one factor). ${options.runs} run${options.runs === 1 ? '' : 's'} per case (${describeSeeds(options.seeds)}, the same in every case)${options.at !== undefined ? `, each stopped at ${monthName(options.at)} (--at) and its KPIs read there` : ''}${options.runs > 1 ? '; values are means over the runs' : ''}.`
      : `Each of ${results.plan.params.length} numeric policy parameters moved down and up, one at a time, everything else as in the scenario${declared.length > 0 ? `: ${declared.length} of them, which the scenario declares uncertain, to the ends of their declared range; the others` : ','} over a range derived from the parameter's valid range, its distance from its bounds ÷/× ${factor} (a share's odds between its bounds, a multiplier's excess over 1, a positive amount itself; whole numbers rounded). Ranges lists each parameter's. ${options.runs} run${options.runs === 1 ? '' : 's'} per case (${describeSeeds(options.seeds)}, the same in every case)${options.at !== undefined ? `, each stopped at ${monthName(options.at)} (--at) and its KPIs read there` : ''}${options.runs > 1 ? '; values are means over the runs' : ''}.`,
    `## Largest effects`,
    options.runs > 1
      ? `A swing is the span of the KPI at the base and with the parameter lowered and raised. Every case ran the same seeds, so a seed that moves the KPI in every case alike cancels from the swings; what does not cancel, the seed × case interaction, can pass for an effect, and a swing within 1.96 × √2 times its standard deviation over √${options.runs} (the noise of a difference of two ${options.runs}-run means) is marked **within noise**: it cannot be told from luck on these runs (more --runs lower it).`
      : 'A swing is the span of the KPI at the base and with the parameter lowered and raised. With one run per case the seed noise is not measured, so no swing is told apart from luck: run with --runs 2 or more.',
    tables.join('\n\n'),
    `## Charts`,
    options.focusNote,
    chartSection(options.charts),
    `## Ranges`,
    rangesTable(results.plan.params, change),
    ...(skipped.length > 0 ? [`## Left out`, skipped.map((s) => `- \`${s.path}\`: ${s.reason}`).join('\n')] : []),
    `## Files`,
    `- [sensitivity.csv](sensitivity.csv): every parameter × every KPI at the base, lowered and raised, with its swing\n- [manifest.json](manifest.json): the resolved scenario, change, seeds and versions`,
    '',
  ].join('\n\n');
}

/** Where a parameter's sides come from: its declared distribution and source, or the rule that derived them from its valid range. */
export function describeRange(entry: SensitivityParam, change: number): string {
  const { declared } = entry;
  if (entry.given) return entry.timesBase ? 'given with --param, as factors on each number\'s own value (× base)' : 'given with --param';
  if (declared !== undefined) return `declared uncertain: ${describeDistribution(declared.distribution)}${declared.distribution.type === 'normal' ? ' (ends at mean ± 2 sd)' : ''}; ${declared.source}`;
  return `no range declared: ${describeDerivedRange(entry.param.bounds, change)}`;
}

/** Which range each parameter moved over: its declared one, with the distribution and source, or the one its valid range gives. */
function rangesTable(params: readonly SensitivityParam[], change: number): string {
  const rows = params.map((entry) => [
    `\`${withTimesBase(entry.param.path, entry.timesBase)}\``,
    Number.isNaN(entry.param.value) ? 'several' : formatRangeEnd(entry.param.value, entry.timesBase),
    entry.low === undefined ? '–' : formatRangeEnd(entry.low, entry.timesBase),
    entry.high === undefined ? '–' : formatRangeEnd(entry.high, entry.timesBase),
    describeRange(entry, change),
  ]);
  return mdTable(['Parameter', 'Value', 'Low', 'High', 'Range'], rows, ['l', 'r', 'r', 'r', 'l']);
}
