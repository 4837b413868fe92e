import { spawn } from 'node:child_process';
import { existsSync, readdirSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BASELINE_PATH } from '../support/scenario-fixtures.js';
import { PROJECT_ROOT, runCli } from '../support/run-cli.js';
import { differingFiles, tinyConfigs } from './tiny-configs.js';

const PAYBACK = 'enterprises.policies.switching.params.paybackMonths=3:24:4';

describe('--shard i/N and npm run merge', () => {
  const { dir, baseline, cheap } = tinyConfigs('shards');
  const out = (name: string) => join(dir, name);

  it('a sweep run in 3 shards and merged gives exactly the files of the sweep run whole, charts and manifest included', () => {
    const args = [baseline, '--param', PAYBACK, '--runs', '2', '--quiet'];
    expect(runCli('sweep.ts', [...args, '--out', out('sweep-whole')]).status).toBe(0);
    // 8 runs in 3 slices: the points' runs straddle the shards.
    for (const i of [0, 1, 2]) {
      const shard = runCli('sweep.ts', [...args, '--shard', `${i}/3`, '--out', out(`sweep-${i}`), '--workers', '1']);
      expect(shard.status).toBe(0);
      expect(readdirSync(out(`sweep-${i}`)).sort()).toEqual(['.llm-market-sim', 'manifest.json', 'partial.bin', 'partial.json']);
    }
    const merge = runCli('merge.ts', [out('sweep-2'), out('sweep-0'), out('sweep-1'), '--out', out('sweep-merged')]);
    expect(merge.stderr).toBe('');
    expect(merge.status).toBe(0);
    expect(merge.stdout.trimEnd().split('\n').at(-1)).toContain(`to ${out('sweep-merged')}/`);
    expect(differingFiles(out('sweep-whole'), out('sweep-merged'))).toEqual([]);
  });

  it('an ensemble and a comparison run in shards and merged equal the same run whole', () => {
    const ensemble = [baseline, '--runs', '3', '--no-charts', '--quiet'];
    expect(runCli('simulate.ts', [...ensemble, '--out', out('ens-whole')]).status).toBe(0);
    for (const i of [0, 1]) expect(runCli('simulate.ts', [...ensemble, '--shard', `${i}/2`, '--out', out(`ens-${i}`)]).status).toBe(0);
    expect(runCli('merge.ts', [out('ens-0'), out('ens-1'), '--out', out('ens-merged'), '--quiet']).status).toBe(0);
    expect(differingFiles(out('ens-whole'), out('ens-merged'))).toEqual([]);

    const comparison = [baseline, cheap, '--runs', '2', '--no-charts', '--quiet'];
    expect(runCli('compare.ts', [...comparison, '--out', out('cmp-whole')]).status).toBe(0);
    for (const i of [0, 1, 2]) expect(runCli('compare.ts', [...comparison, '--shard', `${i}/3`, '--out', out(`cmp-${i}`)]).status).toBe(0);
    expect(runCli('merge.ts', [out('cmp-0'), out('cmp-1'), out('cmp-2'), '--out', out('cmp-merged'), '--quiet']).status).toBe(0);
    expect(differingFiles(out('cmp-whole'), out('cmp-merged'))).toEqual([]);
  }, 180_000); // eleven full runs of the CLI, one after another: about 50 s here, over 60 s on a loaded machine

  it('refuses shards that are missing, given twice, or of another job: exit 2, saying which', () => {
    const missing = runCli('merge.ts', [out('cmp-0'), out('cmp-2')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe('error: missing shard 1/3 of 3: run it (--shard i/3), then merge all 3 folders\n');
    const twice = runCli('merge.ts', [out('cmp-0'), out('cmp-1'), out('cmp-1')]);
    expect(twice.status).toBe(2);
    expect(twice.stderr).toContain('shard 1/3 is given twice');
    const mixed = runCli('merge.ts', [out('cmp-0'), out('ens-1')]);
    expect(mixed.status).toBe(2);
    expect(mixed.stderr).toContain('is a shard of another job');
    const notShard = runCli('merge.ts', [out('cmp-whole')]);
    expect(notShard.status).toBe(2);
    expect(notShard.stderr).toContain('holds no partial.json');
    expect(existsSync(join(PROJECT_ROOT, 'output', 'compare-tiny-cheap'))).toBe(false);
  });

  it('Ctrl-C while the pool runs stops every worker, removes the staging folder and exits 130', async () => {
    const slow = join(dir, 'slow.json');
    // Long only to be slow: its window is stretched so that the run has nothing to warn about.
    writeFileSync(slow, JSON.stringify({ extends: BASELINE_PATH, name: 'slow', months: 120, calibratedThrough: { month: '2099-12' }, enterprises: { count: 20_000 } }));
    const target = out('interrupted');
    const child = spawn(process.execPath, ['--import', 'tsx', `${PROJECT_ROOT}/src/cli/simulate.ts`, slow, '--runs', '8', '--no-charts', '--out', target], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // Interrupt once the first run's events.jsonl appears in the staging folder: the pool is then at work.
    let inside: ReturnType<typeof watch> | undefined;
    const watcher = watch(dir, (_event, name) => {
      if (inside || !name?.startsWith('.interrupted.') || !name.endsWith('.partial')) return;
      const interrupt = () => {
        inside?.close();
        child.kill('SIGINT');
      };
      inside = watch(join(dir, name), (_e, file) => file === 'events.jsonl' && interrupt());
      if (existsSync(join(dir, name, 'events.jsonl'))) interrupt();
    });
    const status = await new Promise<number | null>((settle) => child.on('close', settle));
    watcher.close();
    inside?.close();
    expect(stderr).toBe(`interrupted by SIGINT: the runs stopped and nothing was written to ${target}\n`);
    expect(status).toBe(130);
    expect(readdirSync(dir).filter((f) => f.includes('interrupted'))).toEqual([]);
  });
});
