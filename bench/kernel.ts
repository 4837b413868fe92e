/**
 * The practical floor for the enterprise phase: the same population, random streams, rules and
 * option sets as the engine, written as plain loops over typed arrays, with no event bus, no
 * immer, no policy objects and no catalogue closures. Only the enterprises run: the vendors',
 * clouds' and consumers' phases are replaced by the catalogue the engine produced each month
 * (catalogue-trajectory.ts), so the kernel takes exactly the engine's decisions, and checks it.
 *
 * Arithmetic is written in the engine's order (value × quality^weight × taste × appeal, bounded by
 * boundedValue, − price, left to right), so every comparison comes out the same and the decisions
 * match one for one.
 */
import { boundedValue, createPopulation, NO_VENDOR, priceTasks, STAGE_NONE, STAGE_PILOT, STAGE_PRODUCTION } from '../src/agents/enterprise-population.js';
import type { Scenario } from '../src/config/parse-scenario.js';
import { inclusiveValue, logitShare } from '../src/agents/enterprises.js';
import type { CatalogueTrajectory, MonthDecisions, RecordedOptionSet } from './catalogue-trajectory.js';

/** Every month's option sets in flat arrays: slot (month × sets + set) × vendors + option. */
export interface FlatCatalogue {
  readonly months: number;
  readonly setCount: number;
  readonly vendorCount: number;
  readonly cloudCount: number;
  readonly openWeights: Uint8Array;
  /** Options in each (month, set). */
  readonly optionCount: Int32Array;
  readonly vendor: Int16Array;
  readonly priceUsdPerMTok: Float64Array;
  readonly quality: Float64Array;
  readonly appeal: Float64Array;
  /** Each option's small tier: quality ÷ the frontier's (0: none), and its price. */
  readonly smallQualityRatio: Float64Array;
  readonly smallPriceUsdPerMTok: Float64Array;
  /** Demand multiplier of each option's price: (price / reference)^−elasticity. */
  readonly priceFactor: Float64Array;
  /** Vendor → option index, −1 when out of reach: slot (month × sets + set) × vendors + vendor. */
  readonly optionOfVendor: Int16Array;
  /** Month slot (month −1 first) → best quality over every option set, 1 when there is none. */
  readonly frontierQuality: Float64Array;
}

/** The enterprise rules' numbers, read from the config's params (no policy objects). */
export interface KernelRules {
  readonly innovation: number;
  readonly imitation: number;
  readonly pilotMonths: number;
  readonly pilotDemandShare: number;
  readonly hurdleRoi: number;
  readonly reviewProbability: number;
  readonly paybackMonths: number;
  /** The allocation: most vendors in production at once (1: single-vendor), and the logit temperature. */
  readonly maxVendors: number;
  readonly temperature: number;
  /** Share of the gap to the logit's split closed a month (1: at once). */
  readonly adjustment: number;
  /** The upgrade rule: chance a month of moving to a vendor's newer model (1: immediate, without a draw). */
  readonly upgradeProbability: number;
  /** The demand rule: work × (best held quality ÷ the best at the start)^κ; 0 for steady demand. */
  readonly capabilityElasticity: number;
  readonly maxLift: number;
  readonly adoptedAtStart: number;
  readonly demandGrowthPerYear: number;
  readonly priceElasticity: number;
  readonly referencePriceUsdPerMTok: number;
  /** Segment → MTok a task takes at the start, and its growth a year. */
  readonly mTokPerTaskAtStart: Float64Array;
  readonly mTokPerTaskGrowthPerYear: Float64Array;
  /** Real enterprises per simulated one. */
  readonly weight: number;
}

export interface KernelResult {
  readonly decisions: MonthDecisions[];
  /** Enterprise tokens over the run, real enterprises, MTok: a checksum the optimiser cannot drop. */
  readonly totalMTok: number;
}

function numberParam(params: Readonly<Record<string, unknown>>, name: string, policy: string): number {
  const value = params[name];
  if (typeof value !== 'number') throw new Error(`the kernel needs ${policy} param ${name}`);
  return value;
}

/** The baseline's rules (bass-diffusion adoption, roi-payback switching, single-vendor or logit-split allocation) as plain numbers. */
export function kernelRules(scenario: Scenario): KernelRules {
  const { adoption, switching } = scenario.enterprises.policies;
  const allocation = scenario.enterprises.policies.allocation ?? { type: 'single-vendor', params: {} };
  const upgrade = scenario.enterprises.policies.upgrade ?? { type: 'immediate', params: {} };
  const demand = scenario.enterprises.policies.demand ?? { type: 'steady', params: {} };
  if (adoption.type !== 'bass-diffusion' || switching.type !== 'roi-payback' || !['single-vendor', 'logit-split'].includes(allocation.type) || !['immediate', 'staggered'].includes(upgrade.type) || !['steady', 'capability-driven'].includes(demand.type)) {
    throw new Error(
      `the kernel implements bass-diffusion, roi-payback, single-vendor or logit-split immediate or staggered and steady or capability-driven, not ${adoption.type}, ${switching.type}, ${allocation.type}, ${upgrade.type} and ${demand.type}`,
    );
  }
  const a = adoption.params as Record<string, unknown>;
  const s = switching.params as Record<string, unknown>;
  const split = allocation.type === 'logit-split';
  const l = allocation.params as Record<string, unknown>;
  const e = scenario.enterprises;
  return {
    innovation: numberParam(a, 'innovation', adoption.type),
    imitation: numberParam(a, 'imitation', adoption.type),
    pilotMonths: numberParam(a, 'pilotMonths', adoption.type),
    pilotDemandShare: numberParam(a, 'pilotDemandShare', adoption.type),
    hurdleRoi: numberParam(a, 'hurdleRoi', adoption.type),
    reviewProbability: numberParam(s, 'reviewProbability', switching.type),
    paybackMonths: numberParam(s, 'paybackMonths', switching.type),
    maxVendors: split ? numberParam(l, 'maxVendors', allocation.type) : 1,
    temperature: split ? numberParam(l, 'temperature', allocation.type) : 0,
    adjustment: split ? numberParam(l, 'adjustment', allocation.type) : 1,
    capabilityElasticity: demand.type === 'capability-driven' ? numberParam(demand.params as Record<string, unknown>, 'capabilityElasticity', demand.type) : 0,
    maxLift: demand.type === 'capability-driven' ? numberParam(demand.params as Record<string, unknown>, 'maxLift', demand.type) : 1,
    upgradeProbability: upgrade.type === 'staggered' ? numberParam(upgrade.params as Record<string, unknown>, 'monthlyProbability', upgrade.type) : 1,
    adoptedAtStart: e.adoptedAtStart,
    demandGrowthPerYear: e.demandGrowthPerYear,
    priceElasticity: e.priceElasticity,
    referencePriceUsdPerMTok: e.referencePriceUsdPerMTok,
    mTokPerTaskAtStart: Float64Array.from(e.segments, (s) => s.mTokPerTask.atStart),
    mTokPerTaskGrowthPerYear: Float64Array.from(e.segments, (s) => s.mTokPerTask.growthPerYear),
    weight: e.represents / e.count,
  };
}

/** Flattens the recorded trajectory; month −1 (slot 0) is the catalogue at the start. */
export function flattenTrajectory(trajectory: CatalogueTrajectory, rules: KernelRules): FlatCatalogue {
  const months = [trajectory.atStart, ...trajectory.byMonth];
  const setCount = trajectory.cloudCount * 2;
  const V = trajectory.vendorCount;
  const slots = months.length * setCount;
  const flat = {
    months: trajectory.months,
    setCount,
    vendorCount: V,
    cloudCount: trajectory.cloudCount,
    openWeights: Uint8Array.from(trajectory.openWeights),
    optionCount: new Int32Array(slots),
    vendor: new Int16Array(slots * V),
    priceUsdPerMTok: new Float64Array(slots * V),
    quality: new Float64Array(slots * V),
    appeal: new Float64Array(slots * V),
    smallQualityRatio: new Float64Array(slots * V),
    smallPriceUsdPerMTok: new Float64Array(slots * V),
    priceFactor: new Float64Array(slots * V),
    optionOfVendor: new Int16Array(slots * V).fill(-1),
    frontierQuality: new Float64Array(months.length),
  };
  months.forEach((sets: RecordedOptionSet[], m) => {
    let frontier = 0;
    for (const set of sets) for (const q of set.quality) frontier = Math.max(frontier, q);
    flat.frontierQuality[m] = frontier > 0 ? frontier : 1;
    sets.forEach((set, s) => {
      const slot = m * setCount + s;
      flat.optionCount[slot] = set.vendor.length;
      set.vendor.forEach((v, j) => {
        const k = slot * V + j;
        const price = set.priceUsdPerMTok[j]!;
        flat.vendor[k] = v;
        flat.priceUsdPerMTok[k] = price;
        flat.quality[k] = set.quality[j]!;
        flat.appeal[k] = set.appeal[j]!;
        flat.smallQualityRatio[k] = set.smallQualityRatio[j]!;
        flat.smallPriceUsdPerMTok[k] = set.smallPriceUsdPerMTok[j]!;
        flat.priceFactor[k] = (price / rules.referencePriceUsdPerMTok) ** -rules.priceElasticity;
        flat.optionOfVendor[slot * V + v] = j;
      });
    });
  });
  return flat;
}

/**
 * Creates the population (createPopulation, as the engine does), seeds the adopters and runs every
 * month of enterprise decisions. Timed as a whole, like runSimulation.
 */
export function runKernel(scenario: Scenario, seed: number, catalogue: FlatCatalogue, rules: KernelRules): KernelResult {
  const population = createPopulation(scenario, seed);
  const { size, rngs, stage, vendor, stageSinceTick, segment, cloud, marketplace, baseDemandMTok, valueUsdPerMTok, integrationUsdPerMTok, valueCapUsdPerMTok, qualityWeight, switchingCostUsd, taste } =
    population;
  const segments = rules.mTokPerTaskAtStart.length;
  // Segment → MTok a task takes this month, and an adopter's tasks now ÷ at the start at the reference price.
  const mTokPerTask = new Float64Array(segments);
  const taskGrowth = new Float64Array(segments);
  const tokensPerTaskAt = (tick: number): Float64Array => {
    for (let s = 0; s < segments; s++) mTokPerTask[s] = rules.mTokPerTaskAtStart[s]! * (1 + rules.mTokPerTaskGrowthPerYear[s]!) ** (tick / 12);
    return mTokPerTask;
  };
  // ROI = (surplus − integration) / (price + integration), per MTok.
  const V = population.vendorCount;
  const { setCount, optionCount, priceUsdPerMTok, quality, appeal, priceFactor, optionOfVendor, openWeights, cloudCount, smallQualityRatio, smallPriceUsdPerMTok } = catalogue;
  // A vendor's tier that serves enterprise i best on the model of quality q: its surplus, and
  // whether it is the small one (in small[0]), as the engine's surplus and runsSmallTier.
  const small = new Uint8Array(1);
  const tierSurplus = (i: number, k: number, q: number, t: number): number => {
    const value = valueUsdPerMTok[i]!;
    const cap = valueCapUsdPerMTok[i]!;
    const weight = qualityWeight[i]!;
    const frontier = boundedValue(value * Math.pow(q, weight) * t * appeal[k]!, cap) - priceUsdPerMTok[k]!;
    const ratio = smallQualityRatio[k]!;
    small[0] = 0;
    if (ratio === 0) return frontier;
    const cheap = boundedValue(value * Math.pow(q * ratio, weight) * t * appeal[k]!, cap) - smallPriceUsdPerMTok[k]!;
    if (cheap > frontier) {
      small[0] = 1;
      return cheap;
    }
    return frontier;
  };
  // ROI at the price of the tier the surplus is of, on the model of quality q.
  const roiOf = (i: number, k: number, surplus: number, q: number): number => {
    tierSurplus(i, k, q, taste[i * V + optionVendor[k]!]!);
    const price = small[0] === 1 ? smallPriceUsdPerMTok[k]! : priceUsdPerMTok[k]!;
    return (surplus - integrationUsdPerMTok[i]!) / (price + integrationUsdPerMTok[i]!);
  };
  const optionVendor = catalogue.vendor;
  const directMTok = new Float64Array(V);
  const viaCloudMTok = new Float64Array(V * cloudCount);

  // Best option of enterprise i in the set at `base` (n options): its index, or −1, with its
  // surplus left in top[0] (a typed array, so the double is not boxed on every call), and every
  // option's surplus in surp.
  const top = new Float64Array(1);
  const surp = new Float64Array(V);
  const best = (i: number, base: number, n: number): number => {
    let found = -1;
    let topSurplus = -Infinity;
    const tasteBase = i * V;
    for (let j = 0; j < n; j++) {
      const k = base + j;
      const t = taste[tasteBase + optionVendor[k]!]!;
      // A refused vendor (taste 0) is no option, as in the engine.
      const s = t === 0 ? -Infinity : tierSurplus(i, k, quality[k]!, t);
      surp[j] = s;
      if (s > topSurplus) {
        topSurplus = s;
        found = j;
      }
    }
    top[0] = topSurplus;
    return found;
  };
  // The surplus of option k on the model enterprise i runs from its vendor (held quality).
  const heldQuality = population.heldQuality;
  const heldSurplusOf = (i: number, k: number): number => {
    const t = taste[i * V + optionVendor[k]!]!;
    if (t === 0) return -Infinity;
    return tierSurplus(i, k, heldQuality[i * V + optionVendor[k]!]!, t);
  };
  // The vendors each enterprise has in production (the allocation), and this one's options of them.
  const inUse = population.inUse;
  const { lastSwitchTick, lastUpgradeTick, workShare } = population;
  const members = new Int16Array(V);
  const weights = new Float64Array(V);
  const memberSurpluses = (i: number, base: number, used: number): void => {
    for (let m = 0; m < used; m++) surp[members[m]!] = heldSurplusOf(i, base + members[m]!);
  };
  const bestMember = (used: number): number => {
    let b = members[0]!;
    for (let m = 1; m < used; m++) if (surp[members[m]!]! > surp[b]!) b = members[m]!;
    return b;
  };

  // The demand rule's lift of an adopter's work: (best held quality ÷ the best at the start)^κ.
  const kappa = rules.capabilityElasticity;
  const liftOf = (q: number): number => (kappa > 0 ? Math.min(rules.maxLift, (q / catalogue.frontierQuality[0]!) ** kappa) : 1);
  const maxHeld = (row: number): number => {
    let q = 0;
    for (let v = 0; v < V; v++) if (inUse[row + v] === 1 && heldQuality[row + v]! > q) q = heldQuality[row + v]!;
    return q;
  };
  let lift = 1;

  priceTasks(population, tokensPerTaskAt(0), catalogue.frontierQuality[0]!);
  for (let i = 0; i < size; i++) {
    if (rngs[i]!.next() >= rules.adoptedAtStart) continue;
    const slot = cloud[i]! * 2 + marketplace[i]!;
    const j = best(i, slot * V, optionCount[slot]!);
    if (j < 0 || roiOf(i, slot * V + j, top[0]!, quality[slot * V + j]!) < rules.hurdleRoi) continue;
    stage[i] = STAGE_PRODUCTION;
    vendor[i] = optionVendor[slot * V + j]!;
    inUse[i * V + vendor[i]!] = 1;
    heldQuality[i * V + vendor[i]!] = quality[slot * V + j]!;
    workShare[i * V + vendor[i]!] = 1;
  }

  const decisions: MonthDecisions[] = [];
  let totalMTok = 0;
  for (let tick = 0; tick < catalogue.months; tick++) {
    const monthSlot = (tick + 1) * setCount;
    const growth = (1 + rules.demandGrowthPerYear) ** (tick / 12);
    priceTasks(population, tokensPerTaskAt(tick), catalogue.frontierQuality[tick + 1]!);
    for (let s = 0; s < segments; s++) taskGrowth[s] = (growth * rules.mTokPerTaskAtStart[s]!) / mTokPerTask[s]!;
    let adoptersBefore = 0;
    for (let i = 0; i < size; i++) if (stage[i] !== STAGE_NONE) adoptersBefore++;
    const evaluation = Math.min(1, rules.innovation + rules.imitation * (adoptersBefore / size));
    directMTok.fill(0);
    viaCloudMTok.fill(0);
    let adopted = 0;
    let inProduction = 0;
    let abandoned = 0;
    let switched = 0;
    let added = 0;
    let adopters = 0;
    let producing = 0;
    let multiVendor = 0;
    let upgradedInLastYear = 0;

    for (let i = 0; i < size; i++) {
      const rng = rngs[i]!;
      const slot = monthSlot + cloud[i]! * 2 + marketplace[i]!;
      const base = slot * V;
      const n = optionCount[slot]!;
      const row = i * V;
      const scale = rules.temperature * (population.valueUsdPerTask[i]! / mTokPerTask[segment[i]!]!);
      let used = 0;
      let j: number;
      if (stage[i] === STAGE_NONE) {
        if (rng.next() >= evaluation) continue;
        j = best(i, base, n);
        if (j < 0) continue;
        if (roiOf(i, base + j, top[0]!, quality[base + j]!) < rules.hurdleRoi) continue;
        stage[i] = STAGE_PILOT;
        vendor[i] = optionVendor[base + j]!;
        inUse[row + vendor[i]!] = 1;
        heldQuality[row + vendor[i]!] = quality[base + j]!;
        workShare.fill(0, row, row + V);
        workShare[row + vendor[i]!] = 1;
        stageSinceTick[i] = tick;
        adopted++;
        members[used++] = j;
        lift = liftOf(quality[base + j]!);
      } else {
        for (let v = 0; v < V; v++) {
          if (inUse[row + v] === 0) continue;
          const option = optionOfVendor[base + v]!;
          if (option < 0) inUse[row + v] = 0;
          else members[used++] = option;
        }
        let pending = false;
        for (let m = 0; m < used; m++) {
          const v = optionVendor[base + members[m]!]!;
          const newest = quality[base + members[m]!]!;
          if (heldQuality[row + v]! > newest) heldQuality[row + v] = newest;
          else if (heldQuality[row + v]! < newest) pending = true;
        }
        if (pending && (rules.upgradeProbability >= 1 || rng.next() < rules.upgradeProbability)) {
          for (let m = 0; m < used; m++) heldQuality[row + optionVendor[base + members[m]!]!] = quality[base + members[m]!]!;
          lastUpgradeTick[i] = tick;
        }
        j = optionOfVendor[base + vendor[i]!]!;
        if (j < 0) {
          if (used > 0) {
            memberSurpluses(i, base, used);
            j = bestMember(used);
          } else {
            j = best(i, base, n);
            if (j < 0) {
              stage[i] = STAGE_NONE;
              vendor[i] = NO_VENDOR;
              stageSinceTick[i] = tick;
              abandoned++;
              continue;
            }
            members[used++] = j;
          }
          switched++;
          vendor[i] = optionVendor[base + j]!;
          if (inUse[row + vendor[i]!] === 0) heldQuality[row + vendor[i]!] = quality[base + j]!;
          inUse[row + vendor[i]!] = 1;
          lastSwitchTick[i] = tick;
        }
        if (used > rules.maxVendors) {
          memberSurpluses(i, base, used);
          while (used > rules.maxVendors) {
            let worst = -1;
            for (let m = 0; m < used; m++) if (members[m] !== j && (worst < 0 || surp[members[m]!]! < surp[members[worst]!]!)) worst = m;
            inUse[row + optionVendor[base + members[worst]!]!] = 0;
            members[worst] = members[used - 1]!;
            used--;
          }
        }
        if (kappa > 0) lift = liftOf(maxHeld(row));
        if (stage[i] === STAGE_PILOT) {
          if (tick - stageSinceTick[i]! >= rules.pilotMonths) {
            if (roiOf(i, base + j, heldSurplusOf(i, base + j), heldQuality[row + optionVendor[base + j]!]!) < rules.hurdleRoi) {
              stage[i] = STAGE_NONE;
              vendor[i] = NO_VENDOR;
              inUse.fill(0, row, row + V);
              stageSinceTick[i] = tick;
              abandoned++;
              continue;
            }
            stage[i] = STAGE_PRODUCTION;
            stageSinceTick[i] = tick;
            inProduction++;
          }
        } else if (rng.next() < rules.reviewProbability) {
          best(i, base, n);
          memberSurpluses(i, base, used);
          let b = -1;
          for (let o = 0; o < n; o++) if (inUse[row + optionVendor[base + o]!] === 0 && surp[o]! > -Infinity && (b < 0 || surp[o]! > surp[b]!)) b = o;
          let addedHere = false;
          if (b >= 0) {
            let drop = used;
            if (used >= rules.maxVendors) {
              drop = 0;
              for (let m = 1; m < used; m++) if (surp[members[m]!]! < surp[members[drop]!]!) drop = m;
            }
            const before = inclusiveValue(members, used, -1, -1, surp, scale);
            const after = inclusiveValue(members, used, drop, b, surp, scale);
            const gain = baseDemandMTok[i]! * growth * lift * priceFactor[base + b]! * (after - before);
            const cost = switchingCostUsd[i]! * taskGrowth[segment[i]!]! * lift * priceFactor[base + j]! * logitShare(surp[b]!, after, scale);
            if (gain > 0 && gain * rules.paybackMonths > cost) {
              addedHere = true;
              if (drop < used) {
                inUse[row + optionVendor[base + members[drop]!]!] = 0;
                workShare[row + optionVendor[base + members[drop]!]!] = 0;
              }
              inUse[row + optionVendor[base + b]!] = 1;
              heldQuality[row + optionVendor[base + b]!] = quality[base + b]!;
              workShare[row + optionVendor[base + b]!] = 0;
              members[drop] = b;
              if (drop === used) used++;
            }
          }
          if (addedHere && used > 1) added++;
          if (addedHere && inUse[row + optionVendor[base + j]!] === 0) {
            // The primary made way for the new one: the best of those in use leads at once.
            const lead = bestMember(used);
            switched++;
            vendor[i] = optionVendor[base + lead]!;
            lastSwitchTick[i] = tick;
            j = lead;
          }
        }
      }

      adopters++;
      const pilot = stage[i] === STAGE_PILOT;
      if (!pilot) producing++;
      const pilotFactor = pilot ? rules.pilotDemandShare : 1;
      if (kappa > 0) lift = liftOf(maxHeld(row));
      const toCloud = marketplace[i] === 1;
      if (used <= 1) {
        const v = optionVendor[base + j]!;
        if (rules.adjustment < 1) workShare[row + v] = 1;
        const tokens = baseDemandMTok[i]! * growth * lift * priceFactor[base + j]! * pilotFactor;
        if (toCloud || openWeights[v] === 1) viaCloudMTok[v * cloudCount + cloud[i]!]! += tokens;
        else directMTok[v]! += tokens;
      } else {
        multiVendor++;
        memberSurpluses(i, base, used);
        let topMember = -Infinity;
        for (let m = 0; m < used; m++) topMember = Math.max(topMember, surp[members[m]!]!);
        let total = 0;
        for (let m = 0; m < used; m++) {
          weights[m] = scale > 0 ? Math.exp((surp[members[m]!]! - topMember) / scale) : surp[members[m]!] === topMember ? 1 : 0;
          total += weights[m]!;
        }
        if (rules.adjustment < 1) {
          let held = 0;
          for (let m = 0; m < used; m++) held += workShare[row + optionVendor[base + members[m]!]!]!;
          for (let m = 0; m < used; m++) {
            const v = optionVendor[base + members[m]!]!;
            const current = held > 0 ? workShare[row + v]! / held : v === vendor[i] ? 1 : 0;
            weights[m] = current + rules.adjustment * (weights[m]! / total - current);
            workShare[row + v] = weights[m]!;
          }
          total = 1;
        }
        // The primary is the vendor carrying the most of the work; the first of equals stays.
        let primary = -1;
        for (let m = 0; m < used; m++) if (members[m] === j) primary = m;
        let lead = -1;
        for (let m = 0; m < used; m++) if (m !== primary && weights[m]! > (lead >= 0 ? weights[lead]! : primary >= 0 ? weights[primary]! : -1)) lead = m;
        if (lead >= 0) {
          switched++;
          vendor[i] = optionVendor[base + members[lead]!]!;
          lastSwitchTick[i] = tick;
          j = members[lead]!;
        }
        for (let m = 0; m < used; m++) {
          const v = optionVendor[base + members[m]!]!;
          const tokens = (baseDemandMTok[i]! * growth * lift * priceFactor[base + members[m]!]! * pilotFactor * weights[m]!) / total;
          if (toCloud || openWeights[v] === 1) viaCloudMTok[v * cloudCount + cloud[i]!]! += tokens;
          else directMTok[v]! += tokens;
        }
      }
      if (tick - lastSwitchTick[i]! >= 12 && tick - lastUpgradeTick[i]! < 12) upgradedInLastYear++;
    }

    for (let k = 0; k < V; k++) totalMTok += directMTok[k]! * rules.weight;
    for (let k = 0; k < viaCloudMTok.length; k++) totalMTok += viaCloudMTok[k]! * rules.weight;
    decisions.push({ adopted, inProduction, abandoned, switched, added, adopters, producing, multiVendor, upgradedInLastYear });
  }
  return { decisions, totalMTok };
}

/** The first month where the kernel's decisions differ from the engine's, or null when none does. */
export function firstMismatch(engine: readonly MonthDecisions[], kernel: readonly MonthDecisions[]): string | null {
  if (engine.length !== kernel.length) return `${engine.length} months in the engine, ${kernel.length} in the kernel`;
  for (let t = 0; t < engine.length; t++) {
    const a = engine[t]!;
    const b = kernel[t]!;
    const keys = Object.keys(a) as (keyof MonthDecisions)[];
    const differs = keys.filter((k) => a[k] !== b[k]);
    if (differs.length > 0) return `month ${t}: ${differs.map((k) => `${k} engine ${a[k]} kernel ${b[k]}`).join(', ')}`;
  }
  return null;
}
