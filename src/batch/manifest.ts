import { z } from 'zod';
import { MAX_MONTHS } from '../config/limits.js';
import { parseScenario, type Scenario } from '../config/parse-scenario.js';
import { MAX_STEPS } from '../sweep/param-range.js';
import { jobHash, MAX_RUNS, normaliseJob, planJob, type Job, type JobKind } from './job.js';
import { deriveSeeds } from './seeds.js';

/**
 * manifest.json, in every output folder: what ran (the job, with its resolved scenarios and seeds),
 * with what (package and Node versions, git revision), and how to run it again. It holds no clock
 * time and no output path, so the same job gives the same manifest wherever its outputs were put,
 * whether it ran on one machine or was merged from shards.
 */

export const MANIFEST_FORMAT = 'llm-market-sim manifest 1';

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

export function rerunCommand(kind: JobKind): string {
  return `npm run ${kind} -- path/to/manifest.json`;
}

export function buildManifest(job: Job, command: string, environment: Environment): Manifest {
  const plan = planJob(job);
  const seeds =
    job.kind === 'compare'
      ? Object.fromEntries(Array.from({ length: plan.variants }, (_, i) => [plan.variant(i).label, deriveSeeds(plan.variant(i).base.seed, job.runs)]))
      : deriveSeeds(job.scenario.seed, job.runs);
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

const focus = z.object({ vendor: z.string().optional(), cloud: z.string().optional() }).strict();
const common = { runs: z.number().int().min(1).max(MAX_RUNS), charts: z.boolean(), ticks: z.number().int().min(1).max(MAX_MONTHS).optional() };
const range = z.object({ path: z.string().min(1), from: z.number(), to: z.number(), steps: z.number().int().min(2).max(MAX_STEPS) }).strict();
const jobShape = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('simulate'), ...common, scenario: z.unknown() }).strict(),
  z.object({ kind: z.literal('compare'), ...common, scenarios: z.array(z.unknown()).min(2), focus }).strict(),
  z.object({ kind: z.literal('sweep'), ...common, scenario: z.unknown(), params: z.array(range).min(1).max(2), focus }).strict(),
  z.object({ kind: z.literal('sensitivity'), ...common, scenario: z.unknown(), change: z.number().gt(0).lt(1), only: z.array(z.string()), focus }).strict(),
]);
const manifestShape = z.object({ format: z.literal(MANIFEST_FORMAT), command: z.string(), job: jobShape }).passthrough();

export type ManifestResult = { success: true; job: Job; command: string } | { success: false; problems: string[] };

/** The job a manifest records, its scenarios validated again as the config files were. */
export function parseManifest(json: unknown): ManifestResult {
  const shape = manifestShape.safeParse(json);
  if (!shape.success) {
    return { success: false, problems: shape.error.issues.map((issue) => `${issue.path.join('.') || '(top level)'}: ${issue.message}`) };
  }
  const { job, command } = shape.data;
  const problems: string[] = [];
  const scenario = (raw: unknown, where: string): Scenario => {
    const parsed = parseScenario(raw);
    if (parsed.success) return parsed.scenario;
    problems.push(...parsed.problems.map((p) => `${where}.${p.path}: ${p.message}`));
    return undefined as unknown as Scenario;
  };
  let parsed: Job;
  switch (job.kind) {
    case 'compare':
      parsed = { ...job, scenarios: job.scenarios.map((s, i) => scenario(s, `job.scenarios[${i}]`)) };
      break;
    default:
      parsed = { ...job, scenario: scenario(job.scenario, 'job.scenario') } as Job;
  }
  return problems.length > 0 ? { success: false, problems } : { success: true, job: normaliseJob(parsed), command };
}
