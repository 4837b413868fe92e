import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { STALE_MS } from '../../src/report/staging-lock.js';
import { spawn, spawnSync } from 'node:child_process';
import { PROJECT_ROOT, runCli, type CliRun } from '../support/run-cli.js';
import { canMountTmpfs, withTmpfs } from '../support/tmpfs.js';
import { AS_NOBODY, canDropPrivileges, canSetFileFlags, setFlag } from '../support/file-flags.js';
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
    // Once the run has its staging folder, the user puts a file of theirs where the output goes.
    const { status: code, stderr } = await simulateMeanwhile([baseline, '--no-charts'], target, () => {
      mkdirSync(target);
      writeFileSync(join(target, 'notes.txt'), 'mine');
    });
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

/** The seed a run's summary.json records. */
/**
 * A simulate of six runs into `out` whose `whenStaging` is called once its staging folder shows
 * beside `out` (a user acting while the run goes on); resolves to its exit code and stderr.
 */
async function simulateMeanwhile(args: readonly string[], out: string, whenStaging: () => void): Promise<{ status: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', `${PROJECT_ROOT}/src/cli/simulate.ts`, ...args, '--runs', '6', '--workers', '1', '--out', out], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  await new Promise<void>((done) => {
    const poll = setInterval(() => {
      if (readdirSync(dirname(out)).some((f) => f.startsWith(`.${basename(out)}.`) && f.endsWith('.partial'))) {
        clearInterval(poll);
        whenStaging();
        done();
      }
    }, 20);
  });
  return { status: await new Promise<number | null>((done) => child.on('close', done)), stderr };
}

function seedOf(out: string): number {
  return (JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { seed: number }).seed;
}

describe.skipIf(!canSetFileFlags)('a previous output that cannot be deleted, from the command line', () => {
  const { dir, baseline } = tinyConfigs('hostile-undeletable');
  const simulate = (out: string, ...args: string[]) => runCli('simulate.ts', [baseline, '--no-charts', '--quiet', '--out', out, ...args]);
  const beside = (out: string) => readdirSync(dir).filter((f) => f.startsWith(`.${out.split('/').pop()}.`));

  it('is refused before the run with exit 2, naming the file that stands in the way, and nothing is replaced', () => {
    const out = join(dir, 'immutable');
    expect(simulate(out, '--seed', '1').status).toBe(0);
    setFlag(join(out, 'metrics.csv'), '+i');
    try {
      const run = simulate(out, '--seed', '2');
      expect(run.status).toBe(2);
      expect(run.stderr).toBe(
        `error: ${out} cannot be replaced: the new output replaces the whole folder, so the previous one must be deleted, but ${join(out, 'metrics.csv')} is immutable (lsattr shows the flag), operation not permitted (EPERM); clear the flag (chattr -R -i ${out}) or choose another --out folder\n`,
      );
      expect(seedOf(out)).toBe(1);
      expect(beside(out)).toEqual([]);
    } finally {
      setFlag(join(out, 'metrics.csv'), '-i');
    }
    expect(simulate(out, '--seed', '2').status).toBe(0);
    expect(seedOf(out)).toBe(2);
  });

  it('is refused before the run when it, or a file in it, is append-only, naming which, and nothing is replaced', () => {
    const out = join(dir, 'append-only-before');
    expect(simulate(out, '--seed', '1').status).toBe(0);
    for (const flagged of [out, join(out, 'metrics.csv')]) {
      setFlag(flagged, '+a');
      try {
        const run = simulate(out, '--seed', '2');
        expect(run.status).toBe(2);
        expect(run.stderr).toBe(
          `error: ${out} cannot be replaced: the new output replaces the whole folder, so the previous one must be deleted, but ${flagged} is append-only (lsattr shows the flag), operation not permitted (EPERM); clear the flag (chattr -R -a ${out}) or choose another --out folder\n`,
        );
      } finally {
        setFlag(flagged, '-a');
      }
      expect(seedOf(out)).toBe(1);
      expect(beside(out)).toEqual([]);
    }
  });

  it('that goes only once replaced is a warning naming the copy left aside, exit 0; later runs name it, not --out, and remove it once they can', async () => {
    const out = join(dir, 'append-only');
    expect(simulate(out, '--seed', '1').status).toBe(0);
    // Made append-only while the run goes on, after the check before it: met when the file is deleted, the new output in place by then.
    const replaced = await simulateMeanwhile([baseline, '--no-charts', '--quiet', '--seed', '2'], out, () => setFlag(join(out, 'summary.json'), '+a'));
    const [leftover] = beside(out);
    try {
      expect(replaced.status).toBe(0);
      expect(seedOf(out)).toBe(2);
      expect(leftover).toMatch(/^\.append-only\.[0-9]+-[0-9a-f]+\.partial\.previous$/);
      expect(replaced.stderr).toBe(
        `warning: ${out} now holds the new output, but the previous one, set aside as ${join(dir, leftover!)}, could not be removed: operation not permitted (EPERM) at ${join(dir, leftover!, 'summary.json')}; remove it yourself (the next run to this --out tries again)\n`,
      );
      const again = simulate(out, '--seed', '3');
      expect(again.status).toBe(0);
      expect(seedOf(out)).toBe(3);
      expect(again.stderr).toMatch(new RegExp(`^warning: ${join(dir, leftover!)}, the output of ${out} that an earlier run set aside, could not be removed: operation not permitted \\(EPERM\\) at `));
      expect(again.stderr).not.toContain('error');
    } finally {
      setFlag(join(dir, leftover!, 'summary.json'), '-a');
    }
    // Removed at last, and said: a set-aside output never goes silently.
    const clean = simulate(out, '--seed', '4');
    expect(clean).toMatchObject({ status: 0, stderr: `warning: removed ${join(dir, leftover!)}, an older output of ${out} that an earlier run had set aside: ${out} holds a newer output\n` });
    expect(beside(out)).toEqual([]);
  }, 120_000);
});

describe.skipIf(!canSetFileFlags)('a folder holding --out made append-only or immutable while the run goes on', () => {
  const { dir, baseline } = tinyConfigs('hostile-parent-flag');

  it('is named as the cause, exit 2, and each leftover it keeps is a warning after it, never the error in its place', async () => {
    for (const flag of ['+a', '+i'] as const) {
      const parent = join(dir, `q${flag === '+a' ? 'a' : 'i'}`);
      const out = join(parent, 'o');
      expect(runCli('simulate.ts', [baseline, '--no-charts', '--quiet', '--seed', '1', '--out', out]).status).toBe(0);
      const { status, stderr } = await simulateMeanwhile([baseline, '--no-charts', '--quiet', '--seed', '2'], out, () => setFlag(parent, flag));
      const left = readdirSync(parent).filter((f) => f !== 'o').sort();
      setFlag(parent, flag === '+a' ? '-a' : '-i');
      const kind = flag === '+a' ? 'append-only' : 'immutable';
      expect(status, flag).toBe(2);
      const [error, ...warnings] = stderr.trimEnd().split('\n');
      expect(error, flag).toBe(
        `error: ${out} cannot be replaced: the previous output could not be moved aside for the new one, as its folder ${parent} is ${kind} (lsattr -d shows the flag), operation not permitted (EPERM); clear the flag (chattr ${flag === '+a' ? '-a' : '-i'} ${parent}), or choose another --out folder; ${out} is unchanged`,
      );
      expect(left.length, flag).toBe(3);
      expect(warnings.sort(), flag).toEqual(left.map((f) => expect.stringMatching(new RegExp(`^warning: ${join(parent, f).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, .* could not be removed: operation not permitted \\(EPERM\\)`))));
      expect(seedOf(out), flag).toBe(1);
      // Once the flag is cleared, the next run clears what was left.
      expect(runCli('simulate.ts', [baseline, '--no-charts', '--quiet', '--seed', '3', '--out', out]).status).toBe(0);
      expect(readdirSync(parent)).toEqual(['o']);
    }
  }, 120_000);

  it('before the run is named as what it is, immutable or append-only', () => {
    for (const flag of ['+a', '+i'] as const) {
      const parent = join(dir, `before${flag === '+a' ? 'a' : 'i'}`);
      mkdirSync(parent);
      setFlag(parent, flag);
      const run = runCli('simulate.ts', [baseline, '--no-charts', '--quiet', '--out', join(parent, 'o')]);
      setFlag(parent, flag === '+a' ? '-a' : '-i');
      expect(run.status).toBe(2);
      expect(run.stderr).toContain(`its folder ${parent} is ${flag === '+a' ? 'append-only' : 'immutable'} (lsattr -d shows the flag)`);
      expect(run.stderr).toContain(`(chattr ${flag === '+a' ? '-a' : '-i'} ${parent})`);
    }
  });
});

describe.skipIf(!canDropPrivileges)('a previous output in a folder the user may not write, from the command line', () => {
  it('is refused before the run with exit 2, saying to make it writable, and nothing is replaced', () => {
    // A folder an unprivileged user may write in, and a config it may read.
    const dir = mkdtempSync(join(tmpdir(), 'llm-sim-nobody-'));
    chmodSync(dir, 0o777);
    const baseline = join(dir, 'tiny.json');
    writeFileSync(baseline, readFileSync(tinyConfigs('hostile-nobody').baseline));
    const out = join(dir, 'out');
    const simulate = (seed: string) =>
      spawnSync('setpriv', [...AS_NOBODY, process.execPath, '--import', 'tsx', `${PROJECT_ROOT}/src/cli/simulate.ts`, baseline, '--no-charts', '--quiet', '--seed', seed, '--out', out], {
        cwd: PROJECT_ROOT,
        encoding: 'utf8',
        env: { ...process.env, NODE_OPTIONS: '' },
      });
    expect(simulate('1').status).toBe(0);
    chmodSync(out, 0o555);
    const run = simulate('2');
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      `error: ${out} cannot be replaced: the new output replaces the whole folder, so the previous one must be deleted, but the folder ${out} is not writable, permission denied (EACCES), so what it holds cannot be deleted; make it writable (chmod -R u+w ${out}) or choose another --out folder\n`,
    );
    expect(seedOf(out)).toBe(1);
    expect(readdirSync(dir).sort()).toEqual(['out', 'tiny.json']);
  });

  /** A folder for nobody's runs, with a config nobody may read, and a way to run simulate as nobody. */
  function asNobody() {
    const dir = mkdtempSync(join(tmpdir(), 'llm-sim-nobody-'));
    chmodSync(dir, 0o755);
    const baseline = join(dir, 'tiny.json');
    writeFileSync(baseline, readFileSync(tinyConfigs('hostile-nobody').baseline));
    const simulate = (out: string, seed: string, user: readonly string[] = AS_NOBODY) =>
      spawnSync(user.length > 0 ? 'setpriv' : process.execPath, [...(user.length > 0 ? [...user, process.execPath] : []), '--import', 'tsx', `${PROJECT_ROOT}/src/cli/simulate.ts`, baseline, '--no-charts', '--quiet', '--seed', seed, '--out', out], {
        cwd: PROJECT_ROOT,
        encoding: 'utf8',
        env: { ...process.env, NODE_OPTIONS: '' },
      });
    return { dir, simulate };
  }

  it('in a sticky folder, owned by another user, is refused before the run naming the sticky bit, not a file flag', () => {
    const { dir, simulate } = asNobody();
    const sticky = join(dir, 'st');
    mkdirSync(sticky);
    chmodSync(sticky, 0o1777);
    const out = join(sticky, 'out');
    // Root's output, every file of it writable by all: only the sticky bit keeps nobody from moving it aside.
    expect(simulate(out, '1', []).status).toBe(0);
    spawnSync('chmod', ['-R', 'a+rwX', out]);
    const run = simulate(out, '2');
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      `error: ${out} cannot be replaced: the previous output is moved aside to put the new one in its place, but ${sticky} has the sticky bit (chmod +t, as /tmp has), so only the owner of an entry in it, or of the folder, may move or delete the entry, and neither is you (nobody): the entry is root's, the folder root's; choose another --out folder, or have root remove ${out}\n`,
    );
    expect(run.stderr).not.toContain('lsattr');
    expect(seedOf(out)).toBe(1);
    expect(readdirSync(sticky)).toEqual(['out']);
  });

  it('set aside by root’s killed run in a sticky folder is said once, naming the sticky bit; the user’s run there is refused, and root’s puts it back', () => {
    const { dir, simulate } = asNobody();
    const sticky = join(dir, 'st');
    mkdirSync(sticky);
    chmodSync(sticky, 0o1777);
    const out = join(sticky, 'x');
    expect(simulate(out, '1', []).status).toBe(0);
    // As root's run killed between the renames of its commit leaves it: the old output set aside, the new one staged, the lock and its holder.
    const staging = join(sticky, '.x.999999-0abc0abc.partial');
    renameSync(out, `${staging}.previous`);
    mkdirSync(staging);
    writeFileSync(join(staging, 'summary.json'), '{}');
    mkdirSync(`${staging}.lock`);
    writeFileSync(`${staging}.holder`, '{}');
    utimesSync(`${staging}.lock`, new Date(0), new Date(0));
    const validate = spawnSync('setpriv', [...AS_NOBODY, process.execPath, '--import', 'tsx', `${PROJECT_ROOT}/src/cli/validate.ts`, join(out, 'manifest.json')], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    const warnings = validate.stderr.split('\n').filter((line) => line.startsWith('warning:'));
    expect(warnings).toHaveLength(4);
    expect(new Set(warnings).size).toBe(4);
    expect(warnings[0]).toBe(
      `warning: ${staging}.previous, the output of ${out} that an earlier run set aside, could not be put back: operation not permitted (EPERM) at ${staging}.previous: ${sticky} has the sticky bit (chmod +t, as /tmp has), so only the owner of an entry in it, or of the folder, may move or delete the entry, and neither is you (nobody): the entry is root's, the folder root's; move it back to ${out} (mv ${staging}.previous ${out}): have its owner (or root) do it`,
    );
    const run = simulate(out, '2');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`error: cannot write to ${out}: its previous output, set aside as ${staging}.previous by a run killed while replacing it, could not be put back`);
    expect(existsSync(out)).toBe(false);
    const root = simulate(out, '3', []);
    expect(root.status).toBe(0);
    expect(root.stderr).toBe(`warning: put back ${out}, which a run killed while replacing it had set aside as ${staging}.previous\n`);
    expect(seedOf(out)).toBe(3);
    expect(readdirSync(sticky)).toEqual(['x']);
  });

  it('that is another user’s and not writable says so, not to chmod what the user cannot', () => {
    const { dir, simulate } = asNobody();
    chmodSync(dir, 0o777);
    const out = join(dir, 'roots');
    expect(simulate(out, '1', []).status).toBe(0);
    const run = simulate(out, '2');
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      `error: ${out} cannot be replaced: the new output replaces the whole folder, so the previous one must be deleted, but the folder ${out} is root's, not yours (nobody), and not writable by you, permission denied (EACCES), so what it holds cannot be deleted; have root remove ${out} or make it yours, or choose another --out folder\n`,
    );
    expect(run.stderr).not.toContain('chmod');
    expect(seedOf(out)).toBe(1);
  });

  it('in a folder the user may not write names that folder, not --out', () => {
    const { dir, simulate } = asNobody();
    for (const out of [join(dir, 'out'), join(dir, 'a', 'out')]) {
      const run = simulate(out, '1');
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(new RegExp(`^error: cannot write to ${out}: the folder ${dir} is not writable .*permission denied \\(EACCES\\); make it writable, or choose another --out folder\n$`));
    }
    expect(readdirSync(dir)).toEqual(['tiny.json']);
  });

  /** A folder nobody may write in, and a run as nobody into a path relative to it. */
  function nobodysFolder() {
    const dir = mkdtempSync(join(tmpdir(), 'llm-sim-nobody-'));
    chmodSync(dir, 0o777);
    const baseline = join(dir, 'tiny.json');
    writeFileSync(baseline, readFileSync(tinyConfigs('hostile-nobody').baseline));
    const simulate = (out: string, seed = '1') =>
      spawnSync('setpriv', [...AS_NOBODY, process.execPath, '--import', 'tsx', `${PROJECT_ROOT}/src/cli/simulate.ts`, baseline, '--no-charts', '--quiet', '--seed', seed, '--out', out], {
        cwd: PROJECT_ROOT,
        encoding: 'utf8',
        env: { ...process.env, NODE_OPTIONS: '' },
      });
    return { dir, simulate };
  }

  it('whose marker, or folder, cannot be read says permission denied, naming which, not a marker that is not the tool’s', () => {
    const { dir, simulate } = nobodysFolder();
    const out = join(dir, 'o');
    expect(simulate(out).status).toBe(0);
    const marker = join(out, '.llm-market-sim');
    chmodSync(marker, 0o000);
    const unreadable = simulate(out, '2');
    expect(unreadable.status).toBe(2);
    expect(unreadable.stderr).toBe(
      `error: ${out} cannot be checked for files llm-market-sim did not write there: its marker ${marker} cannot be read, permission denied (EACCES); make the marker readable (chmod u+r ${marker}), or choose another --out folder\n`,
    );
    chmodSync(marker, 0o644);
    chmodSync(out, 0o600);
    const unsearchable = simulate(out, '2');
    expect(unsearchable.status).toBe(2);
    expect(unsearchable.stderr).toContain(`the folder ${out} can be listed but not searched (it lacks execute permission), so its marker ${marker} cannot be read, permission denied (EACCES)`);
    chmodSync(out, 0o755);
    expect(seedOf(out)).toBe(1);
  });

  it('in a folder, or beside one, it may write but not read, says not readable; an ancestor it cannot read is named in a sentence', () => {
    const { dir, simulate } = nobodysFolder();
    const parent = join(dir, 'Q');
    const out = join(parent, 'out');
    mkdirSync(parent, { mode: 0o777 });
    chmodSync(parent, 0o777);
    expect(simulate(out).status).toBe(0);
    chmodSync(out, 0o300);
    const own = simulate(out, '2');
    expect(own.status).toBe(2);
    expect(own.stderr).toMatch(new RegExp(`^error: cannot write to ${out}: the folder ${out} is not readable, .*permission denied \\(EACCES\\); make it readable \\(chmod u\\+r ${out}\\), or choose another --out folder\n$`));
    chmodSync(out, 0o755);
    chmodSync(parent, 0o333);
    const beside = simulate(out, '2');
    expect(beside.status).toBe(2);
    expect(beside.stderr).toContain(`the folder ${parent} is not readable (the outputs are made beside ${out}`);
    chmodSync(parent, 0o111);
    const deeper = simulate(join(parent, 'x', 'out'), '2');
    expect(deeper.stderr).toContain(`warning: could not look for outputs to put back in the folder ${parent}: it cannot be read, permission denied (EACCES)\n`);
    expect(deeper.stderr).not.toMatch(/scandir|EACCES:/);
    chmodSync(parent, 0o000);
    const closed = simulate(join(parent, 'x', 'out'), '2');
    expect(closed.status).toBe(2);
    expect(closed.stderr).toContain(`warning: could not look for outputs to put back in the folder ${parent}: it cannot be read, permission denied (EACCES)\n`);
    expect(closed.stderr).toContain(`error: cannot use --out ${join(parent, 'x', 'out')}: the folder ${parent} on the way to it cannot be searched (it lacks execute permission), permission denied (EACCES)`);
    chmodSync(parent, 0o755);
    expect(seedOf(out)).toBe(1);
  });
});

const hasStrace = spawnSync('strace', ['-V']).status === 0;

describe.skipIf(!hasStrace)('a run killed between the two renames of its commit', () => {
  const { dir, baseline } = tinyConfigs('hostile-commit-kill');
  const out = join(dir, 'out');
  const simulate = (seed: string, killAtRename?: number) => {
    const node = [process.execPath, '--import', 'tsx', `${PROJECT_ROOT}/src/cli/simulate.ts`, baseline, '--no-charts', '--quiet', '--seed', seed, '--out', out];
    // strace kills the process as it enters its n-th rename, before the rename happens.
    const command = killAtRename === undefined ? node : ['strace', '-f', '-qq', '-o', '/dev/null', '-e', `inject=rename:signal=SIGKILL:when=${killAtRename}`, ...node];
    return spawnSync(command[0]!, command.slice(1), { cwd: PROJECT_ROOT, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
  };

  it('leaves the previous output set aside, and the next command puts it back before anything else, without waiting for the lock to go stale', () => {
    expect(simulate('1').status).toBe(0);
    const first = readFileSync(join(out, 'summary.json'), 'utf8');
    // Killed after the previous output was set aside (rename 1), before the new one went in (rename 2).
    expect(simulate('2', 2).signal).toBe('SIGKILL');
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.endsWith('.previous'))).toHaveLength(1);
    const [setAside] = readdirSync(dir).filter((f) => f.endsWith('.previous'));
    // The next run puts the previous output back first (rename 1), says so, and is killed as its own commit starts (rename 2).
    const next = simulate('3', 2);
    expect(next.signal).toBe('SIGKILL');
    expect(next.stderr).toBe(`warning: put back ${out}, which a run killed while replacing it had set aside as ${join(dir, setAside!)}\n`);
    expect(readFileSync(join(out, 'summary.json'), 'utf8')).toBe(first);
    // A run that completes clears what both killed runs left, their locks fresh as they are.
    expect(simulate('4')).toMatchObject({ status: 0, stderr: '' });
    expect(seedOf(out)).toBe(4);
    expect(readdirSync(dir).sort()).toEqual(['cheap.json', 'out', 'tiny.json']);
  });
});

describe('a previous output set aside by a run killed mid-commit', () => {
  const { dir, baseline } = tinyConfigs('hostile-put-back');
  const out = join(dir, 'out');

  it('is put back by any command that reads it, not only by a run to the same --out', () => {
    expect(runCli('simulate.ts', [baseline, '--no-charts', '--quiet', '--seed', '4', '--out', out]).status).toBe(0);
    const manifest = join(out, 'manifest.json');
    const putBack = (setAside: string) => `warning: put back ${out}, which a run killed while replacing it had set aside as ${join(dir, setAside)}\n`;
    for (const [script, args] of [
      ['validate.ts', [manifest]],
      ['simulate.ts', [manifest, '--quiet', '--out', join(dir, 'other')]],
    ] as const) {
      // As a kill between the renames leaves it (tested under strace above), its lock gone too: quicker than a run under strace.
      renameSync(out, join(dir, '.out.999999-0badf00d.partial.previous'));
      expect(existsSync(out)).toBe(false);
      const [setAside] = readdirSync(dir).filter((f) => f.endsWith('.previous'));
      const run = runCli(script, [...args]);
      expect(run.status, script).toBe(0);
      expect(run.stderr, script).toBe(putBack(setAside!));
      expect(seedOf(out), script).toBe(4);
    }
    expect(seedOf(join(dir, 'other'))).toBe(4);
  }, 60_000);

  it('is put back when found missing on the way, as the parent a config extends', () => {
    mkdirSync(join(dir, 'fitted'));
    writeFileSync(join(dir, 'fitted', 'fitted.json'), readFileSync(baseline));
    writeFileSync(join(dir, 'child.json'), JSON.stringify({ extends: 'fitted/fitted.json', name: 'child' }));
    const setAside = join(dir, '.fitted.999999-0e0e0e0e.partial.previous');
    renameSync(join(dir, 'fitted'), setAside);
    const run = runCli('validate.ts', [join(dir, 'child.json')]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe(`warning: put back ${join(dir, 'fitted')}, which a run killed while replacing it had set aside as ${setAside}\n`);
    expect(existsSync(join(dir, 'fitted', 'fitted.json'))).toBe(true);
  });
});

describe('a set-aside previous output with something made in its place since', () => {
  const { dir, baseline } = tinyConfigs('hostile-put-back-over');
  const out = join(dir, 'out');
  const simulate = (seed: string) => runCli('simulate.ts', [baseline, '--no-charts', '--quiet', '--seed', seed, '--out', out]);
  /** As a kill between the renames leaves it, its lock gone too; returns where the copy is. */
  const setAside = (id: string) => {
    const copy = join(dir, `.out.999999-${id}.partial.previous`);
    renameSync(out, copy);
    return copy;
  };

  it('is put back over an empty folder (a script’s mkdir -p), by validate and by a run, never deleted as if replaced', () => {
    expect(simulate('1').status).toBe(0);
    const copy = setAside('0000000a');
    mkdirSync(out);
    const validate = runCli('validate.ts', [join(out, 'manifest.json')]);
    expect(validate.status).toBe(0);
    expect(validate.stderr).toBe(`warning: put back ${out}, which a run killed while replacing it had set aside as ${copy} (the empty folder made in its place since is gone)\n`);
    expect(seedOf(out)).toBe(1);
    const again = setAside('0000000b');
    mkdirSync(out);
    const run = simulate('2');
    expect(run.status).toBe(0);
    expect(run.stderr).toBe(`warning: put back ${out}, which a run killed while replacing it had set aside as ${again} (the empty folder made in its place since is gone)\n`);
    expect(seedOf(out)).toBe(2);
    expect(readdirSync(dir).filter((f) => f.startsWith('.out.'))).toEqual([]);
  });

  it('is kept, and said, when what stands in its place is no output; a run there is refused with exit 2', () => {
    expect(simulate('3').status).toBe(0);
    const copy = setAside('0000000c');
    mkdirSync(out);
    writeFileSync(join(out, 'notes.md'), 'mine');
    const kept = `warning: ${copy}, the output of ${out} that an earlier run set aside, is kept: ${out} is in its place and is not an output of llm-market-sim`;
    const validate = runCli('validate.ts', [join(out, 'manifest.json')]);
    expect(validate.status).toBe(2);
    expect(validate.stderr).toContain(kept);
    const run = simulate('4');
    expect(run.status).toBe(2);
    expect(run.stderr.startsWith(kept)).toBe(true);
    expect(run.stderr).toContain(`error: cannot write to ${out}: its previous output, set aside as ${copy} by a run killed while replacing it, could not be put back`);
    expect(run.stderr.split('\n').filter((line) => line.startsWith('warning:'))).toHaveLength(1);
    expect(readFileSync(join(out, 'notes.md'), 'utf8')).toBe('mine');
    expect(seedOf(copy)).toBe(3);
    // Moved away, the copy is put back.
    rmSync(out, { recursive: true });
    expect(simulate('5').status).toBe(0);
    expect(seedOf(out)).toBe(5);
  });

  it('is removed only when an output of the tool stands in its place, and that is said', () => {
    const copy = setAside('0000000d');
    expect(runCli('simulate.ts', [baseline, '--no-charts', '--quiet', '--seed', '6', '--out', join(dir, 'newer')]).status).toBe(0);
    renameSync(join(dir, 'newer'), out);
    const run = simulate('7');
    expect(run.status).toBe(0);
    expect(run.stderr).toBe(`warning: removed ${copy}, an older output of ${out} that an earlier run had set aside: ${out} holds a newer output\n`);
    expect(existsSync(copy)).toBe(false);
  });

  it('is kept, and said, though an output stands in its place, when files of the user’s are in it', () => {
    const copy = setAside('0000000e');
    writeFileSync(join(copy, 'notes.md'), 'mine');
    expect(runCli('simulate.ts', [baseline, '--no-charts', '--quiet', '--seed', '8', '--out', join(dir, 'newer')]).status).toBe(0);
    renameSync(join(dir, 'newer'), out);
    const run = simulate('9');
    expect(run.status).toBe(0);
    expect(run.stderr).toBe(
      `warning: ${copy}, the output of ${out} that an earlier run set aside, is kept, not removed, though ${out} holds a newer output: ` +
        `it holds a file that llm-market-sim did not write there: notes.md; look through it, and move what is yours out of it\n`,
    );
    expect(readFileSync(join(copy, 'notes.md'), 'utf8')).toBe('mine');
    expect(seedOf(out)).toBe(9);
  });
});

describe('a manifest too big to be read back', () => {
  const { dir, baseline } = tinyConfigs('hostile-manifest-size');
  const noStackTrace = (run: CliRun) => expect(run.stderr).not.toMatch(/\n\s+at |node:internal/);

  it('is never written: a job whose manifest would be above the read limit is refused before it runs, exit 2', () => {
    // Eight scenarios of 9 MB each, every one within the config limit of 10 MB: their manifest, which records them resolved, would be ~70 MiB.
    const description = 'x'.repeat(9_000_000);
    const configs = Array.from({ length: 8 }, (_, i) => {
      const file = join(dir, `big-${i}.json`);
      writeFileSync(file, JSON.stringify({ extends: baseline, name: `big-${i}`, description }));
      return file;
    });
    const out = join(dir, 'big-compare');
    const run = runCli('compare.ts', [...configs, '--no-charts', '--quiet', '--out', out]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(
      /^error: the job's manifest\.json would be \d+\.\d MiB, above the limit of 64 MiB a manifest is read back with, so the job could not be run again from it: it records the 8 resolved scenarios in full; run fewer scenarios at once, or smaller ones\n$/,
    );
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.startsWith('.big-compare'))).toEqual([]);
  }, 180_000);

  it('is refused when re-run at the limit of a manifest, 64 MiB, not that of a scenario', () => {
    // What an earlier version wrote: a manifest of 65 MiB.
    const manifest = join(dir, 'huge', 'manifest.json');
    mkdirSync(join(dir, 'huge'));
    const head = '{\n  "format": "llm-market-sim manifest 1",\n  "command": "npm run compare -- a.json b.json",\n  "pad": "';
    writeFileSync(manifest, `${head}${'x'.repeat(65 * 2 ** 20)}"\n}\n`);
    const said = `the file is 65.0 MiB, above the limit of 64 MiB for a manifest`;
    for (const script of ['compare.ts', 'simulate.ts', 'calibrate.ts']) {
      const run = runCli(script, [manifest, '--quiet', '--out', join(dir, 'rerun')]);
      expect(run.status, script).toBe(2);
      expect(run.stderr, script).toBe(`error: ${manifest}: ${said}\n`);
      noStackTrace(run);
    }
    const validate = runCli('validate.ts', [manifest]);
    expect(validate.status).toBe(2);
    expect(validate.stderr).toBe(`${manifest}: ${said}\n`);
    // A file as big that is no manifest is still a scenario above its own limit.
    const notManifest = join(dir, 'huge', 'big.json');
    writeFileSync(notManifest, `{"name": "big", "description": "${'x'.repeat(65 * 2 ** 20)}"}`);
    expect(runCli('simulate.ts', [notManifest, '--quiet']).stderr).toMatch(/above the limit of 10 MB for a scenario/);
  }, 120_000);
});
