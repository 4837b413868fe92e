import type { Scenario } from '../../config/parse-scenario.js';
import type { Focus, Job } from '../job-kind.js';
import type { MorrisFactor } from './morris-factors.js';

/**
 * Morris screening of a scenario's KPIs: r trajectories of k + 1 points on a grid of p levels,
 * every point run with the same `runs` seeds, each point's KPI the mean over them.
 */
export interface MorrisJob extends Job {
  readonly kind: 'morris';
  readonly scenario: Scenario;
  readonly factors: readonly MorrisFactor[];
  /** r, trajectories. */
  readonly trajectories: number;
  /** p, grid levels per parameter: even. */
  readonly levels: number;
  /** --at YYYY-MM: the month KPIs are read at (the runs stop there: `ticks` is set to it); the last month when absent. */
  readonly at?: string;
  readonly focus: Focus;
}
