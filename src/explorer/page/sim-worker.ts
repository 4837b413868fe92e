import type { Scenario } from '../../config/parse-scenario.js';
import { runSimulation } from '../../simulation/run-simulation.js';
import { packTable, type PackedTable } from './packed-table.js';

/**
 * The simulation in the browser: a Web Worker that runs the core (src/simulation and below, the
 * code `npm run simulate` runs) on a scenario the server resolved, and posts back its metric table.
 * It reports each month as it opens, so the page can show progress; a single run also posts its
 * metrics so far every LIVE_EVERY_MONTHS months, so the page can draw the run as it goes.
 */

/** How often a single run posts its metrics so far, in months simulated. */
export const LIVE_EVERY_MONTHS = 6;

/** One run of the scenario's seed, or an ensemble: one run per seed, as simulate --runs N runs them. */
export type WorkerRequest = { readonly kind: 'run'; readonly id: number; readonly scenario: Scenario; readonly seeds: readonly number[] };
export type WorkerReply =
  | { readonly kind: 'progress'; readonly id: number; readonly run: number; readonly runs: number; readonly month: number; readonly months: number }
  | { readonly kind: 'partial'; readonly id: number; readonly table: PackedTable }
  | { readonly kind: 'done'; readonly id: number; readonly tables: readonly PackedTable[]; readonly ms: number }
  | { readonly kind: 'failed'; readonly id: number; readonly message: string };

/** The worker's global scope, as much of it as this file uses (the page's types are the DOM's, not a worker's). */
const scope = self as unknown as { postMessage(message: WorkerReply): void; onmessage: ((message: MessageEvent<WorkerRequest>) => void) | null };

scope.onmessage = (message: MessageEvent<WorkerRequest>) => {
  const { id, scenario, seeds } = message.data;
  const started = performance.now();
  try {
    const tables = seeds.map((seed, run) => {
      const result = runSimulation(scenario, {
        seed,
        onEvent: (event) => {
          if (event.type === 'market.month-opened') scope.postMessage({ kind: 'progress', id, run: run + 1, runs: seeds.length, month: event.tick + 1, months: scenario.months } satisfies WorkerReply);
        },
        // The last month comes with 'done'; an ensemble's charts draw its runs' band, which needs them all.
        ...(seeds.length === 1 && {
          onMonth: (metrics) => {
            const months = metrics.dates.length;
            if (months % LIVE_EVERY_MONTHS === 0 && months < scenario.months) scope.postMessage({ kind: 'partial', id, table: packTable(metrics) } satisfies WorkerReply);
          },
        }),
      });
      return packTable(result.metrics);
    });
    scope.postMessage({ kind: 'done', id, tables, ms: performance.now() - started } satisfies WorkerReply);
  } catch (error) {
    scope.postMessage({ kind: 'failed', id, message: (error as Error).message } satisfies WorkerReply);
  }
};
