import type { Scenario } from '../../config/parse-scenario.js';
import { splitPath } from '../../sweep/param-path.js';
import type { ParamRange } from '../../sweep/param-range.js';
import type { Focus, Job } from '../job-kind.js';

/** A scenario over a grid of one or two parameters, every point with the same seeds. */
export interface SweepJob extends Job {
  readonly kind: 'sweep';
  readonly scenario: Scenario;
  readonly params: readonly ParamRange[];
  readonly focus: Focus;
}

/** The last key of a path: "paybackMonths" for enterprises.policies.switching.params.paybackMonths. */
export function shortName(path: string): string {
  const split = splitPath(path);
  return split.success ? split.value.at(-1)! : path;
}
