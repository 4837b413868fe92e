/**
 * How big a run may be. A config above a limit is refused before anything runs, with the limit and
 * the reason, rather than crashing with "JavaScript heap out of memory" minutes later.
 *
 * Measured with `node --expose-gc --import tsx scripts/measure-memory.ts <count> 6` on the baseline
 * (7 vendors, 4 clouds), live heap plus typed arrays after a full GC, as each month opens
 * (2026-12-06, with the enterprise policies of issue 25 and the quality powers kept):
 *
 * | enterprises | live memory | per enterprise | time per month |
 * |---|---|---|---|
 * | 10,000 | 7.7 MB | 774 B | 56 ms |
 * | 100,000 | 63 MB | 630 B (224 B of them quality powers) | 170 ms |
 * | 1,000,000 | 387 MB | 387 B (no powers: above their budget) | 0.99 s |
 *
 * About 330 bytes of an enterprise's share is its own random stream, traits, split of work and
 * held models; 8 bytes per vendor is its taste for each model; the quality powers add 32 bytes per
 * vendor within their own budget (below). Everything else (metrics, contracts, the world) grows with
 * vendors, clouds and months, not with enterprises, and the event log streams to disk. The whole
 * `npm run simulate` of 1,000,000 enterprises (2 months) peaked at 1.1 GB resident before the random
 * streams were slimmed (docs/performance.md); the limit keeps that margin. (The table before,
 * 203–302 B an enterprise, was of the model before issue 25's several models per enterprise.)
 */

/** Live bytes per simulated enterprise, besides its taste for each vendor (measured, see above). */
export const BYTES_PER_ENTERPRISE = 340;
/** Bytes of taste an enterprise keeps per vendor (one Float64 each). */
export const BYTES_PER_ENTERPRISE_VENDOR = 8;

/**
 * Bytes an enterprise keeps per vendor for its quality powers across months (src/agents/quality-powers.ts:
 * a quality and its power for each of the vendor's two tiers): 224 bytes an enterprise with the
 * baseline's 7 vendors, 4.5 MB for its 20,000 enterprises. Not counted in populationBytes: a
 * population whose powers would take more than QUALITY_POWERS_BUDGET_BYTES keeps none (and values
 * options as before, raising each power), so the powers add at most that budget to any run.
 */
export const BYTES_PER_ENTERPRISE_VENDOR_POWERS = 32;
/** 64 MiB: 100,000 enterprises with up to 20 vendors keep their powers; 1,000,000 with 2. */
export const QUALITY_POWERS_BUDGET_BYTES = 64 * 2 ** 20;

/** V8's default heap on a 64-bit machine is about 4 GiB, whatever the RAM; the machine has 24 GiB. */
export const HEAP_BUDGET_BYTES = 4 * 2 ** 30;

export const MAX_VENDORS = 64;
export const MAX_CLOUDS = 64;
export const MAX_SEGMENTS = 64;
export const MAX_LISTINGS = 4096;

/**
 * 1,000,000 enterprises with the most vendors allowed need about 0.85 GB (and at most 64 MiB of
 * quality powers): a fifth of the default heap, 4 % of the machine's memory. More enterprises add
 * resolution, not market size: `represents` scales money and tokens to any number of real
 * enterprises.
 */
export const MAX_ENTERPRISES = 1_000_000;

/**
 * 50 years. Memory hardly grows with months (8 bytes per metric, entity and month); time does:
 * about 5 s a month at the largest population, so under an hour for the longest run.
 */
export const MAX_MONTHS = 600;

/** A scenario is a few tens of kilobytes (the shipped baseline, with its history, is the largest); a bigger file is a mistake, not a config. */
export const MAX_CONFIG_FILE_BYTES = 10 * 2 ** 20;

/**
 * How deep a config, a manifest or a partial result may nest. The baseline is 6 levels deep, a
 * manifest 8; everything that walks one recursively (merging a child into its parent, validating,
 * hashing) then stays far within its stack, where 5,000 levels overflowed it.
 */
export const MAX_JSON_DEPTH = 64;

/** Files in an `extends` chain, the config itself included: the shipped configs use 2. */
export const MAX_EXTENDS_CHAIN = 32;

/** Memory a population needs, by the measured per-enterprise cost. */
export function populationBytes(enterprises: number, vendors: number): number {
  return enterprises * (BYTES_PER_ENTERPRISE + BYTES_PER_ENTERPRISE_VENDOR * vendors);
}

function megabytes(bytes: number): string {
  return `${Math.round(bytes / 1e6).toLocaleString('en-US')} MB`;
}

export const LIMIT_REASONS = {
  enterprises: (found: unknown) =>
    `${String(found)} exceeds the limit of ${MAX_ENTERPRISES.toLocaleString('en-US')} simulated enterprises: each needs ` +
    `~${BYTES_PER_ENTERPRISE + BYTES_PER_ENTERPRISE_VENDOR * 7} bytes (measured with the baseline's 7 vendors; ${megabytes(populationBytes(MAX_ENTERPRISES, MAX_VENDORS))} ` +
    `at the limit with ${MAX_VENDORS} vendors) and must fit the ${megabytes(HEAP_BUDGET_BYTES)} heap with room to spare; ` +
    'count is resolution, not market size: raise `represents` to stand for more real enterprises',
  months: (found: unknown) =>
    `${String(found)} exceeds the limit of ${MAX_MONTHS} months (50 years): a month takes up to ~5 s at the largest ` +
    'population, and the calibration says nothing about a market decades out',
  /** `baseline`: the shipped baseline's size as measured, "41.4 KB"; left out when unknown. */
  configFile: (bytes: number, baseline?: string) =>
    `the file is ${megabytes(bytes)}, above the limit of ${megabytes(MAX_CONFIG_FILE_BYTES)} for a scenario` +
    (baseline === undefined ? '' : ` (the shipped baseline, with its history of 2024–2025, is ${baseline})`),
  extendsChain: (chain: readonly string[]) =>
    `the extends chain is longer than ${MAX_EXTENDS_CHAIN} files (${chain.slice(0, 3).join(' → ')} → … → ${chain.at(-1)}): a scenario extends one or two parents`,
} as const;
