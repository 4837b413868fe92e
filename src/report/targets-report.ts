import { measureTarget } from '../calibration/measure-target.js';
import { describeWindow } from '../calibration/target-file.js';
import { describeBand, formatTarget } from '../calibration/target-format.js';
import { inBand } from '../calibration/target-verdict.js';
import { sampleStats } from '../ensemble/quantiles.js';
import type { MetricTable } from '../metrics/metric-table.js';
import type { TargetPlacement } from '../render/target-marks.js';
import { mdTable } from './kpi-format.js';

/**
 * The "Targets" section of report.md (simulate) and comparison.md (compare) with --targets: each
 * modelled target's figure read off the runs as a calibration reads it (measureTarget), its mean
 * over the runs against the band, hit or miss (inBand), and the charts that draw it or why none
 * does; then the targets not modelled, with why.
 */

/** One column of figures: a scenario's runs, in seed order. */
export interface TargetColumn {
  readonly label: string;
  readonly runs: readonly MetricTable[];
}

export interface TargetVerdict {
  readonly mean: number;
  readonly p5: number;
  readonly p95: number;
  /** Runs that gave the figure (a run that does not cover its months, or lacks the entity, gives none). */
  readonly count: number;
  readonly hit: boolean;
}

/** A target's figure over runs: the mean of each run's figure, as calibrate's "at the fit" takes it, in the band or not. */
export function verdictOver(placement: TargetPlacement, runs: readonly MetricTable[]): TargetVerdict {
  const stats = sampleStats(runs.map((table) => measureTarget(placement.target, table)));
  const mean = stats?.mean ?? Number.NaN;
  return { mean, p5: stats?.p5 ?? Number.NaN, p95: stats?.p95 ?? Number.NaN, count: stats?.count ?? 0, hit: inBand(placement.target, mean) };
}

function cell(verdict: TargetVerdict, runs: number): string {
  const spread = runs > 1 && verdict.count > 0 ? ` (${formatTarget(verdict.p5)} – ${formatTarget(verdict.p95)})` : '';
  const some = runs > 1 && verdict.count > 0 && verdict.count < runs ? `, ${verdict.count} of ${runs} runs` : '';
  return `${formatTarget(verdict.mean)}${spread}${some} ${verdict.hit ? 'hit' : '**miss**'}`;
}

function drawnOn(placement: TargetPlacement): string {
  return placement.charts.length > 0 ? placement.charts.map((file) => `[${file}](${encodeURI(file)})`).join(', ') : `not drawn: ${placement.reason ?? ''}`;
}

export function targetsSection(options: {
  /** The targets file as the command line named it, and its SHA-256. */
  readonly file: string;
  readonly sha256: string;
  readonly placements: readonly TargetPlacement[];
  readonly columns: readonly TargetColumn[];
}): string {
  const { placements, columns } = options;
  const modelled = placements.filter((p) => p.target.notModelled === undefined);
  const runs = Math.max(...columns.map((c) => c.runs.length));
  const verdicts = modelled.map((p) => columns.map((c) => verdictOver(p, c.runs)));
  const figure = runs > 1 ? `the mean of each run's figure over the ${runs} runs, with their 5th to 95th percentile,` : "the run's figure";
  const rows = modelled.map((p, i) => [`\`${p.target.id}\``, describeWindow(p.target), describeBand(...p.target.band), ...verdicts[i]!.map((v) => cell(v, runs)), drawnOn(p)]);
  const header = ['target', 'months', 'band', ...(columns.length === 1 ? ['simulated'] : columns.map((c) => c.label)), 'drawn on'];
  const hits = columns.map((c, j) => `${c.label}: ${verdicts.filter((v) => v[j]!.hit).length} of ${modelled.length}`);
  const notModelled = placements.filter((p) => p.target.notModelled !== undefined);
  return [
    '## Targets',
    `The figures of \`${options.file}\` (\`${options.sha256.slice(0, 19)}…\`), read off the run${runs > 1 || columns.length > 1 ? 's' : ''} as \`npm run calibrate\` reads them: ` +
      `${figure} against the target's band (both ends included); a hit when it lies in it. ` +
      'Charts of a metric a target measures draw it: a diamond at the figure its source reported (at the middle of its band when the source gave a range) with the band as a bar at its month, or the band as a box over its window.',
    mdTable(header, rows, ['l', 'l', 'r', ...columns.map(() => 'r' as const), 'l']),
    `Hits: ${hits.join('; ')} modelled targets.`,
    notModelled.length === 0
      ? ''
      : `Not modelled, so neither drawn nor checked:\n\n${notModelled.map((p) => `- \`${p.target.id}\` (${p.target.metric}): ${p.target.notModelled}`).join('\n')}`,
  ]
    .filter((part) => part !== '')
    .join('\n\n');
}
