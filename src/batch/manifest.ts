import { z } from 'zod';
import { MAX_JSON_DEPTH, MAX_MONTHS } from '../config/limits.js';
import type { JsonFileLimits } from '../io/read-json-file.js';
import { readFileHead } from '../io/read-regular-file.js';
import { parseScenario, type Scenario } from '../config/parse-scenario.js';
import type { Job, JobKind, JobKinds } from '../jobs/job-kind.js';
import { canonicalJson } from './canonical-json.js';
import { MAX_RUNS } from './job-limits.js';
import { jobHash, normaliseJob, planJob } from './job.js';
import { deriveSeeds } from './seeds.js';
import { issueInWords } from '../config/issue-words.js';

/**
 * manifest.json, in every output folder: what ran (the job, with its resolved scenarios and seeds),
 * with what (package and Node versions, git revision), and how to run it again. It holds no clock
 * time and no output path, so the same job gives the same manifest wherever its outputs were put,
 * whether it ran on one machine or was merged from shards.
 */

export const MANIFEST_FORMAT = 'llm-market-sim manifest 1';

/**
 * A manifest holds its job's resolved scenarios, every default filled in: ~110 KB for the
 * baseline, so 64 MiB is a comparison of hundreds. A job whose manifest would be bigger is refused
 * before it runs (manifestSizeProblem): no command writes a manifest it could not read back.
 */
export const MAX_MANIFEST_BYTES = 64 * 2 ** 20;

/** "70.1 MiB": manifests are measured in the unit of their limit. */
function mebibytes(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(1)} MiB`;
}

const manifestTooBig = (bytes: number) => `the file is ${mebibytes(bytes)}, above the limit of ${MAX_MANIFEST_BYTES / 2 ** 20} MiB for a manifest`;

export const MANIFEST_LIMITS: JsonFileLimits = { limit: MAX_MANIFEST_BYTES, maxDepth: MAX_JSON_DEPTH, tooBig: manifestTooBig };

/**
 * Why a manifest this size could not be written, said before the job runs: it would be above the
 * limit a manifest is read back with, so the job could not be run again from it.
 */
export function manifestSizeProblem(manifestText: string, scenarios: number): string | undefined {
  const bytes = Buffer.byteLength(manifestText);
  if (bytes <= MAX_MANIFEST_BYTES) return undefined;
  return (
    `the job's manifest.json would be ${mebibytes(bytes)}, above the limit of ${MAX_MANIFEST_BYTES / 2 ** 20} MiB a manifest is read back with, ` +
    `so the job could not be run again from it: it records the ${scenarios === 1 ? 'resolved scenario' : `${scenarios} resolved scenarios`} in full; ` +
    `${scenarios === 1 ? 'make the scenario smaller' : 'run fewer scenarios at once, or smaller ones'}`
  );
}

/** How a manifest.json starts (manifestJson, and a calibration's): its format first. */
const MANIFEST_HEAD = /^\uFEFF?\s*\{\s*"format"\s*:\s*"llm-market-sim (calibration )?manifest \d+"/;

/**
 * The problem with a file too big to be read as a manifest that begins as one: the manifest's
 * limit, not a scenario's, is the one it is above. Undefined for any other file.
 */
export function oversizedManifest(file: string): string | undefined {
  const head = readFileHead(file, 256);
  if (head === undefined || !MANIFEST_HEAD.test(head.text) || head.size <= MAX_MANIFEST_BYTES) return undefined;
  return manifestTooBig(head.size);
}

export interface Environment {
  readonly packageVersion: string;
  readonly node: string;
  /** The checkout the code ran from, when it is a git repository; `dirty` when it had uncommitted changes. */
  readonly git: { readonly revision: string; readonly dirty: boolean } | null;
}

export interface Manifest {
  readonly format: typeof MANIFEST_FORMAT;
  /** The command that made these outputs, without options that do not change them (--out, --workers, --shard, --quiet). */
  readonly command: string;
  /** How to run exactly this job again from this file, whatever became of the config files. */
  readonly rerun: string;
  readonly packageVersion: string;
  readonly node: string;
  readonly git: Environment['git'];
  readonly jobHash: string;
  /** The seeds each scenario ran: one list, or one per compared scenario. */
  readonly seeds: readonly number[] | Readonly<Record<string, readonly number[]>>;
  readonly job: Job;
}

export function rerunCommand(kind: string): string {
  return `npm run ${kind} -- path/to/manifest.json`;
}

/** The seeds a job runs, as a manifest lists them: one list, or one per variant (compared scenarios have their own seeds). */
export function seedsOf<J extends Job>(job: J, kind: JobKind<J>): Manifest['seeds'] {
  const plan = planJob(job, kind);
  return kind.seedsPerVariant
    ? Object.fromEntries(Array.from({ length: plan.variants }, (_, i) => [plan.variant(i).label, deriveSeeds(plan.variant(i).base.seed, job.runs)]))
    : deriveSeeds(plan.variant(0).base.seed, job.runs);
}

export function buildManifest<J extends Job>(job: J, kind: JobKind<J>, command: string, environment: Environment): Manifest {
  const seeds = seedsOf(job, kind);
  return {
    format: MANIFEST_FORMAT,
    command,
    rerun: rerunCommand(job.kind),
    packageVersion: environment.packageVersion,
    node: environment.node,
    git: environment.git,
    jobHash: jobHash(job),
    seeds,
    job,
  };
}

export function manifestJson(manifest: Manifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** Whether parsed JSON is a manifest rather than a scenario, so a command can take either. */
export function isManifest(json: unknown): boolean {
  return json !== null && typeof json === 'object' && (json as { format?: unknown }).format === MANIFEST_FORMAT;
}

const common = { runs: z.number().int().min(1).max(MAX_RUNS), charts: z.boolean(), ticks: z.number().int().min(1).max(MAX_MONTHS).optional() };

/** A recorded job of any of the kinds: the fields every job has, and its kind's own. */
function jobShape(kinds: JobKinds) {
  const shapes = [...kinds.values()].map((kind) => z.object({ kind: z.literal(kind.name), ...common, ...kind.recorded }).strict());
  return z.discriminatedUnion('kind', shapes as [(typeof shapes)[number], ...(typeof shapes)[number][]]);
}
const manifestShape = z
  .object({ format: z.literal(MANIFEST_FORMAT), command: z.string(), jobHash: z.string().regex(/^sha256:[0-9a-f]{64}$/, 'a job hash, sha256:<64 hex digits>'), seeds: z.unknown(), job: z.unknown() })
  .passthrough();

export type ManifestResult = { success: true; job: Job; kind: JobKind; command: string } | { success: false; problems: string[] };

function issuesOf(error: z.ZodError, prefix = ''): string[] {
  return error.issues.map((issue) => `${[prefix, ...issue.path.map(String)].filter((p) => p !== '').join('.') || '(top level)'}: ${issueInWords(issue)}`);
}

/**
 * The job a manifest records, its scenarios validated again as the config files were, and bound to
 * the manifest's jobHash: a manifest edited after it was written (a scenario's field, the runs) is
 * refused with the hash it records and the hash its job has, never run as if nothing had changed.
 * Its seeds, which follow from the job, must be the job's too.
 */
export function parseManifest(json: unknown, kinds: JobKinds): ManifestResult {
  const shape = manifestShape.safeParse(json);
  if (!shape.success) return { success: false, problems: issuesOf(shape.error) };
  const parsed = parseRecordedJob(shape.data.job, shape.data.command, kinds);
  if (!parsed.success) return parsed;
  const found = jobHash(parsed.job);
  if (found !== shape.data.jobHash) {
    return {
      success: false,
      problems: [
        `jobHash: the manifest records ${shape.data.jobHash}, but its job hashes to ${found}: the job was edited after the manifest was written. ` +
          `Restore the manifest as it was written, or run from config files, as it was made: ${shape.data.command}`,
      ],
    };
  }
  const seeds = seedsOf(parsed.job, parsed.kind);
  if (canonicalJson(seeds) !== canonicalJson(shape.data.seeds)) {
    return {
      success: false,
      problems: [`seeds: the manifest lists ${JSON.stringify(shape.data.seeds)}, but its job runs ${JSON.stringify(seeds)}: seeds follow from the job's seed and runs, and cannot be edited here`],
    };
  }
  return parsed;
}

/** A job as a manifest or a partial result records it, its scenarios validated again as the config files were. */
export function parseRecordedJob(raw: unknown, command: string, kinds: JobKinds): ManifestResult {
  const shape = jobShape(kinds).safeParse(raw);
  if (!shape.success) return { success: false, problems: issuesOf(shape.error, 'job') };
  const kind = kinds.get(shape.data.kind)!;
  const problems: string[] = [];
  const scenario = (raw: unknown, where: string): Scenario => {
    const parsed = parseScenario(raw);
    if (parsed.success) return parsed.scenario;
    problems.push(...parsed.problems.map((p) => `${where}.${p.path}: ${p.message}`));
    return undefined as unknown as Scenario;
  };
  const parsed = kind.readRecorded(shape.data as Job, scenario);
  return problems.length > 0 ? { success: false, problems } : { success: true, job: normaliseJob(parsed, kind), kind, command };
}
