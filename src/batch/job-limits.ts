/** Runs per variant, at most. */
export const MAX_RUNS = 10_000;
/** Runs of a whole job, for sweeps: each keeps only its KPIs (about 50 numbers). */
export const MAX_TASKS = 1_000_000;
