import type { Scenario } from '../../config/parse-scenario.js';
import type { Job } from '../job-kind.js';
import type { JobTargets } from '../job-targets.js';

/** One scenario, run once or with --runs N seeds (an ensemble). */
export interface SimulateJob extends Job {
  readonly kind: 'simulate';
  readonly scenario: Scenario;
  /** --targets: the figures its charts draw and its report checks. */
  readonly targets?: JobTargets;
  /** --uncertain: each run draws the scenario's uncertain parameters with its seed. */
  readonly uncertain?: true;
}
