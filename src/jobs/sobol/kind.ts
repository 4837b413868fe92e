import { join } from 'node:path';
import { z } from 'zod';
import { normaliseFocus, recordedFocus } from '../focus.js';
import type { JobKind } from '../job-kind.js';
import { sobolCommand, MAX_SAMPLES, MAX_SOBOL_PARAMS, MIN_SOBOL_PARAMS } from './command.js';
import type { SobolJob } from './job.js';
import { writeSobolOutputs } from './outputs.js';
import { blockName, blockOfRow, designSettings, sobolPointCount, sobolShape } from './sobol-design.js';
import { timesBaseField } from '../../sweep/times-base.js';

const recordedParam = z
  .object({ path: z.string().min(1), low: z.number(), high: z.number(), scale: z.enum(['linear', 'log']), integer: z.boolean(), timesBase: z.literal(true).optional() })
  .strict()
  .refine((p) => p.low < p.high, 'low must be below high')
  .refine((p) => p.scale === 'linear' || p.low > 0, 'a log range needs low above 0');

const powerOfTwo = z
  .number()
  .int()
  .min(2)
  .max(MAX_SAMPLES)
  .refine((n) => (n & (n - 1)) === 0, 'a power of two');

/**
 * sobol: one variant per point of Saltelli's design (A, B, then each A_B^(i), and each B_A^(i)
 * with second order), every point with the same seeds; a run keeps only its KPIs, and a point is
 * reduced to their mean (and spread between seeds) once its runs are in.
 */
export const sobolKind: JobKind<SobolJob> = {
  name: 'sobol',
  command: sobolCommand,
  design: (job) => {
    const settings = designSettings(job);
    const shape = sobolShape(job);
    return {
      count: sobolPointCount(job),
      at: (i) => ({ label: `point ${i + 1}, ${blockName(blockOfRow(shape, i))} row ${(i % job.samples) + 1}`, base: job.scenario, settings: settings(i) }),
    };
  },
  scenarios: (job) => [job.scenario],
  reduction: 'kpis',
  eventsOfFirstRun: false,
  seedsPerVariant: false,
  // Seed noise under common seeds needs each run's KPIs, not only each point's statistics.
  keepsRunKpis: true,
  defaultOutDir: (job) => join('output', `sobol-${job.scenario.name}`),
  recorded: {
    scenario: z.unknown(),
    params: z.array(recordedParam).min(MIN_SOBOL_PARAMS).max(MAX_SOBOL_PARAMS),
    samples: powerOfTwo,
    secondOrder: z.boolean(),
    at: z.string().regex(/^\d{4}-\d{2}$/).optional(),
    focus: recordedFocus,
  },
  readRecorded: (raw, scenario) => ({ ...raw, scenario: scenario(raw.scenario, 'job.scenario') }),
  ownFields: (job) => ({
    scenario: job.scenario,
    params: job.params.map((p) => ({ path: p.path, low: p.low, high: p.high, scale: p.scale, integer: p.integer, ...timesBaseField(p.timesBase) })),
    samples: job.samples,
    secondOrder: job.secondOrder,
    ...(job.at !== undefined ? { at: job.at } : {}),
    focus: normaliseFocus(job.focus),
  }),
  write: writeSobolOutputs,
};
