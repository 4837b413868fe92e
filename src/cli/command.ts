import { stopQuietlyOnClosedPipe } from './closed-pipe.js';
import { resolve } from 'node:path';
import { asRun, checkJobSize, defaultOutDir, normaliseJob, type Job, type JobKind } from '../batch/job.js';
import { isManifest, MANIFEST_LIMITS, parseManifest } from '../batch/manifest.js';
import { runPastCalendar } from '../config/event-targets.js';
import { loadScenarioFile } from '../config/load-scenario-file.js';
import { printable } from '../io/json-text.js';
import { readJsonFile } from '../io/read-json-file.js';
import type { Scenario } from '../config/parse-scenario.js';
import { pastCalibratedWindow } from '../report/calibrated-window.js';
import { currentEnvironment } from './environment.js';
import { EXIT_BAD_INPUT, EXIT_RUN_FAILED, executeJob } from './execute-job.js';
import { formatProblemLines, formatProblems, oneLine } from './format-problems.js';
import { usageAfter, type JobOptions } from './job-options.js';

/** Runs a command's main and turns a stray exception, a bug, into one line and exit code 1. */
export function runCommand(main: (argv: readonly string[]) => Promise<number>): void {
  stopQuietlyOnClosedPipe();
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`error: ${oneLine(error instanceof Error ? error.message : String(error))}\n`);
      process.exitCode = EXIT_RUN_FAILED;
    },
  );
}

/** Prints a bad-input error with the usage; returns the exit code. */
export function badInput(message: string, usage?: string): number {
  // A message may quote what the user typed (a path, an option): nothing in it may act on the terminal.
  process.stderr.write(`error: ${printable(message)}\n${usage === undefined ? '' : usageAfter(message, usage)}`);
  return EXIT_BAD_INPUT;
}

/** What a command reads: a config file (with the files it extends), or a manifest.json recording a job. */
export type Input =
  | { readonly kind: 'scenario'; readonly scenario: Scenario; readonly files: readonly string[] }
  | { readonly kind: 'manifest'; readonly job: Job; readonly command: string; readonly files: readonly string[] };

/** A config file, or a manifest.json recording a job; problems come back as the message to print. */
export function loadInput(file: string): { success: true; input: Input } | { success: false; message: string } {
  const read = readJsonFile(file, MANIFEST_LIMITS);
  if (read.success && isManifest(read.json)) {
    const parsed = parseManifest(read.json);
    if (!parsed.success) return { success: false, message: formatProblemLines(`${file} is not a valid manifest`, parsed.problems) };
    return { success: true, input: { kind: 'manifest', job: parsed.job, command: parsed.command, files: [resolve(file)] } };
  }
  // Anything else is read as a config, which says what is wrong with the file if anything is.
  const loaded = loadScenarioFile(file);
  if (!loaded.success) return { success: false, message: formatProblems(loaded.file, loaded.problems) };
  return { success: true, input: { kind: 'scenario', scenario: loaded.scenario, files: loaded.files } };
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
export function manifestConflicts(file: string, kind: JobKind, job: Job, given: readonly string[]): string | undefined {
  if (job.kind !== kind) return `${file} records a ${job.kind} job: run it with npm run ${job.kind} -- ${file}`;
  if (given.length > 0) {
    return `${file} is a manifest, which fixes the job; ${given.join(', ')} cannot change it (only --out, --workers, --shard and --quiet can go with a manifest)`;
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

/**
 * Runs a job as the options say: checks its size, picks the output folder (a shard's gets
 * "-shard-<i>-of-<N>"), records the environment for the manifest.
 */
export async function launchJob(job: Job, command: string, options: JobOptions, inputs: readonly string[]): Promise<number> {
  const tooBig = checkJobSize(job);
  if (tooBig !== undefined) return badInput(tooBig);
  const tooLate = ticksPastCalendar(job);
  if (tooLate !== undefined) return badInput(tooLate);
  const shard = options.shard;
  const outDir = options.out ?? (shard ? `${defaultOutDir(job)}-shard-${shard.index}-of-${shard.count}` : defaultOutDir(job));
  if (!options.quiet) for (const warning of calibrationWarnings(job)) process.stderr.write(`warning: ${warning}\n`);
  return executeJob({
    job: normaliseJob(job),
    command,
    outDir,
    inputs,
    workers: options.workers,
    ...(shard ? { shard } : {}),
    quiet: options.quiet,
    environment: currentEnvironment(),
  });
}

/** --ticks that would run a scenario past 9999-12, whose months cannot be written YYYY-MM (a config's months are checked at load). */
function ticksPastCalendar(job: Job): string | undefined {
  if (job.ticks === undefined) return undefined;
  for (const scenario of job.kind === 'compare' ? job.scenarios : [job.scenario]) {
    const problem = runPastCalendar(scenario.start, job.ticks);
    if (problem !== undefined) return `--ticks ${job.ticks}: ${scenario.name}: ${problem}`;
  }
  return undefined;
}

/**
 * One line for each scenario of the job whose run goes past its calibrated window, said once
 * before it runs (report.md of a simulate run says it too). --quiet keeps the console to errors.
 */
export function calibrationWarnings(job: Job): string[] {
  const scenarios = job.kind === 'compare' ? job.scenarios : [job.scenario];
  const lines = scenarios.flatMap((scenario) => {
    const warning = pastCalibratedWindow(asRun(job, scenario));
    return warning === undefined ? [] : [`${scenario.name}: ${warning}`];
  });
  return [...new Set(lines)];
}

/** --vendor and --cloud must name a vendor and a cloud of the scenarios; the message lists those there are. */
export function checkFocus(focus: { vendor?: string; cloud?: string }, scenarios: readonly Scenario[]): string | undefined {
  const vendors = [...new Set(scenarios.flatMap((s) => s.vendors.map((v) => v.id)))];
  const clouds = [...new Set(scenarios.flatMap((s) => s.clouds.map((c) => c.id)))];
  if (focus.vendor !== undefined && !vendors.includes(focus.vendor)) return `--vendor ${focus.vendor}: no such vendor; vendors: ${vendors.join(', ')}`;
  if (focus.cloud !== undefined && !clouds.includes(focus.cloud)) return `--cloud ${focus.cloud}: no such cloud; clouds: ${clouds.join(', ')}`;
  return undefined;
}
