import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { Environment } from '../../src/batch/manifest.js';
import { loadInput } from '../../src/cli/command.js';
import { executeJob } from '../../src/cli/execute-job.js';
import { mergeShards } from '../../src/cli/merge-shards.js';
import type { CommandContext, CommandRequest, Job, JobKind } from '../../src/jobs/job-kind.js';
import { JOB_KINDS } from '../../src/jobs/registry.js';
import { differingFiles, filesOf } from '../e2e/tiny-configs.js';

/**
 * What the whole-job tests of the analysis kinds share (test/jobs/<kind>/<kind>-job.test.ts): a
 * command line read into a job, the job run through the pool into a folder, and the three checks
 * every kind must pass: one worker gives the bytes of two, shards merged give the files of the job
 * run whole, and its manifest runs again to the same bytes.
 */

const ENVIRONMENT: Environment = { packageVersion: '0.1.0', node: 'v20.0.0', git: { revision: 'c'.repeat(40), dirty: false } };

export interface BuiltJob {
  readonly job: Job;
  readonly command: string;
}

/** A kind's command line read as the command reads it; the test fails when it builds no job. */
export function buildJob(command: (argv: readonly string[], context: CommandContext) => CommandRequest, argv: readonly string[]): BuiltJob {
  const built = command(argv, { loadInput: (file) => loadInput(file, JOB_KINDS) });
  if (!('job' in built)) throw new Error(`the command built no job (exit ${built.exit})`);
  return { job: built.job, command: built.command };
}

export interface RunOptions {
  readonly workers?: number;
  readonly shard?: { index: number; count: number };
  readonly job?: BuiltJob;
}

/** Runs `whole` (or `options.job`) of kind `kindName` into `dir/outDir`, quietly; its exit code. */
export function jobRunner(kindName: string, dir: string, whole: BuiltJob): (outDir: string, options?: RunOptions) => Promise<number> {
  const kind = JOB_KINDS.get(kindName);
  if (kind === undefined) throw new Error(`no kind ${kindName}`);
  return (outDir, options = {}) =>
    executeJob({
      kind: kind as JobKind,
      job: (options.job ?? whole).job,
      command: (options.job ?? whole).command,
      outDir: join(dir, outDir),
      inputs: [],
      workers: options.workers ?? 2,
      ...(options.shard ? { shard: options.shard } : {}),
      quiet: true,
      environment: ENVIRONMENT,
    });
}

/**
 * The three checks, as `it`s, against `dir/whole` (run first if no earlier test made it): one
 * worker, two shards merged in the wrong order, the manifest read back (the job it records equal
 * to the one built) and run again.
 */
export function itRunsAsOneJob(dir: string, whole: BuiltJob, run: (outDir: string, options?: RunOptions) => Promise<number>): void {
  const wholeDir = join(dir, 'whole');
  const ensureWhole = async () => {
    if (!existsSync(wholeDir)) expect(await run('whole')).toBe(0);
  };

  it('gives the same bytes on one worker as on two', async () => {
    await ensureWhole();
    expect(await run('one-worker', { workers: 1 })).toBe(0);
    expect(differingFiles(wholeDir, join(dir, 'one-worker'))).toEqual([]);
  });

  it('runs in shards that merge into exactly the files of the job run whole', async () => {
    await ensureWhole();
    expect(await run('shard-0', { shard: { index: 0, count: 2 } })).toBe(0);
    expect(await run('shard-1', { shard: { index: 1, count: 2 } })).toBe(0);
    const merged = join(dir, 'merged');
    expect(await mergeShards({ dirs: ['shard-1', 'shard-0'].map((d) => join(dir, d)), out: merged, quiet: true }, JOB_KINDS)).toBe(0);
    expect([...filesOf(merged).keys()]).toEqual([...filesOf(wholeDir).keys()]);
    expect(differingFiles(wholeDir, merged)).toEqual([]);
  });

  it('runs again from its manifest to the same bytes', async () => {
    await ensureWhole();
    const loaded = loadInput(join(wholeDir, 'manifest.json'), JOB_KINDS);
    if (!loaded.success) throw new Error(loaded.message);
    if (loaded.input.kind !== 'manifest') throw new Error('manifest.json was not read as a manifest');
    expect(loaded.input.job).toEqual(whole.job);
    expect(await run('again', { job: { job: loaded.input.job, command: loaded.input.command } })).toBe(0);
    expect(differingFiles(wholeDir, join(dir, 'again'))).toEqual([]);
  });
}
