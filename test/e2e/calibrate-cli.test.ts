import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/config/load-scenario-file.js';
import { PROJECT_ROOT, runCli } from '../support/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'calibrate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Two 2024 figures and two parameters that move them: runs of 7 months, a few seconds in all. */
const targets = join(dir, 'targets.json');
writeFileSync(
  targets,
  JSON.stringify({
    targets: [
      { id: 'api-spend-2024-06', metric: 'market.enterprise_spend_usd', entity: 'market', month: '2024-06', band: [150e6, 250e6], source: 'test' },
      { id: 'openai-share-2024-06', metric: 'vendor.enterprise_share', entity: 'openai', month: '2024-06', band: [0.3, 0.4], source: 'test' },
      { id: 'upgrades', metric: 'market.upgrade_rate_12m', entity: 'market', month: '2025-06', band: [0.5, 0.8], source: 'survey', notModelled: 'one model per vendor' },
    ],
    free: [
      { path: 'enterprises.represents', range: [20000, 50000], scale: 'log', source: 'test' },
      { path: 'enterprises.brandPremium', range: [0.05, 0.3], scale: 'linear', source: 'test' },
    ],
  }),
);
// The baseline with 300 enterprises: its runs cost a sixth of the 20,000's (29 against 180 ms for 7 months).
const config = join(dir, 'small.json');
writeFileSync(config, JSON.stringify({ extends: `${PROJECT_ROOT}/configs/baseline.json`, name: 'small', enterprises: { count: 300 } }));
const args = (out: string, ...more: string[]) => [config, '--targets', targets, '--budget', '200', '--workers', '2', '--out', out, ...more];

describe('npm run calibrate', () => {
  it('fits the free parameters and writes the report, every point, the posterior, the chart and a fitted config', () => {
    const out = join(dir, 'fit');
    const run = runCli('calibrate.ts', args(out));
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Calibrated 2 parameters of small in 200 runs \(3 generations\), then 10 runs at the fit: \d of 2 targets hit\./);
    for (const file of ['calibration.md', 'calibration.csv', 'posterior.csv', 'fitted.json', 'calibration-loss.png']) expect(existsSync(join(out, file)), file).toBe(true);
    const md = readFileSync(join(out, 'calibration.md'), 'utf8');
    expect(md).toContain('| upgrades | 0.5 – 0.8 | one model per vendor | survey |');
    expect(readFileSync(join(out, 'calibration.csv'), 'utf8').trim().split('\n')).toHaveLength(1 + 200);
    // fitted.json extends the config and sets the values the report gives.
    const fitted = loadScenarioFile(join(out, 'fitted.json'));
    expect(fitted.success).toBe(true);
    if (!fitted.success) return;
    const represents = /`enterprises\.represents` \| [^|]+ \| ([\d.]+)k \|/.exec(md);
    expect(fitted.scenario.enterprises.represents / 1000).toBeCloseTo(Number(represents![1]), 0);
    expect(existsSync(join(dir, '.fit.calibration-journal'))).toBe(false);

    // The command it prints runs the fit on the seeds of the report's figures: the same figures.
    const printed = /Run the fit on the seeds of the figures above with: npm run simulate -- (.+)$/m.exec(run.stdout)![1]!.split(' ');
    expect(printed).toEqual([join(out, 'fitted.json'), '--seed', '1', '--runs', '10', '--targets', targets]);
    expect(md).toContain(`\`npm run simulate -- <this folder>/fitted.json --seed 1 --runs 10 --targets ${targets}\``);
    const again = runCli('simulate.ts', [...printed, '--ticks', '7', '--no-charts', '--quiet', '--out', join(dir, 'fit-run')]);
    expect(again.status).toBe(0);
    const report = readFileSync(join(dir, 'fit-run', 'report.md'), 'utf8');
    // Mean, p5 and p95 of OpenAI's share: report.md's row and calibration.md's.
    const inReport = /\| `openai-share-2024-06` \|[^|]*\|[^|]*\| ([\d.]+) \(([\d.]+) – ([\d.]+)\) hit/.exec(report);
    const inCalibration = /\| openai-share-2024-06 \|[^|]*\|[^|]*\| ([\d.]+) \| ([\d.]+) – ([\d.]+) \|/.exec(md);
    expect(inReport, report).not.toBeNull();
    expect(inCalibration, md).not.toBeNull();
    expect(inReport!.slice(1).map(Number)).toEqual(inCalibration!.slice(1).map(Number));
  }, 240_000);

  it('resumes an interrupted calibration from the runs it had finished, and ends with the same files', async () => {
    const whole = join(dir, 'fit');
    const out = join(dir, 'resumed');
    const journal = join(dir, '.resumed.calibration-journal');
    const child = spawn(process.execPath, ['--import', 'tsx', `${PROJECT_ROOT}/src/cli/calibrate.ts`, ...args(out)], { cwd: PROJECT_ROOT, env: { ...process.env, NODE_OPTIONS: '' } });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    // Interrupt once some runs are in the journal.
    await new Promise<void>((done) => {
      const poll = setInterval(() => {
        if (existsSync(journal) && readFileSync(journal, 'utf8').split('\n').length > 40) {
          clearInterval(poll);
          child.kill('SIGINT');
          done();
        }
      }, 50);
    });
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(code).toBe(130);
    expect(stderr).toContain('interrupted by SIGINT');
    expect(existsSync(out)).toBe(false);
    const kept = readFileSync(journal, 'utf8').trim().split('\n').length - 1;
    expect(kept).toBeGreaterThan(30);

    const again = runCli('calibrate.ts', args(out));
    expect(again.status).toBe(0);
    expect(again.stderr).toMatch(new RegExp(`^resuming: ${kept} runs of an interrupted calibration are taken from `));
    for (const file of ['calibration.csv', 'posterior.csv', 'fitted.json']) expect(readFileSync(join(out, file), 'utf8'), file).toBe(readFileSync(join(whole, file), 'utf8'));
    expect(existsSync(journal)).toBe(false);
  }, 240_000);

  it('refuses bad input with exit 2, naming what is wrong', () => {
    const bad = (extra: string[], pattern: RegExp) => {
      const run = runCli('calibrate.ts', [config, '--targets', targets, '--out', join(dir, 'never'), ...extra]);
      expect(run.status, run.stderr).toBe(2);
      expect(run.stderr).toMatch(pattern);
      expect(existsSync(join(dir, 'never'))).toBe(false);
    };
    bad(['--free', 'enterprises.representz=1:2'], /--free enterprises\.representz: no "representz" at enterprises \(did you mean "represents"\?\)/);
    bad(['--free', 'enterprises.brandPremium=0.3:0.1'], /--free enterprises\.brandPremium=0\.3:0\.1: the range runs from low to high/);
    bad(['--free', 'enterprises.priceElasticity=1:50'], /free\[2\]\.range/);
    bad(['--budget', '10'], /--budget 10: the first generation alone is 100 points × 1 runs = 100 runs/);
    bad(['--shard', '0/2', '--from', join(dir, 'nowhere')], /--from \S+nowhere: no such folder/);
    const noTargets = runCli('calibrate.ts', [config]);
    expect(noTargets.status).toBe(2);
    expect(noTargets.stderr).toMatch(/name the targets file with --targets <file>/);
    const late = join(dir, 'late.json');
    writeFileSync(late, JSON.stringify({ targets: [{ id: 'late', metric: 'vendor.arr_usd', entity: 'openai', month: '2031-01', band: [1, 2], source: 'x' }], free: [{ path: 'enterprises.brandPremium', range: [0.1, 0.2], source: 'x' }] }));
    const outside = runCli('calibrate.ts', [config, '--targets', late, '--out', join(dir, 'never')]);
    expect(outside.status).toBe(2);
    expect(outside.stderr).toMatch(/targets\[0\]/);
  }, 120_000);
});
