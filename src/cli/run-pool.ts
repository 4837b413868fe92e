import { Piscina } from 'piscina';
import { HEAP_BUDGET_BYTES } from '../config/limits.js';
import type { TaskResult } from '../batch/collect.js';
import { fromColumns } from './metric-transfer.js';
import type { PoolTaskInput, PoolTaskOutput } from './pool-task.js';

/**
 * Runs many simulations on a pool of worker threads (piscina), one run per task. Tasks are drawn
 * from an iterator as workers free up, never more than two per worker waiting, so a sweep of
 * thousands of points never holds thousands of scenarios; results are handed over as they arrive,
 * with their task number, for the caller to file.
 */

export interface PoolJob {
  /** Tasks in order; each input is built only when it is about to be sent. */
  readonly tasks: Iterator<{ readonly task: number; readonly describe: string; readonly input: PoolTaskInput }>;
  readonly workers: number;
  readonly onResult: (task: number, result: TaskResult) => void;
}

export type PoolOutcome = { readonly success: true } | { readonly success: false; readonly message: string };

export interface PoolRun {
  readonly outcome: Promise<PoolOutcome>;
  /** Stops every worker at once, mid-run, and waits until they have stopped. */
  stop(): Promise<void>;
}

/** The worker's entry: under tsx a bootstrap that registers tsx in the thread, else the compiled task. */
function workerEntry(): string {
  const self = new URL(import.meta.url);
  return new URL(self.pathname.endsWith('.ts') ? './pool-worker.mjs' : './pool-task.js', self).href;
}

function newPool(workers: number): Piscina<PoolTaskInput, PoolTaskOutput> {
  return new Piscina<PoolTaskInput, PoolTaskOutput>({
    filename: workerEntry(),
    minThreads: workers,
    maxThreads: workers,
    idleTimeout: 60_000,
    // As for a single run: running out of memory is a worker error reported in one line.
    resourceLimits: { maxOldGenerationSizeMb: HEAP_BUDGET_BYTES / 2 ** 20 },
  });
}

/**
 * A pool kept open across batches of runs whose next batch depends on the last (a calibration's
 * generations): each run is a promise of its result; a failed run rejects with the reason in words.
 */
export interface OpenPool {
  run(input: PoolTaskInput): Promise<TaskResult>;
  /** Stops every worker at once, mid-run, and waits until they have stopped. */
  close(): Promise<void>;
}

export function openPool(workers: number): OpenPool {
  const pool = newPool(workers);
  let closed: Promise<void> | undefined;
  return {
    run: (input) =>
      pool.run(input).then(toResult, (error: Error & { code?: string }) => {
        throw new Error(reason(error));
      }),
    close: () => (closed ??= pool.destroy()),
  };
}

export function startPool(job: PoolJob): PoolRun {
  const pool = newPool(job.workers);
  let stopped = false;
  let failed: string | undefined;
  let destroyed: Promise<void> | undefined;
  const destroy = () => (destroyed ??= pool.destroy());
  const outcome = new Promise<PoolOutcome>((settle) => {
    const maxInFlight = 2 * job.workers;
    let inFlight = 0;
    let exhausted = false;
    let settled = false;
    const finishIfDone = () => {
      if (settled || inFlight > 0 || !(exhausted || failed !== undefined || stopped)) return;
      settled = true;
      if (stopped) failed ??= 'the runs were stopped';
      void destroy().finally(() => settle(failed === undefined ? { success: true } : { success: false, message: failed }));
    };
    const submitMore = () => {
      while (!exhausted && failed === undefined && !stopped && inFlight < maxInFlight) {
        let next;
        try {
          next = job.tasks.next();
        } catch (error) {
          failed = (error as Error).message;
          break;
        }
        if (next.done) {
          exhausted = true;
          break;
        }
        const { task, describe, input } = next.value;
        inFlight++;
        pool.run(input).then(
          (output) => {
            inFlight--;
            if (failed === undefined && !stopped) {
              try {
                job.onResult(task, toResult(output));
              } catch (error) {
                failed = `${describe}: ${(error as Error).message}`;
              }
            }
            submitMore();
          },
          (error: Error & { code?: string }) => {
            inFlight--;
            failed ??= stopped ? 'the runs were stopped' : `${describe}: ${reason(error)}`;
            finishIfDone();
          },
        );
      }
      finishIfDone();
    };
    submitMore();
  });
  return {
    outcome,
    stop: async () => {
      stopped = true;
      await destroy();
    },
  };
}

function reason(error: Error & { code?: string }): string {
  if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') return `the simulation ran out of memory (heap limit ${HEAP_BUDGET_BYTES / 2 ** 30} GiB)`;
  return error.message;
}

function toResult(output: PoolTaskOutput): TaskResult {
  if (output.kind === 'series') return { kind: 'series', metrics: fromColumns(output.metrics) };
  return output.kind === 'kpis' ? { kind: 'kpis', kpis: output.kpis } : { kind: 'figures', figures: output.figures };
}
