import { describe, expect, it } from 'vitest';
import { reduceRuns, type KpiValues } from '../../../src/ensemble/kpi-samples.js';
import { comparisonCsv, comparisonMd, pairedChange, type ComparedScenario } from '../../../src/jobs/compare/comparison-report.js';
import { baselineJson, scenarioOf } from '../../support/scenario-fixtures.js';

const baseline = scenarioOf(baselineJson());

function compared(label: string, perRun: KpiValues[]): ComparedScenario {
  return { label, scenario: { ...baseline, name: label }, seeds: perRun.map((_, i) => 1 + i), end: '2026-12', perRun, stats: reduceRuns(perRun) };
}

const share = 'final:vendor.enterprise_share:openai';
const hhi = 'final:market.hhi:market';

describe('comparison.csv', () => {
  it('has one row per KPI, entity and scenario, with the change against the first scenario', () => {
    const csv = comparisonCsv([compared('base', [{ [share]: 0.5, [hhi]: 3000 }]), compared('cheap', [{ [share]: 0.4, [hhi]: 2500 }])]);
    expect(csv.split('\n')).toEqual([
      'kpi,metric,entity,scenario,value,delta',
      'final,vendor.enterprise_share,openai,base,0.5,',
      `final,vendor.enterprise_share,openai,cheap,0.4,${0.4 - 0.5}`,
      'final,market.hhi,market,base,3000,',
      'final,market.hhi,market,cheap,2500,-500',
      '',
    ]);
  });

  it('with several runs, gives each KPI’s mean and percentiles and the run-by-run change', () => {
    const base = compared('base', [{ [hhi]: 1000 }, { [hhi]: 2000 }, { [hhi]: 3000 }]);
    const other = compared('other', [{ [hhi]: 1100 }, { [hhi]: 2100 }, { [hhi]: 3100 }]);
    const lines = comparisonCsv([base, other]).trimEnd().split('\n');
    expect(lines[0]).toBe('kpi,metric,entity,scenario,mean,p5,p50,p95,delta_mean,delta_p5,delta_p95');
    // Each run rose by exactly 100: paired, the change has no spread though the levels spread widely.
    expect(lines[2]).toBe('final,market.hhi,market,other,2100,1200,2100,3000,100,100,100');
    expect(pairedChange(base, other, hhi)).toMatchObject({ mean: 100, p5: 100, p95: 100 });
  });
});

describe('comparison.md', () => {
  it('puts the KPIs side by side with the changes, and embeds each chart by a relative link', () => {
    const md = comparisonMd({
      scenarios: [compared('base', [{ [share]: 0.5 }]), compared('cheap', [{ [share]: 0.4 }])],
      command: 'npm run compare -- a.json b.json',
      charts: [{ file: 'enterprise-share-openai.png', title: 'OpenAI enterprise share', description: 'd' }],
      focusNote: 'Charts follow OpenAI.',
    });
    expect(md).toContain('| Vendors | base | cheap | Δ cheap |');
    expect(md).toMatch(/\| Enterprise share, OpenAI \| 50\.0% \| 40\.0% \| −10\.0 pp \|/);
    expect(md).toContain('![OpenAI enterprise share](enterprise-share-openai.png)');
    expect(md).toContain('[comparison.csv](comparison.csv)');
    expect(md).toContain('`npm run compare -- a.json b.json`');
  });
});
