import type { Scenario } from '../../config/parse-scenario.js';
import type { MetricTable } from '../../metrics/metric-table.js';
import { unpackTable } from './packed-table.js';
import type { WorkerReply, WorkerRequest } from './sim-worker.js';

/**
 * Runs scenarios on the page's Web Workers, one job at a time: a new job while one is under way
 * ends the old one (its workers are terminated, a run cannot be interrupted inside), so the page
 * always shows the runs of the latest settings. An ensemble's seeds are dealt out over as many
 * workers as the machine has cores (at most 4), and its runs come back in the seeds' order.
 */

export interface Progress {
  /** Runs finished, and the one under way in the first worker: for "run 3 of 8, month 12". */
  readonly run: number;
  readonly runs: number;
  readonly month: number;
  readonly months: number;
}

const MAX_WORKERS = 4;

export class RunClient {
  private workers: Worker[] = [];
  private cancel: (() => void) | undefined;
  private next = 0;

  /**
   * Runs the scenario on `seeds`; `onPartial` gets a single run's metrics so far as the worker posts
   * them (every LIVE_EVERY_MONTHS months, src/explorer/page/sim-worker.ts), not an ensemble's.
   */
  run(
    scenario: Scenario,
    seeds: readonly number[],
    onProgress: (progress: Progress) => void,
    onPartial?: (table: MetricTable) => void,
  ): Promise<{ tables: MetricTable[]; ms: number } | undefined> {
    this.stop();
    const cores = typeof navigator !== 'undefined' && navigator.hardwareConcurrency > 0 ? navigator.hardwareConcurrency : 1;
    const count = Math.max(1, Math.min(seeds.length, cores, MAX_WORKERS));
    while (this.workers.length < count) this.workers.push(new Worker('/worker.js'));
    // Worker w runs seeds w, w + count, w + 2·count, …
    const shares = Array.from({ length: count }, (_, w) => seeds.flatMap((seed, i) => (i % count === w ? [{ seed, index: i }] : [])));
    const tables: MetricTable[] = new Array(seeds.length);
    let finished = 0;
    let slowest = 0;
    return new Promise((resolve, reject) => {
      let settled = false;
      const listeners: [Worker, (message: MessageEvent<WorkerReply>) => void, (event: ErrorEvent) => void][] = [];
      const detach = () => listeners.forEach(([worker, onMessage, onError]) => (worker.removeEventListener('message', onMessage), worker.removeEventListener('error', onError)));
      const settle = (result: { tables: MetricTable[]; ms: number } | undefined, error?: Error) => {
        if (settled) return;
        settled = true;
        detach();
        this.cancel = undefined;
        if (error !== undefined) reject(error);
        else resolve(result);
      };
      this.cancel = () => settle(undefined);
      shares.forEach((share, w) => {
        const worker = this.workers[w]!;
        const id = ++this.next;
        const onMessage = (message: MessageEvent<WorkerReply>) => {
          const reply = message.data;
          if (reply.id !== id) return;
          if (reply.kind === 'progress') {
            if (w === 0) onProgress({ run: Math.min(finished + 1, seeds.length), runs: seeds.length, month: reply.month, months: reply.months });
            if (reply.month === reply.months) finished += 1;
            return;
          }
          if (reply.kind === 'partial') return onPartial?.(unpackTable(reply.table));
          if (reply.kind === 'failed') return settle(undefined, new Error(`the run stopped: ${reply.message}`));
          reply.tables.forEach((packed, k) => (tables[share[k]!.index] = unpackTable(packed)));
          slowest = Math.max(slowest, reply.ms);
          if (tables.filter(Boolean).length === seeds.length) settle({ tables, ms: slowest });
        };
        const onError = (event: ErrorEvent) => settle(undefined, new Error(`the simulation worker failed: ${event.message}`));
        worker.addEventListener('message', onMessage);
        worker.addEventListener('error', onError);
        listeners.push([worker, onMessage, onError]);
        worker.postMessage({ kind: 'run', id, scenario, seeds: share.map((s) => s.seed) } satisfies WorkerRequest);
      });
    });
  }

  /** Ends the job under way, if any: its workers are terminated and made again when next needed. */
  private stop(): void {
    if (this.cancel === undefined) return;
    this.workers.forEach((worker) => worker.terminate());
    this.workers = [];
    this.cancel();
  }
}
