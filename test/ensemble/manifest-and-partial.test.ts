import { describe, expect, it } from 'vitest';
import { JobCollector } from '../../src/batch/collect.js';
import { planJob } from '../../src/batch/job.js';
import { buildManifest, isManifest, manifestJson, parseManifest, type Environment } from '../../src/batch/manifest.js';
import { checkPartials, type NamedPartial } from '../../src/batch/merge-check.js';
import { decodePartialMeta, decodePartialResults, encodePartial, holdsEvents } from '../../src/batch/partial.js';
import { digestOfBytes } from '../../src/io/file-digest.js';
import { shardTasks } from '../../src/batch/shard.js';
import { MetricRecorder } from '../../src/metrics/metric-table.js';
import { JOB_KINDS } from '../../src/jobs/registry.js';
import { baselineJson, scenarioOf } from '../support/scenario-fixtures.js';
import { kindOf, withKind, type Job } from '../support/job-kinds.js';

const scenario = scenarioOf({ ...baselineJson(), months: 4 });
const environment: Environment = { packageVersion: '0.1.0', node: 'v20.0.0', git: { revision: 'a'.repeat(40), dirty: false } };

describe('manifest', () => {
  it('records the job, seeds and versions, and gives the same job back', () => {
    const job: Job = { kind: 'compare', runs: 2, charts: true, scenarios: [scenario, { ...scenario, name: 'other', seed: 5 }], focus: { vendor: 'openai' } };
    const manifest = buildManifest(job, kindOf(job), 'npm run compare -- a.json b.json --runs 2', environment);
    expect(manifest.seeds).toEqual({ baseline: [1, 2], other: [5, 6] });
    const json = JSON.parse(manifestJson(manifest));
    expect(isManifest(json)).toBe(true);
    expect(isManifest(baselineJson())).toBe(false);
    const parsed = parseManifest(json, JOB_KINDS);
    expect(parsed).toMatchObject({ success: true, command: 'npm run compare -- a.json b.json --runs 2' });
    expect(parsed.success && parsed.job).toEqual(job);
  });

  it('keeps --ticks apart from the scenario, so a shorter run of a valid scenario reads back', () => {
    const job: Job = { kind: 'simulate', runs: 1, charts: true, ticks: 2, scenario };
    const parsed = parseManifest(JSON.parse(manifestJson(buildManifest(job, kindOf(job), 'x', environment))), JOB_KINDS);
    expect(parsed.success && parsed.job).toEqual(job);
  });

  it('refuses a manifest whose job was edited, naming the hash it records and the hash its job has', () => {
    const written = buildManifest(...withKind({ kind: 'simulate', runs: 1, charts: true, scenario }), 'x', environment);
    const manifest = JSON.parse(manifestJson(written));
    manifest.job.scenario.enterprises.adoptedAtStart = 0.5;
    const parsed = parseManifest(manifest, JOB_KINDS);
    expect(parsed.success).toBe(false);
    const problem = !parsed.success ? parsed.problems[0]! : '';
    expect(problem).toContain(`jobHash: the manifest records ${written.jobHash}, but its job hashes to sha256:`);
    expect(problem).toContain('the job was edited after the manifest was written');
    expect(problem.match(/sha256:[0-9a-f]{64}/g)).toHaveLength(2);
  });

  it('refuses a manifest whose seeds were edited, or whose jobHash is missing', () => {
    const manifest = JSON.parse(manifestJson(buildManifest(...withKind({ kind: 'simulate', runs: 2, charts: true, scenario }), 'x', environment)));
    manifest.seeds = [7, 8];
    expect(parseManifest(manifest, JOB_KINDS)).toEqual({ success: false, problems: [expect.stringMatching(/^seeds: the manifest lists \[7,8\], but its job runs \[1,2\]/)] });
    delete manifest.jobHash;
    expect(parseManifest(manifest, JOB_KINDS)).toMatchObject({ success: false, problems: [expect.stringContaining('jobHash')] });
  });

  it('refuses a manifest whose scenario is no longer valid, with the path', () => {
    const manifest = JSON.parse(manifestJson(buildManifest(...withKind({ kind: 'simulate', runs: 1, charts: true, scenario }), 'x', environment)));
    manifest.job.scenario.months = -1;
    const parsed = parseManifest(manifest, JOB_KINDS);
    expect(parsed.success).toBe(false);
    expect(!parsed.success && parsed.problems.join('\n')).toContain('job.scenario.months');
  });
});

function table(value: number) {
  const recorder = new MetricRecorder(2);
  for (let tick = 0; tick < 2; tick++) {
    recorder.beginTick(`2024-0${tick + 1}`);
    recorder.record('vendor.share', 'openai', value + tick);
    if (value > 1) recorder.record('vendor.margin', 'xai', Number.NaN);
  }
  return recorder;
}

describe('partial results', () => {
  const job: Job = { kind: 'simulate', runs: 5, charts: false, scenario };
  const plan = planJob(job, kindOf(job));

  function shardOf(index: number, count: number): NamedPartial & { bin: Buffer; json: string } {
    const tasks = shardTasks({ index, count }, plan.tasks);
    const collector = new JobCollector(plan, 'keep');
    for (let task = tasks.from; task < tasks.to; task++) collector.add(task, { kind: 'series', metrics: table(task) });
    const events = holdsEvents(kindOf(job), tasks) ? { events: digestOfBytes(Buffer.from('{}\n')) } : {};
    const encoded = encodePartial({ plan, shard: { index, count }, tasks, collector, command: 'c', environment, ...events });
    const meta = decodePartialMeta(encoded.json, JOB_KINDS);
    if (!meta.success) throw new Error(meta.message);
    return { dir: `shard-${index}`, meta: meta.meta, kind: meta.kind, bin: encoded.bin, json: encoded.json };
  }

  it('bind partial.bin and every field of partial.json to the job: an edit anywhere is refused by what it is', () => {
    const shard = shardOf(1, 2);
    const edited = (change: (meta: Record<string, any>) => void) => {
      const meta = JSON.parse(shard.json);
      change(meta);
      return decodePartialMeta(JSON.stringify(meta), JOB_KINDS);
    };
    expect(edited((m) => (m.job.scenario.enterprises.adoptedAtStart = 0.5))).toMatchObject({ success: false, message: expect.stringContaining('was edited after the shard wrote it') });
    expect(edited((m) => (m.tasks.to = 4))).toMatchObject({ success: false, message: expect.stringContaining('was edited after the shard wrote it') });
    expect(decodePartialMeta(shard.json.replace('"llm-market-sim partial 2"', '"llm-market-sim partial 1"'), JOB_KINDS)).toMatchObject({ success: false, message: expect.stringContaining('older version') });
    expect(decodePartialMeta('{"format": "llm-market-sim partial 2", // x\n}', JOB_KINDS)).toMatchObject({ success: false, message: expect.stringContaining('comments are not allowed') });
    // Numbers of another job or seed, or scaled by hand, do not match the recorded SHA-256.
    const scaled = Buffer.from(new Float64Array(new Float64Array(shard.bin.buffer.slice(shard.bin.byteOffset, shard.bin.byteOffset + shard.bin.byteLength)).map((v) => v * 1000)).buffer);
    expect(decodePartialResults(shard.meta, scaled)).toMatchObject({ success: false, message: expect.stringContaining('does not match partial.json') });
    expect(decodePartialResults(shard.meta, shardOf(0, 2).bin)).toMatchObject({ success: false, message: expect.stringContaining('does not match partial.json') });
  });

  it('refuse a partial.json whose job does not match its jobHash, even with its digest made again', async () => {
    const { createHash } = await import('node:crypto');
    const { canonicalJson } = await import('../../src/batch/canonical-json.js');
    const meta = JSON.parse(shardOf(1, 2).json);
    meta.job.scenario.enterprises.adoptedAtStart = 0.5;
    const { digest: _old, ...rest } = meta;
    meta.digest = `sha256:${createHash('sha256').update(canonicalJson(rest)).digest('hex')}`;
    expect(decodePartialMeta(JSON.stringify(meta), JOB_KINDS)).toMatchObject({ success: false, message: expect.stringMatching(/job does not match its jobHash \(it records sha256:[0-9a-f]{64}, its job hashes to sha256:[0-9a-f]{64}\)/) });
  });

  it('give back each run as it was, cells recorded without a value included', () => {
    const shard = shardOf(1, 2);
    const decoded = decodePartialResults(shard.meta, shard.bin);
    if (!decoded.success) throw new Error(decoded.message);
    const results = [...decoded.results];
    expect(results.map(([task]) => task)).toEqual([2, 3, 4]);
    const [, result] = results[1]!;
    if (result.kind !== 'series') throw new Error('series expected');
    expect([...result.metrics.series('vendor.share').get('openai')!]).toEqual([3, 4]);
    expect([...result.metrics.series('vendor.margin').keys()]).toEqual(['xai']);
    expect(decodePartialResults(shard.meta, shard.bin.subarray(8))).toMatchObject({ success: false });
  });

  it('merge only when they are the N shards of one job, each once', () => {
    const [a, b] = [shardOf(0, 2), shardOf(1, 2)];
    expect(checkPartials([b, a])).toMatchObject({ success: true, ordered: [a, b] });
    expect(checkPartials([a])).toMatchObject({ success: false, message: expect.stringContaining('missing shard 1/2 of 2') });
    expect(checkPartials([a, a, b])).toMatchObject({ success: false, message: expect.stringContaining('given twice') });
    const stranger = { ...b, dir: 'stranger', meta: { ...b.meta, jobHash: 'sha256:other' } };
    expect(checkPartials([a, stranger])).toMatchObject({ success: false, message: expect.stringContaining('another job') });
    const otherCode = { ...b, meta: { ...b.meta, environment: { ...environment, git: { revision: 'b'.repeat(40), dirty: false } } } };
    expect(checkPartials([a, otherCode])).toMatchObject({ success: false, message: expect.stringContaining('same code') });
  });
});
