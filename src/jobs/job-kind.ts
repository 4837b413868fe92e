import type { z } from 'zod';
import type { Scenario } from '../config/parse-scenario.js';
import type { KpiStats, KpiValues } from '../ensemble/kpi-samples.js';
import type { MetricTable } from '../metrics/metric-table.js';
import type { ParamSetting } from '../sweep/param-range.js';
import type { JobOptions } from './job-options.js';

/**
 * What a job kind (simulate, compare, sweep, sensitivity) is, as the shared machinery sees it. The
 * machinery (plan, pool, shards and merge, manifests, staging, progress) runs any kind through this
 * interface and never asks which kind it runs; a kind declares its command line, its design (which
 * variants of which scenarios, each run with the same seeds), what a run reduces to, how its job is
 * recorded, and writes its outputs. src/jobs/registry.ts maps each kind's name to its module.
 */

/** What every job records: its kind, the seeds per variant, charts or not, and --ticks. */
export interface Job {
  readonly kind: string;
  /** Seeds per variant: seed, seed + 1, … */
  readonly runs: number;
  readonly charts: boolean;
  /**
   * --ticks: months to run instead of the scenarios' own. Kept apart from the scenarios, which stay
   * as validated: a shorter run of a valid scenario may leave scripted events beyond its end.
   */
  readonly ticks?: number;
}

/** The vendor and cloud that charts of one entity follow; the leader when left out. */
export interface Focus {
  readonly vendor?: string;
  readonly cloud?: string;
}

/**
 * What a run hands back to be accumulated: its whole time series (kept per run until the job is in:
 * exact percentiles need every value), or only its KPIs (reduced to statistics as each variant completes).
 */
export type Reduction = 'series' | 'kpis';

export interface Variant {
  /** "baseline", "paybackMonths=3", "vendors.openai.policies.pricing.params.markup high (3)" */
  readonly label: string;
  /** The scenario the settings apply to, as validated (its own months). */
  readonly base: Scenario;
  readonly settings: readonly ParamSetting[];
  /** --ticks, applied once the settings are. */
  readonly ticks?: number;
}

/** A kind's design: how many variants, and each one, built when it is needed. */
export interface Design {
  readonly count: number;
  at(index: number): Variant;
  /**
   * Settings each run adds to its variant's, when runs differ by more than their seed (simulate
   * --uncertain: run k takes draw k of the uncertain parameters with seed k). Absent: every run of
   * a variant runs the variant's scenario.
   */
  settingsOfRun?(run: number): readonly ParamSetting[];
}

export interface Task {
  readonly index: number;
  readonly variant: number;
  readonly run: number;
  readonly seed: number;
}

export interface JobPlan<J extends Job = Job> {
  readonly job: J;
  readonly kind: JobKind<J>;
  readonly reduction: Reduction;
  readonly variants: number;
  readonly tasks: number;
  variant(index: number): Variant;
  task(index: number): Task;
  /** Whether runs of a variant differ by more than their seed (Design.settingsOfRun). */
  readonly settingsPerRun: boolean;
  /** The variant as task `index` runs it: the variant's settings, then its run's own. */
  taskVariant(index: number): Variant;
}

/** A finished job's results, as a kind's outputs read them. */
export interface JobResults {
  /** A series job's runs of a variant, in seed order. */
  runs(variant: number): MetricTable[];
  /** A KPI job's statistics over a variant's runs. */
  stats(variant: number): KpiStats;
  /** A KPI job's runs of a variant, each run's KPIs in seed order; only for a kind that `keepsRunKpis`. */
  runKpis(variant: number): readonly KpiValues[];
}

/** What a kind's outputs get: the finished job's results and the staging folder to fill. */
export interface OutputContext<J extends Job = Job> {
  readonly plan: JobPlan<J>;
  readonly collector: JobResults;
  readonly staging: string;
  readonly command: string;
  /** Where the staging folder will go, for the last line. */
  readonly outDir: string;
  /** True once Ctrl-C arrived: a writer stops between charts. */
  readonly stopped: () => boolean;
}

/** What a command reads: a config file (with the files it extends), or a manifest.json recording a job. */
export type Input =
  | { readonly kind: 'scenario'; readonly scenario: Scenario; readonly files: readonly string[] }
  | { readonly kind: 'manifest'; readonly job: Job; readonly command: string; readonly files: readonly string[] };

/** What a kind's command line needs from the command that runs it. */
export interface CommandContext {
  /** A config file, or a manifest.json of any kind; problems come back as the message to print. */
  loadInput(file: string): { success: true; input: Input } | { success: false; message: string };
}

/**
 * A kind's reading of its command line: the job to run, or the exit code when it already answered
 * (--help, or bad input it reported).
 */
export type CommandRequest =
  | { readonly exit: number }
  | {
      readonly job: Job;
      /** The canonical command line, recorded in the manifest. */
      readonly command: string;
      readonly options: JobOptions;
      /** The config files (extends chains included) or the manifest the job was read from. */
      readonly inputs: readonly string[];
    };

export interface JobKind<J extends Job = Job> {
  /** The command's name, `npm run <name>`, and the job's `kind`. */
  readonly name: string;

  /** Reads the command line into a job; reports bad input itself (exit code 2). */
  command(argv: readonly string[], context: CommandContext): CommandRequest;

  /** The kind's variants of its scenarios, in task order. */
  design(job: J): Design;
  /** The resolved scenarios the job runs (before --ticks): for warnings, size checks. */
  scenarios(job: J): readonly Scenario[];
  readonly reduction: Reduction;
  /** Whether the job's first run writes events.jsonl (and a job of that one run alone runs on its own thread, counting months). */
  readonly eventsOfFirstRun: boolean;
  /** Whether a manifest lists seeds per variant by label (compared scenarios have their own), or one list. */
  readonly seedsPerVariant: boolean;
  /**
   * Whether a KPI job keeps every run's KPIs besides each variant's statistics (memory then grows
   * with the runs): what separates seed noise that common seeds cancel from noise they do not.
   */
  readonly keepsRunKpis?: boolean;
  /** Where outputs go unless --out says otherwise. */
  defaultOutDir(job: J): string;

  /** The kind's own fields of a recorded job (manifest.json, partial.json), as zod checks them. */
  readonly recorded: z.ZodRawShape;
  /** A recorded job, its shape checked, with its scenarios validated by `scenario`. */
  readRecorded(raw: J, scenario: (raw: unknown, where: string) => Scenario): J;
  /** The kind's own fields in one fixed order, so that the files recording a job are byte for byte the same. */
  ownFields(job: J): Record<string, unknown>;

  /** Writes a finished job's files into the staging folder; returns the lines to print, the last saying where they are. */
  write(ctx: OutputContext<J>, job: J): Promise<string[]>;
}

/** Kinds by name: the registry, or a test's own. */
export type JobKinds = ReadonlyMap<string, JobKind>;
