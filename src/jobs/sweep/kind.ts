import { join } from 'node:path';
import { z } from 'zod';
import { writeSweepOutputs } from './outputs.js';
import { MAX_STEPS, sweepGrid } from '../../sweep/param-range.js';
import { normaliseFocus, recordedFocus } from '../focus.js';
import type { JobKind } from '../job-kind.js';
import { sweepCommand } from './command.js';
import { shortName, sweptSlug, type SweepJob } from './job.js';
import { formatRangeEnd, timesBaseField } from '../../sweep/times-base.js';

const recordedRange = z.object({ path: z.string().min(1), from: z.number(), to: z.number(), steps: z.number().int().min(2).max(MAX_STEPS), scale: z.literal('log').optional(), timesBase: z.literal(true).optional() }).strict();

/**
 * sweep: one variant per point of the grid, the first parameter varying slowest; a run keeps only
 * its KPIs, reduced in the worker, and a point is reduced to statistics once its runs are in.
 */
export const sweepKind: JobKind<SweepJob> = {
  name: 'sweep',
  command: sweepCommand,
  design: (job) => {
    const points = sweepGrid(job.params);
    return {
      count: points.length,
      at: (i) => ({ label: points[i]!.map((s) => `${shortName(s.path)}=${formatRangeEnd(s.value, s.timesBase)}`).join(', '), base: job.scenario, settings: points[i]! }),
    };
  },
  scenarios: (job) => [job.scenario],
  reduction: 'kpis',
  eventsOfFirstRun: false,
  seedsPerVariant: false,
  defaultOutDir: (job) => join('output', `sweep-${job.scenario.name}-${job.params.map((p) => sweptSlug(p)).join('-')}`),
  recorded: { scenario: z.unknown(), params: z.array(recordedRange).min(1).max(2), at: z.string().regex(/^\d{4}-\d{2}$/).optional(), focus: recordedFocus },
  readRecorded: (raw, scenario) => ({ ...raw, scenario: scenario(raw.scenario, 'job.scenario') }),
  ownFields: (job) => ({
    scenario: job.scenario,
    params: job.params.map((p) => ({ path: p.path, from: p.from, to: p.to, steps: p.steps, ...(p.scale !== undefined ? { scale: p.scale } : {}), ...timesBaseField(p.timesBase) })),
    ...(job.at !== undefined ? { at: job.at } : {}),
    focus: normaliseFocus(job.focus),
  }),
  write: writeSweepOutputs,
};
