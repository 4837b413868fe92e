import { createHash } from 'node:crypto';
import { z } from 'zod';
import { MAX_JSON_DEPTH } from '../config/limits.js';
import { digestOfBytes, type FileDigest } from '../io/file-digest.js';
import { parseJsonText } from '../io/json-text.js';
import type { MetricTable } from '../metrics/metric-table.js';
import { canonicalJson } from './canonical-json.js';
import type { Job, JobKind, JobKinds, JobPlan } from '../jobs/job-kind.js';
import type { JobCollector, TaskResult } from './collect.js';
import { jobHash } from './job.js';
import { parseRecordedJob, type Environment } from './manifest.js';
import type { Shard } from './shard.js';
import { issueInWords } from '../config/issue-words.js';

/**
 * A shard's partial result: partial.json describes the slice and the layout of partial.bin, which
 * holds its runs' numbers as little-endian float64, unreduced, so that merging the slices computes
 * exactly what one machine would have. Time series per run (ensembles, comparisons) or KPIs per
 * run (sweeps, sensitivity).
 *
 * Everything a merge reads is bound to the job: partial.json records the size and SHA-256 of
 * partial.bin (and of events.jsonl in the shard that ran a simulate job's first run), the hash of
 * its job, and a digest of all of itself; merge checks each shard's, so a partial.bin of another
 * job or seed, numbers edited, a job edited in any shard or a file cut short is refused by name.
 */

export const PARTIAL_FORMAT = 'llm-market-sim partial 2';
/** Partial results of format 1 recorded no digests: they cannot be checked, so they are not merged. */
const OLDER_FORMATS = ['llm-market-sim partial 1'];
export const PARTIAL_JSON = 'partial.json';
export const PARTIAL_BIN = 'partial.bin';
export const EVENTS_FILE = 'events.jsonl';
/** partial.json of a job of 1,000,000 runs is about 10 MB; anything far bigger is not one. */
export const MAX_PARTIAL_JSON_BYTES = 512 * 2 ** 20;

export interface PartialMeta {
  readonly format: typeof PARTIAL_FORMAT;
  readonly jobHash: string;
  readonly shard: Shard;
  /** The tasks this shard ran, [from, to). */
  readonly tasks: { readonly from: number; readonly to: number };
  readonly command: string;
  readonly environment: Environment;
  readonly job: Job;
  readonly layout: SeriesLayout | KpiLayout;
  /** partial.bin's size and SHA-256. */
  readonly bin: FileDigest;
  /** events.jsonl's, in the shard that ran a simulate job's first run; absent elsewhere. */
  readonly events?: FileDigest;
  /** SHA-256 of the canonical JSON of every other field: an edit anywhere in partial.json shows. */
  readonly digest: string;
}

/** Whether a shard of a job of this kind holds events.jsonl: the one that ran the first run of a kind that logs it. */
export function holdsEvents(kind: JobKind, tasks: { from: number; to: number }): boolean {
  return kind.eventsOfFirstRun && tasks.from === 0 && tasks.to > 0;
}

function digestOfMeta(meta: Omit<PartialMeta, 'digest'>): string {
  const { digest: _ignored, ...rest } = meta as PartialMeta;
  return `sha256:${createHash('sha256').update(canonicalJson(rest)).digest('hex')}`;
}

interface SeriesLayout {
  readonly kind: 'series';
  /** Distinct date lists; a run names its own by index. */
  readonly dateLists: readonly (readonly string[])[];
  readonly cells: readonly (readonly [metric: string, entity: string])[];
  /** Per task, in task order: its dates and the cells it recorded, in its recording order. */
  readonly runs: readonly { readonly task: number; readonly dates: number; readonly cells: readonly number[] }[];
}

interface KpiLayout {
  readonly kind: 'kpis';
  readonly keys: readonly string[];
  /** One row of keys.length values per task, in task order. */
  readonly tasks: readonly number[];
}

export interface EncodedPartial {
  readonly json: string;
  readonly bin: Buffer;
}

export function encodePartial(options: {
  plan: JobPlan;
  shard: Shard;
  tasks: { from: number; to: number };
  collector: JobCollector;
  command: string;
  environment: Environment;
  /** events.jsonl as the shard wrote it, when it holds the job's first run. */
  events?: FileDigest;
}): EncodedPartial {
  const { plan, shard, tasks, collector } = options;
  const taskList = Array.from({ length: tasks.to - tasks.from }, (_, i) => tasks.from + i);
  let layout: SeriesLayout | KpiLayout;
  let numbers: Float64Array;
  if (plan.reduction === 'series') {
    const dateLists: string[][] = [];
    const cells: [string, string][] = [];
    const cellIndex = new Map<string, number>();
    const runs: { task: number; dates: number; cells: number[] }[] = [];
    const chunks: Float64Array[] = [];
    for (const task of taskList) {
      const table = collector.table(task);
      if (!table) throw new Error(`task ${task} has no result`);
      let dates = dateLists.findIndex((list) => list.length === table.dates.length && list.every((d, i) => d === table.dates[i]));
      if (dates < 0) dates = dateLists.push([...table.dates]) - 1;
      const runCells: number[] = [];
      for (const metric of table.metricNames()) {
        for (const [entity, values] of table.series(metric)) {
          const key = `${metric}\u0000${entity}`;
          let index = cellIndex.get(key);
          if (index === undefined) {
            index = cells.push([metric, entity]) - 1;
            cellIndex.set(key, index);
          }
          runCells.push(index);
          chunks.push(values.subarray(0, table.dates.length));
        }
      }
      runs.push({ task, dates, cells: runCells });
    }
    layout = { kind: 'series', dateLists, cells, runs };
    numbers = concat(chunks);
  } else {
    layout = { kind: 'kpis', keys: [...collector.keptKpis.keys], tasks: taskList };
    numbers = collector.keptKpis.packed(taskList);
  }
  const bin = Buffer.from(numbers.buffer, numbers.byteOffset, numbers.byteLength);
  const unsealed: Omit<PartialMeta, 'digest'> = {
    format: PARTIAL_FORMAT,
    jobHash: jobHash(plan.job),
    shard,
    tasks,
    command: options.command,
    environment: options.environment,
    job: plan.job,
    layout,
    bin: digestOfBytes(bin),
    ...(options.events ? { events: options.events } : {}),
  };
  const meta: PartialMeta = { ...unsealed, digest: digestOfMeta(unsealed) };
  return { json: `${JSON.stringify(meta)}\n`, bin };
}

function concat(chunks: readonly Float64Array[]): Float64Array {
  const all = new Float64Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.length;
  }
  return all;
}

const digestShape = z.object({ bytes: z.number().int().min(0), sha256: z.string().regex(/^sha256:[0-9a-f]{64}$/) }).strict();

const metaShape = z
  .object({
    format: z.literal(PARTIAL_FORMAT),
    jobHash: z.string(),
    bin: digestShape,
    events: digestShape.optional(),
    digest: z.string(),
    shard: z.object({ index: z.number().int().min(0), count: z.number().int().min(1) }),
    tasks: z.object({ from: z.number().int().min(0), to: z.number().int().min(0) }),
    command: z.string(),
    environment: z.object({
      packageVersion: z.string(),
      node: z.string(),
      git: z.object({ revision: z.string(), dirty: z.boolean() }).nullable(),
    }),
    job: z.unknown(),
    layout: z.unknown(),
  })
  .passthrough();

export type DecodedMeta = { success: true; meta: PartialMeta; kind: JobKind } | { success: false; message: string };

/**
 * Reads partial.json back and checks it holds together: its digest over every field, its job
 * (validated as a manifest's would be) against its jobHash, its layout against its tasks.
 */
export function decodePartialMeta(json: string, kinds: JobKinds): DecodedMeta {
  const parsed = parseJsonText(json, MAX_JSON_DEPTH);
  if (!parsed.success) return { success: false, message: `${PARTIAL_JSON} is not valid JSON: ${parsed.message}` };
  const raw = parsed.json as { format?: unknown } | null;
  if (typeof raw?.format === 'string' && OLDER_FORMATS.includes(raw.format)) {
    return { success: false, message: `${PARTIAL_JSON} was made by an older version of llm-market-sim (${raw.format}), which recorded no digests to check it by: run the shard again` };
  }
  const shape = metaShape.safeParse(raw);
  if (!shape.success) {
    const issue = shape.error.issues[0];
    return { success: false, message: `${PARTIAL_JSON} is not a partial result of llm-market-sim (${issue?.path.join('.') || 'top level'}: ${issue === undefined ? '' : issueInWords(issue)})` };
  }
  const meta = shape.data as unknown as PartialMeta;
  if (digestOfMeta(raw as unknown as PartialMeta) !== meta.digest) {
    return { success: false, message: `${PARTIAL_JSON} was edited after the shard wrote it: its digest does not match its contents; copy the shard folder again from where it ran, or run the shard again` };
  }
  const job = parseRecordedJob(shape.data.job, shape.data.command, kinds);
  if (!job.success) return { success: false, message: `${PARTIAL_JSON} holds an invalid job: ${job.problems.join('; ')}` };
  const normalised = job.job;
  const found = jobHash(normalised);
  if (found !== meta.jobHash) return { success: false, message: `${PARTIAL_JSON}'s job does not match its jobHash (it records ${meta.jobHash}, its job hashes to ${found}): the job was edited` };
  const layoutProblem = checkLayout(meta);
  if (layoutProblem !== undefined) return { success: false, message: `${PARTIAL_JSON}: ${layoutProblem}` };
  if ((meta.events !== undefined) !== holdsEvents(job.kind, meta.tasks)) {
    return { success: false, message: `${PARTIAL_JSON} ${meta.events ? 'records an events.jsonl this shard cannot hold' : "records no events.jsonl, though this shard ran the job's first run"}` };
  }
  return { success: true, meta: { ...meta, job: normalised }, kind: job.kind };
}

/** The layout describes exactly the shard's tasks, in order, and every index it uses exists. */
function checkLayout(meta: PartialMeta): string | undefined {
  const { from, to } = meta.tasks;
  if (from > to) return `its tasks run from ${from} to ${to}`;
  const layout = meta.layout as SeriesLayout | KpiLayout | null;
  const expected = Array.from({ length: to - from }, (_, i) => from + i);
  const same = (tasks: readonly unknown[]) => tasks.length === expected.length && tasks.every((t, i) => t === expected[i]);
  if (layout?.kind === 'kpis') {
    if (!Array.isArray(layout.keys) || !Array.isArray(layout.tasks) || !same(layout.tasks)) return `its layout does not list the tasks ${from}–${to - 1} it ran`;
    return undefined;
  }
  if (layout?.kind === 'series') {
    if (!Array.isArray(layout.runs) || !Array.isArray(layout.cells) || !Array.isArray(layout.dateLists)) return 'its layout is not one of series';
    if (!same(layout.runs.map((run) => run?.task))) return `its layout does not list the tasks ${from}–${to - 1} it ran`;
    const badRun = layout.runs.find((run) => layout.dateLists[run.dates] === undefined || !Array.isArray(run.cells) || run.cells.some((cell: number) => layout.cells[cell] === undefined));
    if (badRun) return `its layout of task ${badRun.task} names dates or cells it does not list`;
    return undefined;
  }
  return 'its layout is neither of series nor of KPIs';
}

export type DecodedResults = { success: true; results: Iterable<[task: number, result: TaskResult]> } | { success: false; message: string };

/** The runs of partial.bin, as partial.json lays them out. */
export function decodePartialResults(meta: PartialMeta, bin: Buffer): DecodedResults {
  const found = digestOfBytes(bin);
  if (found.bytes !== meta.bin.bytes || found.sha256 !== meta.bin.sha256) {
    return { success: false, message: `${PARTIAL_BIN} does not match ${PARTIAL_JSON} (${found.bytes.toLocaleString('en-US')} bytes with another SHA-256 than the ${meta.bin.bytes.toLocaleString('en-US')} recorded): it changed, or comes from another shard or job` };
  }
  if (bin.byteLength % 8 !== 0) return { success: false, message: `${PARTIAL_BIN} is truncated` };
  const numbers = new Float64Array(bin.byteLength / 8);
  new Uint8Array(numbers.buffer).set(bin);
  const layout = meta.layout;
  const expected =
    layout.kind === 'series'
      ? layout.runs.reduce((n, run) => n + run.cells.length * layout.dateLists[run.dates]!.length, 0)
      : layout.tasks.length * layout.keys.length;
  if (expected !== numbers.length) return { success: false, message: `${PARTIAL_BIN} holds ${numbers.length} numbers, ${PARTIAL_JSON} describes ${expected}` };
  return { success: true, results: layout.kind === 'series' ? seriesResults(layout, numbers) : kpiResults(layout, numbers) };
}

function* seriesResults(layout: SeriesLayout, numbers: Float64Array): Iterable<[number, TaskResult]> {
  let offset = 0;
  for (const run of layout.runs) {
    const dates = layout.dateLists[run.dates]!;
    const columns = new Map<string, Map<string, Float64Array>>();
    for (const cell of run.cells) {
      const [metric, entity] = layout.cells[cell]!;
      let byEntity = columns.get(metric);
      if (!byEntity) columns.set(metric, (byEntity = new Map()));
      byEntity.set(entity, numbers.slice(offset, offset + dates.length));
      offset += dates.length;
    }
    const table: MetricTable = { dates, metricNames: () => [...columns.keys()], series: (metric) => columns.get(metric) ?? new Map() };
    yield [run.task, { kind: 'series', metrics: table }];
  }
}

function* kpiResults(layout: KpiLayout, numbers: Float64Array): Iterable<[number, TaskResult]> {
  const width = layout.keys.length;
  for (let i = 0; i < layout.tasks.length; i++) {
    const kpis: Record<string, number> = {};
    for (let k = 0; k < width; k++) {
      const value = numbers[i * width + k]!;
      if (!Number.isNaN(value)) kpis[layout.keys[k]!] = value;
    }
    yield [layout.tasks[i]!, { kind: 'kpis', kpis }];
  }
}
