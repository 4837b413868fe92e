import { join } from 'node:path';
import { z } from 'zod';
import { recordDeclaredFactor, recordedDeclaredFactor, withDeclaredBounds } from '../declared-factors.js';
import type { JobKind } from '../job-kind.js';
import { discoverCommand, MAX_DISCOVER_PARAMS } from './command.js';
import { MAX_SAMPLES, discoverSettings } from './discover-design.js';
import type { DiscoverFactor, DiscoverJob } from './job.js';
import { writeDiscoverOutputs } from './outputs.js';
import { timesBaseField } from '../../sweep/times-base.js';

const recordedFactor = z.discriminatedUnion('origin', [
  z.object({ origin: z.literal('param'), path: z.string().min(1), low: z.number(), high: z.number(), scale: z.enum(['linear', 'log']), integer: z.boolean(), timesBase: z.literal(true).optional() }).strict(),
  recordedDeclaredFactor,
]);

const recordedCondition = z
  .object({ metric: z.string().min(1), entity: z.string().min(1), at: z.string().regex(/^\d{4}-\d{2}$/).optional(), comparison: z.enum(['>', '<']), threshold: z.number() })
  .strict();

/** A factor as the manifest records it: a declared one without its field's bounds, which the scenario gives back. */
function recordFactor(factor: DiscoverFactor): Record<string, unknown> {
  return factor.origin === 'declared'
    ? recordDeclaredFactor(factor)
    : { origin: factor.origin, path: factor.path, low: factor.low, high: factor.high, scale: factor.scale, integer: factor.integer, ...timesBaseField(factor.timesBase) };
}

/**
 * discover: one variant per point of the Latin hypercube, every point with the same seeds; a run
 * keeps only its KPIs, the condition's metric among them, and a point is their mean over its runs.
 * PRIM runs once every point is in, in the outputs, so shards merged give what one machine gives.
 */
export const discoverKind: JobKind<DiscoverJob> = {
  name: 'discover',
  command: discoverCommand,
  design: (job) => {
    const settings = discoverSettings(job);
    return { count: job.samples, at: (i) => ({ label: `point ${i + 1}`, base: job.scenario, settings: settings[i]! }) };
  },
  scenarios: (job) => [job.scenario],
  reduction: 'kpis',
  eventsOfFirstRun: false,
  seedsPerVariant: false,
  keepsRunKpis: true,
  defaultOutDir: (job) => join('output', `discover-${job.scenario.name}`),
  recorded: {
    scenario: z.unknown(),
    factors: z.array(recordedFactor).min(1).max(MAX_DISCOVER_PARAMS),
    samples: z.number().int().min(2).max(MAX_SAMPLES),
    condition: recordedCondition,
    peelAlpha: z.number().gt(0).lt(0.5),
    minDensity: z.number().gt(0).max(1),
  },
  readRecorded: (raw, scenario) => {
    const resolved = scenario(raw.scenario, 'job.scenario');
    return { ...raw, scenario: resolved, factors: withDeclaredBounds(resolved, raw.factors) };
  },
  ownFields: (job) => ({
    scenario: job.scenario,
    factors: job.factors.map(recordFactor),
    samples: job.samples,
    condition: { metric: job.condition.metric, entity: job.condition.entity, ...(job.condition.at !== undefined ? { at: job.condition.at } : {}), comparison: job.condition.comparison, threshold: job.condition.threshold },
    peelAlpha: job.peelAlpha,
    minDensity: job.minDensity,
  }),
  write: writeDiscoverOutputs,
};
