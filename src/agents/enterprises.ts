import type { AdoptionPolicy, AllocationPolicy, SwitchingPolicy, UpgradePolicy } from '../policies/policy-roles.js';
import type { Catalogue, OptionSet } from '../market/catalogue.js';
import type { MarketEvent } from '../world/events.js';
import {
  NO_VENDOR,
  STAGE_NONE,
  STAGE_PILOT,
  STAGE_PRODUCTION,
  priceTasks,
  type EnterprisePopulation,
} from './enterprise-population.js';
import { lastInOrder, selectInPlace } from '../engine/order-statistic.js';
import { OptionValuations } from './option-valuations.js';

/** How token demand scales with time and price this month, shared by every enterprise. */
export interface DemandCurve {
  /** Demand per adopter at the reference price relative to the start: (1 + growth a year)^years so far. */
  readonly growthFactor: number;
  readonly priceElasticity: number;
  readonly referencePriceUsdPerMTok: number;
  /**
   * κ of the demand policy: an adopter's work × (quality of the best model it runs ÷
   * referenceQuality)^κ; 0 leaves demand to time alone.
   */
  readonly capabilityElasticity: number;
  /** The demand policy's ceiling on that lift. */
  readonly maxLift: number;
  /** The best model's quality at the start, against which an adopter's models lift its work. */
  readonly referenceQuality: number;
}

/** The month's enterprise demand, in real (not simulated) enterprises' tokens. */
export interface EnterpriseDemand {
  /** Vendor index → MTok bought from the vendor's own API. */
  readonly directMTok: Float64Array;
  /** (vendor index × clouds + cloud index) → MTok bought through that cloud (marketplace or hosting). */
  readonly viaCloudMTok: Float64Array;
  /** The part of directMTok bought of the vendor's small tier (absent: none was). */
  readonly directSmallMTok?: Float64Array;
  /** The part of viaCloudMTok bought of the vendor's small tier (absent: none was). */
  readonly viaCloudSmallMTok?: Float64Array;
  /** Simulated enterprises in pilot or production, in production, and that switched this month. */
  readonly adopters: number;
  readonly inProduction: number;
  readonly switches: number;
  /**
   * Simulated adopters this month whose vendor changed in the last 12 months, this one included:
   * the share of adopters that switched vendor in a year, as surveys ask it (Menlo Ventures 2025).
   */
  readonly switchedInLastYear: number;
  /** Simulated adopters this month with models of two vendors or more in production. */
  readonly multiVendor: number;
  /** Simulated adopters that moved to a newer model of a vendor they use this month. */
  readonly upgrades: number;
  /**
   * Simulated adopters this month that moved to a newer model of a vendor they use in the last 12
   * months without changing primary vendor: the survey's "upgraded within their vendor".
   */
  readonly upgradedInLastYear: number;
  /** Median and highest ROI of the adopters on the model they use this month; absent when none adopts. */
  readonly adopterRoi?: AdopterRoi;
}

/** ROI = (value − price − integration) / (price + integration) per MTok, over the month's adopters. */
export interface AdopterRoi {
  readonly median: number;
  readonly max: number;
}

export interface EnterpriseStep {
  readonly population: EnterprisePopulation;
  readonly catalogue: Catalogue;
  readonly tick: number;
  readonly adoption: AdoptionPolicy;
  readonly switching: SwitchingPolicy;
  readonly allocation: AllocationPolicy;
  readonly upgrade: UpgradePolicy;
  readonly demand: DemandCurve;
  /** Segment index → MTok one task takes this month. */
  readonly mTokPerTask: Float64Array;
  /** Real enterprises each simulated one stands for. */
  readonly weight: number;
  readonly publish: (event: MarketEvent) => void;
}

/**
 * The option with the highest surplus (the first of equals), or -1 when the set is empty. Leaves
 * every option's surplus in `surpluses`, so a caller comparing two options does not compute them
 * again.
 */
function bestOption(valuations: OptionValuations, i: number, set: OptionSet, surpluses: Float64Array): number {
  let best = -1;
  let bestSurplus = -Infinity;
  for (let j = 0; j < set.vendor.length; j++) {
    const s = valuations.surplus(i, set, j, set.quality[j]!);
    surpluses[j] = s;
    if (s > bestSurplus) {
      bestSurplus = s;
      best = j;
    }
  }
  return best;
}

/**
 * (value − price − integration) / (price + integration), from option j's surplus on the model of
 * `quality` (its newest by default), at the price of the tier that surplus is of.
 */
function roiOf(valuations: OptionValuations, population: EnterprisePopulation, i: number, set: OptionSet, j: number, surplusUsdPerMTok: number, quality = set.quality[j]!): number {
  const integration = population.integrationUsdPerMTok[i]!;
  const price = valuations.runsSmallTier(i, set, j, quality) ? set.smallPriceUsdPerMTok[j]! : set.priceUsdPerMTok[j]!;
  return (surplusUsdPerMTok - integration) / (price + integration);
}

function roi(valuations: OptionValuations, population: EnterprisePopulation, i: number, set: OptionSet, j: number): number {
  return roiOf(valuations, population, i, set, j, valuations.surplus(i, set, j, set.quality[j]!));
}

/** The surplus of option j on the model enterprise i runs from that vendor (its held quality), not the vendor's newest. */
function heldSurplus(valuations: OptionValuations, population: EnterprisePopulation, i: number, set: OptionSet, j: number): number {
  return valuations.surplus(i, set, j, population.heldQuality[i * population.vendorCount + set.vendor[j]!]!);
}

/** The ROI of option j on the model the enterprise runs from that vendor. */
function heldRoi(valuations: OptionValuations, population: EnterprisePopulation, i: number, set: OptionSet, j: number): number {
  return roiOf(valuations, population, i, set, j, heldSurplus(valuations, population, i, set, j), population.heldQuality[i * population.vendorCount + set.vendor[j]!]!);
}

function channelOf(population: EnterprisePopulation, i: number) {
  return population.marketplace[i] === 1 ? 'marketplace' : 'direct';
}

/**
 * Enterprises already in production at the start: a share of them, those whose best option clears
 * the ROI hurdle, take it, without events.
 */
export function seedAdopters(population: EnterprisePopulation, catalogue: Catalogue, share: number, hurdleRoi: number, mTokPerTask: Float64Array): void {
  priceTasks(population, mTokPerTask, catalogue.frontierQuality);
  const surpluses = new Float64Array(population.vendorCount);
  const valuations = new OptionValuations(population, population.vendorCount);
  for (let i = 0; i < population.size; i++) {
    if (population.rngs[i]!.next() >= share) continue;
    const set = catalogue.options(population.cloud[i]!, channelOf(population, i));
    const j = bestOption(valuations, i, set, surpluses);
    if (j < 0 || roi(valuations, population, i, set, j) < hurdleRoi) continue;
    population.stage[i] = STAGE_PRODUCTION;
    population.vendor[i] = set.vendor[j]!;
    population.inUse[i * population.vendorCount + set.vendor[j]!] = 1;
    population.heldQuality[i * population.vendorCount + set.vendor[j]!] = set.quality[j]!;
    population.workShare[i * population.vendorCount + set.vendor[j]!] = 1;
  }
}

/**
 * The logit's inclusive value of a set of options (McFadden 1978): the surplus per MTok an
 * enterprise expects when each use case goes to the option that fits it best,
 * max + scale × ln Σ exp((s − max) / scale); the max itself at scale 0. The set is `members`
 * (option indexes) with the one at `replace` swapped for option `extra` (replace = count: added;
 * extra −1: the set as it is).
 */
export function inclusiveValue(members: Int16Array, count: number, replace: number, extra: number, surpluses: Float64Array, scale: number): number {
  let top = -Infinity;
  for (let m = 0; m <= count; m++) {
    const j = m === replace ? extra : m < count ? members[m]! : -1;
    if (j >= 0 && surpluses[j]! > top) top = surpluses[j]!;
  }
  if (!(scale > 0)) return top;
  let sum = 0;
  for (let m = 0; m <= count; m++) {
    const j = m === replace ? extra : m < count ? members[m]! : -1;
    if (j >= 0) sum += Math.exp((surpluses[j]! - top) / scale);
  }
  return top + scale * Math.log(sum);
}

/** The logit share of an option of surplus s in a set of inclusive value iv: exp((s − iv) / scale); at scale 0, all to the best. */
export function logitShare(s: number, iv: number, scale: number): number {
  return scale > 0 ? Math.exp((s - iv) / scale) : s >= iv ? 1 : 0;
}

/**
 * One month of enterprise decisions: non-adopters may evaluate and start a pilot, pilots end in
 * production or are abandoned, adopters review their model and switch when the gain repays the
 * switching cost. Returns the month's token demand by vendor and channel.
 */
export function stepEnterprises(step: EnterpriseStep): EnterpriseDemand {
  const { population, catalogue, tick, adoption, switching, publish } = step;
  // The loop below runs once per enterprise and month (12 million times for 100,000 enterprises
  // over ten years): it reads the population's arrays and the month's option sets through locals,
  // resolved once, rather than through objects and the catalogue on every pass (docs/performance.md).
  priceTasks(population, step.mTokPerTask, catalogue.frontierQuality);
  const { size, vendorCount, rngs, stage, vendor, stageSinceTick, cloud, marketplace, baseDemandMTok, switchingCostUsd } = population;
  const cloudCount = catalogue.cloudIds.length;
  const directMTok = new Float64Array(vendorCount);
  const viaCloudMTok = new Float64Array(vendorCount * cloudCount);
  const directSmallMTok = new Float64Array(vendorCount);
  const viaCloudSmallMTok = new Float64Array(vendorCount * cloudCount);
  const surpluses = new Float64Array(vendorCount);
  // Made afresh each month: what it keeps holds for this month's prices and values only.
  const valuations = new OptionValuations(population, vendorCount);

  // Option sets by (cloud × 2 + marketplace), and each option's demand factor (price elasticity).
  const sets: OptionSet[] = [];
  const priceFactors: Float64Array[] = [];
  for (let c = 0; c < cloudCount; c++) {
    for (const channel of ['direct', 'marketplace'] as const) {
      const set = catalogue.options(c, channel);
      sets.push(set);
      priceFactors.push(set.priceUsdPerMTok.map((p) => (p / step.demand.referencePriceUsdPerMTok) ** -step.demand.priceElasticity));
    }
  }
  const growth = step.demand.growthFactor;
  // Segment → an adopter's tasks now ÷ at the start, at the reference price: demand growth less the
  // growth of tokens per task. Moving a deployment costs in proportion to the tasks it runs.
  const taskGrowth = Float64Array.from(population.mTokPerTaskAtStart, (atStart, s) => (growth * atStart) / step.mTokPerTask[s]!);
  const { hurdleRoi, pilotMonths, pilotDemandShare } = adoption;
  const { reviewProbability } = switching;
  const { maxVendors, temperature, adjustment } = step.allocation;
  const { workShare } = population;
  const { inUse, heldQuality, segment, valueUsdPerTask } = population;
  const upgradeProbability = step.upgrade.monthlyProbability;
  // The options of the vendors an enterprise has in production, and their logit weights.
  const members = new Int16Array(vendorCount);
  const weights = new Float64Array(vendorCount);

  let adoptersBefore = 0;
  for (let i = 0; i < size; i++) if (stage[i] !== STAGE_NONE) adoptersBefore++;
  const evaluation = adoption.evaluationProbability(adoptersBefore / size);

  let adopters = 0;
  let inProduction = 0;
  let switches = 0;
  let switchedInLastYear = 0;
  let multiVendor = 0;
  let upgrades = 0;
  let upgradedInLastYear = 0;
  const rois = new Float64Array(size);
  // The enterprise being served, for deliver().
  let toCloud = false;
  let cloudOf = 0;
  let served = 0;
  let servedSet: OptionSet | null = null;
  // How far the models it runs lift its work (the demand policy): (best held quality ÷ reference)^κ, 1 at κ = 0.
  const kappa = step.demand.capabilityElasticity;
  const referenceQuality = step.demand.referenceQuality;
  let lift = 1;
  const maxLift = step.demand.maxLift;
  // Adopters run one of a few models, so each quality's lift is kept for the month rather than
  // recomputed: keeping only the last one missed three times in four (consecutive adopters run
  // different models), and the power was 3 % of a baseline run; a month holds a few dozen qualities.
  const lifts = new Map<number, number>();
  const liftOf = (quality: number): number => {
    if (!(kappa > 0)) return 1;
    let value = lifts.get(quality);
    if (value === undefined) {
      value = Math.min(maxLift, (quality / referenceQuality) ** kappa);
      lifts.set(quality, value);
    }
    return value;
  };
  const maxHeld = (row: number): number => {
    let best = 0;
    for (let v = 0; v < vendorCount; v++) if (inUse[row + v] === 1 && heldQuality[row + v]! > best) best = heldQuality[row + v]!;
    return best;
  };
  for (let i = 0; i < size; i++) {
    const rng = rngs[i]!;
    const setIndex = cloud[i]! * 2 + marketplace[i]!;
    const set = sets[setIndex]!;
    const factors = priceFactors[setIndex]!;
    const row = i * vendorCount;
    let j: number;
    let used = 0;
    // A vendor a review added this month, with the gain and cost it was added on.
    let added = false;
    let best = -1;
    let gain = 0;
    let cost = 0;
    // The logit's scale: the temperature times the value of a MTok of the month's best model.
    const scale = temperature * (valueUsdPerTask[i]! / step.mTokPerTask[segment[i]!]!);

    if (stage[i] === STAGE_NONE) {
      if (rng.next() >= evaluation) continue;
      j = bestOption(valuations, i, set, surpluses);
      if (j < 0) continue;
      const expectedRoi = roiOf(valuations, population, i, set, j, surpluses[j]!);
      if (expectedRoi < hurdleRoi) continue;
      adopt(step, i, set, j, expectedRoi);
      members[used++] = j;
      lift = liftOf(set.quality[j]!);
    } else {
      // Vendors in use whose model left the enterprise's channel are dropped.
      for (let v = 0; v < vendorCount; v++) {
        if (inUse[row + v] === 0) continue;
        const option = set.optionOfVendor[v]!;
        if (option < 0) inUse[row + v] = 0;
        else members[used++] = option;
      }
      // Newer models of the vendors in use: moved to when the upgrade policy says (at once, or on a draw).
      let pending = false;
      for (let m = 0; m < used; m++) {
        const v = set.vendor[members[m]!]!;
        const newest = set.quality[members[m]!]!;
        if (heldQuality[row + v]! > newest) heldQuality[row + v] = newest;
        else if (heldQuality[row + v]! < newest) pending = true;
      }
      if (pending && (upgradeProbability >= 1 || rng.next() < upgradeProbability)) {
        for (let m = 0; m < used; m++) heldQuality[row + set.vendor[members[m]!]!] = set.quality[members[m]!]!;
        population.lastUpgradeTick[i] = tick;
        upgrades++;
      }
      j = set.optionOfVendor[vendor[i]!]!;
      if (j < 0) {
        if (used > 0) {
          // The primary's model left the channel: the vendor in use that serves it best takes the lead.
          for (let m = 0; m < used; m++) surpluses[members[m]!] = heldSurplus(valuations, population, i, set, members[m]!);
          j = bestMember(members, used, surpluses);
          switches++;
          switchTo(step, i, set, j, 0, 0);
        } else {
          // It used no other: it must move, whatever the cost.
          j = bestOption(valuations, i, set, surpluses);
          if (j < 0) {
            abandon(step, i, { reason: 'model-unavailable' });
            continue;
          }
          switches++;
          switchTo(step, i, set, j, 0, switchingCostUsd[i]! * taskGrowth[segment[i]!]! * liftOf(set.quality[j]!) * factors[j]!);
          members[used++] = j;
        }
      }
      if (used > maxVendors) {
        // The allocation changed to fewer vendors: the least fitting go, the primary stays.
        for (let m = 0; m < used; m++) surpluses[members[m]!] = heldSurplus(valuations, population, i, set, members[m]!);
        used = trimMembers(members, used, maxVendors, j, surpluses, inUse, row, set);
      }
      if (kappa > 0) lift = liftOf(maxHeld(row));
      if (stage[i] === STAGE_PILOT) {
        if (tick - stageSinceTick[i]! >= pilotMonths) {
          const pilotRoi = heldRoi(valuations, population, i, set, j);
          if (pilotRoi < hurdleRoi) {
            abandon(step, i, { reason: 'roi-below-hurdle', roi: pilotRoi });
            continue;
          }
          stage[i] = STAGE_PRODUCTION;
          stageSinceTick[i] = tick;
          publish({ type: 'enterprise.in-production', tick, enterprise: i, vendor: catalogue.vendorIds[vendor[i]!]! });
        }
      } else if (rng.next() < reviewProbability) {
        // The option that serves it best among the vendors it does not use yet.
        bestOption(valuations, i, set, surpluses);
        // bestOption valued every option at its newest model; a vendor in use counts at the model it runs.
        for (let m = 0; m < used; m++) {
          const option = members[m]!;
          if (heldQuality[row + set.vendor[option]!] !== set.quality[option]) surpluses[option] = heldSurplus(valuations, population, i, set, option);
        }
        best = bestUnused(set, surpluses, inUse, row);
        if (best >= 0) {
          // Put the best model in production beside the others, dropping the least fitting at the limit:
          // the gain is the rise in the inclusive value, the cost moving the work that goes to it.
          const drop = used >= maxVendors ? worstMember(members, used, surpluses) : used;
          const before = inclusiveValue(members, used, -1, -1, surpluses, scale);
          const after = inclusiveValue(members, used, drop, best, surpluses, scale);
          gain = baseDemandMTok[i]! * growth * lift * factors[best]! * (after - before);
          cost = switchingCostUsd[i]! * taskGrowth[segment[i]!]! * lift * factors[j]! * logitShare(surpluses[best]!, after, scale);
          if (switching.shouldSwitch(gain, cost)) {
            added = true;
            const dropped = drop < used ? set.vendor[members[drop]!]! : -1;
            if (dropped >= 0) inUse[row + dropped] = 0;
            inUse[row + set.vendor[best]!] = 1;
            heldQuality[row + set.vendor[best]!] = set.quality[best]!;
            workShare[row + set.vendor[best]!] = 0;
            if (dropped >= 0) workShare[row + dropped] = 0;
            members[drop] = best;
            if (drop === used) used++;
            if (used > 1) {
              publish({
                type: 'enterprise.vendor-added',
                tick,
                enterprise: i,
                vendor: catalogue.vendorIds[set.vendor[best]!]!,
                dropped: dropped >= 0 ? catalogue.vendorIds[dropped]! : null,
                monthlyGainUsd: gain,
                switchingCostUsd: cost,
              });
            }
          }
        }
        // The primary's vendor made way for the new one: the vendor in use that serves it best takes
        // the lead at once. Otherwise the primary changes below, once another carries more of the work.
        if (added && inUse[row + set.vendor[j]!] === 0) {
          const lead = bestMember(members, used, surpluses);
          switches++;
          if (lead === best) switchTo(step, i, set, lead, gain, cost);
          else switchTo(step, i, set, lead, baseDemandMTok[i]! * growth * lift * factors[lead]! * (surpluses[lead]! - surpluses[j]!), 0);
          j = lead;
        }
      }
    }

    const pilot = stage[i] === STAGE_PILOT;
    if (!pilot) inProduction++;
    const pilotFactor = pilot ? pilotDemandShare : 1;
    // A vendor the review added comes at its newest model, which may be the best the adopter runs.
    if (kappa > 0 && added) lift = liftOf(maxHeld(row));
    let primarySurplus: number;
    toCloud = marketplace[i] === 1;
    cloudOf = cloud[i]!;
    served = i;
    servedSet = set;
    if (used <= 1) {
      if (adjustment < 1) workShare[row + set.vendor[j]!] = 1;
      deliver(j, baseDemandMTok[i]! * growth * lift * factors[j]! * pilotFactor);
      primarySurplus = heldSurplus(valuations, population, i, set, j);
    } else {
      // Several vendors in production: each gets its logit share of the work.
      multiVendor++;
      for (let m = 0; m < used; m++) surpluses[members[m]!] = heldSurplus(valuations, population, i, set, members[m]!);
      let top = -Infinity;
      for (let m = 0; m < used; m++) top = Math.max(top, surpluses[members[m]!]!);
      let total = 0;
      for (let m = 0; m < used; m++) {
        weights[m] = scale > 0 ? Math.exp((surpluses[members[m]!]! - top) / scale) : surpluses[members[m]!] === top ? 1 : 0;
        total += weights[m]!;
      }
      if (adjustment < 1) {
        // The work moves towards the logit's split by `adjustment` of the gap a month: moving a use
        // case takes a pilot, testing and prompt work, so share follows a lead over months (and a
        // vendor rationed last month does not lose and win back its work in alternate months). The
        // shares of the vendors in use are read as a split of the whole (a dropped vendor's part goes
        // to the others pro rata).
        let held = 0;
        for (let m = 0; m < used; m++) held += workShare[row + set.vendor[members[m]!]!]!;
        for (let m = 0; m < used; m++) {
          const v = set.vendor[members[m]!]!;
          const current = held > 0 ? workShare[row + v]! / held : v === vendor[i] ? 1 : 0;
          weights[m] = current + adjustment * (weights[m]! / total - current);
          workShare[row + v] = weights[m]!;
        }
        total = 1;
      }
      // The primary is the vendor that carries the most of the work (the first of equals stays): a
      // vendor added beside it becomes the primary only once its share has grown past the primary's.
      let primary = -1;
      for (let m = 0; m < used; m++) if (members[m] === j) primary = m;
      let lead = -1;
      for (let m = 0; m < used; m++) {
        if (m !== primary && weights[m]! > (lead >= 0 ? weights[lead]! : primary >= 0 ? weights[primary]! : -1)) lead = m;
      }
      if (lead >= 0) {
        const to = members[lead]!;
        switches++;
        if (added && to === best) switchTo(step, i, set, to, gain, cost);
        else switchTo(step, i, set, to, baseDemandMTok[i]! * growth * lift * factors[to]! * (surpluses[to]! - surpluses[j]!), 0);
        j = to;
      }
      for (let m = 0; m < used; m++) deliver(members[m]!, (baseDemandMTok[i]! * growth * lift * factors[members[m]!]! * pilotFactor * weights[m]!) / total);
      primarySurplus = surpluses[j]!;
    }
    rois[adopters++] = roiOf(valuations, population, i, set, j, primarySurplus, heldQuality[row + set.vendor[j]!]!);
    if (tick - population.lastSwitchTick[i]! < 12) switchedInLastYear++;
    else if (tick - population.lastUpgradeTick[i]! < 12) upgradedInLastYear++;
  }

  /**
   * Books the served enterprise's tokens to option j's vendor: through its cloud (marketplace, or
   * open weights hosted there), else direct; to the vendor's small tier too when that serves the
   * enterprise better on the model it runs.
   */
  function deliver(j: number, tokens: number): void {
    const set = servedSet!;
    const chosen = set.vendor[j]!;
    const small = valuations.runsSmallTier(served, set, j, heldQuality[served * vendorCount + chosen]!);
    if (toCloud || catalogue.openWeights[chosen] === 1) {
      viaCloudMTok[chosen * cloudCount + cloudOf]! += tokens;
      if (small) viaCloudSmallMTok[chosen * cloudCount + cloudOf]! += tokens;
    } else {
      directMTok[chosen]! += tokens;
      if (small) directSmallMTok[chosen]! += tokens;
    }
  }

  for (let k = 0; k < directMTok.length; k++) directMTok[k]! *= step.weight;
  for (let k = 0; k < viaCloudMTok.length; k++) viaCloudMTok[k]! *= step.weight;
  for (let k = 0; k < directSmallMTok.length; k++) directSmallMTok[k]! *= step.weight;
  for (let k = 0; k < viaCloudSmallMTok.length; k++) viaCloudSmallMTok[k]! *= step.weight;
  const adopterRoi = summariseRoi(rois.subarray(0, adopters));
  return { directMTok, viaCloudMTok, directSmallMTok, viaCloudSmallMTok, adopters, inProduction, switches, switchedInLastYear, multiVendor, upgrades, upgradedInLastYear, ...(adopterRoi ? { adopterRoi } : {}) };
}

/**
 * The option with the highest surplus (the first of equals) whose vendor the enterprise does not
 * use and does not refuse; −1 when there is none.
 */
function bestUnused(set: OptionSet, surpluses: Float64Array, inUse: Uint8Array, row: number): number {
  let best = -1;
  for (let j = 0; j < set.vendor.length; j++) {
    if (inUse[row + set.vendor[j]!] === 0 && surpluses[j]! > -Infinity && (best < 0 || surpluses[j]! > surpluses[best]!)) best = j;
  }
  return best;
}

/** The member with the highest surplus (the first of equals). */
function bestMember(members: Int16Array, count: number, surpluses: Float64Array): number {
  let best = members[0]!;
  for (let m = 1; m < count; m++) if (surpluses[members[m]!]! > surpluses[best]!) best = members[m]!;
  return best;
}

/** The place in `members` of the one with the lowest surplus (the first of equals). */
function worstMember(members: Int16Array, count: number, surpluses: Float64Array): number {
  let worst = 0;
  for (let m = 1; m < count; m++) if (surpluses[members[m]!]! < surpluses[members[worst]!]!) worst = m;
  return worst;
}

/** Drops the least fitting members other than the primary's option until `limit` are left; returns the count. */
function trimMembers(members: Int16Array, count: number, limit: number, primary: number, surpluses: Float64Array, inUse: Uint8Array, row: number, set: OptionSet): number {
  while (count > limit) {
    let worst = -1;
    for (let m = 0; m < count; m++) if (members[m] !== primary && (worst < 0 || surpluses[members[m]!]! < surpluses[members[worst]!]!)) worst = m;
    inUse[row + set.vendor[members[worst]!]!] = 0;
    members[worst] = members[count - 1]!;
    count--;
  }
  return count;
}

/**
 * Median (mean of the middle two for an even count) and highest of the adopters' ROI: the values
 * sorting would put there, selected rather than sorted (src/engine/order-statistic.ts).
 */
export function summariseRoi(rois: Float64Array): AdopterRoi | undefined {
  if (rois.length === 0) return undefined;
  const values = Float64Array.from(rois);
  const n = values.length;
  const upper = selectInPlace(values, n >> 1);
  // Selection leaves the lower half before the upper middle: the lower middle is the last of it.
  const median = n % 2 === 1 ? upper : (lastInOrder(values.subarray(0, n / 2)) + upper) / 2;
  return { median, max: lastInOrder(values) };
}

function adopt(step: EnterpriseStep, i: number, set: OptionSet, j: number, expectedRoi: number): void {
  const { population, catalogue, tick } = step;
  population.stage[i] = STAGE_PILOT;
  population.vendor[i] = set.vendor[j]!;
  population.inUse[i * population.vendorCount + set.vendor[j]!] = 1;
  population.heldQuality[i * population.vendorCount + set.vendor[j]!] = set.quality[j]!;
  population.workShare.fill(0, i * population.vendorCount, (i + 1) * population.vendorCount);
  population.workShare[i * population.vendorCount + set.vendor[j]!] = 1;
  population.stageSinceTick[i] = tick;
  step.publish({
    type: 'enterprise.adopted',
    tick,
    enterprise: i,
    vendor: catalogue.vendorIds[set.vendor[j]!]!,
    channel: channelOf(population, i),
    cloud: catalogue.cloudIds[population.cloud[i]!]!,
    roi: expectedRoi,
  });
}

function switchTo(step: EnterpriseStep, i: number, set: OptionSet, j: number, monthlyGainUsd: number, switchingCostUsd: number): void {
  const { population, catalogue, tick } = step;
  const from = catalogue.vendorIds[population.vendor[i]!]!;
  population.vendor[i] = set.vendor[j]!;
  if (population.inUse[i * population.vendorCount + set.vendor[j]!] === 0) population.heldQuality[i * population.vendorCount + set.vendor[j]!] = set.quality[j]!;
  population.inUse[i * population.vendorCount + set.vendor[j]!] = 1;
  population.lastSwitchTick[i] = tick;
  step.publish({
    type: 'enterprise.switched',
    tick,
    enterprise: i,
    from,
    to: catalogue.vendorIds[set.vendor[j]!]!,
    monthlyGainUsd,
    switchingCostUsd,
  });
}

function abandon(step: EnterpriseStep, i: number, why: { reason: 'roi-below-hurdle'; roi: number } | { reason: 'model-unavailable' }): void {
  const { population, catalogue, tick } = step;
  const vendor = catalogue.vendorIds[population.vendor[i]!]!;
  population.stage[i] = STAGE_NONE;
  population.vendor[i] = NO_VENDOR;
  population.inUse.fill(0, i * population.vendorCount, (i + 1) * population.vendorCount);
  population.stageSinceTick[i] = tick;
  step.publish({ type: 'enterprise.abandoned', tick, enterprise: i, vendor, ...why });
}
