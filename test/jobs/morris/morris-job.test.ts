import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { morrisCommand } from '../../../src/jobs/morris/command.js';
import { tinyConfigs } from '../../e2e/tiny-configs.js';
import { buildJob, itRunsAsOneJob, jobRunner } from '../../support/whole-job.js';

/**
 * morris end to end on the tiny baseline (300 enterprises, 6 months): the brand premium, which acts
 * within the run, against the revenue share of a listing scripted after the run ends, which cannot;
 * through the pool, shards and merge, and a manifest's re-run.
 */

const BRAND = 'enterprises.brandPremium';
const LATE_LISTING = 'events.claude-on-azure.revenueShare';

describe('npm run morris: a whole job', () => {
  const { dir, baseline } = tinyConfigs('morris-job');
  const build = (...extra: string[]) => buildJob(morrisCommand, [baseline, '--param', `${BRAND}=0.05:0.3`, '--param', `${LATE_LISTING}=0.1:0.5`, '--trajectories', '4', '--runs', '2', '--quiet', ...extra]);
  const request = build();
  const withoutCharts = build('--no-charts');
  const run = jobRunner('morris', dir, withoutCharts);

  it('writes morris.csv (a row per KPI and parameter), a μ*–σ chart per key KPI and report.md; the inert parameter has μ* = 0, within noise', async () => {
    expect(await run('charts', { job: request })).toBe(0);
    expect(readdirSync(join(dir, 'charts'))).toEqual(expect.arrayContaining(['morris-enterprise-share-openai.png', 'morris-market-hhi.png', 'report.md']));
    expect(await run('whole')).toBe(0);
    const [header, ...rows] = readFileSync(join(dir, 'whole', 'morris.csv'), 'utf8').trimEnd().split('\n');
    const columns = header!.split(',');
    expect(columns).toEqual(['kpi', 'metric', 'entity', 'parameter', 'mu', 'mu_low', 'mu_high', 'mu_star', 'mu_star_low', 'mu_star_high', 'sigma', 'sigma_low', 'sigma_high', 'between_seeds_sd', 'seed_noise_sd', 'mu_star_noise_floor', 'beyond_noise']);
    const kpiCount = new Set(rows.map((r) => r.split(',').slice(0, 3).join(','))).size;
    expect(rows).toHaveLength(2 * kpiCount);
    const at = (parameter: string, metric: string, entity: string) => {
      const row = rows.map((r) => r.split(',')).find((r) => r[1] === metric && r[2] === entity && r[3] === parameter)!;
      return Object.fromEntries(columns.map((c, i) => [c, row[i]!]));
    };
    for (const [metric, entity] of [['vendor.enterprise_share', 'openai'], ['vendor.arr_usd', 'openai'], ['market.hhi', 'market']] as const) {
      const listing = at(LATE_LISTING, metric, entity);
      // The same seeds at every point: a parameter the run never reads leaves every run as it was.
      expect(Number(listing.mu_star), metric).toBe(0);
      expect(Number(listing.sigma), metric).toBe(0);
      expect(listing.beyond_noise, metric).toBe('false');
      expect(Number(at(BRAND, metric, entity).mu_star), metric).toBeGreaterThan(0);
    }
    expect(at(BRAND, 'vendor.enterprise_share', 'openai').beyond_noise).toBe('true');
    const report = readFileSync(join(dir, 'whole', 'report.md'), 'utf8');
    expect(report).toContain('4 trajectories × (2 + 1) points = 12 points');
    expect(report).toContain('24 runs in all');
    expect(report).toMatch(/\| 1 \| enterprises · brandPremium \|.*\| beyond noise \|/);
    expect(report).toMatch(/\| 2 \| events · revenueShare \|.*\| \*\*within noise\*\* \|/);
    expect(report).toContain('given with --param');
  });

  itRunsAsOneJob(dir, withoutCharts, run);
});
