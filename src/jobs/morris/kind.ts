import { join } from 'node:path';
import { z } from 'zod';
import { recordDeclaredFactor, recordedDeclaredFactor, withDeclaredBounds } from '../declared-factors.js';
import { normaliseFocus, recordedFocus } from '../focus.js';
import type { JobKind } from '../job-kind.js';
import { MAX_LEVELS, MAX_TRAJECTORIES, morrisCommand } from './command.js';
import type { MorrisJob } from './job.js';
import { MAX_MORRIS_PARAMS, MIN_MORRIS_PARAMS, type MorrisFactor } from './morris-factors.js';
import { morrisPointCount, morrisSettings } from './morris-plan.js';
import { writeMorrisOutputs } from './outputs.js';
import { timesBaseField } from '../../sweep/times-base.js';

const interval = { path: z.string().min(1), low: z.number(), high: z.number(), scale: z.enum(['linear', 'log']), integer: z.boolean() };
const recordedFactor = z.discriminatedUnion('origin', [
  z.object({ origin: z.literal('param'), ...interval, timesBase: z.literal(true).optional() }).strict(),
  z.object({ origin: z.literal('policy'), ...interval, value: z.number(), bounds: z.object({ min: z.number().optional(), max: z.number().optional(), integer: z.boolean() }).strict() }).strict(),
  recordedDeclaredFactor,
]);

/** A factor as the manifest records it: a declared one without its field's bounds, which the scenario gives back. */
function recordFactor(factor: MorrisFactor): Record<string, unknown> {
  switch (factor.origin) {
    case 'declared':
      return recordDeclaredFactor(factor);
    case 'policy':
      return {
        origin: factor.origin,
        path: factor.path,
        low: factor.low,
        high: factor.high,
        scale: factor.scale,
        integer: factor.integer,
        value: factor.value,
        // The valid range its range was derived from, as report.md states the rule.
        bounds: { ...(factor.bounds.min !== undefined ? { min: factor.bounds.min } : {}), ...(factor.bounds.max !== undefined ? { max: factor.bounds.max } : {}), integer: factor.bounds.integer },
      };
    case 'param':
      return { origin: factor.origin, path: factor.path, low: factor.low, high: factor.high, scale: factor.scale, integer: factor.integer, ...timesBaseField(factor.timesBase) };
    default: {
      const never: never = factor;
      return never;
    }
  }
}

/**
 * morris: one variant per point of the Morris design (trajectory by trajectory, k + 1 points
 * each), every point with the same seeds; a run keeps only its KPIs, and every run's KPIs are kept
 * for the seed noise common seeds leave.
 */
export const morrisKind: JobKind<MorrisJob> = {
  name: 'morris',
  command: morrisCommand,
  design: (job) => {
    const settings = morrisSettings(job);
    const k = job.factors.length;
    return {
      count: morrisPointCount(job),
      at: (i) => ({ label: `trajectory ${Math.floor(i / (k + 1)) + 1}, point ${(i % (k + 1)) + 1}`, base: job.scenario, settings: settings(i) }),
    };
  },
  scenarios: (job) => [job.scenario],
  reduction: 'kpis',
  eventsOfFirstRun: false,
  seedsPerVariant: false,
  keepsRunKpis: true,
  defaultOutDir: (job) => join('output', `morris-${job.scenario.name}`),
  recorded: {
    scenario: z.unknown(),
    factors: z.array(recordedFactor).min(MIN_MORRIS_PARAMS).max(MAX_MORRIS_PARAMS),
    trajectories: z.number().int().min(2).max(MAX_TRAJECTORIES),
    levels: z.number().int().min(2).max(MAX_LEVELS).refine((p) => p % 2 === 0, 'even'),
    at: z.string().regex(/^\d{4}-\d{2}$/).optional(),
    focus: recordedFocus,
  },
  readRecorded: (raw, scenario) => {
    const resolved = scenario(raw.scenario, 'job.scenario');
    return { ...raw, scenario: resolved, factors: withDeclaredBounds(resolved, raw.factors) };
  },
  ownFields: (job) => ({
    scenario: job.scenario,
    factors: job.factors.map(recordFactor),
    trajectories: job.trajectories,
    levels: job.levels,
    ...(job.at !== undefined ? { at: job.at } : {}),
    focus: normaliseFocus(job.focus),
  }),
  write: writeMorrisOutputs,
};
