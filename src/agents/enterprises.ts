import type { AdoptionPolicy, SwitchingPolicy } from '../policies/policy-roles.js';
import type { Catalogue, OptionSet } from '../market/catalogue.js';
import type { MarketEvent } from '../world/events.js';
import {
  NO_VENDOR,
  STAGE_NONE,
  STAGE_PILOT,
  STAGE_PRODUCTION,
  type EnterprisePopulation,
} from './enterprise-population.js';

/** How token demand scales with time and price, shared by every enterprise. */
export interface DemandCurve {
  readonly growthPerYear: number;
  readonly priceElasticity: number;
  readonly referencePriceUsdPerMTok: number;
}

/** The month's enterprise demand, in real (not simulated) enterprises' tokens. */
export interface EnterpriseDemand {
  /** Vendor index → MTok bought from the vendor's own API. */
  readonly directMTok: Float64Array;
  /** (vendor index × clouds + cloud index) → MTok bought through that cloud (marketplace or hosting). */
  readonly viaCloudMTok: Float64Array;
  /** Simulated enterprises in pilot or production, in production, and that switched this month. */
  readonly adopters: number;
  readonly inProduction: number;
  readonly switches: number;
}

export interface EnterpriseStep {
  readonly population: EnterprisePopulation;
  readonly catalogue: Catalogue;
  readonly tick: number;
  readonly adoption: AdoptionPolicy;
  readonly switching: SwitchingPolicy;
  readonly demand: DemandCurve;
  /** Real enterprises each simulated one stands for. */
  readonly weight: number;
  readonly publish: (event: MarketEvent) => void;
}

/** Per-MTok surplus of option j to enterprise i: value − price. */
function surplus(population: EnterprisePopulation, i: number, set: OptionSet, j: number): number {
  const vendor = set.vendor[j]!;
  const value =
    population.valueUsdPerMTok[i]! *
    Math.pow(set.quality[j]!, population.qualityWeight[i]!) *
    population.taste[i * population.vendorCount + vendor]! *
    set.appeal[j]!;
  return value - set.priceUsdPerMTok[j]!;
}

/** The option with the highest surplus, or -1 when the set is empty. */
function bestOption(population: EnterprisePopulation, i: number, set: OptionSet): number {
  let best = -1;
  let bestSurplus = -Infinity;
  for (let j = 0; j < set.vendor.length; j++) {
    const s = surplus(population, i, set, j);
    if (s > bestSurplus) {
      bestSurplus = s;
      best = j;
    }
  }
  return best;
}

function roi(population: EnterprisePopulation, i: number, set: OptionSet, j: number): number {
  return surplus(population, i, set, j) / set.priceUsdPerMTok[j]!;
}

function channelOf(population: EnterprisePopulation, i: number) {
  return population.marketplace[i] === 1 ? 'marketplace' : 'direct';
}

/**
 * Enterprises already in production at the start: a share of them, those whose best option clears
 * the ROI hurdle, take it, without events.
 */
export function seedAdopters(population: EnterprisePopulation, catalogue: Catalogue, share: number, hurdleRoi: number): void {
  for (let i = 0; i < population.size; i++) {
    if (population.rngs[i]!.next() >= share) continue;
    const set = catalogue.options(population.cloud[i]!, channelOf(population, i));
    const j = bestOption(population, i, set);
    if (j < 0 || roi(population, i, set, j) < hurdleRoi) continue;
    population.stage[i] = STAGE_PRODUCTION;
    population.vendor[i] = set.vendor[j]!;
  }
}

/**
 * One month of enterprise decisions: non-adopters may evaluate and start a pilot, pilots end in
 * production or are abandoned, adopters review their model and switch when the gain repays the
 * switching cost. Returns the month's token demand by vendor and channel.
 */
export function stepEnterprises(step: EnterpriseStep): EnterpriseDemand {
  const { population, catalogue, tick, adoption, switching, publish } = step;
  const vendorCount = population.vendorCount;
  const cloudCount = catalogue.cloudIds.length;
  const directMTok = new Float64Array(vendorCount);
  const viaCloudMTok = new Float64Array(vendorCount * cloudCount);

  const priceFactors = new Map<OptionSet, Float64Array>();
  const factorsOf = (set: OptionSet): Float64Array => {
    let factors = priceFactors.get(set);
    if (!factors) {
      factors = set.priceUsdPerMTok.map((p) => (p / step.demand.referencePriceUsdPerMTok) ** -step.demand.priceElasticity);
      priceFactors.set(set, factors);
    }
    return factors;
  };
  const growth = (1 + step.demand.growthPerYear) ** (tick / 12);

  let adoptersBefore = 0;
  for (let i = 0; i < population.size; i++) if (population.stage[i] !== STAGE_NONE) adoptersBefore++;
  const evaluation = adoption.evaluationProbability(adoptersBefore / population.size);

  let adopters = 0;
  let inProduction = 0;
  let switches = 0;
  for (let i = 0; i < population.size; i++) {
    const rng = population.rngs[i]!;
    const set = catalogue.options(population.cloud[i]!, channelOf(population, i));
    let j: number;

    if (population.stage[i] === STAGE_NONE) {
      if (rng.next() >= evaluation) continue;
      j = bestOption(population, i, set);
      if (j < 0) continue;
      const expectedRoi = roi(population, i, set, j);
      if (expectedRoi < adoption.hurdleRoi) continue;
      adopt(step, i, set, j, expectedRoi);
    } else {
      j = set.optionOfVendor[population.vendor[i]!]!;
      if (j < 0) {
        // The model left the enterprise's channel: it must move, whatever the cost.
        j = bestOption(population, i, set);
        if (j < 0) {
          abandon(step, i, Number.NaN);
          continue;
        }
        switches++;
        switchTo(step, i, set, j, 0);
      }
      if (population.stage[i] === STAGE_PILOT) {
        if (tick - population.stageSinceTick[i]! >= adoption.pilotMonths) {
          const pilotRoi = roi(population, i, set, j);
          if (pilotRoi < adoption.hurdleRoi) {
            abandon(step, i, pilotRoi);
            continue;
          }
          population.stage[i] = STAGE_PRODUCTION;
          population.stageSinceTick[i] = tick;
          publish({ type: 'enterprise.in-production', tick, enterprise: i, vendor: catalogue.vendorIds[population.vendor[i]!]! });
        }
      } else if (rng.next() < switching.reviewProbability) {
        const best = bestOption(population, i, set);
        if (best !== j) {
          const demandMTok = population.baseDemandMTok[i]! * growth * factorsOf(set)[best]!;
          const gain = demandMTok * (surplus(population, i, set, best) - surplus(population, i, set, j));
          if (switching.shouldSwitch(gain, population.switchingCostUsd[i]!)) {
            switches++;
            switchTo(step, i, set, best, gain);
            j = best;
          }
        }
      }
    }

    adopters++;
    const pilot = population.stage[i] === STAGE_PILOT;
    if (!pilot) inProduction++;
    const tokens = population.baseDemandMTok[i]! * growth * factorsOf(set)[j]! * (pilot ? adoption.pilotDemandShare : 1);
    const vendor = set.vendor[j]!;
    if (population.marketplace[i] === 1 || catalogue.openWeights[vendor] === 1) {
      viaCloudMTok[vendor * cloudCount + population.cloud[i]!]! += tokens;
    } else {
      directMTok[vendor]! += tokens;
    }
  }

  for (let k = 0; k < directMTok.length; k++) directMTok[k]! *= step.weight;
  for (let k = 0; k < viaCloudMTok.length; k++) viaCloudMTok[k]! *= step.weight;
  return { directMTok, viaCloudMTok, adopters, inProduction, switches };
}

function adopt(step: EnterpriseStep, i: number, set: OptionSet, j: number, expectedRoi: number): void {
  const { population, catalogue, tick } = step;
  population.stage[i] = STAGE_PILOT;
  population.vendor[i] = set.vendor[j]!;
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

function switchTo(step: EnterpriseStep, i: number, set: OptionSet, j: number, monthlyGainUsd: number): void {
  const { population, catalogue, tick } = step;
  const from = catalogue.vendorIds[population.vendor[i]!]!;
  population.vendor[i] = set.vendor[j]!;
  step.publish({
    type: 'enterprise.switched',
    tick,
    enterprise: i,
    from,
    to: catalogue.vendorIds[set.vendor[j]!]!,
    monthlyGainUsd,
    switchingCostUsd: population.switchingCostUsd[i]!,
  });
}

function abandon(step: EnterpriseStep, i: number, roiAtExit: number): void {
  const { population, catalogue, tick } = step;
  const vendor = catalogue.vendorIds[population.vendor[i]!]!;
  population.stage[i] = STAGE_NONE;
  population.vendor[i] = NO_VENDOR;
  population.stageSinceTick[i] = tick;
  step.publish({ type: 'enterprise.abandoned', tick, enterprise: i, vendor, roi: roiAtExit });
}
