import { describe, expect, it } from 'vitest';
import { applySettings, parseParamRange, rangeValues, sweepGrid } from '../../src/sweep/param-range.js';
import { baselineJson, scenarioOf } from '../support/scenario-fixtures.js';

const scenario = scenarioOf(baselineJson());

describe('--param <path>=<from>:<to>:<steps>', () => {
  it('gives evenly spaced values, both ends included, without float noise', () => {
    const range = parseParamRange('enterprises.policies.switching.params.paybackMonths=3:24:4');
    expect(range).toEqual({ success: true, value: { path: 'enterprises.policies.switching.params.paybackMonths', from: 3, to: 24, steps: 4 } });
    expect(rangeValues({ path: 'x', from: 3, to: 24, steps: 4 })).toEqual([3, 10, 17, 24]);
    expect(rangeValues({ path: 'x', from: 0.1, to: 0.3, steps: 3 })).toEqual([0.1, 0.2, 0.3]);
    expect(rangeValues({ path: 'x', from: 1, to: -1, steps: 3 })).toEqual([1, 0, -1]);
  });

  it('gives a log grid evenly spaced on a log scale with :log, and refuses one that reaches 0', () => {
    const range = parseParamRange('enterprises.segments.*.switchingCostUsd.median=1e4:1e6:3:log');
    expect(range).toEqual({ success: true, value: { path: 'enterprises.segments.*.switchingCostUsd.median', from: 1e4, to: 1e6, steps: 3, scale: 'log' } });
    expect(rangeValues({ path: 'x', from: 1e4, to: 1e6, steps: 3, scale: 'log' })).toEqual([1e4, 1e5, 1e6]);
    // A ratio of 2 a step: 1, 2, 4, 8.
    expect(rangeValues({ path: 'x', from: 1, to: 8, steps: 4, scale: 'log' })).toEqual([1, 2, 4, 8]);
    expect(parseParamRange('markup=0:8:4:log')).toMatchObject({ success: false, message: expect.stringContaining('a log grid needs from and to above 0') });
    expect(parseParamRange('markup=1:8:4:lin')).toMatchObject({ success: false, message: expect.stringContaining('the fourth part may only be "log"') });
  });

  it('refuses a malformed range, saying how to write one', () => {
    for (const [text, why] of [
      ['markup=1:2', 'three or four parts'],
      ['markup=1:x:3', 'numbers'],
      ['markup=1:2:1', 'steps must be a whole number from 2'],
      ['markup=1:2:2.5', 'steps must be a whole number'],
      ['markup=2:2:3', 'equal'],
      ['markup', 'no "="'],
      ['seed=1:5:5', 'use --seed and --runs'],
    ] as const) {
      expect(parseParamRange(text)).toMatchObject({ success: false, message: expect.stringContaining(why) });
    }
  });

  it('makes a grid with the first parameter varying slowest', () => {
    const grid = sweepGrid([
      { path: 'a', from: 1, to: 2, steps: 2 },
      { path: 'b', from: 10, to: 30, steps: 3 },
    ]);
    expect(grid.map((point) => point.map((s) => s.value))).toEqual([
      [1, 10],
      [1, 20],
      [1, 30],
      [2, 10],
      [2, 20],
      [2, 30],
    ]);
  });

  it('validates the scenario again with the values set, naming the path of a value out of range', () => {
    const applied = applySettings(scenario, [{ path: 'vendors.openai.policies.pricing.params.markup', value: 1.5 }]);
    expect(applied.success && applied.value.vendors[0]!.policies).toMatchObject({ pricing: { params: { markup: 1.5 } } });
    expect(applySettings(scenario, [{ path: 'vendors.openai.policies.pricing.params.rivalWeight', value: 2 }])).toMatchObject({
      success: false,
      message: expect.stringMatching(/vendors\[0\]\.policies\.pricing\.params\.rivalWeight: at most/),
    });
    expect(applySettings(scenario, [{ path: 'vendors.nobody.quality', value: 1 }])).toMatchObject({ success: false, message: expect.stringContaining('no "nobody"') });
  });
});
