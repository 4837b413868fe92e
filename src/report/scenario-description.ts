import type { Scenario } from '../config/parse-scenario.js';
import { tickToDate } from '../engine/calendar.js';
import { monthName } from './kpi-format.js';
import { endsBeforeBranch } from './before-branch.js';

/**
 * A scenario's description as a report gives it. The description is what its author wrote of the
 * scenario's own months ("then run to the end of 2028"); a job run with --ticks runs others, so
 * the report says which, the end month computed from the start and the months run. The note is
 * headed by what the user gave to stop the runs there (`--at 2024-02`, not the `--ticks 3` it
 * became).
 */
export function scenarioDescription(configured: Scenario, monthsRun: number, gave = `--ticks ${monthsRun}`): string {
  const { description, start, months } = configured;
  if (monthsRun === months) return description;
  const ran = `${monthsRun} month${monthsRun === 1 ? '' : 's'}, ${monthName(start)} – ${monthName(tickToDate(start, monthsRun - 1))}`;
  const own = `${months} months to ${monthName(tickToDate(start, months - 1))}`;
  const early = endsBeforeBranch({ ...configured, months: monthsRun });
  const note = `> **${gave}:** this run covers ${ran}; ${description === '' ? `the scenario as configured runs ${own}` : `the description above is of the scenario as configured, ${own}`}.${early === undefined ? '' : ` It ${early.replace(/^the run /, '')}.`}`;
  return description === '' ? note : `${description}\n\n${note}`;
}
