import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Scenario } from '../config/parse-scenario.js';
import { canonicalJson } from './canonical-json.js';
import { splitPath, type PathResult } from '../sweep/param-path.js';
import { applySettings, sweepGrid, type ParamRange, type ParamSetting } from '../sweep/param-range.js';
import { sensitivityPlan, type SensitivityPlan } from '../sweep/sensitivity-plan.js';
import { seedOfRun } from './seeds.js';

/**
 * A job: what a command runs, as data. Every variant of the scenario (a compared scenario, a sweep
 * point, a sensitivity case) runs the same `runs` seeds; task k is run k mod runs of variant
 * ⌊k / runs⌋. A job holds resolved scenarios, so the manifest that records it re-runs it exactly.
 */

export type JobKind = 'simulate' | 'compare' | 'sweep' | 'sensitivity';

/** The vendor and cloud that charts of one entity follow; the leader when left out. */
export interface Focus {
  readonly vendor?: string;
  readonly cloud?: string;
}

interface JobCommon {
  /** Seeds per variant: seed, seed + 1, … */
  readonly runs: number;
  readonly charts: boolean;
  /**
   * --ticks: months to run instead of the scenarios' own. Kept apart from the scenarios, which stay
   * as validated: a shorter run of a valid scenario may leave scripted events beyond its end.
   */
  readonly ticks?: number;
}

export interface SimulateJob extends JobCommon {
  readonly kind: 'simulate';
  readonly scenario: Scenario;
}

export interface CompareJob extends JobCommon {
  readonly kind: 'compare';
  readonly scenarios: readonly Scenario[];
  readonly focus: Focus;
}

export interface SweepJob extends JobCommon {
  readonly kind: 'sweep';
  readonly scenario: Scenario;
  readonly params: readonly ParamRange[];
  readonly focus: Focus;
}

export interface SensitivityJob extends JobCommon {
  readonly kind: 'sensitivity';
  readonly scenario: Scenario;
  /** Relative change of each parameter, 0.2 = ±20 %. */
  readonly change: number;
  /** Path prefixes of the parameters to move; all when empty. */
  readonly only: readonly string[];
  readonly focus: Focus;
}

export type Job = SimulateJob | CompareJob | SweepJob | SensitivityJob;

/** What a task hands back: a run's whole time series, or only its KPIs. */
export type Reduction = 'series' | 'kpis';

export const MAX_RUNS = 10_000;
/** Runs of a whole job, for sweeps: each keeps only its KPIs (about 50 numbers). */
export const MAX_TASKS = 1_000_000;

export interface Variant {
  /** "baseline", "paybackMonths=3", "vendors.openai.policies.pricing.params.markup +20%" */
  readonly label: string;
  /** The scenario the settings apply to, as validated (its own months). */
  readonly base: Scenario;
  readonly settings: readonly ParamSetting[];
  /** --ticks, applied once the settings are. */
  readonly ticks?: number;
}

export interface Task {
  readonly index: number;
  readonly variant: number;
  readonly run: number;
  readonly seed: number;
}

export interface JobPlan {
  readonly job: Job;
  readonly reduction: Reduction;
  readonly variants: number;
  readonly tasks: number;
  variant(index: number): Variant;
  task(index: number): Task;
  /** The plan of a sensitivity job: which parameters move, and what was left out. */
  readonly sensitivity?: SensitivityPlan;
}

export function reductionOf(job: Job): Reduction {
  return job.kind === 'simulate' || job.kind === 'compare' ? 'series' : 'kpis';
}

/** A scenario as the job runs it: its months replaced by --ticks, if given. */
export function asRun(job: Pick<Job, 'ticks'>, scenario: Scenario): Scenario {
  return job.ticks === undefined ? scenario : { ...scenario, months: job.ticks };
}

/** Compared scenarios by name; a name given twice is told apart by its position. */
export function scenarioLabels(scenarios: readonly Scenario[]): string[] {
  return scenarios.map((scenario, i) =>
    scenarios.filter((other) => other.name === scenario.name).length > 1 ? `${scenario.name} (${i + 1})` : scenario.name,
  );
}

/** The last key of a path: "paybackMonths" for enterprises.policies.switching.params.paybackMonths. */
export function shortName(path: string): string {
  const split = splitPath(path);
  return split.success ? split.value.at(-1)! : path;
}

export function planJob(job: Job): JobPlan {
  const reduction = reductionOf(job);
  const variants = variantsOf(job);
  const count = variants.count;
  return {
    job,
    reduction,
    variants: count,
    tasks: count * job.runs,
    variant: (index) => ({ ...variants.at(index), ...(job.ticks !== undefined ? { ticks: job.ticks } : {}) }),
    task: (index) => {
      const variant = Math.floor(index / job.runs);
      const run = index % job.runs;
      return { index, variant, run, seed: seedOfRun(variants.at(variant).base.seed, run) };
    },
    ...(variants.sensitivity ? { sensitivity: variants.sensitivity } : {}),
  };
}

function variantsOf(job: Job): { count: number; at(index: number): Variant; sensitivity?: SensitivityPlan } {
  switch (job.kind) {
    case 'simulate':
      return { count: 1, at: () => ({ label: job.scenario.name, base: job.scenario, settings: [] }) };
    case 'compare': {
      const labels = scenarioLabels(job.scenarios);
      return { count: job.scenarios.length, at: (i) => ({ label: labels[i]!, base: job.scenarios[i]!, settings: [] }) };
    }
    case 'sweep': {
      const points = sweepGrid(job.params);
      return {
        count: points.length,
        at: (i) => ({ label: points[i]!.map((s) => `${shortName(s.path)}=${s.value}`).join(', '), base: job.scenario, settings: points[i]! }),
      };
    }
    case 'sensitivity': {
      const plan = sensitivityPlan(job.scenario, job.change, job.only);
      const percent = `${Math.round(job.change * 100)}%`;
      return {
        count: 1 + plan.cases.length,
        at: (i) => {
          if (i === 0) return { label: 'base', base: job.scenario, settings: [] };
          const c = plan.cases[i - 1]!;
          return { label: `${c.path} ${c.side === 'low' ? '−' : '+'}${percent}`, base: job.scenario, settings: [{ path: c.path, value: c.value }] };
        },
        sensitivity: plan,
      };
    }
    default: {
      const never: never = job;
      throw new Error(`unknown job ${JSON.stringify(never)}`);
    }
  }
}

/** A variant's scenario as it runs: its settings applied and validated, then --ticks. */
export function variantScenario(variant: Variant): PathResult<Scenario> {
  const built = variant.settings.length === 0 ? { success: true as const, value: variant.base } : applySettings(variant.base, variant.settings);
  return built.success ? { success: true, value: asRun(variant, built.value) } : built;
}

/** Identifies a job across machines: shards with the same hash are slices of the same work. */
export function jobHash(job: Job): string {
  return `sha256:${createHash('sha256').update(canonicalJson(job)).digest('hex')}`;
}

/** Where a job's outputs go unless --out says otherwise. */
export function defaultOutDir(job: Job): string {
  switch (job.kind) {
    case 'simulate':
      return join('output', job.scenario.name);
    case 'compare':
      return join('output', `compare-${job.scenarios.map((s) => s.name).join('-')}`);
    case 'sweep':
      return join('output', `sweep-${job.scenario.name}-${job.params.map((p) => shortName(p.path)).join('-')}`);
    case 'sensitivity':
      return join('output', `sensitivity-${job.scenario.name}`);
  }
}

/**
 * The job with its keys in one fixed order, however it was built (from options, or read back from
 * a manifest or a partial result), so that the files recording it are byte for byte the same.
 */
export function normaliseJob(job: Job): Job {
  const focus = (f: Focus): Focus => ({ ...(f.vendor !== undefined ? { vendor: f.vendor } : {}), ...(f.cloud !== undefined ? { cloud: f.cloud } : {}) });
  const common = { runs: job.runs, charts: job.charts, ...(job.ticks !== undefined ? { ticks: job.ticks } : {}) };
  switch (job.kind) {
    case 'simulate':
      return { kind: job.kind, ...common, scenario: job.scenario };
    case 'compare':
      return { kind: job.kind, ...common, scenarios: job.scenarios, focus: focus(job.focus) };
    case 'sweep':
      return {
        kind: job.kind,
        ...common,
        scenario: job.scenario,
        params: job.params.map((p) => ({ path: p.path, from: p.from, to: p.to, steps: p.steps })),
        focus: focus(job.focus),
      };
    case 'sensitivity':
      return { kind: job.kind, ...common, scenario: job.scenario, change: job.change, only: [...job.only], focus: focus(job.focus) };
  }
}

/** What an ensemble may hold of its runs' time series, in bytes: exact percentiles need them all. */
export const MAX_SERIES_BYTES = 2 * 2 ** 30;

/**
 * A generous estimate of a run's time series, in bytes: 8 per month for each (metric, entity), with
 * about 25 metrics per vendor, 16 per cloud, 20 for the market and 2 per vendor-cloud pair (the
 * baseline records 170 series; this counts 282).
 */
export function seriesBytesPerRun(scenario: Scenario): number {
  const vendors = scenario.vendors.length;
  const clouds = scenario.clouds.length;
  return 8 * scenario.months * (25 * vendors + 16 * clouds + 20 + 2 * vendors * clouds);
}

/** A job over the limits, with the reason and what to do instead; undefined when it fits. */
export function checkJobSize(job: Job): string | undefined {
  const plan = planJob(job);
  if (plan.tasks > MAX_TASKS) {
    return `${plan.variants.toLocaleString('en-US')} variants × ${job.runs.toLocaleString('en-US')} runs make ${plan.tasks.toLocaleString('en-US')} runs, above the limit of ${MAX_TASKS.toLocaleString('en-US')}; use fewer steps or runs`;
  }
  if (plan.reduction === 'series') {
    const scenarios = (job.kind === 'compare' ? job.scenarios : [job.scenario]).map((s) => asRun(job, s));
    const bytes = scenarios.reduce((sum, s) => sum + job.runs * seriesBytesPerRun(s), 0);
    if (bytes > MAX_SERIES_BYTES) {
      const gb = (bytes / 2 ** 30).toFixed(1);
      return (
        `${job.runs.toLocaleString('en-US')} runs need ~${gb} GiB: exact percentiles keep every run's time series ` +
        `(~${Math.ceil(seriesBytesPerRun(scenarios[0]!) / 1024)} KiB a run here), and the limit is ${MAX_SERIES_BYTES / 2 ** 30} GiB; use fewer runs or months`
      );
    }
  }
  return undefined;
}
