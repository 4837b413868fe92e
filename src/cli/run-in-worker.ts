import { Worker } from 'node:worker_threads';
import { HEAP_BUDGET_BYTES } from '../config/limits.js';
import type { MetricTable } from '../metrics/metric-table.js';
import { fromColumns } from './metric-transfer.js';
import type { WorkerInput, WorkerReply } from './simulation-worker.js';

export type WorkerOutcome =
  | { readonly success: true; readonly metrics: MetricTable; readonly events: number }
  | { readonly success: false; readonly message: string };

export interface SimulationRun {
  /** Settles once the run has ended, one way or another; never rejects. */
  readonly outcome: Promise<WorkerOutcome>;
  /** Stops the run at once (it may be in the middle of a month) and waits until it has stopped. */
  stop(): Promise<void>;
}

/**
 * Starts the simulation on its own thread. Under tsx (`npm run simulate`), the worker is a .ts file
 * and must register tsx's loader itself: a worker does not inherit the loader hooks of its parent.
 */
export function startSimulation(input: WorkerInput, onMonth?: (month: number) => void): SimulationRun {
  const self = new URL(import.meta.url);
  const typescript = self.pathname.endsWith('.ts');
  const entry = new URL(`./simulation-worker.${typescript ? 'ts' : 'js'}`, self).href;
  // An explicit heap limit makes running out of memory a worker error the main thread reports,
  // never a crash of the whole process.
  const options = { workerData: input, resourceLimits: { maxOldGenerationSizeMb: HEAP_BUDGET_BYTES / 2 ** 20 } };
  const worker = typescript
    ? new Worker(
        `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})` +
          `.then((tsx) => tsx.register()).then(() => import(${JSON.stringify(entry)}))`,
        { ...options, eval: true },
      )
    : new Worker(new URL(entry), options);

  let stopped = false;
  const outcome = new Promise<WorkerOutcome>((settle) => {
    let reply: WorkerReply | undefined;
    worker.on('message', (message: WorkerReply) => {
      if (message.type === 'progress') onMonth?.(message.month);
      else reply = message;
    });
    worker.on('error', (error: Error & { code?: string }) => {
      const reason =
        error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? `the simulation ran out of memory (heap limit ${HEAP_BUDGET_BYTES / 2 ** 30} GiB)` : error.message;
      reply ??= { type: 'failed', message: reason };
    });
    worker.on('exit', (code) => {
      if (reply?.type === 'done') settle({ success: true, metrics: fromColumns(reply.metrics), events: reply.events });
      else if (reply?.type === 'failed') settle({ success: false, message: reply.message });
      else settle({ success: false, message: stopped ? 'the simulation was stopped' : `the simulation thread exited with code ${code}` });
    });
  });
  return {
    outcome,
    stop: async () => {
      stopped = true;
      await worker.terminate();
    },
  };
}
