import { z } from 'zod';
import type { MetricTable } from '../metrics/metric-table.js';
import type { JobCollector, TaskResult } from './collect.js';
import { jobHash, normaliseJob, type Job, type JobPlan } from './job.js';
import { parseManifest, MANIFEST_FORMAT, type Environment } from './manifest.js';
import type { Shard } from './shard.js';

/**
 * A shard's partial result: partial.json describes the slice and the layout of partial.bin, which
 * holds its runs' numbers as little-endian float64, unreduced, so that merging the slices computes
 * exactly what one machine would have. Time series per run (ensembles, comparisons) or KPIs per
 * run (sweeps, sensitivity).
 */

export const PARTIAL_FORMAT = 'llm-market-sim partial 1';
export const PARTIAL_JSON = 'partial.json';
export const PARTIAL_BIN = 'partial.bin';

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
  const meta: PartialMeta = {
    format: PARTIAL_FORMAT,
    jobHash: jobHash(plan.job),
    shard,
    tasks,
    command: options.command,
    environment: options.environment,
    job: plan.job,
    layout,
  };
  return { json: `${JSON.stringify(meta)}\n`, bin: Buffer.from(numbers.buffer, numbers.byteOffset, numbers.byteLength) };
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

const metaShape = z
  .object({
    format: z.literal(PARTIAL_FORMAT),
    jobHash: z.string(),
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

export type DecodedMeta = { success: true; meta: PartialMeta } | { success: false; message: string };

/** Reads partial.json back; its job is validated as a manifest's would be. */
export function decodePartialMeta(json: string): DecodedMeta {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    return { success: false, message: `${PARTIAL_JSON} is not valid JSON: ${(error as Error).message}` };
  }
  const shape = metaShape.safeParse(raw);
  if (!shape.success) return { success: false, message: `${PARTIAL_JSON} is not a partial result of llm-market-sim (${shape.error.issues[0]?.message})` };
  const job = parseManifest({ format: MANIFEST_FORMAT, command: shape.data.command, job: shape.data.job });
  if (!job.success) return { success: false, message: `${PARTIAL_JSON} holds an invalid job: ${job.problems.join('; ')}` };
  return { success: true, meta: { ...(shape.data as unknown as PartialMeta), job: normaliseJob(job.job) } };
}

export type DecodedResults = { success: true; results: Iterable<[task: number, result: TaskResult]> } | { success: false; message: string };

/** The runs of partial.bin, as partial.json lays them out. */
export function decodePartialResults(meta: PartialMeta, bin: Buffer): DecodedResults {
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
