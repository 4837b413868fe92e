import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { STALE_MS } from '../../src/report/staging-lock.js';
import { spawn } from 'node:child_process';
import { PROJECT_ROOT, runCli, type CliRun } from '../support/run-cli.js';
import { canMountTmpfs, withTmpfs } from '../support/tmpfs.js';
import { filesOf, tinyConfigs } from './tiny-configs.js';

/**
 * Hostile output folders: the tool replaces only what it wrote, refuses an --out that is, holds or
 * lies in an input, checks the destination before running anything, and leaves a live run's
 * staging folder alone whether or not it can see its process. Each refusal is exit 2 with the
 * reason, nothing lost and nothing half-written.
 */

const noStackTrace = (run: CliRun) => expect(run.stderr).not.toMatch(/\n\s+at |node:internal/);

describe('hostile output folders', () => {
  const { dir, baseline } = tinyConfigs('hostile-outputs');
  const out = (name: string) => join(dir, name);
  const simulate = (...args: string[]) => runCli('simulate.ts', [baseline, '--no-charts', '--quiet', ...args]);

  beforeAll(() => {
    expect(simulate('--out', out('ours')).status).toBe(0);
  });

  it('refuses to replace its own output once a file it did not write is in it, listing it, and leaves everything as it was', () => {
    writeFileSync(join(out('ours'), 'notes.md'), 'my notes');
    const before = filesOf(out('ours'));
    const run = simulate('--out', out('ours'));
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      `error: ${out('ours')} holds a file that llm-market-sim did not write there: notes.md. A new run replaces the whole folder, so it would delete it: move it out, or choose another --out folder\n`,
    );
    expect(filesOf(out('ours'))).toEqual(before);
  });

  it('refuses to replace an output that holds another output, which would go with it', () => {
    // The same folder as above, notes.md gone: what stops it now is the output written inside it.
    rmSync(join(out('ours'), 'notes.md'));
    expect(simulate('--out', join(out('ours'), 'inner')).status).toBe(0);
    const run = simulate('--out', out('ours'));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`${out('ours')} holds a folder that llm-market-sim did not write there: inner/.`);
    expect(existsSync(join(out('ours'), 'inner', 'summary.json'))).toBe(true);
  });

  it('refuses an --out that holds its config, or is the folder of the manifest it re-runs', () => {
    const holding = simulate('--out', dir);
    expect(holding.status).toBe(2);
    expect(holding.stderr).toBe(`error: the output folder ${dir} holds the input ${baseline}, which replacing the folder would delete; choose another folder with --out\n`);
    const manifest = join(out('ours'), 'inner', 'manifest.json');
    const again = runCli('simulate.ts', [manifest, '--quiet', '--out', join(out('ours'), 'inner')]);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain(`holds the input ${manifest}`);
  });

  it('refuses with exit 2, as up front, files of the user that appear in --out while the run goes on, and keeps them', async () => {
    const target = out('late-foreign');
    const child = spawn(process.execPath, ['--import', 'tsx', `${PROJECT_ROOT}/src/cli/simulate.ts`, baseline, '--no-charts', '--runs', '6', '--workers', '1', '--out', target], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    // Once the run has its staging folder, the user puts a file of theirs where the output goes.
    await new Promise<void>((done) => {
      const poll = setInterval(() => {
        if (readdirSync(dir).some((f) => f.startsWith('.late-foreign.') && f.endsWith('.partial'))) {
          clearInterval(poll);
          mkdirSync(target);
          writeFileSync(join(target, 'notes.txt'), 'mine');
          done();
        }
      }, 20);
    });
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(code).toBe(2);
    expect(stderr).toBe(`error: ${target} is not empty and was not written by llm-market-sim; choose another --out folder; nothing was written to ${target}\n`);
    expect(readdirSync(target)).toEqual(['notes.txt']);
    expect(readdirSync(dir).filter((f) => f.startsWith('.late-foreign.'))).toEqual([]);
  }, 120_000);

  // The root and a folder below a file are refused the same way: test/cli/output-folder.test.ts.
  it('refuses an empty --out, a dangling symbolic link and a file up front, running nothing', () => {
    symlinkSync(join(dir, 'nowhere'), out('dangling'));
    writeFileSync(out('a-file'), 'x');
    const cases: [string, string][] = [
      ['', 'error: --out is empty: name the folder to write to, e.g. --out output/my-run\n'],
      [out('dangling'), `error: --out ${out('dangling')} is a symbolic link to ${join(dir, 'nowhere')}, which does not exist: create the folder it points to, or choose another --out\n`],
      [out('a-file'), `error: ${out('a-file')} is a file, not a folder; choose another --out folder\n`],
    ];
    for (const [target, message] of cases) {
      const run = simulate('--out', target);
      expect(run.status, target).toBe(2);
      expect(run.stderr, target).toBe(message);
    }
    expect(existsSync(join(dir, 'nowhere'))).toBe(false);
  });

  it('writes --out dir/. into dir; leaves a live run’s staging folder alone, whatever its process id, and clears an abandoned one', () => {
    // Another run, in another PID namespace or on another machine: a PID that looks dead here, a fresh lock.
    const live = join(dir, '.locked.999999999-0a0a0a0a.partial');
    mkdirSync(live);
    writeFileSync(join(live, 'events.jsonl'), '{}\n');
    mkdirSync(`${live}.lock`);
    const abandoned = join(dir, '.locked.12-0b0b0b0b.partial');
    mkdirSync(abandoned);
    mkdirSync(`${abandoned}.lock`);
    const old = new Date(Date.now() - STALE_MS - 60_000);
    utimesSync(`${abandoned}.lock`, old, old);
    mkdirSync(out('locked'));
    expect(simulate('--out', `${out('locked')}/.`).status).toBe(0);
    expect(readdirSync(out('locked'))).toContain('summary.json');
    expect(readFileSync(join(live, 'events.jsonl'), 'utf8')).toBe('{}\n');
    expect(existsSync(abandoned)).toBe(false);
    expect(existsSync(`${abandoned}.lock`)).toBe(false);
  });
});

describe.skipIf(!canMountTmpfs)('mount points and read-only file systems, from the command line', () => {
  const { baseline } = tinyConfigs('hostile-mounts');

  it('refuses a mount point as --out before running, and says to write inside it', () => {
    withTmpfs('rw', (mountPoint) => {
      const run = runCli('simulate.ts', [baseline, '--no-charts', '--out', mountPoint]);
      expect(run.status).toBe(2);
      expect(run.stderr).toBe(
        `error: --out ${mountPoint} is a mount point: outputs are moved into place by renaming a whole folder, which a mount point cannot be, so nothing could be written there; write into a folder inside it, e.g. --out ${mountPoint}/run\n`,
      );
      expect(readdirSync(mountPoint)).toEqual([]);
    });
  });

  it('reports a read-only file system as read-only', () => {
    withTmpfs('ro', (mountPoint) => {
      const run = runCli('simulate.ts', [baseline, '--no-charts', '--out', join(mountPoint, 'a', 'run')]);
      expect(run.status).toBe(2);
      expect(run.stderr).toBe(`error: cannot write to ${join(mountPoint, 'a', 'run')}: the file system is read-only (EROFS)\n`);
      noStackTrace(run);
    });
  });
});
