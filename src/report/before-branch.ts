import type { Scenario } from '../config/parse-scenario.js';
import { tickToDate } from '../engine/calendar.js';

/**
 * What a run that ends before its scenario branches from its parent must say: every month of it
 * is the parent's, so it shows nothing of what the scenario changes (a --ticks or --at cut short,
 * or a compare of a branch and its parent whose lines then coincide). Undefined for a scenario
 * that branches within the run, or branches from nothing.
 */
export function endsBeforeBranch(scenario: Scenario): string | undefined {
  const at = scenario.branchesAt;
  if (at === undefined) return undefined;
  const end = tickToDate(scenario.start, scenario.months - 1);
  if (end >= at) return undefined;
  return `the run ends in ${end}, before the scenario branches from its parent in ${at}: every month of it is the parent's, and it shows nothing of what the scenario changes; run to ${at} or later`;
}
