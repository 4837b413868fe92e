import type { ParseArgsConfig } from 'node:util';
import { JOB_OPTIONS, jobOptionsUsage, parseCommandLine, readJobOptions, TARGETS_OPTIONS, TARGETS_USAGE, type JobOptions } from '../job-options.js';

export const SIMULATE_USAGE = `Usage: npm run simulate -- [config.json | manifest.json] [options]

Runs one scenario and writes charts (PNG), report.md, metrics.csv, summary.json, events.jsonl and
manifest.json. With --runs N it runs N seeds (seed, seed + 1, …): charts show the mean with a
5th–95th percentile band, metrics.csv and summary.json give mean, p5, p50 and p95.

Arguments:
  config.json        scenario file (default: configs/baseline.json)
  manifest.json      the manifest.json of an earlier output: runs that job again exactly

Options:
${TARGETS_USAGE}
  --uncertain        with --runs N: each run draws the config's uncertain parameters afresh
                     with its seed (second-order Monte Carlo): the bands are the spread of both,
                     and uncertain-draws.csv lists each run's values
${jobOptionsUsage('output/<scenario name>/')}

Examples:
  npm run simulate -- configs/commoditized.json
  npm run simulate -- configs/baseline.json --runs 20
  npm run simulate -- configs/baseline.json --targets configs/targets/2023-2025.json
  npm run simulate -- my-scenario.json --runs 50 --uncertain
  npm run simulate -- output/baseline/manifest.json --out output/baseline-again
`;

const UNCERTAIN_OPTIONS = { uncertain: { type: 'boolean', default: false } } as const satisfies ParseArgsConfig['options'];

export interface SimulateArgs extends JobOptions {
  readonly config: string;
  /** --targets: the targets file the charts draw. */
  readonly targets?: string;
  /** --uncertain: draw the config's uncertain parameters for each run. */
  readonly uncertain: boolean;
}

export type ArgsResult = { success: true; args: SimulateArgs } | { success: false; message: string };

export function parseSimulateArgs(argv: readonly string[]): ArgsResult {
  const parsed = parseCommandLine(argv, { ...JOB_OPTIONS, ...TARGETS_OPTIONS, ...UNCERTAIN_OPTIONS });
  if (!parsed.success) return parsed;
  const { values, positionals } = parsed;
  if (positionals.length > 1) {
    return { success: false, message: `one config file at a time, got ${positionals.length}: ${positionals.join(' ')}` };
  }
  const options = readJobOptions(values);
  if (!options.success) return options;
  const targets = values.targets === undefined ? {} : { targets: values.targets };
  return { success: true, args: { ...options.value, config: positionals[0] ?? 'configs/baseline.json', ...targets, uncertain: values.uncertain === true } };
}
