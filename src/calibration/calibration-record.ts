import { createHash } from 'node:crypto';
import { z } from 'zod';
import { canonicalJson } from '../batch/canonical-json.js';
import { MAX_RUNS } from '../batch/job-limits.js';
import { parseScenario, type Scenario } from '../config/parse-scenario.js';
import { yearMonth } from '../config/field-types.js';
import type { FileDigest } from '../io/file-digest.js';
import { DEFAULT_APMC } from './apmc.js';
import { checkTargetsAgainst } from './check-targets.js';
import { parseTargetFile } from './load-targets-file.js';
import { targetWindow, type FreeParameter, type Target } from './target-file.js';
import { issueInWords } from '../config/issue-words.js';

/**
 * What decides a calibration's files, as its manifest, its shards and the state a merge writes
 * between generations record it: the resolved scenario, every target of the file (with the
 * file's name and digest), the free parameters after --free, the budget, the seeds, charts. Two
 * commands with the same record make the same files byte for byte, on one machine or in shards.
 */
export interface CalibrationRecord {
  /** The config as named on the command line: fitted.json extends it, relative to the output folder. */
  readonly configFile: string;
  /** The targets file as named on the command line, for calibration.md. */
  readonly targetsFile: string;
  /** Size and SHA-256 of the targets file as it was read. */
  readonly targetsDigest: FileDigest;
  readonly scenario: Scenario;
  /** Every target of the file, modelled or not, in the file's order (with --through, those ending by it). */
  readonly targets: readonly Target[];
  /** --through: the last month a fitted target may end in; the file's later targets are left out. */
  readonly through?: string;
  readonly free: readonly FreeParameter[];
  readonly budget: number;
  readonly runs: number;
  readonly seed: number;
  readonly charts: boolean;
}

export const MAX_BUDGET = 1_000_000;

/** SHA-256 of the record's canonical JSON: what a shard, a merged state and a manifest are bound to. */
export function calibrationHash(record: CalibrationRecord): string {
  return `sha256:${createHash('sha256').update(canonicalJson(ownFields(record))).digest('hex')}`;
}

/** The record's fields in one fixed order, so that the files recording it are byte for byte the same. */
export function ownFields(record: CalibrationRecord): Record<string, unknown> {
  return {
    configFile: record.configFile,
    targetsFile: record.targetsFile,
    targetsDigest: { bytes: record.targetsDigest.bytes, sha256: record.targetsDigest.sha256 },
    budget: record.budget,
    runs: record.runs,
    seed: record.seed,
    charts: record.charts,
    ...(record.through !== undefined ? { through: record.through } : {}),
    free: record.free,
    targets: record.targets,
    scenario: record.scenario,
  };
}

const recordShape = z
  .object({
    configFile: z.string().min(1),
    targetsFile: z.string().min(1),
    targetsDigest: z.object({ bytes: z.number().int().min(0), sha256: z.string().regex(/^sha256:[0-9a-f]{64}$/) }).strict(),
    budget: z.number().int().min(1).max(MAX_BUDGET),
    runs: z.number().int().min(1).max(MAX_RUNS),
    seed: z.number().int().min(0).max(2 ** 32 - 1),
    charts: z.boolean(),
    through: yearMonth.optional(),
    free: z.unknown(),
    targets: z.unknown(),
    scenario: z.unknown(),
  })
  .strict();

export type RecordResult = { success: true; record: CalibrationRecord } | { success: false; problems: string[] };

/**
 * A recorded calibration read back, checked as the command line checks one: the scenario as a
 * config, the targets and free parameters as a targets file, and both against each other.
 */
export function readCalibrationRecord(raw: unknown, where: string): RecordResult {
  const shape = recordShape.safeParse(raw);
  if (!shape.success) return { success: false, problems: shape.error.issues.map((issue) => `${[where, ...issue.path.map(String)].join('.')}: ${issueInWords(issue)}`) };
  const scenario = parseScenario(shape.data.scenario);
  if (!scenario.success) return { success: false, problems: scenario.problems.map((p) => `${where}.scenario.${p.path}: ${p.message}`) };
  const file = parseTargetFile({ targets: shape.data.targets, free: shape.data.free });
  if (!file.success) return { success: false, problems: file.problems.map((p) => `${where}.${p.path}: ${p.message}`) };
  const problems = checkTargetsAgainst(file.file, scenario.scenario).map((p) => `${where}.${p.path}: ${p.message}`);
  if (file.file.free.length === 0) problems.push(`${where}.free: no free parameters`);
  if (shape.data.budget < DEFAULT_APMC.populationSize * shape.data.runs) problems.push(`${where}.budget: below the first generation's ${DEFAULT_APMC.populationSize} points × ${shape.data.runs} runs`);
  if (shape.data.through !== undefined) {
    const later = file.file.targets.find((t) => targetWindow(t).to > shape.data.through!);
    if (later !== undefined) problems.push(`${where}.targets: ${later.id} ends after through (${shape.data.through})`);
  }
  if (problems.length > 0) return { success: false, problems };
  const { through, ...rest } = shape.data;
  return { success: true, record: { ...rest, ...(through !== undefined ? { through } : {}), scenario: scenario.scenario, targets: file.file.targets, free: file.file.free } };
}
