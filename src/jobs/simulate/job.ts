import type { Scenario } from '../../config/parse-scenario.js';
import type { Job } from '../job-kind.js';

/** One scenario, run once or with --runs N seeds (an ensemble). */
export interface SimulateJob extends Job {
  readonly kind: 'simulate';
  readonly scenario: Scenario;
}
