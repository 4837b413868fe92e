import type { Scenario } from '../../config/parse-scenario.js';
import type { MetricTable } from '../../metrics/metric-table.js';
import { unpackTable } from './packed-table.js';
import type { WorkerReply, WorkerRequest } from './sim-worker.js';

/**
 * Runs scenarios on the page's Web Worker, one at a time: a new run while one is under way ends
 * the old one (its worker is terminated, a run cannot be interrupted inside), so the page always
 * shows the run of the latest settings.
 */
export class RunClient {
  private worker: Worker | undefined;
  private busy = false;
  private next = 0;

  /** The runs of the seeds given, in their order. */
  run(scenario: Scenario, seeds: readonly number[], onProgress: (progress: { run: number; runs: number; month: number; months: number }) => void): Promise<{ tables: MetricTable[]; ms: number } | undefined> {
    if (this.busy) this.stop();
    this.worker ??= new Worker('/worker.js');
    const worker = this.worker;
    const id = ++this.next;
    this.busy = true;
    return new Promise((resolve, reject) => {
      const stopped = () => resolve(undefined);
      worker.addEventListener('error', (event) => reject(new Error(`the simulation worker failed: ${event.message}`)), { once: true });
      const listener = (message: MessageEvent<WorkerReply | { kind: 'stopped' }>) => {
        const reply = message.data;
        if (reply.kind === 'stopped') return stopped();
        if (reply.id !== id) return;
        if (reply.kind === 'progress') return onProgress(reply);
        worker.removeEventListener('message', listener);
        this.busy = false;
        if (reply.kind === 'done') resolve({ tables: reply.tables.map(unpackTable), ms: reply.ms });
        else reject(new Error(`the run stopped: ${reply.message}`));
      };
      worker.addEventListener('message', listener);
      this.cancel = stopped;
      worker.postMessage({ kind: 'run', id, scenario, seeds } satisfies WorkerRequest);
    });
  }

  private cancel: (() => void) | undefined;

  private stop(): void {
    this.worker?.terminate();
    this.worker = undefined;
    this.busy = false;
    this.cancel?.();
  }
}
