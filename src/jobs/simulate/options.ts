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
${jobOptionsUsage('output/<scenario name>/')}

Examples:
  npm run simulate -- configs/commoditized.json
  npm run simulate -- configs/baseline.json --runs 20
  npm run simulate -- configs/baseline.json --targets configs/targets/2023-2025.json
  npm run simulate -- output/baseline/manifest.json --out output/baseline-again
`;

export interface SimulateArgs extends JobOptions {
  readonly config: string;
  /** --targets: the targets file the charts draw. */
  readonly targets?: string;
}

export type ArgsResult = { success: true; args: SimulateArgs } | { success: false; message: string };

export function parseSimulateArgs(argv: readonly string[]): ArgsResult {
  const parsed = parseCommandLine(argv, { ...JOB_OPTIONS, ...TARGETS_OPTIONS });
  if (!parsed.success) return parsed;
  const { values, positionals } = parsed;
  if (positionals.length > 1) {
    return { success: false, message: `one config file at a time, got ${positionals.length}: ${positionals.join(' ')}` };
  }
  const options = readJobOptions(values);
  if (!options.success) return options;
  const targets = values.targets === undefined ? {} : { targets: values.targets };
  return { success: true, args: { ...options.value, config: positionals[0] ?? 'configs/baseline.json', ...targets } };
}
