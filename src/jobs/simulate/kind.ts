import { join } from 'node:path';
import { z } from 'zod';
import { writeSimulateOutputs } from './outputs.js';
import type { JobKind } from '../job-kind.js';
import { simulateCommand } from './command.js';
import type { SimulateJob } from './job.js';
import { recordedTargets } from '../job-targets.js';
import { uncertainRuns } from './uncertain-runs.js';

/**
 * simulate: one scenario, one variant; each run's whole time series is kept (an ensemble's
 * percentiles need every value); the first run writes events.jsonl, and a run alone has its own
 * thread and a bar counting months.
 */
export const simulateKind: JobKind<SimulateJob> = {
  name: 'simulate',
  command: simulateCommand,
  design: (job) => ({
    count: 1,
    at: () => ({ label: job.scenario.name, base: job.scenario, settings: [] }),
    ...(job.uncertain ? { settingsOfRun: uncertainRuns(job.scenario).drawOf } : {}),
  }),
  scenarios: (job) => [job.scenario],
  reduction: 'series',
  eventsOfFirstRun: true,
  seedsPerVariant: false,
  defaultOutDir: (job) => join('output', job.scenario.name),
  recorded: { scenario: z.unknown(), targets: recordedTargets.optional(), uncertain: z.literal(true).optional() },
  readRecorded: (raw, scenario) => ({ ...raw, scenario: scenario(raw.scenario, 'job.scenario') }),
  ownFields: (job) => ({ scenario: job.scenario, ...(job.targets !== undefined ? { targets: job.targets } : {}), ...(job.uncertain ? { uncertain: true } : {}) }),
  write: writeSimulateOutputs,
};
