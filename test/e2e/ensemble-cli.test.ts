import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../support/run-cli.js';
import { differingFiles, markdownLinks, tinyConfigs } from './tiny-configs.js';

interface Quantiles {
  mean: number;
  p5: number;
  p50: number;
  p95: number;
}

describe('npm run simulate -- --runs N (an ensemble)', () => {
  const { dir, baseline } = tinyConfigs('ensemble');
  const out = (name: string) => join(dir, name);
  const read = (name: string, file: string) => readFileSync(join(out(name), file), 'utf8');
  let ensemble: CliRun;
  let single: CliRun;

  beforeAll(() => {
    ensemble = runCli('simulate.ts', [baseline, '--runs', '3', '--seed', '5', '--workers', '2', '--out', out('two-workers')]);
    single = runCli('simulate.ts', [baseline, '--seed', '5', '--out', out('seed-5')]);
    for (const seed of ['6', '7']) expect(runCli('simulate.ts', [baseline, '--seed', seed, '--no-charts', '--out', out(`seed-${seed}`)]).status).toBe(0);
  });

  it('exits 0, silent on stderr (no progress bar without a terminal), its last line saying where the outputs are', () => {
    expect(ensemble.stderr).toBe('');
    expect(ensemble.status).toBe(0);
    expect(ensemble.stdout.trimEnd().split('\n').at(-1)).toBe(`Wrote 22 charts, report.md, metrics.csv, summary.json, events.jsonl and manifest.json to ${out('two-workers')}/`);
  });

  it('runs seeds seed, seed + 1, …: the KPIs are statistics of exactly those single runs', () => {
    const summary = JSON.parse(read('two-workers', 'summary.json'));
    expect(summary).toMatchObject({ scenario: 'tiny', seed: 5, runs: 3, seeds: [5, 6, 7], ticks: 6 });
    const shares = ['seed-5', 'seed-6', 'seed-7'].map((name) => JSON.parse(read(name, 'summary.json')).final['vendor.enterprise_share'].openai as number);
    const stats: Quantiles = summary.final['vendor.enterprise_share'].openai;
    expect(stats.mean).toBeCloseTo((shares[0]! + shares[1]! + shares[2]!) / 3, 12);
    expect(stats.p50).toBe([...shares].sort((a, b) => a - b)[1]);
    expect(Object.keys(stats)).toEqual(['mean', 'p5', 'p50', 'p95']);
    for (const byEntity of Object.values(summary.totals) as Record<string, Quantiles>[]) {
      for (const q of Object.values(byEntity)) expect(q.p5 <= q.p50 && q.p50 <= q.p95).toBe(true);
    }
  });

  it('gives metrics.csv the mean, p5, p50, p95 and the number of runs with a value', () => {
    const [header, ...rows] = read('two-workers', 'metrics.csv').trimEnd().split('\n');
    expect(header).toBe('tick,date,metric,entity,mean,p5,p50,p95,runs');
    const hhi = rows.find((r) => r.startsWith('5,') && r.includes(',market.hhi,market,'))!.split(',');
    const singles = ['seed-5', 'seed-6', 'seed-7'].map((name) => Number(read(name, 'metrics.csv').split('\n').find((r) => r.startsWith('5,') && r.includes(',market.hhi,market,'))!.split(',')[4]));
    expect(Number(hhi[4])).toBeCloseTo((singles[0]! + singles[1]! + singles[2]!) / 3, 9);
    expect(Number(hhi[6])).toBe([...singles].sort((a, b) => a - b)[1]);
    expect(hhi[8]).toBe('3');
  });

  it('logs the events of the first seed’s run, the very run simulate gives for that seed', () => {
    expect(read('two-workers', 'events.jsonl')).toBe(read('seed-5', 'events.jsonl'));
  });

  it('gives byte-identical outputs whatever the number of workers', () => {
    expect(runCli('simulate.ts', [baseline, '--runs', '3', '--seed', '5', '--workers', '1', '--out', out('one-worker'), '--quiet']).status).toBe(0);
    expect(differingFiles(out('one-worker'), out('two-workers'))).toEqual([]);
  });

  it('draws the same charts under the same names for a single run and an ensemble, ARR over time among them', () => {
    const pngs = (name: string) => readdirSync(out(name)).filter((f) => f.endsWith('.png')).sort();
    expect(pngs('two-workers')).toEqual(pngs('seed-5'));
    expect(pngs('seed-5')).toContain('vendor-arr.png');
    expect(pngs('seed-5')).toHaveLength(22);
  });

  it('writes report.md for a single run and for an ensemble, every link pointing at a file beside it', () => {
    expect(single.status).toBe(0);
    for (const name of ['seed-5', 'two-workers']) {
      const report = read(name, 'report.md');
      expect(report).toMatch(/^# tiny\n/);
      expect(report).toContain('| Vendor | Enterprise share | ARR |');
      const links = markdownLinks(report);
      expect(links.filter((l) => l.endsWith('.png')).length).toBeGreaterThanOrEqual(10);
      for (const link of links) expect(existsSync(join(out(name), link))).toBe(true);
    }
    expect(read('two-workers', 'report.md')).toMatch(/\| OpenAI \| \d+\.\d% \(\d+\.\d% to \d+\.\d%\) \|/);
  });

  it('records a manifest from which the same outputs are made again, whatever became of the config file', () => {
    const manifest = JSON.parse(read('two-workers', 'manifest.json'));
    expect(manifest).toMatchObject({
      format: 'llm-market-sim manifest 1',
      command: `npm run simulate -- ${baseline} --seed 5 --runs 3`,
      node: process.version,
      seeds: [5, 6, 7],
      job: { kind: 'simulate', runs: 3, scenario: { name: 'tiny', seed: 5, enterprises: { count: 300 } } },
    });
    expect(manifest.packageVersion).toMatch(/^\d+\.\d+\.\d+/);
    expect(manifest.git === null || /^[0-9a-f]{40}$/.test(manifest.git.revision)).toBe(true);
    const again = runCli('simulate.ts', [join(out('two-workers'), 'manifest.json'), '--out', out('again'), '--quiet', '--workers', '1']);
    expect(again.status).toBe(0);
    expect(differingFiles(out('again'), out('two-workers'))).toEqual([]);
  });

  it('refuses to change a manifest’s job, and a bad --runs or --workers, with exit 2', () => {
    const changed = runCli('simulate.ts', [join(out('two-workers'), 'manifest.json'), '--runs', '4']);
    expect(changed.status).toBe(2);
    expect(changed.stderr).toContain('--runs cannot change it');
    for (const [flag, value] of [
      ['--runs', '0'],
      ['--workers', 'lots'],
      ['--shard', '2/2'],
    ]) {
      const run = runCli('simulate.ts', [baseline, flag!, value!]);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain(flag);
      expect(run.stderr).toContain('Usage:');
    }
  });
});
