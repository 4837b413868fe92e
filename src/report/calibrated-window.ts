import type { Scenario } from '../config/parse-scenario.js';
import { monthIndex, tickToDate } from '../engine/calendar.js';

/**
 * What a run going past its scenario's calibrated window (`calibratedThrough`) must say: the months
 * after it compound growth rates that no source measured that far. Deterministic text, the same
 * for the same scenario and length; undefined for a run inside the window, or a scenario that
 * states none.
 */
export function pastCalibratedWindow(scenario: Scenario): string | undefined {
  const window = scenario.calibratedThrough;
  if (window === undefined) return undefined;
  const end = tickToDate(scenario.start, scenario.months - 1);
  const beyond = monthIndex(end) - monthIndex(window.month);
  if (beyond <= 0) return undefined;
  return (
    `the run goes to ${end}, ${beyond} ${beyond === 1 ? 'month' : 'months'} past the scenario's calibrated window ` +
    `(calibratedThrough ${window.month}): its growth rates have no source beyond that month, so the months after it are extrapolation`
  );
}
