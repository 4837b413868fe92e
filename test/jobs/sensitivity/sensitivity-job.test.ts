import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sensitivityCommand } from '../../../src/jobs/sensitivity/command.js';
import { loadInput } from '../../../src/cli/command.js';
import { JOB_KINDS } from '../../../src/jobs/registry.js';
import { tinyConfigs } from '../../e2e/tiny-configs.js';
import { buildJob, itRunsAsOneJob, jobRunner } from '../../support/whole-job.js';

/**
 * sensitivity end to end on the tiny baseline (300 enterprises, 6 months), the switching policy's
 * two parameters on two common seeds: each KPI's seed noise beside the swings, in sensitivity.csv
 * and report.md; then through the pool, shards and merge, and a manifest's re-run.
 */

const SWITCHING = 'enterprises.policies.switching';

describe('npm run sensitivity: a whole job', () => {
  const { dir, baseline } = tinyConfigs('sensitivity-job');
  const args = [baseline, '--only', SWITCHING, '--runs', '2', '--quiet'];
  const request = buildJob(sensitivityCommand, args);
  const withoutCharts = buildJob(sensitivityCommand, [...args, '--no-charts']);
  const run = jobRunner('sensitivity', dir, withoutCharts);

  it('gives each KPI its seed noise, and marks each swing against it, in sensitivity.csv and report.md', async () => {
    expect(await run('charts', { job: request })).toBe(0);
    expect(readdirSync(join(dir, 'charts'))).toEqual(expect.arrayContaining(['tornado-enterprise-share-openai.png', 'report.md']));
    expect(await run('whole')).toBe(0);
    const [header, ...rows] = readFileSync(join(dir, 'whole', 'sensitivity.csv'), 'utf8').trimEnd().split('\n');
    const columns = header!.split(',');
    const records = rows.map((r) => Object.fromEntries(r.split(',').map((cell, i) => [columns[i]!, cell])));
    expect(records.length).toBeGreaterThan(0);
    for (const record of records) {
      const noise = Number(record.seed_noise_sd);
      // Two runs a case: 1.96 × √2 × σ / √2 = 1.96 σ.
      if (noise === 0) expect(Number(record.swing_noise_floor)).toBe(0);
      else expect(Number(record.swing_noise_floor) / (1.96 * noise)).toBeCloseTo(1, 12);
      expect(record.beyond_noise).toBe(String(Number(record.swing) > Number(record.swing_noise_floor)));
    }
    const share = records.find((r) => r.metric === 'vendor.enterprise_share' && r.entity === 'openai' && r.parameter === `${SWITCHING}.params.reviewProbability`)!;
    expect(Number(share.seed_noise_sd)).toBeGreaterThan(0);
    const report = readFileSync(join(dir, 'whole', 'report.md'), 'utf8');
    expect(report).toContain('Seed noise: between seeds it moves by');
    expect(report).toMatch(/\| Parameter \| Low \| High \| Swing \| Against seed noise \|/);
    expect(report).toMatch(/\| (beyond noise|\*\*within noise\*\*) \|/);
  });

  it('reads the KPIs at --at, as the same job stopped there by --ticks', async () => {
    const at = buildJob(sensitivityCommand, [baseline, '--only', SWITCHING, '--at', '2024-02', '--no-charts', '--quiet']);
    const byTicks = buildJob(sensitivityCommand, [baseline, '--only', SWITCHING, '--ticks', '3', '--no-charts', '--quiet']);
    // Dec 2023 to Feb 2024: three months.
    expect(at.job.ticks).toBe(3);
    expect(await run('at', { job: at })).toBe(0);
    expect(await run('by-ticks', { job: byTicks })).toBe(0);
    expect(readFileSync(join(dir, 'at', 'sensitivity.csv'), 'utf8')).toBe(readFileSync(join(dir, 'by-ticks', 'sensitivity.csv'), 'utf8'));
    expect(readFileSync(join(dir, 'at', 'report.md'), 'utf8')).toContain('each stopped at Feb 2024 (--at) and its KPIs read there');
  });

  it('moves --param intervals instead, any number, a path with "*" as one factor, and records them in the manifest', async () => {
    const medians = 'enterprises.segments.*.switchingCostUsd.median';
    const given = buildJob(sensitivityCommand, [baseline, '--param', `${medians}=1e4:1e6`, '--param', 'enterprises.brandPremium=0.05:0.3', '--no-charts', '--quiet']);
    expect(await run('given', { job: given })).toBe(0);
    const rows = readFileSync(join(dir, 'given', 'sensitivity.csv'), 'utf8').trimEnd().split('\n').slice(1).map((r) => r.split(','));
    expect([...new Set(rows.map((r) => r[0]))]).toEqual([medians, 'enterprises.brandPremium']);
    // The medians differ by segment (150,000, 40,000, 10,000): no one value; both ends given, the range says so.
    const median = rows.find((r) => r[0] === medians)!;
    expect(median.slice(1, 5)).toEqual(['', '10000', '1000000', 'given with --param']);
    expect(readFileSync(join(dir, 'given', 'report.md'), 'utf8')).toContain('Each of 2 parameters given with --param moved to the low and the high end of its interval');
    // --change derives ranges no one gave: beside --param it would do nothing, so it is refused.
    expect(() => buildJob(sensitivityCommand, [baseline, '--param', 'enterprises.brandPremium=0.05:0.3', '--change', '50%', '--quiet'])).toThrow('the command built no job (exit 2)');
    const loaded = loadInput(join(dir, 'given', 'manifest.json'), JOB_KINDS);
    expect(loaded.success && loaded.input.kind === 'manifest' && loaded.input.job).toEqual(given.job);
  });

  itRunsAsOneJob(dir, withoutCharts, run);
});
