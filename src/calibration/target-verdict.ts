import { monthIndex } from '../engine/calendar.js';
import { targetWindow, type Target } from './target-file.js';

/**
 * Which targets a run must meet and whether it does. The baseline is calibrated to 2023 to mid-2025:
 * a modelled target whose window ends by August 2025 is asserted (test/calibration), a later one is
 * information until a calibration fits it, and a not-modelled one is listed as such.
 */

/** The last month of the calibration's figures (Menlo Ventures' mid-2025 survey, the run-rates of Jul–Aug 2025). */
export const CALIBRATED_UNTIL = '2025-08';

export type TargetRole = 'asserted' | 'information' | 'not modelled';

export function targetRole(target: Target): TargetRole {
  if (target.notModelled !== undefined) return 'not modelled';
  return monthIndex(targetWindow(target).to) <= monthIndex(CALIBRATED_UNTIL) ? 'asserted' : 'information';
}

/** A figure is in its band when it lies between the ends, both included; NaN never is. */
export function inBand(target: Target, value: number): boolean {
  return value >= target.band[0] && value <= target.band[1];
}
