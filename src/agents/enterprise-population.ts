import { createRng, logNormal, uniformBetween, weightedIndex, type Rng } from '../engine/rng.js';
import type { ScenarioShape } from '../config/scenario-schema.js';

export const STAGE_NONE = 0;
export const STAGE_PILOT = 1;
export const STAGE_PRODUCTION = 2;
export const NO_VENDOR = -1;

/**
 * The enterprises as a struct of typed arrays: one slot per enterprise in each array, indexes for
 * vendors and clouds in config order. Lean enough for 100,000 enterprises a month; only the
 * enterprise phase writes to it.
 */
export interface EnterprisePopulation {
  readonly size: number;
  readonly vendorCount: number;
  readonly segment: Uint8Array;
  /** Index of the primary cloud. */
  readonly cloud: Uint8Array;
  /** 1 when the enterprise buys through its cloud's marketplace, 0 when direct. */
  readonly marketplace: Uint8Array;
  /** Token demand in production at the start at the reference price, MTok per month. */
  readonly baseDemandMTok: Float64Array;
  readonly valueUsdPerMTok: Float64Array;
  readonly qualityWeight: Float64Array;
  readonly switchingCostUsd: Float64Array;
  /**
   * Idiosyncratic fit multiplier, enterprise × vendor, drawn from a stream per vendor: a vendor
   * added to a scenario leaves every enterprise's other draws as they were.
   */
  readonly taste: Float64Array;
  readonly stage: Uint8Array;
  readonly vendor: Int16Array;
  readonly stageSinceTick: Int32Array;
  readonly rngs: readonly Rng[];
}

export function createPopulation(scenario: ScenarioShape, seed: number): EnterprisePopulation {
  const { count, segments, tasteDispersion } = scenario.enterprises;
  const vendorCount = scenario.vendors.length;
  const cloudWeights = scenario.clouds.map((c) => c.enterpriseShare);
  const segmentWeights = segments.map((s) => s.share);
  const population: EnterprisePopulation = {
    size: count,
    vendorCount,
    segment: new Uint8Array(count),
    cloud: new Uint8Array(count),
    marketplace: new Uint8Array(count),
    baseDemandMTok: new Float64Array(count),
    valueUsdPerMTok: new Float64Array(count),
    qualityWeight: new Float64Array(count),
    switchingCostUsd: new Float64Array(count),
    taste: new Float64Array(count * vendorCount),
    stage: new Uint8Array(count),
    vendor: new Int16Array(count).fill(NO_VENDOR),
    stageSinceTick: new Int32Array(count),
    rngs: Array.from({ length: count }, (_, i) => createRng(seed, `enterprise/${i}`)),
  };
  for (let i = 0; i < count; i++) {
    const rng = population.rngs[i]!;
    const s = weightedIndex(rng, segmentWeights);
    const segment = segments[s]!;
    population.segment[i] = s;
    population.cloud[i] = weightedIndex(rng, cloudWeights);
    population.marketplace[i] = rng.next() < segment.marketplaceShare ? 1 : 0;
    population.baseDemandMTok[i] = logNormal(rng, segment.demandMTokPerMonth.median, segment.demandMTokPerMonth.logSd);
    population.valueUsdPerMTok[i] = logNormal(rng, segment.valueUsdPerMTok.median, segment.valueUsdPerMTok.logSd);
    population.qualityWeight[i] = uniformBetween(rng, segment.qualityWeight.min, segment.qualityWeight.max);
    const channelFactor = population.marketplace[i] === 1 ? segment.marketplaceSwitchingCostFactor : 1;
    population.switchingCostUsd[i] = channelFactor * logNormal(rng, segment.switchingCostUsd.median, segment.switchingCostUsd.logSd);
  }
  scenario.vendors.forEach((vendor, v) => {
    const rng = createRng(seed, `taste/${vendor.id}`);
    for (let i = 0; i < count; i++) population.taste[i * vendorCount + v] = logNormal(rng, 1, tasteDispersion);
  });
  return population;
}
