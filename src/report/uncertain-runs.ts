import type { Distribution } from '../config/uncertain-schema.js';
import type { ParamSetting } from '../sweep/param-range.js';
import { describeSeeds, mdTable } from './kpi-format.js';

/**
 * How an ensemble whose runs drew the scenario's uncertain parameters (simulate --uncertain) says
 * so: the phrase its bands, report and console carry ("seeds 1–20 and 12 uncertain parameters"),
 * the draws as a CSV, summary.json's record of them and report.md's section.
 */

/** The file that lists each run's seed and drawn values. */
export const UNCERTAIN_DRAWS_CSV = 'uncertain-draws.csv';

/** What summary.json records of the uncertain parameters an ensemble drew. */
export interface UncertainSummary {
  /** "seeds and 2 uncertain parameters, drawn together for each run (second-order Monte Carlo)" */
  readonly spread: string;
  readonly parameters: readonly UncertainParameterRecord[];
  /** The file listing each run's values. */
  readonly draws: string;
}

/** One parameter as the runs drew it. */
export interface UncertainParameterRecord {
  readonly path: string;
  readonly distribution: Distribution;
  readonly source: string;
}

export function uncertainCount(count: number): string {
  return `${count} uncertain parameter${count === 1 ? '' : 's'}`;
}

/** "seeds 1–3 and 2 uncertain parameters": what an ensemble's spread comes from. */
export function describeRunsSpread(seeds: readonly number[], uncertain: number | undefined): string {
  return uncertain === undefined ? describeSeeds(seeds) : `${describeSeeds(seeds)} and ${uncertainCount(uncertain)}`;
}

export function uncertainSummary(parameters: readonly UncertainParameterRecord[]): UncertainSummary {
  return {
    spread: `seeds and ${uncertainCount(parameters.length)}, drawn together for each run (second-order Monte Carlo)`,
    parameters: parameters.map(({ path, distribution, source }) => ({ path, distribution, source })),
    draws: UNCERTAIN_DRAWS_CSV,
  };
}

/** `run,seed,<path>,…`: one row per run, its seed and the value each parameter took. */
export function uncertainDrawsCsv(seeds: readonly number[], draws: readonly (readonly ParamSetting[])[]): string {
  const paths = draws[0]?.map((setting) => setting.path) ?? [];
  const header = ['run', 'seed', ...paths.map(csvField)].join(',');
  const rows = draws.map((draw, run) => [String(run + 1), String(seeds[run]), ...draw.map((setting) => String(setting.value))].join(','));
  return `${[header, ...rows].join('\n')}\n`;
}

/** A field quoted when it holds a character CSV reserves (an id never does; a key or a description might). */
export function csvField(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** "uniform 0.2–0.6", "normal mean 2, sd 0.4, truncated to the valid range" */
export function describeDistribution(distribution: Distribution): string {
  switch (distribution.type) {
    case 'uniform':
    case 'log-uniform':
      return `${distribution.type} ${distribution.lo} to ${distribution.hi}`;
    case 'triangular':
      return `triangular ${distribution.lo} to ${distribution.hi}, most likely ${distribution.mode}`;
    case 'normal':
      return `normal, mean ${distribution.mean}, sd ${distribution.sd}, within the valid range`;
    default: {
      const never: never = distribution;
      return never;
    }
  }
}

/** report.md's section: each parameter, its distribution, the values the runs drew, its source. */
export function uncertainSection(parameters: readonly UncertainParameterRecord[], draws: readonly (readonly ParamSetting[])[]): string {
  const rows = parameters.map((parameter, i) => {
    const values = draws.map((draw) => draw[i]!.value);
    const drawn = `${formatValue(Math.min(...values))} to ${formatValue(Math.max(...values))}`;
    return [`\`${parameter.path}\``, describeDistribution(parameter.distribution), drawn, parameter.source];
  });
  return [
    '## Uncertain parameters',
    `Each run drew these ${uncertainCount(parameters.length)} afresh together with its seed (second-order Monte Carlo), so the bands and percentiles above are the spread of both the seeds and the parameters. [${UNCERTAIN_DRAWS_CSV}](${UNCERTAIN_DRAWS_CSV}) lists each run's values.`,
    mdTable(['Parameter', 'Distribution', 'Drawn', 'Source'], rows, ['l', 'l', 'r', 'l']),
  ].join('\n\n');
}

function formatValue(value: number): string {
  return Number(value.toPrecision(4)).toString();
}
