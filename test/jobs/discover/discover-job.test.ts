import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverCommand } from '../../../src/jobs/discover/command.js';
import { tinyConfigs } from '../../e2e/tiny-configs.js';
import { buildJob, itRunsAsOneJob, jobRunner } from '../../support/whole-job.js';

/**
 * discover end to end on the tiny baseline (300 enterprises, 6 months): OpenAI's share rises with
 * the brand premium, while the revenue share of a listing scripted after the run ends cannot move
 * it; a condition on that share must restrict the brand premium alone. Then through the pool,
 * shards and merge, and a manifest's re-run.
 */

const BRAND = 'enterprises.brandPremium';
const LATE_LISTING = 'events.claude-on-azure.revenueShare';

describe('npm run discover: a whole job', () => {
  const { dir, baseline } = tinyConfigs('discover-job');
  const build = (condition: string, extra: string[] = [], design = ['--samples', '20', '--runs', '2']) => buildJob(discoverCommand, [baseline, '--condition', condition, '--param', `${BRAND}=0.05:0.3`, '--param', `${LATE_LISTING}=0.1:0.5`, ...design, '--quiet', ...extra]);
  // OpenAI's May 2024 share runs from about 0.33 to 0.43 over the brand premium's range on this config (the mean of seeds 1 and 2); 0.37 splits it.
  const request = build('vendor.enterprise_share:openai > 0.37');
  const withoutCharts = build('vendor.enterprise_share:openai > 0.37', ['--no-charts']);
  const run = jobRunner('discover', dir, withoutCharts);
  const csv = (file: string) => {
    const [header, ...rows] = readFileSync(file, 'utf8').trimEnd().split('\n');
    const columns = header!.split(',');
    return rows.map((row) => Object.fromEntries(row.split(',').map((value, i) => [columns[i]!, value])));
  };

  it('finds the brand premium, and only it, behind a share OpenAI reaches with a high brand premium', async () => {
    expect(await run('charts', { job: request })).toBe(0);
    expect(readdirSync(join(dir, 'charts'))).toEqual(expect.arrayContaining(['boxes.csv', 'manifest.json', 'points.csv', 'prim-trajectory.png', 'report.md']));
    const points = csv(join(dir, 'charts', 'points.csv'));
    expect(points).toHaveLength(20);
    expect(Object.keys(points[0]!)).toEqual(['point', BRAND, LATE_LISTING, 'vendor.enterprise_share:openai', 'holds', 'near_threshold']);
    for (const point of points) expect(point.holds).toBe(String(Number(point['vendor.enterprise_share:openai']) > 0.37));
    const holding = points.filter((p) => p.holds === 'true').length;
    expect(holding).toBeGreaterThan(3);
    expect(holding).toBeLessThan(17);

    const boxes = csv(join(dir, 'charts', 'boxes.csv'));
    expect(boxes[0]).toMatchObject({ step: '0', phase: 'start', coverage: '1', mass: '1', restricted: '0' });
    const chosen = boxes.find((b) => b.chosen === 'true')!;
    expect(Number(chosen.density)).toBeGreaterThanOrEqual(0.8);
    expect(chosen[`${BRAND}:low`]).not.toBe('');
    expect(chosen[`${LATE_LISTING}:low`]).toBe('');
    expect(chosen[`${LATE_LISTING}:high`]).toBe('');
    // Every point in the box with a brand premium at least its lower limit: the box is where brand premium is high.
    const lowest = Math.min(...points.filter((p) => p.holds === 'true').map((p) => Number(p[BRAND])));
    expect(Number(chosen[`${BRAND}:low`])).toBeLessThanOrEqual(lowest);

    const report = readFileSync(join(dir, 'charts', 'report.md'), 'utf8');
    expect(report).toContain('Under which assumptions is OpenAI enterprise share above 37.0% in May 2024 (the last month)?');
    expect(report).toContain('**40 runs**');
    expect(report).toContain(`the condition holds at **${holding} of the 20 points`);
    // Two runs a point: the points seed noise leaves near the threshold are counted, as points.csv marks them.
    const near = points.filter((p) => p.near_threshold === 'true').length;
    expect(points.every((p) => p.near_threshold === 'true' || p.near_threshold === 'false')).toBe(true);
    expect(report).toContain(`**${near} of the points** lie that close to the threshold`);
    expect(report).toMatch(/\*\*OpenAI enterprise share is above 37\.0% in May 2024 in \d+ % of the points where enterprises · brandPremium is above [\d.]+\*\*/);
    expect(report).toContain('Left free, any value in its range: events · revenueShare.');
    expect(report).toMatch(/\| enterprises · brandPremium \| above [\d.]+ \| [\d.]+ to [\d.]+ \| 0\.05 to 0\.3, uniform \|/);
  });

  it('reports a condition that holds at every point as coverage = density = 1, without a box and without failing', async () => {
    const always = build('market.hhi > 0', ['--no-charts'], ['--samples', '6']);
    expect(await run('always', { job: always })).toBe(0);
    expect(csv(join(dir, 'always', 'boxes.csv'))).toEqual([expect.objectContaining({ step: '0', coverage: '1', density: '1', mass: '1', restricted: '0', chosen: 'true' })]);
    expect(readFileSync(join(dir, 'always', 'report.md'), 'utf8')).toContain('The condition holds at every one of the 6 points');
  });

  itRunsAsOneJob(dir, withoutCharts, run);
});
