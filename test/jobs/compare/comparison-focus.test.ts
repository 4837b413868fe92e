import { describe, expect, it } from 'vitest';
import { reduceRuns, type KpiValues } from '../../../src/ensemble/kpi-samples.js';
import { comparisonFocus, mostMovedVendor } from '../../../src/jobs/compare/comparison-focus.js';
import { changesWithinNoise, comparisonMd, withinNoise, type ComparedScenario } from '../../../src/jobs/compare/comparison-report.js';
import { baselineJson, scenarioOf } from '../../support/scenario-fixtures.js';

const baseline = scenarioOf(baselineJson());

function compared(label: string, perRun: KpiValues[]): ComparedScenario {
  return { label, scenario: { ...baseline, name: label }, seeds: perRun.map((_, i) => 1 + i), end: '2026-12', perRun, stats: reduceRuns(perRun) };
}

const share = (vendor: string) => `final:vendor.enterprise_share:${vendor}`;
const arr = (vendor: string) => `final:vendor.arr_usd:${vendor}`;
const revenue = (cloud: string) => `final:cloud.ai_revenue_usd:${cloud}`;

/** OpenAI is the largest; xAI's share moves most; meta (open weights, no ARR) moves more but earns nothing per token. */
const base = compared('base', [{ [share('openai')]: 0.5, [share('xai')]: 0.05, [share('meta')]: 0.1, [arr('openai')]: 3e10, [arr('xai')]: 2e8, [revenue('azure')]: 1e9, [revenue('aws')]: 5e8 }]);
const other = compared('other', [{ [share('openai')]: 0.49, [share('xai')]: 0.15, [share('meta')]: 0.5, [arr('openai')]: 2.9e10, [arr('xai')]: 2e9, [revenue('azure')]: 9e8, [revenue('aws')]: 6e8 }]);

describe('the vendor and cloud a comparison follows', () => {
  it('follows the closed vendor whose enterprise share moved most against the first scenario, not the largest', () => {
    expect(mostMovedVendor([base, other])).toEqual({ vendor: 'xai', change: expect.closeTo(0.1, 9), against: 'other' });
    const focus = comparisonFocus({}, [base, other]);
    expect(focus).toMatchObject({ vendor: 'xai', cloud: 'azure', vendorName: 'xAI' });
    expect(focus.note).toContain('xAI is the closed vendor whose enterprise share moved most against base (+10.0 pp in other)');
  });

  it('follows the largest closed vendor when no share moved, and what was asked for when asked', () => {
    expect(comparisonFocus({}, [base, compared('same', base.perRun as KpiValues[])]).vendor).toBe('openai');
    expect(comparisonFocus({ vendor: 'openai', cloud: 'aws' }, [base, other])).toMatchObject({ vendor: 'openai', cloud: 'aws' });
  });
});

describe('changes within seed noise', () => {
  it('a single seed per scenario says a change may be seed noise alone', () => {
    const md = comparisonMd({ scenarios: [base, other], command: 'npm run compare -- a b', charts: [], focusNote: '' });
    expect(md).toContain('One seed per scenario: a change may be seed noise alone');
    expect(md).not.toMatch(/ \* \|/);
  });

  it('with several runs, marks each change whose run-by-run 5th–95th percentile includes 0, and counts them', () => {
    const noisy = compared('noisy', [{ [share('openai')]: 0.4 }, { [share('openai')]: 0.5 }, { [share('openai')]: 0.6 }]);
    const moved = compared('moved', [{ [share('openai')]: 0.45 }, { [share('openai')]: 0.52 }, { [share('openai')]: 0.58 }]);
    const shifted = compared('shifted', [{ [share('openai')]: 0.5 }, { [share('openai')]: 0.6 }, { [share('openai')]: 0.7 }]);
    const md = comparisonMd({ scenarios: [noisy, moved, shifted], command: 'c', charts: [], focusNote: '' });
    // moved: +0.05, +0.02, −0.02 straddles 0; shifted: +0.1 in every run does not.
    expect(md).toMatch(/\| Enterprise share, OpenAI \| [^|]+ \| [^|]+ \| [^|]+ \| \+1\.7 pp \(−1\.6 pp to \+4\.7 pp\) \* \| \+10\.0 pp \(\+10\.0 pp to \+10\.0 pp\) \|/);
    expect(md).toContain("a Δ marked * is within the runs' noise");
    expect(changesWithinNoise([noisy, moved, shifted])).toEqual({ within: 1, of: 2 });
    expect(withinNoise({ mean: 0, p5: 0, p50: 0, p95: 0, count: 3 })).toBe(false);
  });
});
