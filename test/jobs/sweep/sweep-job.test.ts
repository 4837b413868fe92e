import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { variantScenario } from '../../../src/batch/job.js';
import { planJob } from '../../../src/batch/job.js';
import { JOB_KINDS } from '../../../src/jobs/registry.js';
import { sweepCommand } from '../../../src/jobs/sweep/command.js';
import type { SweepJob } from '../../../src/jobs/sweep/job.js';
import type { JobKind } from '../../../src/jobs/job-kind.js';
import { tinyConfigs } from '../../e2e/tiny-configs.js';
import { buildJob, itRunsAsOneJob, jobRunner } from '../../support/whole-job.js';

/**
 * sweep's questions at a date, across segments, on a log scale (issue 27, item 7), on the tiny
 * baseline (300 enterprises, 6 months from Dec 2023): --at reads the KPIs at a month, a path with
 * "*" moves every segment's switching cost together, a :log grid spaces them by a constant ratio,
 * and the output folder names what was swept.
 */

const MEDIANS = 'enterprises.segments.*.switchingCostUsd.median';
const PAYBACK = 'enterprises.policies.switching.params.paybackMonths';

describe('npm run sweep: --at, "*" and log grids', () => {
  const { dir, baseline } = tinyConfigs('sweep-job');
  const across = buildJob(sweepCommand, [baseline, '--param', `${MEDIANS}=1e4:1e6:3:log`, '--at', '2024-03', '--no-charts', '--quiet']);
  const run = jobRunner('sweep', dir, across);

  it('runs to the --at month and reads the KPIs there: the figures of the same sweep stopped by --ticks', async () => {
    const job = across.job as SweepJob;
    // Dec 2023 to Mar 2024: four months.
    expect([job.ticks, job.at]).toEqual([4, '2024-03']);
    const byTicks = buildJob(sweepCommand, [baseline, '--param', `${MEDIANS}=1e4:1e6:3:log`, '--ticks', '4', '--no-charts', '--quiet']);
    expect(await run('whole')).toBe(0);
    expect(await run('by-ticks', { job: byTicks })).toBe(0);
    expect(readFileSync(join(dir, 'whole', 'sweep.csv'), 'utf8')).toBe(readFileSync(join(dir, 'by-ticks', 'sweep.csv'), 'utf8'));
    expect(readFileSync(join(dir, 'whole', 'report.md'), 'utf8')).toContain('each stopped at Mar 2024 (--at) and its KPIs read there');
    expect(buildJob.bind(null, sweepCommand, [baseline, '--param', `${PAYBACK}=3:6:2`, '--at', '2024-03', '--ticks', '4'])).toThrow('the command built no job');
  });

  it('moves every segment’s median switching cost together over a log grid, and names the folder for it', async () => {
    const job = across.job as SweepJob;
    expect(job.params).toEqual([{ path: MEDIANS, from: 1e4, to: 1e6, steps: 3, scale: 'log' }]);
    const kind = JOB_KINDS.get('sweep') as JobKind;
    const plan = planJob(job, kind);
    const built = variantScenario(plan.variant(1));
    expect(built.success && built.value.enterprises.segments.map((s) => s.switchingCostUsd.median)).toEqual([1e5, 1e5, 1e5]);
    expect(kind.defaultOutDir(job)).toBe('output/sweep-tiny-segments.all.switchingCostUsd.median');
    const [header, ...rows] = readFileSync(join(dir, 'whole', 'sweep.csv'), 'utf8').trimEnd().split('\n');
    expect(header!.split(',').slice(0, 3)).toEqual(['point', MEDIANS, 'runs']);
    expect(rows.map((r) => r.split(',')[1])).toEqual(['10000', '100000', '1000000']);
    expect(readFileSync(join(dir, 'whole', 'report.md'), 'utf8')).toContain(`\`${MEDIANS}\`: 3 values from 10000 to 1000000, evenly on a log scale`);
  });

  itRunsAsOneJob(dir, across, run);
});

describe('npm run sweep: factors on each number\'s own value (×LO:×HI)', () => {
  const { dir, baseline } = tinyConfigs('sweep-times-base');
  const scaled = buildJob(sweepCommand, [baseline, '--param', `${MEDIANS}=×0.1:×10:3:log`, '--ticks', '2', '--no-charts', '--quiet']);
  const run = jobRunner('sweep', dir, scaled);

  it('multiplies every segment’s median by the factor, keeping their ratios, and says "× base" in its folder, columns and report', async () => {
    const job = scaled.job as SweepJob;
    expect(job.params).toEqual([{ path: MEDIANS, from: 0.1, to: 10, steps: 3, scale: 'log', timesBase: true }]);
    const kind = JOB_KINDS.get('sweep') as JobKind;
    const plan = planJob(job, kind);
    // The baseline's medians, large, mid, small: 150,000, 40,000, 10,000; the first point is a tenth of each.
    const first = variantScenario(plan.variant(0));
    expect(first.success && first.value.enterprises.segments.map((s) => s.switchingCostUsd.median)).toEqual([15_000, 4_000, 1_000]);
    const last = variantScenario(plan.variant(2));
    expect(last.success && last.value.enterprises.segments.map((s) => s.switchingCostUsd.median)).toEqual([1_500_000, 400_000, 100_000]);
    expect(plan.variant(0).label).toBe('median=×0.1');
    expect(kind.defaultOutDir(job)).toBe('output/sweep-tiny-segments.all.switchingCostUsd.median.times-base');
    expect(await run('whole')).toBe(0);
    const [header, ...rows] = readFileSync(join(dir, 'whole', 'sweep.csv'), 'utf8').trimEnd().split('\n');
    expect(header!.split(',').slice(0, 3)).toEqual(['point', `${MEDIANS} (× base)`, 'runs']);
    expect(rows.map((r) => r.split(',')[1])).toEqual(['0.1', '1', '10']);
    const report = readFileSync(join(dir, 'whole', 'report.md'), 'utf8');
    expect(report).toContain(`\`${MEDIANS}\` (× base): 3 factors from ×0.1 to ×10, evenly on a log scale`);
    expect(report).toContain('`enterprises.segments.large.switchingCostUsd.median` 150000');
    expect(report).toContain('| median (× base) |');
  });

  itRunsAsOneJob(dir, scaled, run);
});
