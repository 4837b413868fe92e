import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { baselineJson } from '../support/scenario-fixtures.js';

/** The baseline with few enterprises, so a run past Dec 2028 is quick. */
const dir = mkdtempSync(join(tmpdir(), 'calibrated-window-'));
const config = join(dir, 'small.json');
const json = baselineJson();
json.enterprises.count = 300;
writeFileSync(config, JSON.stringify(json));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const WARNING = "warning: baseline: the run goes to 2029-01, 1 month past the scenario's calibrated window (calibratedThrough 2028-12)";

describe('a run past the calibrated window', () => {
  it('says so once on stderr and in report.md: the shipped baseline with --ticks 120', () => {
    const out = join(dir, 'past');
    const run = runCli('simulate.ts', ['configs/baseline.json', '--out', out, '--ticks', '120', '--no-charts']);
    expect(run.status).toBe(0);
    const warning = "baseline: the run goes to 2033-11, 59 months past the scenario's calibrated window (calibratedThrough 2028-12)";
    expect(run.stderr.split('\n').filter((line) => line.includes('calibrated window'))).toEqual([expect.stringContaining(`warning: ${warning}`)]);
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toContain(
      "> **Past the calibrated window:** the run goes to 2033-11, 59 months past the scenario's calibrated window (calibratedThrough 2028-12)",
    );
  });

  it('counts a single month past it', () => {
    const run = runCli('simulate.ts', [config, '--out', join(dir, 'one'), '--ticks', '62', '--no-charts']);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain(WARNING);
  });

  it('keeps the console to errors with --quiet, and report.md still says it', () => {
    const out = join(dir, 'quiet');
    const run = runCli('simulate.ts', [config, '--out', out, '--ticks', '62', '--no-charts', '--quiet']);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toContain('Past the calibrated window');
  });

  it('says nothing for a run inside it', () => {
    const out = join(dir, 'inside');
    const run = runCli('simulate.ts', [config, '--out', out, '--ticks', '61', '--no-charts']);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(readFileSync(join(out, 'report.md'), 'utf8')).not.toContain('calibrated window');
  });
});
