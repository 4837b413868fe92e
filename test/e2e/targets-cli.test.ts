import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, runCli, type CliRun } from '../support/run-cli.js';

/**
 * simulate and compare --targets: the charts of the metrics a targets file measures draw its
 * figures, the report says hit or miss, and the job carries the file so that a manifest re-run, a
 * merge of shards and any worker count give the same bytes. 21 months reach the shipped file's last
 * month (2025-08).
 */

const TICKS = ['--ticks', '21'];

describe('npm run simulate --targets', () => {
  const dir = mkdtempSync(join(tmpdir(), 'llm-sim-targets-'));
  // A copy, so that the re-run from the manifest can show it needs the file no more.
  const targetsFile = join(dir, 'targets.json');
  const out = (name: string) => join(dir, name);
  const runs: Record<string, CliRun> = {};
  const read = (name: string, file: string) => readFileSync(join(out(name), file));

  beforeAll(() => {
    copyFileSync(join(PROJECT_ROOT, 'configs/targets/2023-2025.json'), targetsFile);
    const common = ['configs/baseline.json', ...TICKS, '--runs', '2', '--quiet'];
    runs.plain = runCli('simulate.ts', [...common, '--out', out('plain')]);
    runs.targets = runCli('simulate.ts', [...common, '--targets', targetsFile, '--workers', '1', '--out', out('targets')]);
    runs.workers = runCli('simulate.ts', [...common, '--targets', targetsFile, '--workers', '2', '--out', out('workers')]);
    runs.shard0 = runCli('simulate.ts', [...common, '--targets', targetsFile, '--shard', '0/2', '--out', out('shard-0')]);
    runs.shard1 = runCli('simulate.ts', [...common, '--targets', targetsFile, '--shard', '1/2', '--out', out('shard-1')]);
    runs.merged = runCli('merge.ts', [out('shard-0'), out('shard-1'), '--quiet', '--out', out('merged')]);
    rmSync(targetsFile);
    runs.rerun = runCli('simulate.ts', [join(out('targets'), 'manifest.json'), '--quiet', '--out', out('rerun')]);
  }, 300_000);

  it('runs', () => {
    for (const [name, run] of Object.entries(runs)) expect({ name, stderr: run.stderr, status: run.status }).toEqual({ name, stderr: '', status: 0 });
  });

  it('draws the targets on the charts of their metrics and leaves every other output as it was', () => {
    for (const file of ['enterprise-share.png', 'vendor-arr.png', 'vendor-gross-margin.png']) expect(read('targets', file).equals(read('plain', file))).toBe(false);
    for (const file of ['cloud-asic-share.png', 'market-hhi.png', 'adoption.png', 'metrics.csv', 'summary.json', 'events.jsonl']) {
      expect(read('targets', file).equals(read('plain', file)), file).toBe(true);
    }
  });

  it('says in report.md, per target, the mean over the runs against its band, hit or miss, and why a target is not drawn', () => {
    const report = read('targets', 'report.md').toString();
    const section = report.slice(report.indexOf('## Targets'), report.indexOf('## Charts'));
    expect(section).toMatch(/\| `openai-arr-2024-12` \| 2024-12 \| 3\.75B \.\. 6\.25B \| [\d.]+B \([\d.]+B – [\d.]+B\) (hit|\*\*miss\*\*) \| \[vendor-arr\.png\]\(vendor-arr\.png\) \|/);
    expect(section).toMatch(/`api-spend-growth-late-2024-to-mid-2025` .*not drawn: a growth/);
    expect(section).toMatch(/- `nvidia-gross-margin-2024` \(supplier\.gross_margin\): Nvidia is not an agent/);
    expect(section).toMatch(/Hits: baseline: \d+ of \d+ modelled targets\./);
    expect(section).toContain('the mean of each run\'s figure over the 2 runs');
  });

  it('records the targets file, its SHA-256 and its content in the manifest and the command', () => {
    const manifest = JSON.parse(read('targets', 'manifest.json').toString());
    expect(manifest.command).toBe(`npm run simulate -- configs/baseline.json --targets ${targetsFile} --ticks 21 --runs 2`);
    expect(manifest.job.targets.file).toBe(targetsFile);
    expect(manifest.job.targets.sha256).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(manifest.job.targets.content.targets).toHaveLength(42);
    expect(JSON.parse(read('plain', 'manifest.json').toString()).job.targets).toBeUndefined();
  });

  it('gives the same bytes with any number of workers, merged from shards, and run again from the manifest once the file is gone', () => {
    const files = readdirSync(out('targets')).sort();
    for (const other of ['workers', 'merged', 'rerun']) {
      expect(readdirSync(out(other)).sort()).toEqual(files);
      for (const file of files) expect(read(other, file).equals(read('targets', file)), `${other}/${file}`).toBe(true);
    }
  });
});

describe('npm run compare --targets', () => {
  const dir = mkdtempSync(join(tmpdir(), 'llm-sim-targets-compare-'));
  let run: CliRun;
  let plain: CliRun;

  beforeAll(() => {
    const common = ['configs/baseline.json', 'configs/exclusive-azure.json', ...TICKS, '--vendor', 'anthropic', '--quiet'];
    run = runCli('compare.ts', [...common, '--targets', 'configs/targets/2023-2025.json', '--out', join(dir, 'targets')]);
    plain = runCli('compare.ts', [...common, '--out', join(dir, 'plain')]);
  }, 300_000);

  it('draws the targets of the followed vendor on its overlay charts, not on the charts of changes', () => {
    expect(run.stderr).toBe('');
    expect(plain.stderr).toBe('');
    const same = (file: string) => readFileSync(join(dir, 'targets', file)).equals(readFileSync(join(dir, 'plain', file)));
    expect(same('enterprise-share-anthropic.png')).toBe(false);
    expect(same('open-weights-share.png')).toBe(false);
    expect(same('delta-enterprise-share-anthropic.png')).toBe(true);
    expect(same('market-hhi.png')).toBe(true);
  });

  it('says in comparison.md, per target and scenario, hit or miss', () => {
    const md = readFileSync(join(dir, 'targets', 'comparison.md'), 'utf8');
    expect(md).toMatch(/\| target \| months \| band \| baseline \| exclusive-azure \| drawn on \|/);
    expect(md).toMatch(/\| `anthropic-enterprise-share-2025-06` \| 2025-06 \| 0\.260 \.\. 0\.380 \| [\d.]+ (hit|\*\*miss\*\*) \| [\d.]+ (hit|\*\*miss\*\*) \| \[enterprise-share-anthropic\.png\]/);
    expect(md).toMatch(/`openai-enterprise-share-2025-06` .*not drawn: no chart of this job draws vendor\.enterprise_share of openai/);
  });
});
