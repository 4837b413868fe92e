import type { OutputContext } from './output-context.js';
import { writeCompareOutputs } from './write-compare.js';
import { writeSensitivityOutputs } from './write-sensitivity.js';
import { writeSimulateOutputs } from './write-simulate.js';
import { writeSweepOutputs } from './write-sweep.js';

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
