import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { JobCollector } from '../batch/collect.js';
import { planJob, variantScenario } from '../batch/job.js';
import { buildManifest, manifestJson, type Environment } from '../batch/manifest.js';
import { encodePartial, EVENTS_FILE, holdsEvents, PARTIAL_BIN, PARTIAL_JSON } from '../batch/partial.js';
import { describeShard, shardTasks, type Shard } from '../batch/shard.js';
import type { Scenario } from '../config/parse-scenario.js';
import type { Job, JobKind, JobPlan } from '../jobs/job-kind.js';
import { digestOfFile } from '../io/file-digest.js';
import { describeFsFailure, errorCode } from '../io/fs-errors.js';
import { writeOutputFile, WriteFailure } from '../io/write-output.js';
import { commitOutput, discardOutput, OutputSetAside, prepareOutput, type Staging } from '../report/output-folder.js';
import { EXIT_BAD_INPUT, EXIT_RUN_FAILED } from '../jobs/command-line.js';
import { oneLine } from '../config/format-problems.js';
import { printableLine } from '../io/json-text.js';
import { InputError } from '../io/input-error.js';
import { onInterrupt } from './interrupt.js';
import type { PoolTaskInput } from './pool-task.js';
import { startProgress } from './progress.js';
import { startSimulation } from './run-in-worker.js';
import { startPool } from './run-pool.js';

/**
 * Writes a message of the run to the terminal. --out is the user's and is named in most of them
 * (errors, warnings, "Wrote … to …"): nothing in it may act on the terminal, whichever message it is in.
 */
function tell(stream: NodeJS.WriteStream, text: string): void {
  // Each message is one line, its own line feed last: one inside it is in a path (--out named with one), escaped.
  stream.write(`${printableLine(text.replace(/\n$/, ''))}\n`);
}

/** Never settles: the interrupt handler is ending the process, nothing else may happen meanwhile. */
const STOPPING = new Promise<never>(() => {});

/** The stop handle of whatever is running: one simulation thread, or the pool. */
export interface Running {
  stop(): Promise<void>;
}

export interface FolderWork {
  readonly outDir: string;
  /** The files and folders the command reads, which the output folder may not be, hold or lie in. */
  readonly inputs: readonly string[];
  readonly quiet: boolean;
  /** "run" or "job", as the messages name what stopped or failed. */
  readonly noun: string;
  /**
   * Fills the staging folder and returns the lines to print. `track` hands over what is running so
   * that Ctrl-C can stop it; `stopped` turns true once it has.
   */
  fill(staging: string, track: (running: Running | undefined) => void, stopped: () => boolean): Promise<string[]>;
}

/**
 * A failure as one line: the file system's real cause for its errors, naming the file written when
 * only writing fails that way (or the staging folder, when Node names no file); the message for others.
 */
function describeFailure(error: unknown, staging: string): string {
  if (errorCode(error) === undefined || error instanceof WriteFailure) return oneLine(error instanceof Error ? error.message : String(error));
  return oneLine(describeFsFailure(error, staging));
}

/**
 * Outputs are made in a staging folder beside the output folder and moved into place only once all
 * succeeded. Ctrl-C or a kill, or the end of the npm that started the run, stops what runs and
 * removes the staging folder, leaving the previous output as it was; a failure is one line and exit
 * code 1, bad input found on the way exit code 2. What could not be cleaned up is a warning.
 * Returns the exit code.
 */
export async function inStagedFolder(work: FolderWork): Promise<number> {
  const { outDir } = work;
  // Said of --out as it stands once an output set aside by a killed run is back.
  const describeUntouched = () => (existsSync(outDir) ? `${outDir} is unchanged` : `nothing was written to ${outDir}`);
  let untouched = describeUntouched();
  let staging: Staging | undefined;
  let running: Running | undefined;
  let interrupted = false;
  let committing = false;
  const signals = onInterrupt(({ description, exitCode }) => {
    if (committing) return;
    interrupted = true;
    void (running?.stop() ?? Promise.resolve()).finally(() => {
      const leftovers = staging !== undefined ? discardOutput(staging) : [];
      tell(process.stderr, `${description}: the ${work.noun === 'run' ? 'run' : 'runs'} stopped and ${untouched}\n`);
      for (const leftover of leftovers) tell(process.stderr, `warning: ${leftover}\n`);
      process.exit(exitCode);
    });
  });

  const prepared = prepareOutput(outDir, work.inputs);
  if (!prepared.success) {
    signals.restore();
    for (const warning of prepared.warnings ?? []) tell(process.stderr, `warning: ${warning}\n`);
    tell(process.stderr, `error: ${prepared.reason}\n`);
    for (const leftover of prepared.leftovers ?? []) tell(process.stderr, `warning: ${leftover}\n`);
    return EXIT_BAD_INPUT;
  }
  for (const warning of prepared.warnings) tell(process.stderr, `warning: ${warning}\n`);
  // As --out stood when the run began (a set-aside output put back), not as a user may have changed it since.
  untouched = prepared.existed ? `${outDir} is unchanged` : `nothing was written to ${outDir}`;
  staging = prepared.staging;
  let lines: string[];
  let committed: { leftover?: string };
  try {
    if (interrupted) return STOPPING;
    lines = await work.fill(staging.path, (r) => (running = r), () => interrupted);
    // A signal that came while the outputs were written is handled before the commit, not after it.
    await new Promise((turn) => setImmediate(turn));
    if (interrupted || signals.parentGone()) return STOPPING;
    committing = true;
    committed = commitOutput(staging, outDir);
    signals.restore();
  } catch (error) {
    if (interrupted) return STOPPING;
    signals.restore();
    // What could not be cleaned up is said after the failure, never in its place.
    const leftovers = discardOutput(staging);
    const sayLeftovers = () => {
      for (const leftover of leftovers) tell(process.stderr, `warning: ${leftover}\n`);
    };
    if (error instanceof InputError) {
      tell(process.stderr, `error: ${oneLine(error.message)}; ${untouched}\n`);
      sayLeftovers();
      return EXIT_BAD_INPUT;
    }
    if (error instanceof OutputSetAside) tell(process.stderr, `error: the ${work.noun} failed: ${error.message}\n`);
    else tell(process.stderr, `error: the ${work.noun} failed and ${untouched}: ${describeFailure(error, staging.path)}\n`);
    sayLeftovers();
    return EXIT_RUN_FAILED;
  }
  if (!work.quiet) for (const line of lines) tell(process.stdout, line);
  // Said even with --quiet: a folder the tool leaves behind is no message about the run.
  if (committed.leftover !== undefined) tell(process.stderr, `warning: ${committed.leftover}\n`);
  return 0;
}

export interface Execution {
  readonly kind: JobKind;
  readonly job: Job;
  /** The canonical command line, recorded in the manifest. */
  readonly command: string;
  readonly outDir: string;
  /** The config files (extends chains included) or the manifest the job was read from. */
  readonly inputs: readonly string[];
  readonly workers: number;
  readonly shard?: Shard;
  readonly quiet: boolean;
  readonly environment: Environment;
}

/** Runs a job, or a shard's slice of it, and writes its outputs, or the shard's partial result. */
export async function executeJob(execution: Execution): Promise<number> {
  const { job, kind, shard } = execution;
  const plan = planJob(job, kind);
  const range = shard ? shardTasks(shard, plan.tasks) : { from: 0, to: plan.tasks };
  const single = plan.tasks === 1 && !shard;
  return inStagedFolder({
    outDir: execution.outDir,
    inputs: execution.inputs,
    quiet: execution.quiet,
    noun: single ? 'run' : 'job',
    fill: async (staging, track, stopped) => {
      const collector = new JobCollector(plan, shard ? 'keep' : 'reduce');
      const eventsFile = holdsEvents(kind, range) ? join(staging, EVENTS_FILE) : undefined;
      if (single && kind.eventsOfFirstRun && kind.reduction === 'series') {
        // One run keeps its own thread, as simulate always did; its bar counts months.
        const built = variantScenario(plan.taskVariant(0));
        if (!built.success) throw new Error(`${plan.variant(0).label}: ${built.message}`);
        const scenario = built.value;
        const progress = startProgress({ total: scenario.months, unit: 'months', quiet: execution.quiet });
        const run = startSimulation({ scenario, eventsFile: join(staging, EVENTS_FILE) }, (month) => progress.reach(month));
        track(run);
        const outcome = await run.outcome;
        progress.stop();
        if (stopped()) return [];
        if (!outcome.success) throw new Error(outcome.message);
        collector.add(0, { kind: 'series', metrics: outcome.metrics });
      } else {
        const progress = startProgress({ total: range.to - range.from, unit: 'runs', quiet: execution.quiet });
        const pool = startPool({
          tasks: poolTasks(plan, range, eventsFile),
          workers: Math.max(1, Math.min(execution.workers, range.to - range.from)),
          onResult: (task, result) => {
            collector.add(task, result);
            progress.advance();
          },
        });
        track(pool);
        const outcome = await pool.outcome;
        progress.stop();
        if (stopped()) return [];
        if (!outcome.success) throw new Error(outcome.message);
      }
      track(undefined);
      writeOutputFile(join(staging, 'manifest.json'), manifestJson(buildManifest(job, kind, execution.command, execution.environment)));
      if (!shard) return kind.write({ plan, collector, staging, command: execution.command, outDir: execution.outDir, stopped }, job);
      const events = eventsFile !== undefined ? digestOfFile(eventsFile) : undefined;
      const partial = encodePartial({ plan, shard, tasks: range, collector, command: execution.command, environment: execution.environment, ...(events ? { events } : {}) });
      writeOutputFile(join(staging, PARTIAL_JSON), partial.json);
      writeOutputFile(join(staging, PARTIAL_BIN), partial.bin);
      return [
        `Shard ${describeShard(shard)}: ran ${range.to - range.from} of the job's ${plan.tasks} runs${range.to > range.from ? ` (${range.from + 1}–${range.to})` : ''}.`,
        `When all ${shard.count} shards are done, combine them with: npm run merge -- <the ${shard.count} shard folders>`,
        `Wrote ${PARTIAL_JSON}, ${PARTIAL_BIN}${eventsFile ? ', events.jsonl' : ''} and manifest.json to ${execution.outDir}/`,
      ];
    },
  });
}

/**
 * The tasks of a range, each variant's scenario built and checked once, as its first run is sent;
 * each run's, when its runs differ by more than their seed.
 */
function* poolTasks(plan: JobPlan, range: { from: number; to: number }, eventsFile: string | undefined) {
  let cached: { key: number; scenario: Scenario } | undefined;
  for (let index = range.from; index < range.to; index++) {
    const task = plan.task(index);
    const variant = plan.variant(task.variant);
    const key = plan.settingsPerRun ? index : task.variant;
    if (cached?.key !== key) {
      const built = variantScenario(plan.taskVariant(index));
      if (!built.success) throw new Error(`${variant.label}${plan.settingsPerRun ? `, run ${task.run + 1} (seed ${task.seed})` : ''}: ${built.message}`);
      cached = { key, scenario: built.value };
    }
    const input: PoolTaskInput = {
      scenario: cached.scenario,
      seed: task.seed,
      reduction: plan.reduction,
      ...(index === 0 && eventsFile !== undefined ? { eventsFile } : {}),
    };
    yield { task: index, describe: `run ${index + 1} of ${plan.tasks} (${variant.label}, seed ${task.seed})`, input };
  }
}
