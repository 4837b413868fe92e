import type { Scenario } from '../../config/parse-scenario.js';
import type { Focus, Job } from '../job-kind.js';
import type { JobTargets } from '../job-targets.js';

/** Several scenarios, each run with the same seeds, compared with the first. */
export interface CompareJob extends Job {
  readonly kind: 'compare';
  readonly scenarios: readonly Scenario[];
  readonly focus: Focus;
  /** --targets: the figures its charts draw and its report checks. */
  readonly targets?: JobTargets;
}

/** Compared scenarios by name; a name given twice is told apart by its position. */
export function scenarioLabels(scenarios: readonly Scenario[]): string[] {
  return scenarios.map((scenario, i) =>
    scenarios.filter((other) => other.name === scenario.name).length > 1 ? `${scenario.name} (${i + 1})` : scenario.name,
  );
}
