import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../support/run-cli.js';
import { differingFiles, tinyConfigs } from './tiny-configs.js';

/**
 * simulate --runs N --uncertain on the tiny baseline (300 enterprises, 6 months) with two
 * uncertain parameters: each run draws them with its seed, and every output says so.
 */
describe('npm run simulate -- --runs N --uncertain (second-order Monte Carlo)', () => {
  const { dir, baseline } = tinyConfigs('uncertain');
  const config = join(dir, 'uncertain.json');
  const UNCERTAIN = [
    { path: 'enterprises.priceElasticity', distribution: { type: 'triangular', lo: 0.4, mode: 0.8, hi: 1.5 }, source: 'a test range' },
    { path: 'vendors[0].policies.pricing.params.markup', distribution: { type: 'normal', mean: 2, sd: 0.4 }, source: 'a test range' },
  ];
  writeFileSync(config, JSON.stringify({ extends: 'tiny.json', name: 'tiny', uncertain: UNCERTAIN }));
  const out = (name: string) => join(dir, name);
  const read = (name: string, file: string) => readFileSync(join(out(name), file), 'utf8');
  const ensemble = (...more: string[]) => [config, '--runs', '3', '--seed', '5', '--uncertain', ...more];
  let run: CliRun;

  beforeAll(() => {
    run = runCli('simulate.ts', ensemble('--workers', '2', '--out', out('two-workers')));
  });

  it('exits 0 and says the runs drew the uncertain parameters with their seeds, listing the draws file', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('tiny: 6 months from 2023-12 to 2024-05, 3 runs (seeds 5–7 and 2 uncertain parameters); means:');
    expect(lines.at(-1)).toBe(`Wrote 22 charts, report.md, metrics.csv, summary.json, events.jsonl, uncertain-draws.csv and manifest.json to ${out('two-workers')}/`);
  });

  it('lists each run’s seed and drawn values in uncertain-draws.csv, one row per run, each within its range', () => {
    const [header, ...rows] = read('two-workers', 'uncertain-draws.csv').trimEnd().split('\n');
    expect(header).toBe('run,seed,enterprises.priceElasticity,vendors.openai.policies.pricing.params.markup');
    expect(rows).toHaveLength(3);
    const cells = rows.map((row) => row.split(',').map(Number));
    expect(cells.map((c) => [c[0], c[1]])).toEqual([
      [1, 5],
      [2, 6],
      [3, 7],
    ]);
    for (const c of cells) {
      expect(c[2]).toBeGreaterThanOrEqual(0.4);
      expect(c[2]).toBeLessThanOrEqual(1.5);
      expect(c[3]).toBeGreaterThanOrEqual(0);
    }
    expect(new Set(cells.map((c) => c[2])).size).toBe(3);
  });

  it('says so in summary.json and report.md: the spread is of seeds and uncertain parameters, each with its distribution and source', () => {
    const summary = JSON.parse(read('two-workers', 'summary.json'));
    expect(summary).toMatchObject({ runs: 3, seeds: [5, 6, 7] });
    expect(summary.uncertain).toEqual({
      spread: 'seeds and 2 uncertain parameters, drawn together for each run (second-order Monte Carlo)',
      parameters: [
        { ...UNCERTAIN[0], path: 'enterprises.priceElasticity' },
        { ...UNCERTAIN[1], path: 'vendors.openai.policies.pricing.params.markup' },
      ],
      draws: 'uncertain-draws.csv',
    });
    const report = read('two-workers', 'report.md');
    expect(report).toContain('3 runs, seeds 5–7 and 2 uncertain parameters · 6 months');
    expect(report).toContain('## Uncertain parameters');
    expect(report).toMatch(/\| `enterprises\.priceElasticity` \| triangular 0\.4 to 1\.5, most likely 0\.8 \| [\d.]+ to [\d.]+ \| a test range \|/);
    expect(report).toContain('- [uncertain-draws.csv](uncertain-draws.csv)');
  });

  it('runs seed 5 with draw 0 first: the very run simulate makes of seed 5 with those values written in the config', () => {
    const [, first] = read('two-workers', 'uncertain-draws.csv').split('\n');
    const [, , elasticity, markup] = first!.split(',').map(Number);
    const fixed = join(dir, 'draw-0.json');
    writeFileSync(
      fixed,
      JSON.stringify({ extends: 'tiny.json', name: 'tiny', enterprises: { priceElasticity: elasticity }, vendors: [{ id: 'openai', policies: { pricing: { params: { markup } } } }] }),
    );
    expect(runCli('simulate.ts', [fixed, '--seed', '5', '--no-charts', '--out', out('draw-0'), '--quiet']).status).toBe(0);
    expect(read('two-workers', 'events.jsonl')).toBe(read('draw-0', 'events.jsonl'));
  });

  it('gives byte-identical outputs whatever the number of workers, and from shards merged', () => {
    expect(runCli('simulate.ts', ensemble('--workers', '1', '--out', out('one-worker'), '--quiet')).status).toBe(0);
    expect(differingFiles(out('one-worker'), out('two-workers'))).toEqual([]);
    for (const i of [0, 1]) expect(runCli('simulate.ts', ensemble('--shard', `${i}/2`, '--workers', '1', '--out', out(`shard-${i}`), '--quiet')).status).toBe(0);
    expect(runCli('merge.ts', [out('shard-0'), out('shard-1'), '--out', out('merged'), '--quiet']).status).toBe(0);
    expect(differingFiles(out('merged'), out('two-workers'))).toEqual([]);
  });

  it('records --uncertain in the manifest, which makes the same files again and cannot have it added or taken away', () => {
    const manifest = JSON.parse(read('two-workers', 'manifest.json'));
    expect(manifest.command).toBe(`npm run simulate -- ${config} --seed 5 --runs 3 --uncertain`);
    expect(manifest.job.uncertain).toBe(true);
    const again = runCli('simulate.ts', [join(out('two-workers'), 'manifest.json'), '--out', out('again'), '--quiet', '--workers', '1']);
    expect(again.status).toBe(0);
    expect(differingFiles(out('again'), out('two-workers'))).toEqual([]);
    const changed = runCli('simulate.ts', [join(out('two-workers'), 'manifest.json'), '--uncertain']);
    expect(changed.status).toBe(2);
    expect(changed.stderr).toContain('--uncertain cannot change it');
  });

  it('runs a config’s stated values without --uncertain: the same metrics as the config without its uncertain list', () => {
    expect(runCli('simulate.ts', [config, '--runs', '2', '--no-charts', '--out', out('stated'), '--quiet']).status).toBe(0);
    expect(runCli('simulate.ts', [baseline, '--runs', '2', '--no-charts', '--out', out('plain'), '--quiet']).status).toBe(0);
    expect(read('stated', 'metrics.csv')).toBe(read('plain', 'metrics.csv'));
    expect(existsSync(join(out('stated'), 'uncertain-draws.csv'))).toBe(false);
    expect(JSON.parse(read('stated', 'summary.json')).uncertain).toBeUndefined();
  });

  it('refuses --uncertain on a config that declares none, and with a single run, with exit 2, a message and nothing written', () => {
    const none = runCli('simulate.ts', [baseline, '--runs', '3', '--uncertain', '--out', out('none')]);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain(`error: --uncertain: ${baseline} declares no uncertain parameters; list them under "uncertain" in the config`);
    expect(none.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out('none'))).toBe(false);
    const single = runCli('simulate.ts', [config, '--uncertain', '--out', out('single')]);
    expect(single.status).toBe(2);
    expect(single.stderr).toContain('error: --uncertain draws the uncertain parameters afresh for each run: give --runs 2 or more');
    expect(existsSync(out('single'))).toBe(false);
  });
});
