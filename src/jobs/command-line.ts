import type { Scenario } from '../config/parse-scenario.js';
import type { Job } from './job-kind.js';
import type { JobOptions } from './job-options.js';
import { explainArgs } from './usage-after.js';
import { printable, printablePath } from '../io/json-text.js';

/**
 * What the kinds' command lines share: exit codes, bad input reported with the usage, the options
 * every job records, the scenario as --seed resolves it, manifests that fix a job, --vendor and --cloud.
 */

export const EXIT_RUN_FAILED = 1;
export const EXIT_BAD_INPUT = 2;

/** Prints a bad-input error with the usage; returns the exit code. */
export function badInput(message: string, usage?: string): number {
  // A message may quote what the user typed (a path, an option): nothing in it may act on the terminal.
  const { message: said, after } = usage === undefined ? { message, after: '' } : explainArgs(message, usage);
  process.stderr.write(`error: ${printable(said)}\n${after}`);
  return EXIT_BAD_INPUT;
}

/** The scenario with --seed applied (--ticks goes in the job: see Job.ticks). */
export function resolveScenario(scenario: Scenario, options: Pick<JobOptions, 'seed'>): Scenario {
  return { ...scenario, seed: options.seed ?? scenario.seed };
}

/** The options every job records: runs, charts and --ticks. */
export function jobCommon(options: JobOptions): { runs: number; charts: boolean; ticks?: number } {
  return { runs: options.runs ?? 1, charts: options.charts, ...(options.ticks !== undefined ? { ticks: options.ticks } : {}) };
}

/**
 * A manifest fixes the job: options that would change it are refused rather than half-applied.
 * Only where and how it runs may change: --out, --workers, --shard, --quiet.
 */
export function manifestConflicts(file: string, kind: string, job: Job, given: readonly string[]): string | undefined {
  const shown = printablePath(file);
  if (job.kind !== kind) return `${shown} records a ${job.kind} job: run it with npm run ${job.kind} -- ${shown}`;
  if (given.length > 0) {
    return `${shown} is a manifest, which fixes the job; ${given.join(', ')} cannot change it (only --out, --workers, --shard and --quiet can go with a manifest)`;
  }
  return undefined;
}

/** The options given on the command line that change a job, by flag. */
export function jobChangingFlags(options: JobOptions, extra: Readonly<Record<string, unknown>> = {}): string[] {
  const flags: string[] = [];
  if (options.seed !== undefined) flags.push('--seed');
  if (options.ticks !== undefined) flags.push('--ticks');
  if (options.runs !== undefined) flags.push('--runs');
  if (!options.charts) flags.push('--no-charts');
  for (const [flag, value] of Object.entries(extra)) if (value !== undefined && !(Array.isArray(value) && value.length === 0)) flags.push(flag);
  return flags;
}

/** --vendor and --cloud must name a vendor and a cloud of the scenarios; the message lists those there are. */
export function checkFocus(focus: { vendor?: string; cloud?: string }, scenarios: readonly Scenario[]): string | undefined {
  const vendors = [...new Set(scenarios.flatMap((s) => s.vendors.map((v) => v.id)))];
  const clouds = [...new Set(scenarios.flatMap((s) => s.clouds.map((c) => c.id)))];
  if (focus.vendor !== undefined && !vendors.includes(focus.vendor)) return `--vendor ${focus.vendor}: no such vendor; vendors: ${vendors.join(', ')}`;
  if (focus.cloud !== undefined && !clouds.includes(focus.cloud)) return `--cloud ${focus.cloud}: no such cloud; clouds: ${clouds.join(', ')}`;
  return undefined;
}
