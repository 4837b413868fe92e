import { join } from 'node:path';
import { z } from 'zod';
import { writeSensitivityOutputs } from './outputs.js';
import { sensitivityPlan } from '../../sweep/sensitivity-plan.js';
import { MAX_CHANGE } from '../../sweep/derived-range.js';
import { normaliseFocus, recordedFocus } from '../focus.js';
import type { JobKind } from '../job-kind.js';
import { sensitivityCommand } from './command.js';
import type { SensitivityJob } from './job.js';
import { formatRangeEnd, timesBaseField } from '../../sweep/times-base.js';

/**
 * sensitivity: the base first, then each parameter lowered, then raised, in config order; a run
 * keeps only its KPIs, as a sweep's, and every run's KPIs are kept for the seed noise common seeds
 * leave (sensitivity-noise.ts).
 */
export const sensitivityKind: JobKind<SensitivityJob> = {
  name: 'sensitivity',
  command: sensitivityCommand,
  design: (job) => {
    const plan = sensitivityPlan(job.scenario, job.change, job.only, job.params);
    return {
      count: 1 + plan.cases.length,
      at: (i) => {
        if (i === 0) return { label: 'base', base: job.scenario, settings: [] };
        const c = plan.cases[i - 1]!;
        return { label: `${c.path} ${c.side} (${formatRangeEnd(c.value, c.timesBase)})`, base: job.scenario, settings: [{ path: c.path, value: c.value, ...timesBaseField(c.timesBase) }] };
      },
    };
  },
  scenarios: (job) => [job.scenario],
  reduction: 'kpis',
  eventsOfFirstRun: false,
  seedsPerVariant: false,
  keepsRunKpis: true,
  defaultOutDir: (job) => join('output', `sensitivity-${job.scenario.name}`),
  recorded: { scenario: z.unknown(), change: z.number().gt(0).max(MAX_CHANGE), only: z.array(z.string()), params: z.array(z.object({ path: z.string().min(1), low: z.number(), high: z.number(), timesBase: z.literal(true).optional() }).strict()).min(1).optional(), at: z.string().regex(/^\d{4}-\d{2}$/).optional(), focus: recordedFocus },
  readRecorded: (raw, scenario) => ({ ...raw, scenario: scenario(raw.scenario, 'job.scenario') }),
  ownFields: (job) => ({ scenario: job.scenario, change: job.change, only: [...job.only], ...(job.params !== undefined ? { params: job.params.map((p) => ({ path: p.path, low: p.low, high: p.high, ...timesBaseField(p.timesBase) })) } : {}), ...(job.at !== undefined ? { at: job.at } : {}), focus: normaliseFocus(job.focus) }),
  write: writeSensitivityOutputs,
};
