import { createRng, logNormal, uniformBetween, weightedIndex, type Rng } from '../engine/rng.js';
import type { ScenarioShape } from '../config/scenario-schema.js';
import { MAX_VALUE_MULTIPLE } from './value-bounds.js';
import { powersFor, type QualityPowers } from './quality-powers.js';

export const STAGE_NONE = 0;
export const STAGE_PILOT = 1;
export const STAGE_PRODUCTION = 2;
export const NO_VENDOR = -1;

/** lastSwitchTick of an enterprise that has never changed vendor: further back than any run. */
export const NEVER_SWITCHED = -(2 ** 31);

/**
 * The enterprises as a struct of typed arrays: one slot per enterprise in each array, indexes for
 * vendors and clouds in config order. Lean enough for 100,000 enterprises a month; only the
 * enterprise phase writes to it.
 */
export interface EnterprisePopulation {
  readonly size: number;
  readonly vendorCount: number;
  readonly segment: Uint8Array;
  /** Segment index → MTok one task takes at the start. */
  readonly mTokPerTaskAtStart: Float64Array;
  /** Index of the primary cloud. */
  readonly cloud: Uint8Array;
  /** 1 when the enterprise buys through its cloud's marketplace, 0 when direct. */
  readonly marketplace: Uint8Array;
  /** Token demand in production at the start at the reference price, MTok per month. */
  readonly baseDemandMTok: Float64Array;
  /** USD one task brings when done by the best model of the month (drawn once). */
  readonly valueUsdPerTask: Float64Array;
  /** The enterprise's own running cost of a task, people and integration, USD (drawn once). */
  readonly integrationUsdPerTask: Float64Array;
  /**
   * This month's value per MTok of a quality-1 model, before taste and appeal: value per task ÷
   * tokens per task ÷ best quality^weight (set by `priceTasks` at the start of each month).
   */
  readonly valueUsdPerMTok: Float64Array;
  /** This month's integration cost per MTok: integration per task ÷ tokens per task (`priceTasks`). */
  readonly integrationUsdPerMTok: Float64Array;
  /**
   * The best quality of the month raised to each enterprise's qualityWeight, the divisor of
   * valueUsdPerMTok, as last raised by `priceTasks` for the quality in frontierPowerOf[0] (NaN
   * before the first month). The best quality moves only when a better model comes out, so the
   * power is raised again only then: once per enterprise and month it was 4 % of a baseline run.
   */
  readonly frontierPower: Float64Array;
  readonly frontierPowerOf: Float64Array;
  /** The most a task can be worth, as a multiple of its value per task: MAX_VALUE_MULTIPLE (Infinity: unbounded). */
  readonly maxValueMultiple: number;
  /** This month's most a MTok can be worth: maxValueMultiple × value per task ÷ tokens per task (`priceTasks`). */
  readonly valueCapUsdPerMTok: Float64Array;
  readonly qualityWeight: Float64Array;
  /**
   * One-off cost of moving the deployment the enterprise has at the start (its base demand) to
   * another model, USD; a later deployment costs this × its tasks now ÷ its tasks at the start.
   */
  readonly switchingCostUsd: Float64Array;
  /**
   * Idiosyncratic fit multiplier, enterprise × vendor, drawn from a stream per vendor: a vendor
   * added to a scenario leaves every enterprise's other draws as they were. 0 where the enterprise
   * refuses the vendor (its `enterpriseRefusal`): no option of that vendor is ever open to it.
   */
  readonly taste: Float64Array;
  readonly stage: Uint8Array;
  /** The primary vendor: the one the enterprise runs most of its work on, NO_VENDOR before it adopts. */
  readonly vendor: Int16Array;
  /** 1 where enterprise i has vendor v's model in production (or in pilot), slot i × vendorCount + v; the primary's is always 1. */
  readonly inUse: Uint8Array;
  /** Quality of the model enterprise i runs from vendor v, slot i × vendorCount + v: the vendor's at the last upgrade; 0 where not in use. */
  readonly heldQuality: Float64Array;
  /**
   * Share of enterprise i's work on vendor v, slot i × vendorCount + v, under an allocation that
   * moves work over months (logit-split with adjustment below 1); read as a split of the vendors in use.
   */
  readonly workShare: Float64Array;
  /** Tick of the enterprise's last move to a newer model of a vendor it uses; NEVER_SWITCHED before its first. */
  readonly lastUpgradeTick: Int32Array;
  readonly stageSinceTick: Int32Array;
  /** Tick of the enterprise's last change of vendor; NEVER_SWITCHED before its first. */
  readonly lastSwitchTick: Int32Array;
  readonly rngs: readonly Rng[];
  /**
   * Each enterprise's quality powers, kept across months (src/agents/quality-powers.ts); absent in
   * a population too large for their budget, or built by hand, whose powers are raised each time.
   */
  readonly qualityPowers?: QualityPowers;
}

/** A vendor as the population sees it: its id and the share of enterprises that refuse it. */
export interface PopulationVendor {
  readonly id: string;
  readonly enterpriseRefusal?: { readonly share: number };
}

/**
 * Draws the enterprises of a scenario. `vendors` are those they may ever buy from (a branch may
 * bring in vendors its parent lacks): the scenario's own by default.
 */
export function createPopulation(scenario: ScenarioShape, seed: number, vendors: readonly PopulationVendor[] = scenario.vendors): EnterprisePopulation {
  const { count, segments, tasteDispersion } = scenario.enterprises;
  const vendorIds = vendors.map((v) => v.id);
  const vendorCount = vendorIds.length;
  const cloudWeights = scenario.clouds.map((c) => c.enterpriseShare);
  const segmentWeights = segments.map((s) => s.share);
  const population: EnterprisePopulation = {
    size: count,
    vendorCount,
    segment: new Uint8Array(count),
    mTokPerTaskAtStart: Float64Array.from(segments, (s) => s.mTokPerTask.atStart),
    cloud: new Uint8Array(count),
    marketplace: new Uint8Array(count),
    baseDemandMTok: new Float64Array(count),
    valueUsdPerTask: new Float64Array(count),
    integrationUsdPerTask: new Float64Array(count),
    valueUsdPerMTok: new Float64Array(count),
    integrationUsdPerMTok: new Float64Array(count),
    frontierPower: new Float64Array(count),
    frontierPowerOf: Float64Array.of(NaN),
    maxValueMultiple: MAX_VALUE_MULTIPLE,
    valueCapUsdPerMTok: new Float64Array(count),
    qualityWeight: new Float64Array(count),
    switchingCostUsd: new Float64Array(count),
    taste: new Float64Array(count * vendorCount),
    stage: new Uint8Array(count),
    vendor: new Int16Array(count).fill(NO_VENDOR),
    inUse: new Uint8Array(count * vendorCount),
    heldQuality: new Float64Array(count * vendorCount),
    workShare: new Float64Array(count * vendorCount),
    lastUpgradeTick: new Int32Array(count).fill(NEVER_SWITCHED),
    stageSinceTick: new Int32Array(count),
    lastSwitchTick: new Int32Array(count).fill(NEVER_SWITCHED),
    rngs: Array.from({ length: count }, (_, i) => createRng(seed, `enterprise/${i}`)),
    qualityPowers: powersFor(count, vendorCount),
  };
  for (let i = 0; i < count; i++) {
    const rng = population.rngs[i]!;
    const s = weightedIndex(rng, segmentWeights);
    const segment = segments[s]!;
    population.segment[i] = s;
    population.cloud[i] = weightedIndex(rng, cloudWeights);
    population.marketplace[i] = rng.next() < segment.marketplaceShare ? 1 : 0;
    population.baseDemandMTok[i] = logNormal(rng, segment.demandMTokPerMonth.median, segment.demandMTokPerMonth.logSd);
    population.valueUsdPerTask[i] = logNormal(rng, segment.valueUsdPerTask.median, segment.valueUsdPerTask.logSd);
    population.integrationUsdPerTask[i] = segment.integrationCostShare * population.valueUsdPerTask[i]!;
    population.qualityWeight[i] = uniformBetween(rng, segment.qualityWeight.min, segment.qualityWeight.max);
    const channelFactor = population.marketplace[i] === 1 ? segment.marketplaceSwitchingCostFactor : 1;
    population.switchingCostUsd[i] = channelFactor * logNormal(rng, segment.switchingCostUsd.median, segment.switchingCostUsd.logSd);
  }
  vendors.forEach((vendor, v) => {
    const rng = createRng(seed, `taste/${vendor.id}`);
    for (let i = 0; i < count; i++) population.taste[i * vendorCount + v] = logNormal(rng, 1, tasteDispersion);
    // Refusals come from a stream of their own, so declaring one leaves every other draw as it was.
    const refusal = vendor.enterpriseRefusal?.share ?? 0;
    if (refusal > 0) {
      const refuses = createRng(seed, `refusal/${vendor.id}`);
      for (let i = 0; i < count; i++) if (refuses.next() < refusal) population.taste[i * vendorCount + v] = 0;
    }
  });
  return population;
}

type Segment = ScenarioShape['enterprises']['segments'][number];

/** A log-normal draw moved from one spread to another, keeping its place in the distribution. */
function redraw(value: number, from: { median: number; logSd: number }, to: { median: number; logSd: number }): number {
  if (from.logSd === 0) return to.median;
  return to.median * (value / from.median) ** (to.logSd / from.logSd);
}

/**
 * A branch that changes a segment's value or switching-cost spread (or how much cheaper switching
 * is for marketplace buyers, or the integration cost share) moves each enterprise's trait to the same place in the new spread:
 * the same enterprises, valued and tied as the branch says from then on.
 */
export function retunePopulation(population: EnterprisePopulation, from: readonly Segment[], to: readonly Segment[]): void {
  for (let i = 0; i < population.size; i++) {
    const s = population.segment[i]!;
    const before = from[s]!;
    const after = to[s]!;
    population.valueUsdPerTask[i] = redraw(population.valueUsdPerTask[i]!, before.valueUsdPerTask, after.valueUsdPerTask);
    population.integrationUsdPerTask[i] = after.integrationCostShare * population.valueUsdPerTask[i]!;
    const marketplace = population.marketplace[i] === 1;
    const factorBefore = marketplace ? before.marketplaceSwitchingCostFactor : 1;
    const factorAfter = marketplace ? after.marketplaceSwitchingCostFactor : 1;
    const raw = redraw(population.switchingCostUsd[i]! / factorBefore, before.switchingCostUsd, after.switchingCostUsd);
    population.switchingCostUsd[i] = factorAfter * raw;
  }
}

/**
 * Values this month's tokens: an enterprise's value per MTok is its value per task ÷ the MTok a
 * task takes in its segment this month, scaled so the best model of the month (`frontierQuality`)
 * does the whole task — value(i, m) = valueUsdPerTask(i) / mTokPerTask × (quality(m) / frontier)^w(i);
 * a better model than last year's does not make the task itself worth more. Its integration cost
 * per MTok is its cost per task ÷ the same MTok. As reasoning lengthens tasks, both fall per token
 * (docs/model.md, "Value of a task").
 */
export function priceTasks(population: EnterprisePopulation, mTokPerTaskBySegment: Float64Array, frontierQuality: number): void {
  const { size, segment, valueUsdPerTask, integrationUsdPerTask, valueUsdPerMTok, integrationUsdPerMTok, valueCapUsdPerMTok, qualityWeight, frontierPower, frontierPowerOf } = population;
  // Object.is tells −0 from +0, whose powers can differ; a NaN quality is raised every time, as before.
  if (!Object.is(frontierPowerOf[0], frontierQuality) || Number.isNaN(frontierQuality)) {
    for (let i = 0; i < size; i++) frontierPower[i] = frontierQuality ** qualityWeight[i]!;
    frontierPowerOf[0] = frontierQuality;
  }
  for (let i = 0; i < size; i++) {
    const mTokPerTask = mTokPerTaskBySegment[segment[i]!]!;
    valueUsdPerMTok[i] = valueUsdPerTask[i]! / mTokPerTask / frontierPower[i]!;
    integrationUsdPerMTok[i] = integrationUsdPerTask[i]! / mTokPerTask;
    valueCapUsdPerMTok[i] = (population.maxValueMultiple * valueUsdPerTask[i]!) / mTokPerTask;
  }
}

/**
 * A MTok's value once saturated: cap × tanh(uncapped / cap), within 8 % of the uncapped value up to
 * half the cap, and never above it; the uncapped value under an infinite cap.
 */
export function boundedValue(uncappedUsdPerMTok: number, capUsdPerMTok: number): number {
  return capUsdPerMTok === Infinity ? uncappedUsdPerMTok : capUsdPerMTok * Math.tanh(uncappedUsdPerMTok / capUsdPerMTok);
}
