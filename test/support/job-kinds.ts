import type { JobKind } from '../../src/jobs/job-kind.js';
import type { CompareJob } from '../../src/jobs/compare/job.js';
import { JOB_KINDS } from '../../src/jobs/registry.js';
import type { SensitivityJob } from '../../src/jobs/sensitivity/job.js';
import type { SimulateJob } from '../../src/jobs/simulate/job.js';
import type { SweepJob } from '../../src/jobs/sweep/job.js';

/** A job of any of the shipped kinds, for tests that write one out. */
export type Job = SimulateJob | CompareJob | SweepJob | SensitivityJob;

/** The registry's module for a job's kind. */
export function kindOf<J extends Job>(job: J): JobKind<J> {
  return JOB_KINDS.get(job.kind) as unknown as JobKind<J>;
}

/** A job and its kind, as buildManifest takes them. */
export function withKind<J extends Job>(job: J): [J, JobKind<J>] {
  return [job, kindOf(job)];
}
