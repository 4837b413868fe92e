import { stopQuietlyOnClosedPipe } from './closed-pipe.js';
import { putBackBeforeStart } from './put-back.js';
import { printableLine, printablePath } from '../io/json-text.js';
import { resolve } from 'node:path';
import { asRun, checkJobSize, normaliseJob } from '../batch/job.js';
import { buildManifest, isManifest, MANIFEST_LIMITS, manifestJson, manifestSizeProblem, oversizedManifest, parseManifest } from '../batch/manifest.js';
import { isCalibrationManifest } from '../calibration/calibration-manifest.js';
import { runPastCalendar } from '../config/event-targets.js';
import { loadScenarioFile } from '../config/load-scenario-file.js';
import { readJsonFile } from '../io/read-json-file.js';
import type { Input, Job, JobKind, JobKinds } from '../jobs/job-kind.js';
import { pastCalibratedWindow } from '../report/calibrated-window.js';
import { endsBeforeBranch } from '../report/before-branch.js';
import { currentEnvironment } from './environment.js';
import { badInput, EXIT_RUN_FAILED } from '../jobs/command-line.js';
import { executeJob } from './execute-job.js';
import { formatProblemLines, formatProblems, oneLine } from '../config/format-problems.js';
import type { JobOptions } from '../jobs/job-options.js';

/** Runs a command's main and turns a stray exception, a bug, into one line and exit code 1. */
export function runCommand(main: (argv: readonly string[]) => Promise<number>): void {
  stopQuietlyOnClosedPipe();
  const argv = process.argv.slice(2);
  putBackBeforeStart(argv);
  main(argv).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`error: ${oneLine(error instanceof Error ? error.message : String(error))}\n`);
      process.exitCode = EXIT_RUN_FAILED;
    },
  );
}

/** A config file, or a manifest.json recording a job of one of the kinds; problems come back as the message to print. */
export function loadInput(file: string, kinds: JobKinds): { success: true; input: Input } | { success: false; message: string } {
  const read = readJsonFile(file, MANIFEST_LIMITS);
  if (read.success && isManifest(read.json)) {
    const parsed = parseManifest(read.json, kinds);
    if (!parsed.success) return { success: false, message: formatProblemLines(`${printablePath(file)} is not a valid manifest`, parsed.problems) };
    return { success: true, input: { kind: 'manifest', job: parsed.job, command: parsed.command, files: [resolve(file)] } };
  }
  if (read.success && isCalibrationManifest(read.json)) return { success: false, message: `${printablePath(file)} is the manifest of a calibration, not of a job: npm run calibrate -- ${printablePath(file)} runs it again` };
  // A manifest too big to read is above a manifest's limit, not a scenario's.
  const oversized = read.success ? undefined : oversizedManifest(file);
  if (oversized !== undefined) return { success: false, message: `${printablePath(file)}: ${oversized}` };
  // Anything else is read as a config, which says what is wrong with the file if anything is.
  const loaded = loadScenarioFile(file);
  if (!loaded.success) return { success: false, message: formatProblems(loaded.file, loaded.problems) };
  return { success: true, input: { kind: 'scenario', scenario: loaded.scenario, files: loaded.files } };
}

/**
 * Runs a job as the options say: checks its size and its manifest's, picks the output folder (a shard's gets
 * "-shard-<i>-of-<N>"), records the environment for the manifest.
 */
export async function launchJob(kind: JobKind, job: Job, command: string, options: JobOptions, inputs: readonly string[]): Promise<number> {
  const tooBig = checkJobSize(job, kind);
  if (tooBig !== undefined) return badInput(tooBig);
  const tooLate = ticksPastCalendar(job, kind);
  if (tooLate !== undefined) return badInput(tooLate);
  const normalised = normaliseJob(job, kind);
  const environment = currentEnvironment();
  const manifestTooBig = manifestSizeProblem(manifestJson(buildManifest(normalised, kind, command, environment)), kind.scenarios(job).length);
  if (manifestTooBig !== undefined) return badInput(manifestTooBig);
  const shard = options.shard;
  const outDir = options.out ?? (shard ? `${kind.defaultOutDir(job)}-shard-${shard.index}-of-${shard.count}` : kind.defaultOutDir(job));
  if (!options.quiet) for (const warning of runWarnings(job, kind)) process.stderr.write(`warning: ${printableLine(warning)}\n`);
  return executeJob({
    kind,
    job: normalised,
    command,
    outDir,
    inputs,
    workers: options.workers,
    ...(shard ? { shard } : {}),
    quiet: options.quiet,
    environment,
  });
}

/** --ticks that would run a scenario past 9999-12, whose months cannot be written YYYY-MM (a config's months are checked at load). */
function ticksPastCalendar(job: Job, kind: JobKind): string | undefined {
  if (job.ticks === undefined) return undefined;
  for (const scenario of kind.scenarios(job)) {
    const problem = runPastCalendar(scenario.start, job.ticks);
    if (problem !== undefined) return `--ticks ${job.ticks}: ${scenario.name}: ${problem}`;
  }
  return undefined;
}

/**
 * One line for each scenario of the job whose run goes past its calibrated window, or ends before
 * the scenario branches from its parent (so it is the parent's run), said once before it runs
 * (report.md says it too). --quiet keeps the console to errors.
 */
export function runWarnings(job: Job, kind: JobKind): string[] {
  const lines = kind.scenarios(job).flatMap((scenario) => {
    const run = asRun(job, scenario);
    return [pastCalibratedWindow(run), endsBeforeBranch(run)].flatMap((warning) => (warning === undefined ? [] : [`${scenario.name}: ${warning}`]));
  });
  return [...new Set(lines)];
}
