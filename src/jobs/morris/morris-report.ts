import type { EstimateWithInterval } from '../../analysis/bootstrap.js';
import type { Scenario } from '../../config/parse-scenario.js';
import type { ScalarKpi } from '../../report/kpi-catalog.js';
import { describeSeeds, formatKpi, mdTable, monthName, type KpiUnit } from '../../report/kpi-format.js';
import { parseKpiKey } from '../../report/kpi-keys.js';
import { chartSection, type ChartEntry } from '../../report/run-report.js';
import { scenarioDescription } from '../../report/scenario-description.js';
import { describeFactor, factorName } from '../design-factor.js';
import { noiseMark } from '../kpi-noise.js';
import { paramLabels } from '../param-labels.js';
import type { MorrisJob } from './job.js';
import { rangeReason } from './morris-factors.js';
import { CONFIDENCE_LEVEL } from './morris-plan.js';
import { muStarBeyondNoise, rankByMuStar, type KpiMorris } from './morris-results.js';

/**
 * morris.csv and the report. morris.csv has one row per KPI and parameter: μ, μ* and σ with their
 * bootstrap intervals (in the KPI's units over the parameter's whole range), the KPI's standard
 * deviation between seeds and the part common seeds do not cancel, the μ* noise alone would show,
 * and whether μ* stands out from it (`beyond_noise`: true, false, or empty with one run a point).
 */

const cell = (value: number | undefined): string => (value === undefined || Number.isNaN(value) ? '' : String(value));

export function morrisCsv(job: MorrisJob, results: readonly KpiMorris[]): string {
  const header = ['kpi', 'metric', 'entity', 'parameter', 'mu', 'mu_low', 'mu_high', 'mu_star', 'mu_star_low', 'mu_star_high', 'sigma', 'sigma_low', 'sigma_high', 'between_seeds_sd', 'seed_noise_sd', 'mu_star_noise_floor', 'beyond_noise'];
  const lines = [header.join(',')];
  const triple = (e: EstimateWithInterval) => [cell(e.estimate), cell(e.low), cell(e.high)];
  for (const result of results) {
    const { kind, metric, entity } = parseKpiKey(result.key);
    const { indices, noise } = result;
    job.factors.forEach((factor, i) => {
      const beyond = muStarBeyondNoise(result, i);
      lines.push(
        [kind, metric, entity, factorName(factor), ...triple(indices.mu[i]!), ...triple(indices.muStar[i]!), ...triple(indices.sigma[i]!), cell(noise.betweenSeedsSd), cell(noise.seedNoiseSd), cell(noise.muStarFloor), beyond === undefined ? '' : String(beyond)].join(','),
      );
    });
  }
  return `${lines.join('\n')}\n`;
}

/** An effect in a KPI's units, a share's in percentage points: "4.2 pp (1.0 to 7.9 pp)". */
export function formatEffect(effect: EstimateWithInterval, unit: KpiUnit): string {
  const inUnit = (value: number) => formatKpi(value, unit).replace(/%$/, ' pp');
  if (!Number.isFinite(effect.estimate)) return '–';
  return `${inUnit(effect.estimate)} (${inUnit(effect.low)} to ${inUnit(effect.high)})`;
}

function signed(effect: EstimateWithInterval, unit: KpiUnit): string {
  if (!Number.isFinite(effect.estimate)) return '–';
  return formatKpi(effect.estimate, unit, true);
}

function noiseSentence(result: KpiMorris, unit: KpiUnit, runs: number): string {
  const inUnit = (value: number) => formatKpi(value, unit).replace(/%$/, ' pp');
  if (runs < 2) return 'With one run a point its seed noise is not measured, so no effect is marked as told apart from it: run with --runs 2 or more.';
  const { betweenSeedsSd, seedNoiseSd, muStarFloor } = result.noise;
  if (!Number.isFinite(seedNoiseSd)) return 'Its seed noise could not be measured (a run had no value).';
  return `Between seeds at a point it moves by ${inUnit(betweenSeedsSd)} (standard deviation, pooled over the points); the part that differs from point to point, which the same seeds at every point do not cancel, is ${inUnit(seedNoiseSd)}, so a parameter without effect would show μ* ≈ ${inUnit(muStarFloor)} from the noise of a ${runs}-run mean alone.`;
}

export function morrisMd(options: {
  job: MorrisJob;
  scenario: Scenario;
  command: string;
  seeds: readonly number[];
  points: number;
  at: string;
  results: ReadonlyMap<string, KpiMorris>;
  kpis: readonly ScalarKpi[];
  focusNote: string;
  charts: readonly ChartEntry[];
}): string {
  const { job, results, kpis } = options;
  const k = job.factors.length;
  const labels = paramLabels(job.factors);
  const percent = `${Math.round(CONFIDENCE_LEVEL * 100)}%`;
  const sections = kpis.map((kpi) => {
    const result = results.get(kpi.key);
    if (result === undefined) return `### ${kpi.label}\n\nThe runs did not record it.`;
    const order = rankByMuStar(result);
    const rows = order.map((i, rank) => [
      String(rank + 1),
      labels[i]!,
      formatEffect(result.indices.muStar[i]!, kpi.unit),
      signed(result.indices.mu[i]!, kpi.unit),
      formatEffect(result.indices.sigma[i]!, kpi.unit),
      noiseMark(muStarBeyondNoise(result, i)),
    ]);
    const drivers = order.filter((i) => muStarBeyondNoise(result, i) === true).map((i) => labels[i]!);
    const verdict =
      job.runs < 2
        ? ''
        : drivers.length === 0
          ? 'No parameter moves it beyond seed noise on these runs.'
          : `What matters, beyond seed noise: ${drivers.join(', ')}.`;
    return [`### ${kpi.label}`, noiseSentence(result, kpi.unit, job.runs), mdTable(['Rank', 'Parameter', `μ* (${percent} interval)`, 'μ', `σ (${percent} interval)`, 'μ* against seed noise'], rows, ['r', 'l', 'r', 'r', 'r', 'l']), verdict].filter((s) => s !== '').join('\n\n');
  });
  return [
    `# Morris screening of ${options.scenario.name}`,
    `Made by \`${options.command}\`; [manifest.json](manifest.json) records how to run it again.`,
    scenarioDescription(job.scenario, options.scenario.months, ...(job.at !== undefined ? [`--at ${job.at}`] : [])),
    `Which of ${k} parameters matter for the KPIs at ${monthName(options.at)}${job.at === undefined ? ' (the last month)' : ' (--at)'}. Each moves over its range, and why that range:`,
    mdTable(['Parameter', 'Path', 'Range', 'Why this range'], job.factors.map((f, i) => [labels[i]!, `\`${f.path}\``, describeFactor(f), rangeReason(f)]), ['l', 'l', 'l', 'l']),
    `Morris's design (seed ${job.scenario.seed}): ${job.trajectories} trajectories × (${k} + 1) points = ${options.points.toLocaleString('en-US')} points on a grid of ${job.levels} levels per parameter, each run ${job.runs} time${job.runs === 1 ? '' : 's'} (${describeSeeds(options.seeds)}, the same at every point), ${(options.points * job.runs).toLocaleString('en-US')} runs in all. A point's KPI is the mean over its runs. An interval's levels are its ends and equal steps between; a distribution's are the medians of ${job.levels} equally likely slices of it.`,
    `μ* is the mean absolute elementary effect (Campolongo et al. 2007), the importance to rank by; μ the mean effect, its sign the direction (effects of opposite signs cancel in it); σ their spread, large for a parameter acting through interactions or non-linearly (Morris 1991). Effects are in the KPI's units over the parameter's whole range. Intervals are ${percent} bootstrap intervals over the trajectories (1,000 resamples). A μ* whose interval lies wholly above what seed noise alone would show is marked beyond noise; one that does not cannot be ranked as mattering on these runs: more runs a point (--runs) lower the noise, more trajectories (--trajectories) narrow the intervals.`,
    `## Parameters ranked by μ*`,
    sections.join('\n\n'),
    `## Charts`,
    options.focusNote,
    chartSection(options.charts),
    `## Files`,
    `- [morris.csv](morris.csv): every KPI × parameter with μ, μ*, σ and their intervals, the KPI's seed noise and μ*'s noise floor\n- [manifest.json](manifest.json): the resolved scenario, parameters and their ranges, design, seeds and versions`,
    '',
  ].join('\n\n');
}
