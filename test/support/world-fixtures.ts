import { produce } from 'immer';
import {
  NEVER_SWITCHED,
  NO_VENDOR,
  STAGE_NONE,
  type EnterprisePopulation,
} from '../../src/agents/enterprise-population.js';
import type { Rng } from '../../src/engine/rng.js';
import { applyEvent } from '../../src/world/apply-event.js';
import type { MarketEvent } from '../../src/world/events.js';
import {
  EMPTY_CLOUD_BOOKS,
  EMPTY_VENDOR_BOOKS,
  type CloudState,
  type ComputeCommitment,
  type ComputeContract,
  type Deal,
  type Listing,
  type VendorState,
  type WorldState,
} from '../../src/world/state.js';

export function vendorState(id: string, fields: Partial<VendorState> = {}): VendorState {
  return {
    id,
    weights: 'closed',
    quality: 1,
    priceUsdPerMTok: 10,
    hasConsumerApp: false,
    brand: 0,
    subscribers: 0,
    weeklyUsers: 0,
    trainingSinceReleaseUsd: 0,
    trainingStockUsd: 0,
    stockAtReleaseUsd: 0,
    raisedToDateUsd: 0,
    recentRevenueUsd: [],
    recentComputeDemandMTok: [],
    lastReleaseTick: null,
    cashUsd: 0,
    owner: null,
    integrated: false,
    monthsShort: 0,
    equity: { [fields.owner ?? 'founders-and-others']: 1 },
    lastRoundPostMoneyUsd: null,
    books: EMPTY_VENDOR_BOOKS,
    ...fields,
    codingQuality: fields.codingQuality ?? fields.quality ?? 1,
  };
}

export function cloudState(id: string, fields: Partial<CloudState> = {}): CloudState {
  return {
    id,
    gpuCapacityMTok: 1000,
    asicCapacityMTok: 0,
    asicMaturity: 0,
    asicCapexToDateUsd: 0,
    openModelPriceUsdPerMTok: 3,
    books: EMPTY_CLOUD_BOOKS,
    ...fields,
  };
}

export function worldState(parts: {
  vendors: readonly VendorState[];
  clouds: readonly CloudState[];
  listings?: readonly Listing[];
  contracts?: readonly ComputeContract[];
  deals?: readonly Deal[];
  commitments?: readonly ComputeCommitment[];
  tick?: number;
}): WorldState {
  return {
    tick: parts.tick ?? 0,
    vendors: Object.fromEntries(parts.vendors.map((v) => [v.id, v])),
    clouds: Object.fromEntries(parts.clouds.map((c) => [c.id, c])),
    contracts: parts.contracts ?? [],
    listings: parts.listings ?? [],
    deals: parts.deals ?? [],
    commitments: parts.commitments ?? [],
    construction: [],
    contractsSigned: parts.contracts?.length ?? 0,
    dealsMade: parts.deals?.length ?? 0,
    commitmentsMade: parts.commitments?.length ?? 0,
  };
}

/** Folds events into a world, as the runner does. */
export function applyAll(world: WorldState, events: readonly MarketEvent[]): WorldState {
  return events.reduce((state, event) => produce(state, (draft) => applyEvent(draft, event)), world);
}

export function deal(fields: Partial<Deal> & Pick<Deal, 'vendor'> & { cloud: string }): Deal {
  return {
    id: 'deal-1',
    investor: fields.cloud,
    tick: 0,
    amountUsd: 1e9,
    equityShare: 0.1,
    preMoneyUsd: 9e9,
    status: 'primary',
    minAsicShare: 0,
    permittedClouds: [],
    ...fields,
  };
}

export function commitment(fields: Partial<ComputeCommitment> & Pick<ComputeCommitment, 'vendor' | 'cloud' | 'amountUsd'>): ComputeCommitment {
  return { id: 'commitment-1', remainingUsd: fields.amountUsd, startTick: 0, endTick: 36, dealId: null, ...fields };
}

/** A contract's terms as tests write them: one capacity over its whole term unless steps are given. */
export type ContractTerms = Omit<ComputeContract, 'id' | 'delivered' | 'ordered' | 'use'> & {
  id?: string;
  capacityMTok: number;
  use?: ComputeContract['use'];
};

export function contractOf(terms: ContractTerms & { id: string }): ComputeContract {
  const { capacityMTok, ...rest } = terms;
  const steps = [{ fromTick: terms.startTick, capacityMTok }];
  return { use: 'inference', delivered: steps, ordered: steps, ...rest };
}

export function contract(fields: Partial<ContractTerms> & Pick<ComputeContract, 'vendor' | 'cloud'>): ComputeContract {
  return contractOf({ id: 'c-1', capacityMTok: 100, priceUsdPerMTok: 3, asicShare: 0, startTick: 0, endTick: 12, ...fields });
}

/** A stream that always draws `value`: 0 makes every chance happen, 0.999… makes none happen. */
export function constantRng(value: number): Rng {
  return { next: () => value };
}

export const ALWAYS: Rng = constantRng(0);
export const NEVER: Rng = constantRng(0.999999);

/** One enterprise of a hand-built population; unspecified fields are neutral. */
export interface EnterpriseSpec {
  readonly cloud?: number;
  readonly marketplace?: boolean;
  readonly baseDemandMTok?: number;
  /** USD per task; with one MTok per task and a frontier of quality 1, also USD per MTok. */
  readonly valueUsdPerTask?: number;
  readonly integrationUsdPerTask?: number;
  readonly qualityWeight?: number;
  readonly switchingCostUsd?: number;
  /** Fit multiplier per vendor index; 1 for every vendor when left out. */
  readonly taste?: readonly number[];
  readonly stage?: number;
  readonly vendor?: number;
  /** Vendor indexes in production beside the primary (`vendor`). */
  readonly alsoUses?: readonly number[];
  /** Quality of the model held from each vendor index (0: none, so the vendor's newest is pending). */
  readonly heldQuality?: readonly number[];
  readonly lastUpgradeTick?: number;
  /** Share of the work on each vendor index (0 everywhere: the primary's all, when read). */
  readonly workShare?: readonly number[];
  readonly stageSinceTick?: number;
  readonly lastSwitchTick?: number;
  readonly rng?: Rng;
}

/** The primary and the vendors also in use of each enterprise, as the population's flags. */
function inUseOf(specs: readonly EnterpriseSpec[], vendorCount: number): Uint8Array {
  const inUse = new Uint8Array(specs.length * vendorCount);
  specs.forEach((s, i) => {
    for (const v of [...(s.vendor !== undefined && s.vendor !== NO_VENDOR ? [s.vendor] : []), ...(s.alsoUses ?? [])]) inUse[i * vendorCount + v] = 1;
  });
  return inUse;
}

/** Value per task is unbounded (maxValueMultiple Infinity) unless `maxValueMultiple` says otherwise, so hand-computed values stay linear. */
export function populationOf(specs: readonly EnterpriseSpec[], vendorCount: number, maxValueMultiple = Infinity): EnterprisePopulation {
  const size = specs.length;
  const taste = new Float64Array(size * vendorCount).fill(1);
  specs.forEach((s, i) => s.taste?.forEach((t, v) => (taste[i * vendorCount + v] = t)));
  return {
    size,
    vendorCount,
    segment: new Uint8Array(size),
    mTokPerTaskAtStart: Float64Array.of(1),
    cloud: Uint8Array.from(specs.map((s) => s.cloud ?? 0)),
    marketplace: Uint8Array.from(specs.map((s) => (s.marketplace ? 1 : 0))),
    baseDemandMTok: Float64Array.from(specs.map((s) => s.baseDemandMTok ?? 100)),
    valueUsdPerTask: Float64Array.from(specs.map((s) => s.valueUsdPerTask ?? 20)),
    integrationUsdPerTask: Float64Array.from(specs.map((s) => s.integrationUsdPerTask ?? 0)),
    valueUsdPerMTok: new Float64Array(size),
    integrationUsdPerMTok: new Float64Array(size),
    frontierPower: new Float64Array(size),
    frontierPowerOf: Float64Array.of(NaN),
    maxValueMultiple,
    valueCapUsdPerMTok: new Float64Array(size),
    qualityWeight: Float64Array.from(specs.map((s) => s.qualityWeight ?? 1)),
    switchingCostUsd: Float64Array.from(specs.map((s) => s.switchingCostUsd ?? 1000)),
    taste,
    stage: Uint8Array.from(specs.map((s) => s.stage ?? STAGE_NONE)),
    vendor: Int16Array.from(specs.map((s) => s.vendor ?? NO_VENDOR)),
    inUse: inUseOf(specs, vendorCount),
    heldQuality: Float64Array.from({ length: size * vendorCount }, (_, k) => specs[Math.floor(k / vendorCount)]!.heldQuality?.[k % vendorCount] ?? 0),
    workShare: Float64Array.from({ length: size * vendorCount }, (_, k) => specs[Math.floor(k / vendorCount)]!.workShare?.[k % vendorCount] ?? 0),
    lastUpgradeTick: Int32Array.from(specs.map((s) => s.lastUpgradeTick ?? NEVER_SWITCHED)),
    stageSinceTick: Int32Array.from(specs.map((s) => s.stageSinceTick ?? 0)),
    lastSwitchTick: Int32Array.from(specs.map((s) => s.lastSwitchTick ?? NEVER_SWITCHED)),
    rngs: specs.map((s) => s.rng ?? ALWAYS),
  };
}

/** The capacity a contract ends up delivering (its last step). */
export function capacityOf(contract: ComputeContract): number {
  return contract.delivered.at(-1)?.capacityMTok ?? 0;
}
