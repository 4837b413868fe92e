import { join } from 'node:path';
import { z } from 'zod';
import { writeCompareOutputs } from './outputs.js';
import { normaliseFocus, recordedFocus } from '../focus.js';
import type { JobKind } from '../job-kind.js';
import { compareCommand } from './command.js';
import { recordedTargets } from '../job-targets.js';
import { scenarioLabels, type CompareJob } from './job.js';

/**
 * compare: one variant per config, in the order given, each with its own seed; runs keep their
 * whole time series, so that a change is taken run by run against the first scenario.
 */
export const compareKind: JobKind<CompareJob> = {
  name: 'compare',
  command: compareCommand,
  design: (job) => {
    const labels = scenarioLabels(job.scenarios);
    return { count: job.scenarios.length, at: (i) => ({ label: labels[i]!, base: job.scenarios[i]!, settings: [] }) };
  },
  scenarios: (job) => job.scenarios,
  reduction: 'series',
  eventsOfFirstRun: false,
  seedsPerVariant: true,
  defaultOutDir: (job) => join('output', `compare-${job.scenarios.map((s) => s.name).join('-')}`),
  recorded: { scenarios: z.array(z.unknown()).min(2), focus: recordedFocus, targets: recordedTargets.optional() },
  readRecorded: (raw, scenario) => ({ ...raw, scenarios: raw.scenarios.map((s, i) => scenario(s, `job.scenarios[${i}]`)) }),
  ownFields: (job) => ({ scenarios: job.scenarios, focus: normaliseFocus(job.focus), ...(job.targets !== undefined ? { targets: job.targets } : {}) }),
  write: writeCompareOutputs,
};
