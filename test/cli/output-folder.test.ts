import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitOutput, discardOutput, makeFolder, OUTPUT_MARKER, prepareOutput, putBackSetAside, removeAbandonedStaging, type Staging } from '../../src/report/output-folder.js';
import { checkDestination } from '../../src/report/out-destination.js';
import { lockStaging, STALE_MS } from '../../src/report/staging-lock.js';
import { writeMarker } from '../../src/report/output-marker.js';
import { canMountTmpfs, withTmpfs } from '../support/tmpfs.js';
import { canSetFileFlags, setFlag } from '../support/file-flags.js';

function root(): string {
  return mkdtempSync(join(tmpdir(), 'llm-sim-out-'));
}

function prepared(target: string, inputs: string[] = []): Staging {
  const result = prepareOutput(target, inputs);
  if (!result.success) throw new Error(result.reason);
  return result.staging;
}

function staged(target: string, content: string): Staging {
  const staging = prepared(target);
  writeFileSync(join(staging.path, 'summary.json'), content);
  return staging;
}

function refusal(target: string, inputs: string[] = []): string {
  const result = prepareOutput(target, inputs);
  if (result.success) {
    discardOutput(result.staging);
    throw new Error(`${target} was accepted`);
  }
  return result.reason;
}

/** Makes a lock look abandoned: its heartbeat older than the stale threshold. */
function ageLock(lockDir: string): void {
  const old = new Date(Date.now() - STALE_MS - 60_000);
  utimesSync(lockDir, old, old);
}

describe('output folder', () => {
  it('refuses a non-empty folder it did not write, and a file, leaving both as they were', () => {
    const dir = root();
    mkdirSync(join(dir, 'thesis'));
    writeFileSync(join(dir, 'thesis', 'chapter1.docx'), 'precious');
    writeFileSync(join(dir, 'notes.txt'), 'also precious');
    expect(refusal(join(dir, 'thesis'))).toContain('not written by llm-market-sim');
    expect(refusal(join(dir, 'notes.txt'))).toContain('is a file, not a folder');
    expect(readdirSync(dir).sort()).toEqual(['notes.txt', 'thesis']);
  });

  it('replaces its own previous output, or an empty folder, only on commit, and lists what it wrote in its marker', () => {
    const dir = root();
    const target = join(dir, 'run');
    commitOutput(staged(target, 'first'));
    const staging = staged(target, 'second');
    expect(readFileSync(join(target, 'summary.json'), 'utf8')).toBe('first');
    commitOutput(staging);
    expect(readFileSync(join(target, 'summary.json'), 'utf8')).toBe('second');
    expect(readdirSync(target).sort()).toEqual([OUTPUT_MARKER, 'summary.json']);
    expect(readFileSync(join(target, OUTPUT_MARKER), 'utf8').split('\n').slice(1)).toEqual(['summary.json', '']);
    expect(readdirSync(dir)).toEqual(['run']);
  });

  it('puts the previous output back when the new one cannot be moved into place', () => {
    const dir = root();
    const target = join(dir, 'run');
    commitOutput(staged(target, 'first'));
    const staging = staged(target, 'second');
    rmSync(staging.path, { recursive: true }); // the move will fail: nothing to move
    expect(() => commitOutput(staging)).toThrow();
    expect(readFileSync(join(target, 'summary.json'), 'utf8')).toBe('first');
  });

  it('refuses to replace its own output once it holds a file it did not write, listing it', () => {
    const dir = root();
    const target = join(dir, 'run');
    commitOutput(staged(target, 'first'));
    writeFileSync(join(target, 'notes.md'), 'mine');
    expect(refusal(target)).toBe(`${target} holds a file that llm-market-sim did not write there: notes.md. A new run replaces the whole folder, so it would delete it: move it out, or choose another --out folder`);
    expect(readFileSync(join(target, 'notes.md'), 'utf8')).toBe('mine');
  });

  it('refuses to replace an output that another output was written inside, naming the inner folder', () => {
    const dir = root();
    const outer = join(dir, 'outer');
    commitOutput(staged(outer, 'outer'));
    commitOutput(staged(join(outer, 'inner'), 'inner'));
    expect(refusal(outer)).toContain('holds a folder that llm-market-sim did not write there: inner/.');
    expect(existsSync(join(outer, 'inner', 'summary.json'))).toBe(true);
  });

  it('refuses when a foreign file appears while the run writes, at the commit', () => {
    const dir = root();
    const target = join(dir, 'run');
    commitOutput(staged(target, 'first'));
    const staging = staged(target, 'second');
    writeFileSync(join(target, 'late.txt'), 'written meanwhile');
    expect(() => commitOutput(staging)).toThrow(/late\.txt/);
    expect(readFileSync(join(target, 'late.txt'), 'utf8')).toBe('written meanwhile');
    discardOutput(staging);
  });

  it('takes a marker of an older version, which listed nothing, to stand for the files the tool writes', () => {
    const dir = root();
    const target = join(dir, 'old');
    mkdirSync(target);
    writeFileSync(join(target, OUTPUT_MARKER), 'Written by llm-market-sim; a new run may replace this folder.\n');
    for (const file of ['metrics.csv', 'summary.json', 'enterprise-share.png', 'manifest.json']) writeFileSync(join(target, file), 'x');
    commitOutput(staged(target, 'new'));
    expect(readFileSync(join(target, 'summary.json'), 'utf8')).toBe('new');
    writeFileSync(join(target, OUTPUT_MARKER), 'Written by llm-market-sim; a new run may replace this folder.\n');
    writeFileSync(join(target, 'notes.md'), 'mine');
    expect(refusal(target)).toContain('notes.md');
  });

  it('clears staging folders whose lock is stale or gone, and keeps one whose lock is fresh, whatever its process id says', () => {
    const dir = root();
    const target = join(dir, 'run');
    // A live run whose process this one cannot see (another PID namespace or machine): a dead-looking
    // PID in its name, but a fresh lock.
    const live = join(dir, '.run.999999999-aaaa.partial');
    mkdirSync(live);
    mkdirSync(`${live}.lock`);
    const stale = join(dir, '.run.12-bbbb.partial');
    mkdirSync(stale);
    mkdirSync(`${stale}.lock`);
    ageLock(`${stale}.lock`);
    mkdirSync(join(dir, '.run.13-cccc.partial'));
    mkdirSync(join(dir, '.other.1-dddd.partial'));
    removeAbandonedStaging(target);
    expect(readdirSync(dir).sort()).toEqual(['.other.1-dddd.partial', '.run.999999999-aaaa.partial', '.run.999999999-aaaa.partial.lock']);
  });

  it('restores a previous output a killed run had set aside mid-commit, once its lock is stale', () => {
    const dir = root();
    const target = join(dir, 'run');
    const staging = join(dir, '.run.7-eeee.partial');
    mkdirSync(staging); // killed between the renames: the new output not yet moved in
    mkdirSync(`${staging}.previous`);
    writeFileSync(join(`${staging}.previous`, 'summary.json'), 'previous');
    mkdirSync(`${staging}.lock`);
    removeAbandonedStaging(target);
    expect(existsSync(target)).toBe(false);
    ageLock(`${staging}.lock`);
    removeAbandonedStaging(target);
    expect(readFileSync(join(target, 'summary.json'), 'utf8')).toBe('previous');
    expect(readdirSync(dir)).toEqual(['run']);
  });

  it('puts back the folder an --out link points to, which a killed run had set aside, rather than call the link dangling', () => {
    const dir = root();
    mkdirSync(join(dir, 'real'));
    symlinkSync(join(dir, 'real'), join(dir, 'link'));
    commitOutput(staged(join(dir, 'link'), 'previous'));
    // What a run killed between the two renames of its commit leaves.
    const staging = join(dir, '.real.9-abab.partial');
    mkdirSync(staging);
    renameSync(join(dir, 'real'), `${staging}.previous`);
    mkdirSync(`${staging}.lock`);
    ageLock(`${staging}.lock`);
    const result = prepareOutput(join(dir, 'link'));
    expect(result).toMatchObject({ success: true, warnings: [`put back ${join(dir, 'real')}, which a run killed while replacing it had set aside as ${staging}.previous`] });
    if (result.success) discardOutput(result.staging);
    expect(readFileSync(join(dir, 'real', 'summary.json'), 'utf8')).toBe('previous');
    expect(readdirSync(dir).sort()).toEqual(['link', 'real']);
  });

  it('removes a set-aside copy once another output stands in its place, and puts it back, saying so, whenever none does', () => {
    const dir = root();
    const target = join(dir, 'run');
    const staging = join(dir, '.run.8-ffff.partial');
    commitOutput(staged(target, 'newer'));
    mkdirSync(`${staging}.previous`);
    writeFileSync(join(`${staging}.previous`, 'summary.json'), 'older');
    writeMarker(`${staging}.previous`);
    expect(removeAbandonedStaging(target)).toEqual([`removed ${staging}.previous, an older output of ${target} that an earlier run had set aside: ${target} holds a newer output`]);
    expect(readdirSync(dir)).toEqual(['run']);
    // An empty folder made in its place (a script's mkdir -p) is no output: the copy is put back over it.
    rmSync(target, { recursive: true });
    mkdirSync(`${staging}.previous`);
    writeFileSync(join(`${staging}.previous`, 'summary.json'), 'older');
    mkdirSync(target);
    expect(removeAbandonedStaging(target)).toEqual([
      `put back ${target}, which a run killed while replacing it had set aside as ${staging}.previous (the empty folder made in its place since is gone)`,
    ]);
    expect(readFileSync(join(target, 'summary.json'), 'utf8')).toBe('older');
    // Its staging folder gone too (a commit that could neither move in nor back): still the user's only copy.
    rmSync(target, { recursive: true });
    mkdirSync(`${staging}.previous`);
    writeFileSync(join(`${staging}.previous`, 'summary.json'), 'older');
    expect(removeAbandonedStaging(target)).toEqual([`put back ${target}, which a run killed while replacing it had set aside as ${staging}.previous`]);
    expect(readFileSync(join(target, 'summary.json'), 'utf8')).toBe('older');
  });

  it('puts back, for any path a command names, the missing folder on the way to it that a killed run had set aside, and touches nothing that exists', () => {
    const dir = root();
    const target = join(dir, 'run');
    commitOutput(staged(target, 'first'));
    const setAside = join(dir, '.run.12-0c0c0c0c.partial.previous');
    renameSync(target, setAside);
    expect(putBackSetAside([join(target, 'manifest.json'), '3', join(dir, 'other'), join(dir, 'no', 'such', 'file.json')])).toEqual([
      `put back ${target}, which a run killed while replacing it had set aside as ${setAside}`,
    ]);
    expect(readFileSync(join(target, 'summary.json'), 'utf8')).toBe('first');
    // Only what is missing is looked at: an existing path's neighbours are left for the run that writes there.
    expect(putBackSetAside([target])).toEqual([]);
  });

  it('puts a set-aside output back at once when the run holding its lock is known to be gone, and waits for one elsewhere', () => {
    const dir = root();
    const target = join(dir, 'run');
    const killed = (name: string, holder: object) => {
      const staging = join(dir, `.run.${name}.partial`);
      mkdirSync(staging);
      mkdirSync(`${staging}.previous`);
      writeFileSync(join(`${staging}.previous`, 'summary.json'), name);
      writeMarker(`${staging}.previous`);
      mkdirSync(`${staging}.lock`); // fresh: the run was killed seconds ago
      writeFileSync(`${staging}.holder`, JSON.stringify(holder));
      return staging;
    };
    const here = {
      boot: readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim(),
      pidNamespace: spawnSync('readlink', ['/proc/self/ns/pid'], { encoding: 'utf8' }).stdout.trim(),
    };
    const started = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ')[19]!;
    // This very process: alive, so its lock holds.
    const live = killed('1-aaaa', { ...here, pid: process.pid, started });
    // On another machine, whose processes cannot be seen from here: its lock holds until stale.
    const elsewhere = killed('2-bbbb', { ...here, boot: 'another-machine', pid: 1, started: '1' });
    removeAbandonedStaging(target);
    expect(existsSync(target)).toBe(false);
    // This process's id, another start: the id was reused, its run is gone.
    const reused = killed('3-cccc', { ...here, pid: process.pid, started: `${started}0` });
    expect(removeAbandonedStaging(target)).toEqual([`put back ${target}, which a run killed while replacing it had set aside as ${reused}.previous`]);
    expect(readFileSync(join(target, 'summary.json'), 'utf8')).toBe('3-cccc');
    expect(readdirSync(dir).filter((f) => f.startsWith(`.run.3-cccc`))).toEqual([]);
    // A process that has ended: gone as well, its set-aside copy removed now that an output stands in its place.
    const ended = spawnSync('true').pid;
    killed('4-dddd', { ...here, pid: ended, started });
    removeAbandonedStaging(target);
    expect(readFileSync(join(target, 'summary.json'), 'utf8')).toBe('3-cccc');
    expect(readdirSync(dir).filter((f) => f.startsWith(`.run.4-dddd`))).toEqual([]);
    expect(existsSync(reused)).toBe(false);
    expect(readFileSync(join(`${live}.previous`, 'summary.json'), 'utf8')).toBe('1-aaaa');
    expect(readFileSync(join(`${elsewhere}.previous`, 'summary.json'), 'utf8')).toBe('2-bbbb');
  });

  it('holds its own staging folder’s lock while it runs, so another run leaves it alone, and releases it', () => {
    const dir = root();
    const target = join(dir, 'run');
    const staging = prepared(target);
    expect(existsSync(`${staging.path}.lock`)).toBe(true);
    removeAbandonedStaging(target);
    expect(existsSync(staging.path)).toBe(true);
    discardOutput(staging);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses to commit once its lock was lost, replacing nothing', () => {
    const dir = root();
    const target = join(dir, 'run');
    commitOutput(staged(target, 'first'));
    const staging = staged(target, 'second');
    const lost = { ...staging, lock: { lost: () => 'its lock folder was removed', release: () => staging.lock.release() } };
    expect(() => commitOutput(lost)).toThrow(/lock was lost \(its lock folder was removed\)/);
    expect(readFileSync(join(target, 'summary.json'), 'utf8')).toBe('first');
    discardOutput(staging);
  });

  it('a lock is held once at a time', () => {
    const dir = root();
    const lock = lockStaging(join(dir, '.run.1-ffff.partial'));
    expect(() => lockStaging(join(dir, '.run.1-ffff.partial'))).toThrow(/already being held/);
    lock.release();
  });
});

describe.skipIf(!canSetFileFlags)('an output that cannot be deleted', () => {
  it('is refused before the run, naming the file and what to do, and nothing changes', () => {
    const dir = root();
    const target = join(dir, 'run');
    commitOutput(staged(target, 'first'));
    setFlag(join(target, 'summary.json'), '+i');
    try {
      expect(refusal(target)).toBe(
        `${target} cannot be replaced: the new output replaces the whole folder, so the previous one must be deleted, but ${join(target, 'summary.json')} is immutable (lsattr shows the flag), operation not permitted (EPERM); clear the flag (chattr -R -i ${target}) or choose another --out folder`,
      );
      expect(readdirSync(dir)).toEqual(['run']);
      expect(readFileSync(join(target, 'summary.json'), 'utf8')).toBe('first');
    } finally {
      setFlag(join(target, 'summary.json'), '-i');
    }
  });

  it('is refused at the commit when it became so during the run, replacing nothing', () => {
    const dir = root();
    const target = join(dir, 'run');
    commitOutput(staged(target, 'first'));
    const staging = staged(target, 'second');
    setFlag(target, '+i');
    try {
      expect(() => commitOutput(staging)).toThrow(`${target} cannot be replaced: the new output replaces the whole folder`);
      expect(readFileSync(join(target, 'summary.json'), 'utf8')).toBe('first');
    } finally {
      setFlag(target, '-i');
      discardOutput(staging);
    }
  });

  it('that is append-only, the folder or a file in it, is refused before the run, naming it, and nothing changes', () => {
    const dir = root();
    const target = join(dir, 'run');
    commitOutput(staged(target, 'first'));
    for (const flagged of [target, join(target, 'summary.json')]) {
      setFlag(flagged, '+a');
      try {
        expect(refusal(target)).toBe(
          `${target} cannot be replaced: the new output replaces the whole folder, so the previous one must be deleted, but ${flagged} is append-only (lsattr shows the flag), operation not permitted (EPERM); clear the flag (chattr -R -a ${target}) or choose another --out folder`,
        );
      } finally {
        setFlag(flagged, '-a');
      }
      expect(readdirSync(dir)).toEqual(['run']);
      expect(readFileSync(join(target, 'summary.json'), 'utf8')).toBe('first');
    }
  });

  it('in an append-only folder, where nothing can be moved, is refused before the run, naming that folder', () => {
    const dir = root();
    const target = join(dir, 'run');
    for (const before of [false, true]) {
      if (before) commitOutput(staged(target, 'first'));
      setFlag(dir, '+a');
      try {
        expect(refusal(target)).toBe(
          `cannot write to ${target}: the outputs are made beside it and moved into place, but its folder ${dir} is append-only (lsattr -d shows the flag), operation not permitted (EPERM), so nothing in it can be moved; clear the flag (chattr -a ${dir}) or choose another --out folder`,
        );
      } finally {
        setFlag(dir, '-a');
      }
      expect(readdirSync(dir)).toEqual(before ? ['run'] : []);
    }
  });

  it('that may not be moved aside (made append-only during the run) is refused at the commit, replacing nothing', () => {
    const dir = root();
    const target = join(dir, 'run');
    commitOutput(staged(target, 'first'));
    const staging = staged(target, 'second');
    setFlag(target, '+a');
    try {
      expect(() => commitOutput(staging)).toThrow(`${target} cannot be replaced: it cannot be moved aside for the new output, operation not permitted (EPERM)`);
      expect(readFileSync(join(target, 'summary.json'), 'utf8')).toBe('first');
    } finally {
      setFlag(target, '-a');
      discardOutput(staging);
    }
    expect(readdirSync(dir)).toEqual(['run']);
  });

  it('once replaced, is a leftover it names, not a failure, and the next run removes it once it can', () => {
    const dir = root();
    const target = join(dir, 'run');
    commitOutput(staged(target, 'first'));
    // Made append-only during the run: met only when the file is deleted.
    const staging = staged(target, 'second');
    setFlag(join(target, 'summary.json'), '+a');
    const leftover = `${staging.path}.previous`;
    try {
      expect(commitOutput(staging)).toEqual({
        leftover: `${target} now holds the new output, but the previous one, set aside as ${leftover}, could not be removed: operation not permitted (EPERM) at ${join(leftover, 'summary.json')}; remove it yourself (the next run to this --out tries again)`,
      });
      expect(readFileSync(join(target, 'summary.json'), 'utf8')).toBe('second');
      expect(readdirSync(dir).sort()).toEqual([basename(leftover), 'run']);
      // The next run says so again, of the leftover, and goes on: the output folder is not to blame.
      const next = prepareOutput(target);
      expect(next).toMatchObject({ success: true, warnings: [expect.stringMatching(new RegExp(`^${escape(leftover)}, the output of ${escape(target)} that an earlier run set aside, could not be removed: operation not permitted \\(EPERM\\)`))] });
      if (next.success) discardOutput(next.staging);
    } finally {
      setFlag(join(leftover, 'summary.json'), '-a');
    }
    // Removed at last, and said: a set-aside output never goes silently.
    expect(removeAbandonedStaging(target)).toEqual([`removed ${leftover}, an older output of ${target} that an earlier run had set aside: ${target} holds a newer output`]);
    expect(readdirSync(dir)).toEqual(['run']);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('the destination, checked before anything runs', () => {
  it('refuses an empty --out, and the root of the file system', () => {
    expect(checkDestination('')).toEqual({ success: false, reason: '--out is empty: name the folder to write to, e.g. --out output/my-run' });
    expect(checkDestination('/')).toMatchObject({ success: false, reason: expect.stringContaining('the root of the file system') });
  });

  it('takes dir/. and dir/ for dir', () => {
    const dir = root();
    mkdirSync(join(dir, 'out'));
    expect(checkDestination(join(dir, 'out', '.'))).toEqual({ success: true, target: join(dir, 'out') });
    expect(checkDestination(`${join(dir, 'out')}/`)).toEqual({ success: true, target: join(dir, 'out') });
  });

  it('refuses a dangling symbolic link, naming where it points; follows one to a folder', () => {
    const dir = root();
    symlinkSync(join(dir, 'nowhere'), join(dir, 'dangling'));
    expect(checkDestination(join(dir, 'dangling'))).toEqual({
      success: false,
      reason: `--out ${join(dir, 'dangling')} is a symbolic link to ${join(dir, 'nowhere')}, which does not exist: create the folder it points to, or choose another --out`,
    });
    mkdirSync(join(dir, 'real'));
    symlinkSync(join(dir, 'real'), join(dir, 'link'));
    const staging = prepared(join(dir, 'link'));
    writeFileSync(join(staging.path, 'summary.json'), 'x');
    commitOutput(staging);
    expect(readFileSync(join(dir, 'real', 'summary.json'), 'utf8')).toBe('x');
    expect(readdirSync(dir).sort()).toEqual(['dangling', 'link', 'real']);
  });

  it('refuses a folder below a file', () => {
    const dir = root();
    writeFileSync(join(dir, 'file'), 'x');
    expect(checkDestination(join(dir, 'file', 'out'))).toEqual({ success: false, reason: `--out ${join(dir, 'file', 'out')} cannot be made: ${join(dir, 'file')} is a file, not a folder` });
  });

  it('refuses an --out that is an input, lies inside one, or holds one', () => {
    const dir = root();
    mkdirSync(join(dir, 'shard-0'));
    writeFileSync(join(dir, 'config.json'), '{}');
    expect(checkDestination(join(dir, 'shard-0'), [join(dir, 'shard-0')])).toMatchObject({ success: false, reason: expect.stringContaining('is one of the inputs') });
    expect(checkDestination(join(dir, 'shard-0', 'merged'), [join(dir, 'shard-0')])).toMatchObject({ success: false, reason: expect.stringContaining('is inside the input') });
    expect(checkDestination(dir, [join(dir, 'config.json')])).toMatchObject({ success: false, reason: expect.stringContaining(`holds the input ${join(dir, 'config.json')}`) });
    expect(checkDestination(join(dir, 'elsewhere'), [join(dir, 'config.json'), join(dir, 'shard-0')])).toMatchObject({ success: true });
  });
});

describe.skipIf(!canMountTmpfs)('mount points and read-only file systems', () => {
  it('refuses a mount point as --out, saying why and what to write instead', () => {
    withTmpfs('rw', (mountPoint) => {
      expect(checkDestination(mountPoint)).toEqual({
        success: false,
        reason: `--out ${mountPoint} is a mount point: outputs are moved into place by renaming a whole folder, which a mount point cannot be, so nothing could be written there; write into a folder inside it, e.g. --out ${mountPoint}/run`,
      });
      const inside = prepared(join(mountPoint, 'run'));
      commitOutput(inside);
      expect(readdirSync(join(mountPoint, 'run'))).toEqual([OUTPUT_MARKER]);
    });
  });

  it('reports a read-only file system as such, not as a missing file', () => {
    withTmpfs('ro', (mountPoint) => {
      expect(refusal(join(mountPoint, 'run'))).toBe(`cannot write to ${join(mountPoint, 'run')}: the file system is read-only (EROFS)`);
      expect(refusal(join(mountPoint, 'deeper', 'run'))).toBe(`cannot write to ${join(mountPoint, 'deeper', 'run')}: the file system is read-only (EROFS)`);
      expect(() => makeFolder(join(mountPoint, 'a', 'b'))).toThrow(/EROFS/);
    });
  });
});
