import { cpSync, existsSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../support/run-cli.js';
import { canMountTmpfs, withTmpfs } from '../support/tmpfs.js';
import { tinyConfigs } from './tiny-configs.js';

/**
 * Hostile shard folders and manifests: every file merge reads is bound to the job (sizes and
 * SHA-256 in partial.json, a digest of partial.json itself, each shard's job against its hash),
 * and a manifest's job against its jobHash. Each case is exit 2 naming the folder or file and what
 * is wrong, before anything is written.
 */

const noStackTrace = (run: CliRun) => expect(run.stderr).not.toMatch(/\n\s+at |node:internal|ENOENT/);

describe('hostile shards and manifests', () => {
  const { dir, baseline } = tinyConfigs('hostile-shards');
  const at = (name: string) => join(dir, name);
  const shard = (i: number, name: string, ...extra: string[]) =>
    expect(runCli('simulate.ts', [baseline, '--runs', '3', '--no-charts', '--quiet', '--shard', `${i}/2`, '--out', at(name), ...extra]).status).toBe(0);
  /** A copy of a good shard folder, changed by `change`. */
  const spoilt = (name: string, from: string, change: (folder: string) => void) => {
    cpSync(at(from), at(name), { recursive: true });
    change(at(name));
    return at(name);
  };
  const merge = (...args: string[]) => runCli('merge.ts', [...args, '--quiet']);

  beforeAll(() => {
    shard(0, 'a0');
    shard(1, 'a1');
    shard(1, 'b1', '--seed', '9');
  });

  // partial.bin with its numbers edited (× 1000) is the same class: test/ensemble/manifest-and-partial.test.ts.
  it('refuses a partial.bin from another job (another seed), naming the shard and the file', () => {
    // Another seed's numbers, fitted to this shard's size: seeds can record different series (a
    // contract one signs and another does not), and a file of the wrong size is refused first, as cut short.
    const foreign = spoilt('foreign-bin', 'a1', (f) => {
      const size = readFileSync(join(f, 'partial.bin')).length;
      const theirs = readFileSync(join(at('b1'), 'partial.bin'));
      const fitted = Buffer.alloc(size);
      theirs.copy(fitted, 0, 0, Math.min(size, theirs.length));
      writeFileSync(join(f, 'partial.bin'), fitted);
    });
    const run = merge(at('a0'), foreign, '--out', at('m'));
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      `error: ${foreign}/partial.bin does not match the SHA-256 recorded for it: it was changed, or comes from another shard or job; copy the shard folder again from where it ran, or run the shard again\n`,
    );
    expect(existsSync(at('m'))).toBe(false);
  });

  it('refuses an edit to the job in any shard’s partial.json, not only the first', () => {
    const edited = spoilt('edited-json', 'a1', (f) => {
      const meta = JSON.parse(readFileSync(join(f, 'partial.json'), 'utf8'));
      meta.job.scenario.enterprises.adoptedAtStart = 0.5;
      writeFileSync(join(f, 'partial.json'), JSON.stringify(meta));
    });
    const run = merge(at('a0'), edited, '--out', at('m'));
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`error: ${edited}: partial.json was edited after the shard wrote it: its digest does not match its contents; copy the shard folder again from where it ran, or run the shard again\n`);
  });

  it('refuses an empty or truncated partial.bin, and a shard missing its events.jsonl, saying what is missing', () => {
    const empty = spoilt('empty-bin', 'a1', (f) => writeFileSync(join(f, 'partial.bin'), ''));
    const truncated = spoilt('truncated-bin', 'a1', (f) => truncateSync(join(f, 'partial.bin'), 100));
    const noEvents = spoilt('no-events', 'a0', (f) => rmSync(join(f, 'events.jsonl')));
    const noBin = spoilt('no-bin', 'a1', (f) => rmSync(join(f, 'partial.bin')));
    const runs = {
      empty: merge(at('a0'), empty, '--out', at('m')),
      truncated: merge(at('a0'), truncated, '--out', at('m')),
      noEvents: merge(noEvents, at('a1'), '--out', at('m')),
      noBin: merge(at('a0'), noBin, '--out', at('m')),
    };
    for (const run of Object.values(runs)) {
      expect(run.status).toBe(2);
      noStackTrace(run);
    }
    expect(runs.empty.stderr).toMatch(new RegExp(`^error: ${empty}/partial\\.bin is empty \\(0 bytes\\), where [\\d,]+ bytes are recorded: the shard did not finish writing it, or it was cut short when copied`));
    expect(runs.truncated.stderr).toMatch(new RegExp(`^error: ${truncated}/partial\\.bin is truncated: 100 of the [\\d,]+ bytes recorded`));
    expect(runs.noBin.stderr).toBe(`error: ${noBin} holds no partial.bin: the shard did not finish, or the folder was copied in part\n`);
    expect(runs.noEvents.stderr).toBe(
      `error: ${noEvents} holds no events.jsonl: this shard ran the job's first run, whose events the merged output gives; copy it from where the shard ran, or run the shard again\n`,
    );
  });

  it('refuses an --out that is a shard folder or lies inside one, leaving the shards as they were (one holding them: hostile-outputs)', () => {
    const before = readFileSync(join(at('a0'), 'partial.bin'));
    const cases: [string, string][] = [
      [at('a0'), `error: the output folder ${at('a0')} is one of the inputs (${at('a0')}): writing the outputs would replace it; choose another folder with --out\n`],
      [join(at('a0'), 'merged'), `error: the output folder ${join(at('a0'), 'merged')} is inside the input ${at('a0')}: writing the outputs would change an input; choose a folder outside it with --out\n`],
    ];
    for (const [out, message] of cases) {
      const run = merge(at('a0'), at('a1'), '--out', out);
      expect(run.status, out).toBe(2);
      expect(run.stderr, out).toBe(message);
    }
    expect(readFileSync(join(at('a0'), 'partial.bin')).equals(before)).toBe(true);
    expect(merge(at('a0'), at('a1'), '--out', at('merged')).status).toBe(0);
  });

  it('refuses a manifest whose job was edited, naming the hash it records and the hash found; validate checks a manifest as one', () => {
    const manifest = JSON.parse(readFileSync(join(at('a0'), 'manifest.json'), 'utf8'));
    manifest.job.scenario.enterprises.adoptedAtStart = 0.5;
    const edited = at('edited-manifest.json');
    writeFileSync(edited, JSON.stringify(manifest, null, 2));
    const run = runCli('simulate.ts', [edited, '--out', at('rerun')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(
      new RegExp(`^error: ${edited} is not a valid manifest \\(1 problem\\):\\n {2}jobHash: the manifest records ${manifest.jobHash}, but its job hashes to sha256:[0-9a-f]{64}: the job was edited after the manifest was written`),
    );
    expect(existsSync(at('rerun'))).toBe(false);
    const validate = runCli('validate.ts', [join(at('a0'), 'manifest.json'), edited, join(at('a0'), 'partial.json')]);
    expect(validate.status).toBe(2);
    expect(validate.stdout).toBe(`ok ${join(at('a0'), 'manifest.json')} (a manifest of a simulate job: npm run simulate -- ${join(at('a0'), 'manifest.json')} runs it again)\n`);
    expect(validate.stderr).toContain(`${edited} is not a valid manifest (1 problem):\n  jobHash: the manifest records ${manifest.jobHash}`);
    expect(validate.stderr).toContain(`${join(at('a0'), 'partial.json')} is a shard's partial.json, not a scenario`);
  });

  // A disk too small for the outputs (a 64 KiB tmpfs): the shards sit on another disk, with space.
  it.skipIf(!canMountTmpfs)('blames a full disk on the file it writes on that disk, never on a shard’s file it reads', () => {
    withTmpfs(
      'rw',
      (mountPoint) => {
        const out = join(mountPoint, 'merged');
        const written = (noun: string) => new RegExp(`^error: the ${noun} failed and nothing was written to ${out}: no space left on the device \\(ENOSPC\\) writing ${mountPoint}/\\.merged\\.[\\w-]+\\.partial/[\\w.]+\\n$`);
        const merged = merge(at('a0'), at('a1'), '--out', out);
        expect(merged.status).toBe(1);
        expect(merged.stderr).toMatch(written('merge'));
        expect(merged.stderr).not.toContain(at('a0'));
        // A run writing its own files: Node names no file for a failed write(2); the message does.
        for (const runs of ['1', '2']) {
          const run = runCli('simulate.ts', [baseline, '--runs', runs, '--no-charts', '--quiet', '--out', out]);
          expect(run.status).toBe(1);
          expect(run.stderr).toMatch(written(runs === '1' ? 'run' : 'job'));
        }
        expect(readdirSync(mountPoint)).toEqual([]);
      },
      '64k',
    );
  }, 120_000);
});
