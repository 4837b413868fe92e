import type { Scenario } from '../../config/parse-scenario.js';
import type { Focus, Job } from '../job-kind.js';
import type { IntervalParam } from '../../sweep/interval-param.js';

/**
 * Sobol' indices of a scenario's KPIs over the parameters' intervals: Saltelli's design of
 * `samples` base rows (N(k + 2) points, N(2k + 2) with second order), every point run with the
 * same `runs` seeds, each point's KPI the mean over them.
 */
export interface SobolJob extends Job {
  readonly kind: 'sobol';
  readonly scenario: Scenario;
  readonly params: readonly IntervalParam[];
  /** N, the base rows of the design: a power of two. */
  readonly samples: number;
  readonly secondOrder: boolean;
  /** --at YYYY-MM: the month KPIs are read at (the runs stop there: `ticks` is set to it); the last month when absent. */
  readonly at?: string;
  readonly focus: Focus;
}
