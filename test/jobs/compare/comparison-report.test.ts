import { describe, expect, it } from 'vitest';
import { reduceRuns, type KpiValues } from '../../../src/ensemble/kpi-samples.js';
import { changesWithinNoise, comparisonCsv, comparisonMd, describeRunsPerScenario, pairedChange, type ComparedScenario } from '../../../src/jobs/compare/comparison-report.js';
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

describe('changes that are only the rounding of sums', () => {
  const revenue = 'final:cloud.ai_revenue_usd:gcp';
  // The same $80.2M taken as sums in another order: 1.49e-8 apart, as the shipped configs give.
  const level = 80_200_000.123;
  const base = compared('base', [{ [revenue]: level, [hhi]: 2000 }, { [revenue]: level + 1e6, [hhi]: 2100 }]);
  const other = compared('other', [{ [revenue]: level + 1.49e-8, [hhi]: 2000 }, { [revenue]: level + 1e6 - 1.49e-8, [hhi]: 2100 }]);

  it('are no change: exactly 0 in comparison.csv, $0 in comparison.md, and not marked within the noise', () => {
    expect(pairedChange(base, other, revenue)).toMatchObject({ mean: 0, p5: 0, p95: 0 });
    expect(comparisonCsv([base, other]).split('\n').find((l) => l.startsWith('final,cloud.ai_revenue_usd,gcp,other'))).toMatch(/,0,0,0$/);
    const md = comparisonMd({ scenarios: [base, other], command: 'c', charts: [], focusNote: '' });
    const row = md.split('\n').find((l) => l.startsWith('| AI revenue, last month, Google Cloud'))!;
    expect(row).toMatch(/\| \$0 \(\$0 to \$0\) \|$/);
    // A KPI the same in every run and a KPI whose change is only rounding read alike: neither is marked.
    expect(changesWithinNoise([base, other])).toEqual({ within: 0, of: 2 });
  });

  it('leave a real change, however small against the level, as it is', () => {
    const moved = compared('moved', [{ [revenue]: level + 0.5 }, { [revenue]: level + 1e6 - 0.5 }]);
    const change = pairedChange(base, moved, revenue)!;
    expect([change.p5, change.p95].map((v) => Math.round(v * 100) / 100)).toEqual([-0.45, 0.45]);
  });
});

describe('the charts’ note on the runs', () => {
  it('says "seeds" once, and each scenario’s seeds when they differ', () => {
    expect(describeRunsPerScenario(4, [[1, 2, 3, 4], [1, 2, 3, 4]])).toBe('4 runs per scenario (seeds 1–4)');
    expect(describeRunsPerScenario(2, [[1, 2], [7, 8]])).toBe('2 runs per scenario (seeds 1, 2; seeds 7, 8)');
  });
});
