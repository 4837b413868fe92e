import type { JobCollector } from '../batch/collect.js';
import type { JobPlan } from '../batch/job.js';
import { writeCompareOutputs } from './write-compare.js';
import { writeSensitivityOutputs } from './write-sensitivity.js';
import { writeSimulateOutputs } from './write-simulate.js';
import { writeSweepOutputs } from './write-sweep.js';

/** What every writer gets: the finished job's results and the staging folder to fill. */
export interface OutputContext {
  readonly plan: JobPlan;
  readonly collector: JobCollector;
  readonly staging: string;
  readonly command: string;
  /** Where the staging folder will go, for the last line. */
  readonly outDir: string;
  /** True once Ctrl-C arrived: a writer stops between charts. */
  readonly stopped: () => boolean;
}

/** Writes a finished job's files into the staging folder; returns the lines to print, the last saying where they are. */
export async function writeOutputs(ctx: OutputContext): Promise<string[]> {
  const job = ctx.plan.job;
  switch (job.kind) {
    case 'simulate':
      return writeSimulateOutputs(ctx, job);
    case 'compare':
      return writeCompareOutputs(ctx, job);
    case 'sweep':
      return writeSweepOutputs(ctx, job);
    case 'sensitivity':
      return writeSensitivityOutputs(ctx, job);
  }
}

/** "a, b and c" */
export function listOf(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
