import type { Scenario } from '../../config/parse-scenario.js';
import type { IntervalParam } from '../../sweep/interval-param.js';
import type { UncertainFactor } from '../../sweep/uncertain-draws.js';
import type { Job } from '../job-kind.js';
import type { Condition } from './condition.js';

/** What a discovery samples: the --param intervals, or else the scenario's declared uncertain parameters. */
export type DiscoverFactor = (IntervalParam & { readonly origin: 'param' }) | (UncertainFactor & { readonly origin: 'declared' });

/**
 * Scenario discovery: a Latin hypercube of `samples` points over the factors, every point run with
 * the same `runs` seeds, each point's metric the mean over them; where the condition holds, and
 * the boxes of PRIM that say under which assumptions it does.
 */
export interface DiscoverJob extends Job {
  readonly kind: 'discover';
  readonly scenario: Scenario;
  readonly factors: readonly DiscoverFactor[];
  readonly samples: number;
  readonly condition: Condition;
  /** PRIM's peel: the share of a box's points each step cuts off. */
  readonly peelAlpha: number;
  /** The density the chosen box must reach: of those that do, the one with the highest coverage. */
  readonly minDensity: number;
}
