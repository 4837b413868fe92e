import { describe, expect, it } from 'vitest';
import { reduceRuns, type KpiValues } from '../../../src/ensemble/kpi-samples.js';
import type { SobolJob } from '../../../src/jobs/sobol/job.js';
import { designSettings, sobolPointCount } from '../../../src/jobs/sobol/sobol-design.js';
import { sobolCsv } from '../../../src/jobs/sobol/sobol-report.js';
import { kpiSobol } from '../../../src/jobs/sobol/sobol-results.js';
import { runValuesByKpi } from '../../../src/jobs/kpi-noise.js';
import { baselineJson, scenarioOf } from '../../support/scenario-fixtures.js';

/**
 * The indices and the noise a job reports, from runs made up here rather than simulated: a KPI
 * y = x1 + 4 x1 x2 + (seed effect), known S2 > 0 for the pair and nothing for x3, whose seeds
 * shift every point alike (what common random numbers cancel) or not.
 */

const KEY = 'final:market.hhi:market';

function job(secondOrder: boolean): SobolJob {
  const param = (path: string) => ({ path, low: 0, high: 1, scale: 'linear' as const, integer: false });
  return {
    kind: 'sobol',
    runs: 3,
    charts: false,
    scenario: { ...scenarioOf(baselineJson()), seed: 7 },
    params: [param('enterprises.brandPremium'), param('enterprises.codingShare'), param('enterprises.openWeightsValueFactor')],
    samples: 256,
    secondOrder,
    focus: {},
  };
}

/** Each point's runs: the model plus a seed effect, `alike` at every point or different at each. */
function runsOf(sobol: SobolJob, alike: boolean): KpiValues[][] {
  const settings = designSettings(sobol);
  return Array.from({ length: sobolPointCount(sobol) }, (_, p) => {
    const [x1, x2] = settings(p).map((s) => s.value);
    const model = x1! + 4 * x1! * x2!;
    return [-0.1, 0, 0.1].map((seedEffect, r) => ({ [KEY]: model + (alike ? seedEffect : seedEffect * (((p * 7 + r * 3) % 5) - 2)) }));
  });
}

function valuesOf(runs: readonly KpiValues[][]): Float64Array {
  return runValuesByKpi([KEY], runs.length, runs[0]!.length, (p) => runs[p]!).get(KEY)!;
}

describe('sobol results', () => {
  it('ranks the parameters, gives the interacting pair its S2 and the idle parameter none, in sobol.csv', () => {
    const sobol = job(true);
    const runs = runsOf(sobol, true);
    const result = kpiSobol(sobol, runs.map(reduceRuns), valuesOf(runs), KEY);
    const [first, total] = [result.indices.firstOrder.map((s) => s.estimate), result.indices.totalOrder.map((s) => s.estimate)];
    expect(total[0]!).toBeGreaterThan(total[1]!);
    expect(total[1]!).toBeGreaterThan(0.2);
    expect(Math.abs(first[2]!)).toBeLessThan(1e-12);
    expect(total[2]!).toBeLessThan(1e-12);
    expect(result.indices.secondOrder![0]![1]!.estimate).toBeGreaterThan(0.05);
    const rows = sobolCsv(sobol, [result]).trimEnd().split('\n');
    // Three parameter rows and three pair rows.
    expect(rows).toHaveLength(1 + 3 + 3);
    expect(rows[4]!.split(',').slice(3, 5)).toEqual(['enterprises.brandPremium', 'enterprises.codingShare']);
  });

  it('tells the seed noise common seeds cancel from the noise they leave, and marks indices against the latter', () => {
    const sobol = job(false);
    const alike = runsOf(sobol, true);
    const cancelled = kpiSobol(sobol, alike.map(reduceRuns), valuesOf(alike), KEY).noise;
    expect(cancelled.betweenSeedsSd).toBeCloseTo(0.1, 9);
    expect(cancelled.seedNoiseSd).toBeLessThan(1e-9);
    const left = runsOf(sobol, false);
    const result = kpiSobol(sobol, left.map(reduceRuns), valuesOf(left), KEY);
    expect(result.noise.seedNoiseSd).toBeGreaterThan(0.05);
    expect(result.noise.totalOrderFloor).toBeGreaterThan(0);
    const marks = sobolCsv(sobol, [result]).trimEnd().split('\n').slice(1).map((row) => row.split(',').at(-1));
    expect(marks).toEqual(['true', 'true', 'false']);
  });
});
