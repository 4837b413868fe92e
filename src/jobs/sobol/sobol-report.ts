import type { EstimateWithInterval } from '../../analysis/bootstrap.js';
import type { Scenario } from '../../config/parse-scenario.js';
import type { ScalarKpi } from '../../report/kpi-catalog.js';
import { describeSeeds, formatKpi, mdTable, monthName, type KpiUnit } from '../../report/kpi-format.js';
import { parseKpiKey } from '../../report/kpi-keys.js';
import { chartSection, type ChartEntry } from '../../report/run-report.js';
import { scenarioDescription } from '../../report/scenario-description.js';
import { noiseMark as markOf } from '../kpi-noise.js';
import { paramLabels } from '../param-labels.js';
import type { SobolJob } from './job.js';
import { CONFIDENCE_LEVEL } from './sobol-design.js';
import { describeInterval } from '../../sweep/interval-param.js';
import { factorName } from '../design-factor.js';
import { beyondNoise, rankByTotalOrder, type KpiSobol } from './sobol-results.js';

/**
 * sobol.csv and the report. sobol.csv has one row per KPI and parameter: its first-order (S1) and
 * total-order (ST) index with their bootstrap interval, the KPI's variance over the design, its
 * standard deviation between seeds and the part of it common seeds do not cancel
 * (`sobol-results.ts`), the ST that noise alone would show, and whether ST stands out from it
 * (`beyond_noise`: true, false, or empty with one run a point); with --second-order, a row per
 * KPI and pair of parameters with S2 and its interval (the first-order columns empty).
 */

const cell = (value: number | undefined): string => (value === undefined || Number.isNaN(value) ? '' : String(value));

export function sobolCsv(job: SobolJob, results: readonly KpiSobol[]): string {
  const header = ['kpi', 'metric', 'entity', 'parameter', 'second_parameter', 'S1', 'S1_low', 'S1_high', 'ST', 'ST_low', 'ST_high', 'S2', 'S2_low', 'S2_high', 'output_variance', 'between_seeds_sd', 'seed_noise_sd', 'ST_noise_floor', 'beyond_noise'];
  const lines = [header.join(',')];
  for (const result of results) {
    const { kind, metric, entity } = parseKpiKey(result.key);
    const { indices, noise } = result;
    const shared = [cell(indices.outputVariance), cell(noise.betweenSeedsSd), cell(noise.seedNoiseSd), cell(noise.totalOrderFloor)];
    job.params.forEach((param, i) => {
      const [first, total] = [indices.firstOrder[i]!, indices.totalOrder[i]!];
      const beyond = beyondNoise(total, noise);
      lines.push([kind, metric, entity, factorName(param), '', cell(first.estimate), cell(first.low), cell(first.high), cell(total.estimate), cell(total.low), cell(total.high), '', '', '', ...shared, beyond === undefined ? '' : String(beyond)].join(','));
    });
    indices.secondOrder?.forEach((row, i) =>
      row.forEach((pair, j) => {
        if (pair === undefined) return;
        lines.push([kind, metric, entity, factorName(job.params[i]!), factorName(job.params[j]!), '', '', '', '', '', '', cell(pair.estimate), cell(pair.low), cell(pair.high), ...shared, ''].join(','));
      }),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** "0.42 (0.31 to 0.55)" */
export function formatIndex(index: EstimateWithInterval): string {
  if (!Number.isFinite(index.estimate)) return '–';
  const fixed = (v: number) => (Math.abs(v) < 0.005 ? '0.00' : v.toFixed(2).replace('-', '\u2212'));
  return `${fixed(index.estimate)} (${fixed(index.low)} to ${fixed(index.high)})`;
}

/** The seed noise of a KPI in its units, as the report says it. */
function noiseSentence(result: KpiSobol, unit: KpiUnit, runs: number): string {
  if (!Number.isFinite(result.indices.outputVariance) || result.indices.outputVariance === 0) return 'It did not vary over the design (or a run had no value): it has no indices.';
  const inUnit = (value: number) => formatKpi(value, unit).replace(/%$/, ' pp');
  const spread = `Its standard deviation over the design is ${inUnit(Math.sqrt(result.indices.outputVariance))}`;
  if (runs < 2) return `${spread}. With one run a point its seed noise is not measured, so no index is marked as told apart from it: run with --runs 2 or more.`;
  const { betweenSeedsSd, seedNoiseSd, totalOrderFloor } = result.noise;
  return `${spread}. Between seeds at a point it moves by ${inUnit(betweenSeedsSd)} (standard deviation, pooled over the points); the part of it that differs from point to point, which the same seeds at every point do not cancel, is ${inUnit(seedNoiseSd)}, so a parameter without effect would show ST ≈ ${totalOrderFloor.toFixed(3)} from the noise of a ${runs}-run mean alone.`;
}

/** The mark of a parameter's ST against seed noise. */
function noiseMark(result: KpiSobol, i: number): string {
  return markOf(beyondNoise(result.indices.totalOrder[i]!, result.noise));
}

export function sobolMd(options: {
  job: SobolJob;
  /** The scenario as it ran (--at or --ticks its months), and as configured. */
  scenario: Scenario;
  command: string;
  seeds: readonly number[];
  points: number;
  /** The month the KPIs are read at, YYYY-MM. */
  at: string;
  results: ReadonlyMap<string, KpiSobol>;
  kpis: readonly ScalarKpi[];
  focusNote: string;
  charts: readonly ChartEntry[];
}): string {
  const { job, results, kpis } = options;
  const k = job.params.length;
  const labels = paramLabels(job.params);
  const totalRuns = options.points * job.runs;
  const perPoint = job.secondOrder ? `N(2k + 2) = ${job.samples} × ${2 * k + 2}` : `N(k + 2) = ${job.samples} × ${k + 2}`;
  const percent = `${Math.round(CONFIDENCE_LEVEL * 100)}%`;
  const sections = kpis.map((kpi) => {
    const result = results.get(kpi.key);
    if (result === undefined) return `### ${kpi.label}\n\nThe runs did not record it.`;
    const finite = Number.isFinite(result.indices.outputVariance) && result.indices.outputVariance > 0;
    if (!finite) return `### ${kpi.label}\n\n${noiseSentence(result, kpi.unit, job.runs)}`;
    const order = rankByTotalOrder(result);
    const rows = order.map((i, rank) => [
      String(rank + 1),
      labels[i]!,
      formatIndex(result.indices.firstOrder[i]!),
      formatIndex(result.indices.totalOrder[i]!),
      noiseMark(result, i),
    ]);
    const sumFirst = result.indices.firstOrder.reduce((sum, s) => sum + s.estimate, 0);
    const additivity = `Σ S1 = ${sumFirst.toFixed(2)}: ${sumFirst < 0.8 ? 'well below 1, so interactions (or seed noise) carry much of the variance' : 'near 1 or above it by the estimates\' error, so the parameters act mostly alone'}.`;
    const pairs: string[] = [];
    result.indices.secondOrder?.forEach((row, i) => row.forEach((pair, j) => pair !== undefined && pairs.push(`${labels[i]} × ${labels[j]}: ${formatIndex(pair)}`)));
    return [
      `### ${kpi.label}`,
      noiseSentence(result, kpi.unit, job.runs),
      mdTable(['Rank', 'Parameter', `S1 (${percent} interval)`, `ST (${percent} interval)`, 'ST against seed noise'], rows, ['r', 'l', 'r', 'r', 'l']),
      additivity,
      ...(pairs.length > 0 ? [`Second order (S2, the pair's interaction alone):\n\n${pairs.map((p) => `- ${p}`).join('\n')}`] : []),
    ].join('\n\n');
  });
  return [
    `# Sobol' indices of ${options.scenario.name}`,
    `Made by \`${options.command}\`; [manifest.json](manifest.json) records how to run it again.`,
    // --at stops the runs as --ticks would; the note says which the user gave.
    scenarioDescription(job.scenario, options.scenario.months, ...(job.at !== undefined ? [`--at ${job.at}`] : [])),
    `Which of ${k} parameters drive the KPIs at ${monthName(options.at)}${job.at === undefined ? ' (the last month)' : ' (--at)'}, alone and through interactions. Each parameter is uncertain over its interval, independently of the others:`,
    job.params.map((p, i) => `- ${labels[i]} (\`${p.path}\`): ${describeInterval(p)}`).join('\n'),
    `Saltelli's design on a scrambled Sobol' sequence (seed ${job.scenario.seed}): ${perPoint} = ${options.points.toLocaleString('en-US')} points${job.secondOrder ? ' (with second order)' : ''}, each run ${job.runs} time${job.runs === 1 ? '' : 's'} (${describeSeeds(options.seeds)}, the same at every point), ${totalRuns.toLocaleString('en-US')} runs in all. A point's KPI is the mean over its runs.`,
    `S1 is the share of a KPI's variance a parameter explains alone (Saltelli 2010), ST its share with every interaction it takes part in (Jansen 1999); intervals are ${percent} bootstrap intervals over the ${job.samples} base rows (1,000 resamples). An ST whose interval lies wholly above what seed noise alone would show is marked beyond noise; one that does not cannot be ranked as a driver on these runs. An estimate may fall below 0 or above 1 by its error: more samples (--samples) narrow the intervals, more runs a point (--runs) lower the noise.`,
    `## Parameters ranked by total-order index`,
    sections.join('\n\n'),
    `## Charts`,
    options.focusNote,
    chartSection(options.charts),
    `## Files`,
    `- [sobol.csv](sobol.csv): every KPI × parameter with S1, ST and their intervals, the KPI's seed noise and noise floor${job.secondOrder ? ', and every pair\'s S2' : ''}\n- [manifest.json](manifest.json): the resolved scenario, parameters, design, seeds and versions`,
    '',
  ].join('\n\n');
}
