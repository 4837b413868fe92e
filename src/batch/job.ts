import { createHash } from 'node:crypto';
import type { Scenario } from '../config/parse-scenario.js';
import type { Job, JobKind, JobPlan, Variant } from '../jobs/job-kind.js';
import type { PathResult } from '../sweep/param-path.js';
import { applySettings } from '../sweep/param-range.js';
import { canonicalJson } from './canonical-json.js';
import { MAX_TASKS } from './job-limits.js';
import { seedOfRun } from './seeds.js';

/**
 * A job: what a command runs, as data (src/jobs/job-kind.ts). Every variant of its kind's design (a
 * compared scenario, a sweep point, a sensitivity case) runs the same `runs` seeds; task k is run
 * k mod runs of variant ⌊k / runs⌋. A job holds resolved scenarios, so the manifest that records it
 * re-runs it exactly.
 */

/** A scenario as the job runs it: its months replaced by --ticks, if given. */
export function asRun(job: Pick<Job, 'ticks'>, scenario: Scenario): Scenario {
  return job.ticks === undefined ? scenario : { ...scenario, months: job.ticks };
}

/** The plan of a job: its kind's design, every variant run with the same `runs` seeds. */
export function planJob<J extends Job>(job: J, kind: JobKind<J>): JobPlan<J> {
  const design = kind.design(job);
  const count = design.count;
  const variant = (index: number): Variant => ({ ...design.at(index), ...(job.ticks !== undefined ? { ticks: job.ticks } : {}) });
  const task = (index: number) => {
    const variant = Math.floor(index / job.runs);
    const run = index % job.runs;
    return { index, variant, run, seed: seedOfRun(design.at(variant).base.seed, run) };
  };
  return {
    job,
    kind,
    reduction: kind.reduction,
    variants: count,
    tasks: count * job.runs,
    variant,
    task,
    settingsPerRun: design.settingsOfRun !== undefined,
    taskVariant: (index) => {
      const { variant: of, run } = task(index);
      const own = design.settingsOfRun?.(run) ?? [];
      const shared = variant(of);
      return own.length === 0 ? shared : { ...shared, settings: [...shared.settings, ...own] };
    },
  };
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

/**
 * The job with its keys in one fixed order, however it was built (from options, or read back from
 * a manifest or a partial result), so that the files recording it are byte for byte the same.
 */
export function normaliseJob<J extends Job>(job: J, kind: JobKind<J>): J {
  return { kind: job.kind, runs: job.runs, charts: job.charts, ...(job.ticks !== undefined ? { ticks: job.ticks } : {}), ...kind.ownFields(job) } as J;
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
export function checkJobSize<J extends Job>(job: J, kind: JobKind<J>): string | undefined {
  const plan = planJob(job, kind);
  if (plan.tasks > MAX_TASKS) {
    return `${plan.variants.toLocaleString('en-US')} variants × ${job.runs.toLocaleString('en-US')} runs make ${plan.tasks.toLocaleString('en-US')} runs, above the limit of ${MAX_TASKS.toLocaleString('en-US')}; use fewer steps or runs`;
  }
  if (plan.reduction === 'series') {
    const scenarios = kind.scenarios(job).map((s) => asRun(job, s));
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
