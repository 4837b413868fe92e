import { describe, expect, it } from 'vitest';
import { checkJobSize, jobHash, normaliseJob, planJob, variantScenario } from '../../src/batch/job.js';
import { deriveSeeds } from '../../src/batch/seeds.js';
import { parseShard, shardTasks } from '../../src/batch/shard.js';
import { kindOf, type Job } from '../support/job-kinds.js';
import { baselineJson, scenarioOf } from '../support/scenario-fixtures.js';

const scenario = scenarioOf({ ...baselineJson(), months: 4 });

describe('deriveSeeds', () => {
  it('starts at the seed, so run 0 is the plain run of that seed, and wraps at 2^32', () => {
    expect(deriveSeeds(7, 3)).toEqual([7, 8, 9]);
    expect(deriveSeeds(2 ** 32 - 1, 2)).toEqual([2 ** 32 - 1, 0]);
  });
});

describe('shards', () => {
  it('are numbered from 0 and refuse i ≥ N or a malformed i/N', () => {
    expect(parseShard('2/4')).toEqual({ success: true, shard: { index: 2, count: 4 } });
    expect(parseShard('4/4')).toMatchObject({ success: false, message: expect.stringContaining('below N') });
    expect(parseShard('1-4')).toMatchObject({ success: false, message: expect.stringContaining('i/N') });
    expect(parseShard('0/0')).toMatchObject({ success: false });
  });

  it('slice the tasks into contiguous ranges that cover each exactly once', () => {
    for (const [tasks, count] of [
      [10, 3],
      [2, 5],
      [12, 4],
    ] as const) {
      const ranges = Array.from({ length: count }, (_, index) => shardTasks({ index, count }, tasks));
      expect(ranges[0]!.from).toBe(0);
      expect(ranges.at(-1)!.to).toBe(tasks);
      for (let i = 1; i < count; i++) expect(ranges[i]!.from).toBe(ranges[i - 1]!.to);
      const sizes = ranges.map((r) => r.to - r.from);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    }
  });
});

describe('planJob', () => {
  it('runs every variant with the same seeds, task k being run k mod runs of variant ⌊k / runs⌋', () => {
    const job: Job = {
      kind: 'sweep',
      runs: 3,
      charts: false,
      scenario,
      params: [{ path: 'enterprises.policies.switching.params.paybackMonths', from: 3, to: 24, steps: 4 }],
      focus: {},
    };
    const plan = planJob(job, kindOf(job));
    expect(plan.variants).toBe(4);
    expect(plan.tasks).toBe(12);
    expect(plan.task(7)).toEqual({ index: 7, variant: 2, run: 1, seed: scenario.seed + 1 });
    expect(plan.variant(1).label).toBe('paybackMonths=10');
    const built = variantScenario(plan.variant(1));
    expect(built.success && built.value.enterprises.policies.switching.params.paybackMonths).toBe(10);
    expect(plan.reduction).toBe('kpis');
    expect(kindOf(job).defaultOutDir(job)).toBe('output/sweep-baseline-enterprises.switching.paybackMonths');
  });

  it('gives a sensitivity job the base first, then each moved side', () => {
    const sensitivity: Job = { kind: 'sensitivity', runs: 1, charts: false, scenario, change: 0.2, only: ['enterprises.policies.switching'], focus: {} };
    const plan = planJob(sensitivity, kindOf(sensitivity));
    expect(plan.variants).toBe(5);
    expect(plan.variant(0).label).toBe('base');
    // The baseline's review probability, 0.25, lowered by its odds ÷ 1.2: 1/3 ÷ 1.2 = 5/18, p = 5/23.
    expect(plan.variant(1).settings).toEqual([{ path: 'enterprises.policies.switching.params.reviewProbability', value: Number((5 / 23).toPrecision(12)) }]);
    expect(plan.variant(1).label).toBe(`enterprises.policies.switching.params.reviewProbability low (${Number((5 / 23).toPrecision(12))})`);
  });

  it('hashes equal jobs equal, whatever their key order, and tells different jobs apart', () => {
    const job: Job = { kind: 'simulate', runs: 2, charts: true, scenario };
    const reordered = JSON.parse(JSON.stringify({ scenario, charts: true, runs: 2, kind: 'simulate' })) as Job;
    expect(jobHash(reordered)).toBe(jobHash(job));
    expect(JSON.stringify(normaliseJob(reordered, kindOf(reordered)))).toBe(JSON.stringify(normaliseJob(job, kindOf(job))));
    expect(jobHash({ ...job, runs: 3 })).not.toBe(jobHash(job));
  });

  it('refuses an ensemble whose time series would not fit the memory limit, saying why', () => {
    const huge: Job = { kind: 'simulate', runs: 10_000, charts: false, scenario: { ...scenario, months: 600 } };
    expect(checkJobSize(huge, kindOf(huge))).toMatch(/GiB: exact percentiles keep every run's time series/);
    expect(checkJobSize({ ...huge, runs: 10 }, kindOf(huge))).toBeUndefined();
  });
});
