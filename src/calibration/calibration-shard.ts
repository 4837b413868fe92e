import { createHash } from 'node:crypto';
import { z } from 'zod';
import { canonicalJson } from '../batch/canonical-json.js';
import type { Environment } from '../batch/manifest.js';
import type { Shard } from '../batch/shard.js';
import { MAX_JSON_DEPTH } from '../config/limits.js';
import { readJsonFile, type JsonFileLimits } from '../io/read-json-file.js';
import { calibrationHash, ownFields, readCalibrationRecord, type CalibrationRecord } from './calibration-record.js';
import { issueInWords } from '../config/issue-words.js';

/**
 * The files a calibration spread over machines passes between them, one generation at a time:
 *
 * - calibration-shard.json, in a shard's folder (`calibrate --shard i/N`): slice i of N of the
 *   runs of the round the calibration is at (a generation, or the fit's seeds), with each run's
 *   figures, the round, and the digest of the state it continued (none for generation 0).
 * - calibration-state.json, in the folder `npm run merge` writes while the calibration is not
 *   finished: the figures of every run so far. The next round's shards read it (`--from DIR`),
 *   and so does the merge of their shards.
 *
 * Each records the calibration's record and its hash, the code that made it, and a digest of all
 * of itself, so a shard of another calibration, seed, round or state, or an edited file, is
 * refused by name.
 */

export const SHARD_FILE = 'calibration-shard.json';
export const STATE_FILE = 'calibration-state.json';
const SHARD_FORMAT = 'llm-market-sim calibration shard 1';
const STATE_FORMAT = 'llm-market-sim calibration state 1';

/** A run and its figures; NaN (a figure the run could not measure) is null in JSON. */
export interface RunFigures {
  readonly run: string;
  readonly figures: readonly number[];
}

export interface RoundName {
  readonly index: number;
  readonly label: string;
}

interface Common {
  readonly calibrationHash: string;
  readonly command: string;
  readonly environment: Environment;
  readonly record: CalibrationRecord;
  readonly results: readonly RunFigures[];
  /** SHA-256 of the canonical JSON of every other field. */
  readonly digest: string;
}

export interface CalibrationShard extends Common {
  readonly round: RoundName;
  /** The digest of the state the shard continued; null for generation 0. */
  readonly from: string | null;
  readonly shard: Shard;
  /** The round's runs this shard made, [from, to) of `of`. */
  readonly runs: { readonly from: number; readonly to: number; readonly of: number };
}

export interface CalibrationState extends Common {
  /** The round its shards make next. */
  readonly next: RoundName & { readonly runs: number };
}

/** A calibration of 1,000,000 runs of 30 targets is about 600 MB of figures. */
const FILE_LIMITS: JsonFileLimits = {
  limit: 1024 * 2 ** 20,
  maxDepth: MAX_JSON_DEPTH,
  tooBig: (bytes) => `the file is at least ${Math.round(bytes / 1e6).toLocaleString('en-US')} MB, more than any calibration writes`,
};

export function shardJson(shard: Omit<CalibrationShard, 'digest' | 'calibrationHash'>): string {
  return sealed({ format: SHARD_FORMAT, calibrationHash: calibrationHash(shard.record), command: shard.command, environment: shard.environment, round: shard.round, from: shard.from, shard: shard.shard, runs: shard.runs, calibration: ownFields(shard.record), results: resultsJson(shard.results) });
}

export function stateJson(state: Omit<CalibrationState, 'digest' | 'calibrationHash'>): string {
  return sealed({ format: STATE_FORMAT, calibrationHash: calibrationHash(state.record), command: state.command, environment: state.environment, next: state.next, calibration: ownFields(state.record), results: resultsJson(state.results) });
}

function resultsJson(results: readonly RunFigures[]): unknown[] {
  return results.map(({ run, figures }) => ({ run, figures: figures.map((f) => (Number.isFinite(f) ? f : null)) }));
}

function digestOf(fields: Record<string, unknown>): string {
  const { digest: _ignored, ...rest } = fields;
  return `sha256:${createHash('sha256').update(canonicalJson(rest)).digest('hex')}`;
}

function sealed(fields: Record<string, unknown>): string {
  return `${JSON.stringify({ ...fields, digest: digestOf(fields) })}\n`;
}

const environmentShape = z.object({ packageVersion: z.string(), node: z.string(), git: z.object({ revision: z.string(), dirty: z.boolean() }).nullable() }).strict();
const resultsShape = z.array(z.object({ run: z.string(), figures: z.array(z.number().nullable()) }).strict());
const roundShape = z.object({ index: z.number().int().min(0), label: z.string() }).strict();
const commonShape = {
  calibrationHash: z.string(),
  command: z.string(),
  environment: environmentShape,
  calibration: z.unknown(),
  results: resultsShape,
  digest: z.string(),
};
const shardShape = z
  .object({
    format: z.literal(SHARD_FORMAT),
    ...commonShape,
    round: roundShape,
    from: z.string().nullable(),
    shard: z.object({ index: z.number().int().min(0), count: z.number().int().min(1) }).strict(),
    runs: z.object({ from: z.number().int().min(0), to: z.number().int().min(0), of: z.number().int().min(0) }).strict(),
  })
  .strict();
const stateShape = z
  .object({ format: z.literal(STATE_FORMAT), ...commonShape, next: roundShape.extend({ runs: z.number().int().min(0) }).strict() })
  .strict();

export type Read<T> = { success: true; value: T } | { success: false; message: string };

export function readShardFile(path: string): Read<CalibrationShard> {
  return readSealed(path, shardShape, 'a calibration shard', (data, record, results) => {
    if (data.runs.to - data.runs.from !== results.length || data.runs.from > data.runs.to || data.runs.to > data.runs.of) return `it lists ${results.length} runs for runs ${data.runs.from}–${data.runs.to} of ${data.runs.of}`;
    if (data.shard.index >= data.shard.count) return `it is shard ${data.shard.index} of ${data.shard.count}`;
    return { calibrationHash: data.calibrationHash, command: data.command, environment: data.environment, record, results, digest: data.digest, round: data.round, from: data.from, shard: data.shard, runs: data.runs };
  });
}

export function readStateFile(path: string): Read<CalibrationState> {
  return readSealed(path, stateShape, 'the state of a calibration', (data, record, results) => ({
    calibrationHash: data.calibrationHash,
    command: data.command,
    environment: data.environment,
    record,
    results,
    digest: data.digest,
    next: data.next,
  }));
}

/** A sealed file read back: JSON, its shape, its digest over every field, its record against its hash. */
function readSealed<S extends z.ZodType<{ calibrationHash: string; calibration: unknown; results: { run: string; figures: (number | null)[] }[]; digest: string }>, T>(
  path: string,
  shape: S,
  what: string,
  build: (data: z.output<S>, record: CalibrationRecord, results: RunFigures[]) => T | string,
): Read<T> {
  const read = readJsonFile(path, FILE_LIMITS);
  if (!read.success) return { success: false, message: `${path}: ${read.reason}` };
  const parsed = shape.safeParse(read.json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { success: false, message: `${path} is not ${what} of llm-market-sim (${issue?.path.join('.') || 'top level'}: ${issue === undefined ? '' : issueInWords(issue)})` };
  }
  const data = parsed.data;
  if (digestOf(read.json as Record<string, unknown>) !== data.digest) {
    return { success: false, message: `${path} was edited after it was written: its digest does not match its contents; copy it again from where it was made, or make it again` };
  }
  const record = readCalibrationRecord(data.calibration, 'calibration');
  if (!record.success) return { success: false, message: `${path} holds an invalid calibration: ${record.problems.join('; ')}` };
  if (calibrationHash(record.record) !== data.calibrationHash) return { success: false, message: `${path}: its calibration does not match its calibrationHash: it was edited` };
  const results = data.results.map(({ run, figures }) => ({ run, figures: figures.map((f) => (f === null ? Number.NaN : f)) }));
  const built = build(data, record.record, results);
  return typeof built === 'string' ? { success: false, message: `${path}: ${built}` } : { success: true, value: built };
}
