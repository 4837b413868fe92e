import { describe, expect, it } from 'vitest';
import { sensitivityPlan } from '../../../src/sweep/sensitivity-plan.js';
import { sensitivityMd, type SensitivityResults } from '../../../src/jobs/sensitivity/sensitivity-report.js';
import type { KpiStats } from '../../../src/ensemble/kpi-samples.js';
import { declaredEnds } from '../../../src/sweep/declared-range.js';
import { baselineJson, scenarioOf } from '../../support/scenario-fixtures.js';

const PRICING = 'vendors.openai.policies.pricing';

/** The baseline with OpenAI's markup 2 and its rival weight declared uncertain, and the price elasticity (not a policy param). */
function scenarioDeclaring() {
  const json = baselineJson();
  json.vendors.find((v: { id: string }) => v.id === 'openai').policies.pricing.params.markup = 2;
  json.uncertain = [
    { path: `${PRICING}.params.markup`, distribution: { type: 'log-uniform', lo: 1.2, hi: 3.5 }, source: 'a test range' },
    { path: `${PRICING}.params.rivalWeight`, distribution: { type: 'normal', mean: 0.5, sd: 0.3 }, source: 'another test range' },
    { path: 'enterprises.priceElasticity', distribution: { type: 'uniform', lo: 0.5, hi: 1.2 }, source: 'a third' },
  ];
  return scenarioOf(json);
}

describe('sensitivity over declared ranges (sensitivity-plan, declared-range)', () => {
  const scenario = scenarioDeclaring();
  const plan = sensitivityPlan(scenario, 0.2, [PRICING]);
  const param = (name: string) => plan.params.find((p) => p.param.path === `${PRICING}.params.${name}`)!;

  it('moves a declared parameter to the ends of its declared range, not ±20 %, and says where the range comes from', () => {
    expect(param('markup')).toMatchObject({ low: 1.2, high: 3.5, declared: { source: 'a test range', distribution: { type: 'log-uniform' } } });
    expect(plan.cases.filter((c) => c.path === `${PRICING}.params.markup`).map((c) => c.value)).toEqual([1.2, 3.5]);
  });

  it('takes a normal’s mean ± 2 sd, held within the parameter’s valid range', () => {
    // rivalWeight is 0..1: 0.5 ± 0.6 is held at 0 and 1.
    expect(param('rivalWeight')).toMatchObject({ low: 0, high: 1 });
    expect(declaredEnds({ type: 'normal', mean: 10, sd: 2 }, undefined)).toEqual({ low: 6, high: 14 });
    expect(declaredEnds({ type: 'triangular', lo: 1, mode: 2, hi: 6 }, { min: 0, max: 5, minExclusive: false, maxExclusive: false, integer: false })).toEqual({ low: 1, high: 5 });
  });

  it('keeps ±20 % for the parameters no range is declared for', () => {
    const premium = param('qualityPremium');
    expect(premium.declared).toBeUndefined();
    expect([premium.low, premium.high]).toEqual([premium.param.value * 0.8, premium.param.value * 1.2].map((v) => Number(v.toPrecision(12))));
  });

  it('says a declared parameter outside the policies is left out, and why', () => {
    const all = sensitivityPlan(scenario, 0.2, ['enterprises']);
    expect(all.skipped).toContainEqual({ path: 'enterprises.priceElasticity', reason: expect.stringContaining('declared uncertain, but not a policy parameter') });
  });

  it('reports which range each parameter moved over, and heads the tables low and high', () => {
    const results: SensitivityResults = { plan, base: new Map() as KpiStats, sides: new Map() };
    const md = sensitivityMd({ scenario, command: 'npm run sensitivity -- x.json', change: 0.2, runs: 1, seeds: [1], results, kpis: [], focusNote: '', charts: [] });
    expect(md).toContain('2 of them, which the scenario declares uncertain, to the ends of their declared range instead (see Ranges)');
    expect(md).toContain('## Ranges');
    expect(md).toContain(`| \`${PRICING}.params.markup\` | 2 | 1.2 | 3.5 | declared uncertain: log-uniform 1.2 to 3.5; a test range |`);
    expect(md).toMatch(new RegExp(`\\| \`${PRICING}\\.params\\.qualityPremium\` \\| [\\d.]+ \\| [\\d.]+ \\| [\\d.]+ \\| ±20% of its value \\|`));
  });
});
