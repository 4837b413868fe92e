import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { markdownLinks, tinyConfigs } from './tiny-configs.js';

const PAYBACK = 'enterprises.policies.switching.params.paybackMonths';
const REVIEW = 'enterprises.policies.switching.params.reviewProbability';

describe('npm run sweep', () => {
  const { dir, baseline, cheap } = tinyConfigs('sweep');

  it('writes sweep.csv with one row per point: the parameter, the runs, and each KPI’s statistics', () => {
    const out = join(dir, 'one');
    // Reviews at 0.6 a month, over a year: six months of 300 enterprises leave one or two switches a run, too few to compare.
    const run = runCli('sweep.ts', [cheap, '--param', `${PAYBACK}=3:24:3`, '--runs', '2', '--ticks', '12', '--no-charts', '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`to ${out}/`);
    const [header, ...rows] = readFileSync(join(out, 'sweep.csv'), 'utf8').trimEnd().split('\n');
    const columns = header!.split(',');
    expect(columns.slice(0, 3)).toEqual(['point', PAYBACK, 'runs']);
    expect(columns).toContain('total:market.switches:market:p95');
    expect(rows.map((r) => r.split(',').slice(0, 3))).toEqual([
      ['1', '3', '2'],
      ['2', '13.5', '2'],
      ['3', '24', '2'],
    ]);
    // A longer payback makes switching pay more often: more switches at 24 months than at 3.
    const switches = columns.indexOf('total:market.switches:market:mean');
    expect(Number(rows[2]!.split(',')[switches])).toBeGreaterThan(Number(rows[0]!.split(',')[switches]));
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toContain('| paybackMonths |');
  });

  it('draws a heatmap of each key KPI over a grid of two parameters', () => {
    const out = join(dir, 'grid');
    const run = runCli('sweep.ts', [baseline, '--param', `${PAYBACK}=3:24:2`, '--param', `${REVIEW}=0.1:0.5:3`, '--out', out]);
    expect(run.status).toBe(0);
    const heatmaps = readdirSync(out).filter((f) => f.startsWith('heatmap-'));
    expect(heatmaps).toContain('heatmap-market-hhi.png');
    expect(heatmaps).toContain('heatmap-switches.png');
    expect(readFileSync(join(out, 'sweep.csv'), 'utf8').trimEnd().split('\n')).toHaveLength(1 + 6);
    for (const link of markdownLinks(readFileSync(join(out, 'report.md'), 'utf8'))) expect(existsSync(join(out, link))).toBe(true);
  });

  it('sweeps factors on each segment’s own switching cost with ×LO:×HI, and says so in its columns and report', () => {
    const out = join(dir, 'times-base');
    const medians = 'enterprises.segments.*.switchingCostUsd.median';
    const run = runCli('sweep.ts', [baseline, '--param', `${medians}=x0.5:×2:2:log`, '--ticks', '2', '--runs', '1', '--no-charts', '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`Swept ${medians} (× base) over 2 factors (log grid)`);
    const [header, ...rows] = readFileSync(join(out, 'sweep.csv'), 'utf8').trimEnd().split('\n');
    expect(header!.split(',').slice(0, 3)).toEqual(['point', `${medians} (× base)`, 'runs']);
    expect(rows.map((r) => r.split(',').slice(0, 3))).toEqual([
      ['1', '0.5', '1'],
      ['2', '2', '1'],
    ]);
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toContain('| median (× base) |');
  });

  it('a factor that takes one segment out of its range: exit 2, naming that segment and what the factor made of it', () => {
    // Marketplace shares 0.6367, 0.45, 0.3: ×1.8 takes the large segment's past 1, the others stay below.
    const run = runCli('sweep.ts', [baseline, '--param', 'enterprises.segments.*.marketplaceShare=×1:×1.8:2']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      'error: --param enterprises.segments.*.marketplaceShare=×1.8 is not a valid scenario: enterprises.segments[0].marketplaceShare (0.6367 × 1.8 = 1.14606): at most 1; found 1.14606\n',
    );
  });

  it('a path that does not exist: exit 2, naming the path and what is there', () => {
    const run = runCli('sweep.ts', [baseline, '--param', 'enterprises.policies.switching.params.paybakMonths=1:2:3']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      'error: --param enterprises.policies.switching.params.paybakMonths: no "paybakMonths" at enterprises.policies.switching.params (did you mean "paybackMonths"?); available: reviewProbability, paybackMonths\n',
    );
  });

  it('a value out of range or a malformed range: exit 2, naming the path', () => {
    const range = runCli('sweep.ts', [baseline, '--param', `${REVIEW}=0.5:1.5:3`]);
    expect(range.status).toBe(2);
    expect(range.stderr).toBe(`error: --param ${REVIEW}=1.5 is not a valid scenario: ${REVIEW}: at most 1; found 1.5\n`);
    const malformed = runCli('sweep.ts', [baseline, '--param', `${REVIEW}=0.5`]);
    expect(malformed.status).toBe(2);
    expect(malformed.stderr).toContain(`--param ${REVIEW}=0.5: the range must have three or four parts`);
    const none = runCli('sweep.ts', [baseline]);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('--param <path>=<from>:<to>:<steps>');
  });
});

describe('npm run sensitivity', () => {
  const { dir, baseline, cheap } = tinyConfigs('sensitivity');
  // A year of 600 enterprises reviewing often: enough switches for a tornado of them (six months of
  // 300 see one or none).
  const switchy = join(dir, 'switchy.json');
  writeFileSync(switchy, JSON.stringify({ extends: 'cheap.json', name: 'switchy', months: 12, enterprises: { count: 600 } }));

  it('moves each parameter over a range derived from its valid range, one at a time, and draws a tornado per key KPI, with sensitivity.csv', () => {
    const out = join(dir, 'out');
    const run = runCli('sensitivity.ts', [switchy, '--only', 'enterprises.policies.switching', '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Moved 2 policy parameters over ranges derived from their valid ranges (÷/× 1.5) one at a time: 5 cases × 1 run');
    expect(readdirSync(out)).toContain('tornado-switches.png');
    const rows = readFileSync(join(out, 'sensitivity.csv'), 'utf8').trimEnd().split('\n');
    expect(rows[0]).toBe('parameter,value,low_value,high_value,range,kpi,metric,entity,at_base,at_low,at_high,swing,between_seeds_sd,seed_noise_sd,swing_noise_floor,beyond_noise');
    const switches = rows.find((r) => r.startsWith(`${PAYBACK},`) && r.includes(',total,market.switches,market,'))!.split(',');
    // The payback is positive with no upper bound: its value ÷/× 1.5.
    expect(Number(switches[2])).toBeCloseTo(Number(switches[1]) / 1.5, 9);
    expect(switches[4]).toBe('no range declared: its value ÷/× 1.5 (no upper bound)');
    const [base, low, high] = [8, 9, 10].map((i) => Number(switches[i]));
    expect(Number(switches[11])).toBeCloseTo(Math.max(base!, low!, high!) - Math.min(base!, low!, high!), 6);
    // One run a case: the noise is not measured.
    expect(switches.slice(12)).toEqual(['', '', '', '']);
  });

  it('an --only path that does not exist: exit 2, naming it', () => {
    const run = runCli('sensitivity.ts', [baseline, '--only', 'vendors.opnai']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--only vendors.opnai: no "opnai" at vendors (did you mean "openai"?)');
  });
});
