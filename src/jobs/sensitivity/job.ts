import type { Scenario } from '../../config/parse-scenario.js';
import type { Focus, Job } from '../job-kind.js';
import type { GivenRange } from '../../sweep/sensitivity-plan.js';

/** Every numeric policy parameter of a scenario moved down and up, one at a time. */
export interface SensitivityJob extends Job {
  readonly kind: 'sensitivity';
  readonly scenario: Scenario;
  /** How far a range not declared reaches: a parameter's distance from its bounds ÷/× 1 + change (derived-range.ts). */
  readonly change: number;
  /** Path prefixes of the parameters to move; all when empty. */
  readonly only: readonly string[];
  /** --param intervals: when present, these alone move, each to its two ends. */
  readonly params?: readonly GivenRange[];
  /** --at YYYY-MM: the month KPIs are read at (the runs stop there: `ticks` is set to it); the last month when absent. */
  readonly at?: string;
  readonly focus: Focus;
}
