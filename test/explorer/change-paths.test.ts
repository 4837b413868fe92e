import { describe, expect, it } from 'vitest';
import { parsePath, scenarioPathOf } from '../../src/explorer/page/change-paths.js';
import { problemsByPath } from '../../src/explorer/page/problem-marks.js';

const scenario = {
  months: 12,
  vendors: [{ id: 'openai', markup: 2 }, { id: 'anthropic' }, { id: 'deepseek', entersAt: '2025-01' }],
  marketplace: [{ cloud: 'azure', vendor: 'openai', revenueShare: 0.2 }, { cloud: 'aws', vendor: 'anthropic', revenueShare: 0.3 }],
};

describe('change-paths', () => {
  it('reads a path as validate writes it', () => {
    expect(parsePath('vendors[1].policies.pricing.params.markup')).toEqual(['vendors', 1, 'policies', 'pricing', 'params', 'markup']);
  });

  it("takes a path of the changes file to the scenario's: id-keyed entries by id, listings by their pair, the rest as they are", () => {
    const changes = { months: 0, vendors: [{ id: 'openai', markup: 3 }, { id: 'deepseek', entersAt: '2025-13' }], marketplace: [{ cloud: 'aws', vendor: 'anthropic', revenueShare: 2 }] };
    expect(scenarioPathOf(changes, scenario, 'vendors[1].entersAt')).toBe('vendors[2].entersAt');
    expect(scenarioPathOf(changes, scenario, 'marketplace[0].revenueShare')).toBe('marketplace[1].revenueShare');
    expect(scenarioPathOf(changes, scenario, 'months')).toBe('months');
    // A new entry, which the scenario has not got: its place in the file.
    expect(scenarioPathOf({ vendors: [{ id: 'newco' }] }, scenario, 'vendors[0].id')).toBe('vendors[0].id');
  });
});

describe('problem-marks', () => {
  it("finds the paths a validate report names, not those in another file of the extends chain", () => {
    const report = 'x.json is not a valid scenario (3 problems):\n  months: at least 1; found 0\n  in baseline.json, uncertain[1].path: no "deepseek"\n  vendors[1].entersAt: a month as YYYY-MM\n';
    expect([...problemsByPath(report)]).toEqual([
      ['months', 'at least 1; found 0'],
      ['vendors[1].entersAt', 'a month as YYYY-MM'],
    ]);
  });
});
