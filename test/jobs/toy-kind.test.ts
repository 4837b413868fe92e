import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { planJob } from '../../src/batch/job.js';
import type { Environment } from '../../src/batch/manifest.js';
import { loadInput } from '../../src/cli/command.js';
import { executeJob } from '../../src/cli/execute-job.js';
import { mergeShards } from '../../src/cli/merge-shards.js';
import type { Scenario } from '../../src/config/parse-scenario.js';
import type { Job, JobKind, JobKinds } from '../../src/jobs/job-kind.js';
import { JOB_KINDS } from '../../src/jobs/registry.js';
import { filesOf } from '../e2e/tiny-configs.js';
import { baselineJson, scenarioOf } from '../support/scenario-fixtures.js';

/**
 * A kind the registry does not know, declared here whole, run through the machinery every shipped
 * kind uses: the worker pool, shards and merge, the manifest and its re-run. Nothing outside its
 * declaration knows it exists, which is what adding a kind should take (docs/architecture.md walks
 * through it).
 */

/** "payback": the scenario at a short and a long payback, each with the same seeds; a run keeps its KPIs. */
interface PaybackJob extends Job {
  readonly kind: 'payback';
  readonly scenario: Scenario;
  readonly months: readonly number[];
}

const PAYBACK = 'enterprises.policies.switching.params.paybackMonths';
const SWITCHES = 'total:market.switches:market';

const paybackKind: JobKind<PaybackJob> = {
  name: 'payback',
  // Its command line is not under test: a job is built below as the command would.
  command: () => ({ exit: 2 }),
  design: (job) => ({
    count: job.months.length,
    at: (i) => ({ label: `payback ${job.months[i]} months`, base: job.scenario, settings: [{ path: PAYBACK, value: job.months[i]! }] }),
  }),
  scenarios: (job) => [job.scenario],
  reduction: 'kpis',
  eventsOfFirstRun: false,
  seedsPerVariant: false,
  defaultOutDir: (job) => join('output', `payback-${job.scenario.name}`),
  recorded: { scenario: z.unknown(), months: z.array(z.number().int().min(1)).min(1) },
  readRecorded: (raw, scenario) => ({ ...raw, scenario: scenario(raw.scenario, 'job.scenario') }),
  ownFields: (job) => ({ scenario: job.scenario, months: [...job.months] }),
  write: async (ctx, job) => {
    const rows = job.months.map((months, i) => `${months},${ctx.collector.stats(i).get(SWITCHES)!.mean}`);
    writeFileSync(join(ctx.staging, 'payback.csv'), `payback_months,switches_mean\n${rows.join('\n')}\n`);
    return [`Wrote payback.csv and manifest.json to ${ctx.outDir}/`];
  },
};

/** The shipped kinds and the toy, as a program that registered it would have them. */
const KINDS: JobKinds = new Map([...JOB_KINDS, [paybackKind.name, paybackKind as unknown as JobKind]]);

const environment: Environment = { packageVersion: '0.1.0', node: 'v20.0.0', git: { revision: 'b'.repeat(40), dirty: false } };

function tinyScenario(): Scenario {
  const json = baselineJson() as Record<string, any>;
  json.enterprises.count = 300;
  return { ...scenarioOf(json), name: 'tiny' };
}

describe('a job kind declared in one place (a toy kind outside the registry)', () => {
  const root = mkdtempSync(join(tmpdir(), 'llm-sim-toy-kind-'));
  const job: PaybackJob = { kind: 'payback', runs: 3, charts: false, ticks: 4, scenario: tinyScenario(), months: [3, 24] };
  const run = (outDir: string, shard?: { index: number; count: number }, recorded: Job = job) =>
    executeJob({
      kind: paybackKind as unknown as JobKind,
      job: recorded,
      command: 'npm run payback -- tiny.json --runs 3 --ticks 4',
      outDir,
      inputs: [],
      workers: 2,
      ...(shard ? { shard } : {}),
      quiet: true,
      environment,
    });

  it('plans its own design: each variant runs the same seeds', () => {
    const plan = planJob(job, paybackKind);
    expect(plan.tasks).toBe(6);
    expect(plan.task(4)).toEqual({ index: 4, variant: 1, run: 1, seed: job.scenario.seed + 1 });
    expect(plan.variant(1)).toMatchObject({ label: 'payback 24 months', settings: [{ path: PAYBACK, value: 24 }], ticks: 4 });
  });

  it('runs on the worker pool, writes its own file and a manifest recording the job', async () => {
    expect(await run(join(root, 'whole'))).toBe(0);
    const [header, short, long] = readFileSync(join(root, 'whole', 'payback.csv'), 'utf8').trimEnd().split('\n');
    expect(header).toBe('payback_months,switches_mean');
    expect(short!.startsWith('3,')).toBe(true);
    expect(long!.startsWith('24,')).toBe(true);
    const manifest = JSON.parse(readFileSync(join(root, 'whole', 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ rerun: 'npm run payback -- path/to/manifest.json', seeds: [1, 2, 3], job: { kind: 'payback', runs: 3, ticks: 4, months: [3, 24] } });
  });

  it('runs in shards that merge into exactly the files of the job run whole', async () => {
    expect(await run(join(root, 'shard-0'), { index: 0, count: 2 })).toBe(0);
    expect(await run(join(root, 'shard-1'), { index: 1, count: 2 })).toBe(0);
    const merged = join(root, 'merged');
    expect(await mergeShards({ dirs: [join(root, 'shard-1'), join(root, 'shard-0')], out: merged, quiet: true }, KINDS)).toBe(0);
    const [whole, fromShards] = [filesOf(join(root, 'whole')), filesOf(merged)];
    expect([...fromShards.keys()]).toEqual([...whole.keys()]);
    for (const [file, bytes] of whole) expect(fromShards.get(file)!.equals(bytes), file).toBe(true);
  });

  it('runs again from its manifest, giving the same files', async () => {
    const loaded = loadInput(join(root, 'whole', 'manifest.json'), KINDS);
    if (!loaded.success) throw new Error(loaded.message);
    expect(loaded.input.kind).toBe('manifest');
    const recorded = loaded.input.kind === 'manifest' ? loaded.input.job : job;
    expect(recorded).toEqual(job);
    expect(await run(join(root, 'again'), undefined, recorded)).toBe(0);
    expect(readFileSync(join(root, 'again', 'payback.csv'), 'utf8')).toBe(readFileSync(join(root, 'whole', 'payback.csv'), 'utf8'));
  });

  it('is unknown to the shipped registry: a manifest of it is refused there, naming the kinds there are', () => {
    const loaded = loadInput(join(root, 'whole', 'manifest.json'), JOB_KINDS);
    expect(loaded.success).toBe(false);
    expect(!loaded.success && loaded.message).toContain("job.kind: Invalid discriminator value. Expected 'simulate' | 'compare' | 'sweep' | 'sensitivity' | 'sobol' | 'morris' | 'discover'");
  });
});
