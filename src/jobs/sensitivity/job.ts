import type { Scenario } from '../../config/parse-scenario.js';
import type { Focus, Job } from '../job-kind.js';

/** Every numeric policy parameter of a scenario moved down and up, one at a time. */
export interface SensitivityJob extends Job {
  readonly kind: 'sensitivity';
  readonly scenario: Scenario;
  /** Relative change of each parameter, 0.2 = ±20 %. */
  readonly change: number;
  /** Path prefixes of the parameters to move; all when empty. */
  readonly only: readonly string[];
  readonly focus: Focus;
}
