import { describe, expect, it } from 'vitest';
import { pastCalibratedWindow } from '../../src/report/calibrated-window.js';
import { baselineJson, scenarioOf } from '../support/scenario-fixtures.js';

const baseline = scenarioOf(baselineJson());

describe('calibrated window', () => {
  it('says nothing for the baseline’s own 61 months, Dec 2023 to Dec 2028, the last month of its window', () => {
    expect(baseline.calibratedThrough?.month).toBe('2028-12');
    expect(pastCalibratedWindow(baseline)).toBeUndefined();
  });

  it('counts the months past it: 120 months end in Nov 2033, 59 months after Dec 2028', () => {
    expect(pastCalibratedWindow({ ...baseline, months: 120 })).toBe(
      "the run goes to 2033-11, 59 months past the scenario's calibrated window (calibratedThrough 2028-12): its growth rates have no source beyond that month, so the months after it are extrapolation",
    );
    expect(pastCalibratedWindow({ ...baseline, months: 62 })).toContain('the run goes to 2029-01, 1 month past');
  });

  it('says nothing for a scenario that states no window', () => {
    const { calibratedThrough: _window, ...unstated } = baseline;
    expect(pastCalibratedWindow({ ...unstated, months: 600 })).toBeUndefined();
  });
});
