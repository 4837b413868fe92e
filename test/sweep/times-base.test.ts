import { describe, expect, it } from 'vitest';
import { applySettings, parseParamRange, rangeValues, sweepGrid } from '../../src/sweep/param-range.js';
import { readRangeEnds, timesBaseValue, withTimesBase } from '../../src/sweep/times-base.js';
import { checkIntervalParams, describeInterval, parseIntervalParam } from '../../src/sweep/interval-param.js';
import { factorSettings } from '../../src/jobs/design-factor.js';
import { sensitivityPlan } from '../../src/sweep/sensitivity-plan.js';
import { baselineJson, scenarioOf } from '../support/scenario-fixtures.js';

const MEDIANS = 'enterprises.segments.*.switchingCostUsd.median';

/** The baseline with the three segments' median switching costs set by hand: 1e4, 5e4, 2e5. */
function scenarioWithMedians() {
  const json = baselineJson() as { enterprises: { segments: { switchingCostUsd: { median: number } }[] } };
  json.enterprises.segments.forEach((segment, i) => (segment.switchingCostUsd.median = [1e4, 5e4, 2e5][i]!));
  return scenarioOf(json);
}

describe('a range of factors on each number\'s own value (×LO:×HI)', () => {
  it('reads × and x as the same mark, and refuses a range from a value to a factor', () => {
    expect(readRangeEnds(['×0.1', 'x10'])).toEqual({ success: true, value: { values: [0.1, 10], timesBase: true } });
    expect(readRangeEnds(['0.1', '10'])).toEqual({ success: true, value: { values: [0.1, 10], timesBase: false } });
    expect(readRangeEnds(['×0.1', '10'])).toMatchObject({ success: false, message: expect.stringContaining('not one of each') });
  });

  it('parses a sweep range of factors, log grid included, and gives the factors as its values', () => {
    const range = parseParamRange(`${MEDIANS}=×0.1:×10:5:log`);
    expect(range).toEqual({ success: true, value: { path: MEDIANS, from: 0.1, to: 10, steps: 5, scale: 'log', timesBase: true } });
    expect(parseParamRange(`${MEDIANS}=x0.5:x2:3`)).toEqual({ success: true, value: { path: MEDIANS, from: 0.5, to: 2, steps: 3, timesBase: true } });
    expect(range.success && rangeValues(range.value)).toEqual([0.1, 0.316227766017, 1, 3.16227766017, 10]);
    expect(range.success && sweepGrid([range.value])[2]).toEqual([{ path: MEDIANS, value: 1, timesBase: true }]);
    expect(parseParamRange(`${MEDIANS}=×0:×10:5:log`)).toMatchObject({ success: false, message: expect.stringContaining('a log grid needs factors above 0') });
    expect(parseParamRange(`${MEDIANS}=×a:×10:5`)).toMatchObject({ success: false, message: expect.stringContaining('factors written ×0.5') });
    expect(parseParamRange(`${MEDIANS}=1e4:×10:5`)).toMatchObject({ success: false, message: expect.stringContaining('not one of each') });
  });

  it('multiplies each number a path with * reaches by the factor, keeping their ratios', () => {
    const scenario = scenarioWithMedians();
    const halved = applySettings(scenario, [{ path: MEDIANS, value: 0.5, timesBase: true }]);
    expect(halved.success && halved.value.enterprises.segments.map((s) => s.switchingCostUsd.median)).toEqual([5e3, 2.5e4, 1e5]);
    // A value, by contrast, sets all three to the same.
    const set = applySettings(scenario, [{ path: MEDIANS, value: 0.5 }]);
    expect(set.success && set.value.enterprises.segments.map((s) => s.switchingCostUsd.median)).toEqual([0.5, 0.5, 0.5]);
    // Rounded as grids are: 0.3, not 0.30000000000000004.
    expect(timesBaseValue(0.1, 3)).toBe(0.3);
  });

  it('refuses a factor that takes one of the numbers out of its range, naming that number and what the factor made of it', () => {
    const json = baselineJson() as { enterprises: { segments: { marketplaceShare: number }[] } };
    json.enterprises.segments.forEach((segment, i) => (segment.marketplaceShare = [0.6, 0.45, 0.3][i]!));
    const applied = applySettings(scenarioOf(json), [{ path: 'enterprises.segments.*.marketplaceShare', value: 2, timesBase: true }]);
    expect(applied.success).toBe(false);
    const message = applied.success ? '' : applied.message;
    expect(message).toContain('enterprises.segments.*.marketplaceShare=×2 is not a valid scenario');
    expect(message).toContain('enterprises.segments[0].marketplaceShare (0.6 × 2 = 1.2): at most 1');
    // The others stay within their range: only the first is named.
    expect(message).not.toContain('segments[1]');
    expect(message).not.toContain('segments[2]');
  });

  it('says "(× base)" where a parameter is named', () => {
    expect(withTimesBase(MEDIANS, true)).toBe(`${MEDIANS} (× base)`);
    expect(withTimesBase(MEDIANS, undefined)).toBe(MEDIANS);
  });
});

describe('an interval of factors (sensitivity, morris, sobol, discover: --param PATH=×LO:×HI[:log])', () => {
  const count = { min: 1, max: 10, tooFew: () => 'too few' };

  it('parses and checks it, and a design point multiplies each number by the factor it draws', () => {
    const scenario = scenarioWithMedians();
    const read = parseIntervalParam(`${MEDIANS}=x0.5:×2:log`);
    expect(read).toEqual({ success: true, value: { path: MEDIANS, low: 0.5, high: 2, scale: 'log', timesBase: true } });
    const checked = checkIntervalParams(scenario, [read.success ? read.value : (undefined as never)], count);
    expect(checked).toEqual({ success: true, value: [{ path: MEDIANS, low: 0.5, high: 2, scale: 'log', integer: false, timesBase: true }] });
    const params = checked.success ? checked.value : [];
    expect(describeInterval(params[0]!)).toBe('×0.5 to ×2 of each value in the scenario, log-uniform');
    // The middle of a log-uniform ×0.5..×2 is ×1; its bottom ×0.5.
    expect(factorSettings(params, [0.5])).toEqual([{ path: MEDIANS, value: 1, timesBase: true }]);
    const bottom = applySettings(scenario, factorSettings(params, [0]));
    expect(bottom.success && bottom.value.enterprises.segments.map((s) => s.switchingCostUsd.median)).toEqual([5e3, 2.5e4, 1e5]);
  });

  it('refuses an interval whose end takes one number out of its range, naming it, and factors on a whole-number parameter', () => {
    const json = baselineJson() as { enterprises: { segments: { marketplaceShare: number }[] } };
    json.enterprises.segments.forEach((segment, i) => (segment.marketplaceShare = [0.6, 0.45, 0.3][i]!));
    const read = parseIntervalParam('enterprises.segments.*.marketplaceShare=×0.5:×2');
    const checked = checkIntervalParams(scenarioOf(json), [read.success ? read.value : (undefined as never)], count);
    expect(checked).toMatchObject({ success: false, message: expect.stringContaining('--param enterprises.segments.*.marketplaceShare=×2 is not a valid scenario: enterprises.segments[0].marketplaceShare (0.6 × 2 = 1.2): at most 1') });
    const payback = parseIntervalParam('vendors.openai.policies.training.params.minMonthsBetweenReleases=×0.5:×2');
    expect(checkIntervalParams(scenarioOf(json), [payback.success ? payback.value : (undefined as never)], count)).toMatchObject({ success: false, message: expect.stringContaining('a whole-number parameter takes values') });
    expect(parseIntervalParam(`${MEDIANS}=0.5:×2`)).toMatchObject({ success: false, message: expect.stringContaining('not one of each') });
  });

  it('moves sensitivity to each end as a factor, the base being ×1', () => {
    const plan = sensitivityPlan(scenarioWithMedians(), 0.5, [], [{ path: MEDIANS, low: 0.5, high: 2, timesBase: true }]);
    expect(plan.cases).toEqual([
      { path: MEDIANS, side: 'low', value: 0.5, timesBase: true },
      { path: MEDIANS, side: 'high', value: 2, timesBase: true },
    ]);
    expect(plan.params[0]).toMatchObject({ param: { value: 1 }, low: 0.5, high: 2, timesBase: true });
  });
});
