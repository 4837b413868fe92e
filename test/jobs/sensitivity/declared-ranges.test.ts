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

  it('derives the range of a parameter none is declared for from its valid range', () => {
    const premium = param('qualityPremium');
    expect(premium.declared).toBeUndefined();
    // qualityPremium is 0..10: its odds within the range ÷/× 1.2 (the change these tests give).
    expect(premium.scale).toBe('odds');
    const place = premium.param.value / 10;
    const at = (odds: number) => Number(((10 * odds) / (1 + odds)).toPrecision(12));
    expect([premium.low, premium.high]).toEqual([at(place / (1 - place) / 1.2), at((place / (1 - place)) * 1.2)]);
  });

  it('says a declared parameter outside the policies is left out, and why', () => {
    const all = sensitivityPlan(scenario, 0.2, ['enterprises']);
    expect(all.skipped).toContainEqual({ path: 'enterprises.priceElasticity', reason: expect.stringContaining('declared uncertain, but not a policy parameter') });
  });

  it('reports which range each parameter moved over, and heads the tables low and high', () => {
    const results: SensitivityResults = { plan, change: 0.2, base: new Map() as KpiStats, sides: new Map(), noise: new Map() };
    const md = sensitivityMd({ scenario, command: 'npm run sensitivity -- x.json', change: 0.2, runs: 1, seeds: [1], results, kpis: [], focusNote: '', charts: [] });
    expect(md).toContain('2 of them, which the scenario declares uncertain, to the ends of their declared range; the others over a range derived from the parameter\'s valid range, its distance from its bounds ÷/× 1.2');
    expect(md).toContain('## Ranges');
    expect(md).toContain(`| \`${PRICING}.params.markup\` | 2 | 1.2 | 3.5 | declared uncertain: log-uniform 1.2 to 3.5; a test range |`);
    expect(md).toMatch(new RegExp(`\\| \`${PRICING}\\.params\\.qualityPremium\` \\| [\\d.]+ \\| [\\d.]+ \\| [\\d.]+ \\| no range declared: its odds within 0\\.\\.10 ÷\\/× 1\\.2 \\|`));
  });
});
