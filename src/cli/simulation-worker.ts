/**
 * The simulation's thread. The main thread stays free to answer Ctrl-C (a synchronous run would
 * hold signals until it ended) and to turn any failure, out-of-memory included, into one line.
 * Runs the scenario, streams events.jsonl into the staging folder, and sends back the metrics.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Scenario } from '../config/parse-scenario.js';
import { EventLogWriter } from '../report/event-log.js';
import { runSimulation } from '../simulation/run-simulation.js';
import { explainNonFinite } from '../simulation/non-finite-suspects.js';
import { columnBuffers, toColumns, type MetricColumns } from './metric-transfer.js';

export interface WorkerInput {
  readonly scenario: Scenario;
  readonly eventsFile: string;
}

export type WorkerReply =
  | { readonly type: 'done'; readonly metrics: MetricColumns; readonly events: number }
  | { readonly type: 'failed'; readonly message: string }
  /** A month has begun: `month` months of the run are under way, for a progress bar. */
  | { readonly type: 'progress'; readonly month: number };

function run(input: WorkerInput): { reply: WorkerReply; transfer: ArrayBuffer[] } {
  const events = new EventLogWriter(input.eventsFile);
  try {
    const result = runSimulation(input.scenario, {
      onEvent: (event) => {
        events.write(event);
        if (event.type === 'market.month-opened') parentPort?.postMessage({ type: 'progress', month: event.tick + 1 } satisfies WorkerReply);
      },
    });
    const metrics = toColumns(result.metrics);
    return { reply: { type: 'done', metrics, events: events.count }, transfer: columnBuffers(metrics) };
  } finally {
    events.close();
  }
}

if (parentPort) {
  let outcome: { reply: WorkerReply; transfer: ArrayBuffer[] };
  try {
    outcome = run(workerData as WorkerInput);
  } catch (error) {
    const input = workerData as WorkerInput;
    const message = error instanceof Error ? error.message : String(error);
    const fed = explainNonFinite(error, input.scenario, input.scenario.seed);
    outcome = { reply: { type: 'failed', message: fed === undefined ? message : `${message}; ${fed}` }, transfer: [] };
  }
  parentPort.postMessage(outcome.reply, outcome.transfer);
}
