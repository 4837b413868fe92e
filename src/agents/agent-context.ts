import type { Scenario } from '../config/parse-scenario.js';
import type { Rng } from '../engine/rng.js';
import type { EventBus } from '../engine/event-bus.js';
import type {
  AllocationPolicy,
  AdoptionPolicy,
  CapexPolicy,
  CloudInvestmentPolicy,
  CloudOfferPolicy,
  ComputePolicy,
  DemandPolicy,
  ConsumerChoicePolicy,
  FundingPolicy,
  HostingPricingPolicy,
  MarketplacePolicy,
  PricingPolicy,
  SwitchingPolicy,
  TrainingPolicy,
  UpgradePolicy,
} from '../policies/policy-roles.js';
import { instantiatePolicy, type PolicySpec } from '../policies/registry.js';
import { slotRole } from '../policies/policy-slots.js';
import { createRng } from '../engine/rng.js';
import type { ComputeMarket } from '../market/compute-cost.js';
import type { Timeline } from '../simulation/timeline.js';
import type { MarketEvent } from '../world/events.js';
import type { WorldState } from '../world/state.js';

/** Slots are writable: a scheduled policy change swaps one implementation for another. */
export interface VendorPolicies {
  /** Absent for open weights, which sell no API and buy no inference compute. */
  pricing?: PricingPolicy;
  compute?: ComputePolicy;
  training: TrainingPolicy;
  /** Absent: the vendor never raises money. */
  funding?: FundingPolicy;
}

export interface CloudPolicies {
  offer: CloudOfferPolicy;
  capex: CapexPolicy;
  hostingPricing: HostingPricingPolicy;
  /** Absent: the cloud never invests. */
  investment?: CloudInvestmentPolicy;
  /** Absent: neutral placement. */
  marketplace?: MarketplacePolicy;
}

export interface EnterprisePolicies {
  adoption: AdoptionPolicy;
  switching: SwitchingPolicy;
  allocation: AllocationPolicy;
  upgrade: UpgradePolicy;
  demand: DemandPolicy;
}

/** The allocation of a config that names none: every adopter on one vendor. */
const SINGLE_VENDOR: PolicySpec = { type: 'single-vendor', params: {} };
/** The upgrade rule of a config that names none: a release reaches every customer at once. */
const IMMEDIATE: PolicySpec = { type: 'immediate', params: {} };
/** The demand rule of a config that names none: work grows with time alone. */
const STEADY: PolicySpec = { type: 'steady', params: {} };

export interface AgentPolicies {
  readonly vendors: Readonly<Record<string, VendorPolicies>>;
  readonly clouds: Readonly<Record<string, CloudPolicies>>;
  readonly enterprises: EnterprisePolicies;
  readonly consumers: { policy: ConsumerChoicePolicy };
}

export type VendorConfig = Scenario['vendors'][number];

/** What an agent sees during one phase of one month. */
export interface TickContext {
  /** The scenario in force this month (a branch's from its month on, its parent's before). */
  readonly scenario: Scenario;
  readonly tick: number;
  /** This month, YYYY-MM. */
  readonly date: string;
  /** The compute market in force, with the path its costs have taken so far. */
  readonly compute: ComputeMarket;
  /** The scenarios the run goes through, for rates that compound over time. */
  readonly timeline: Timeline;
  /** Every vendor of the run in config order, entered or not: the indexes of enterprises' choices. */
  readonly roster: readonly string[];
  /** Configs of the vendors in the market this month, in roster order. */
  vendors(): readonly VendorConfig[];
  /** The world as events so far this month left it. */
  world(): WorldState;
  /** The world at the end of last month (its books are last month's). */
  readonly lastMonth: WorldState;
  readonly bus: EventBus<MarketEvent>;
  readonly policies: AgentPolicies;
  /** One random stream per vendor and per cloud, keyed "vendor/<id>" and "cloud/<id>". */
  readonly rngs: Readonly<Record<string, Rng>>;
}

/** A vendor's decision rules as its config states them. */
export function vendorPolicies(vendor: VendorConfig): VendorPolicies {
  if (vendor.weights === 'open') return { training: instantiatePolicy('vendor-training', vendor.policies.training) };
  return {
    pricing: instantiatePolicy('vendor-pricing', vendor.policies.pricing),
    compute: instantiatePolicy('vendor-compute', vendor.policies.compute),
    training: instantiatePolicy('vendor-training', vendor.policies.training),
    ...(vendor.policies.funding && { funding: instantiatePolicy('vendor-funding', vendor.policies.funding) }),
  };
}

export function instantiatePolicies(scenario: Scenario): AgentPolicies {
  const vendors: Record<string, VendorPolicies> = {};
  for (const vendor of scenario.vendors) vendors[vendor.id] = vendorPolicies(vendor);
  const clouds: Record<string, CloudPolicies> = {};
  for (const cloud of scenario.clouds) {
    clouds[cloud.id] = {
      offer: instantiatePolicy('cloud-offer', cloud.policies.offer),
      capex: instantiatePolicy('cloud-capex', cloud.policies.capex),
      hostingPricing: instantiatePolicy('cloud-hosting-pricing', cloud.policies.hostingPricing),
      ...(cloud.policies.investment && { investment: instantiatePolicy('cloud-investment', cloud.policies.investment) }),
      ...(cloud.policies.marketplace && { marketplace: instantiatePolicy('cloud-marketplace', cloud.policies.marketplace) }),
    };
  }
  return {
    vendors,
    clouds,
    enterprises: {
      adoption: instantiatePolicy('enterprise-adoption', scenario.enterprises.policies.adoption),
      switching: instantiatePolicy('enterprise-switching', scenario.enterprises.policies.switching),
      allocation: instantiatePolicy('enterprise-allocation', scenario.enterprises.policies.allocation ?? SINGLE_VENDOR),
      upgrade: instantiatePolicy('enterprise-upgrade', scenario.enterprises.policies.upgrade ?? IMMEDIATE),
      demand: instantiatePolicy('enterprise-demand', scenario.enterprises.policies.demand ?? STEADY),
    },
    consumers: { policy: instantiatePolicy('consumer-choice', scenario.consumers.policy) },
  };
}

/** Swaps one agent's policy in a slot ("vendor/openai" + "pricing"), for a scheduled policy change. */
export function replacePolicy(policies: AgentPolicies, agent: string, slot: string, spec: PolicySpec): void {
  const role = slotRole(agent, slot);
  if (!role) throw new Error(`no policy slot "${slot}" for ${agent}`);
  const [kind, id] = agent.split('/');
  const holder = (
    kind === 'vendor'
      ? policies.vendors[id!]
      : kind === 'cloud'
        ? policies.clouds[id!]
        : kind === 'enterprises'
          ? policies.enterprises
          : policies.consumers
  ) as Record<string, unknown> | undefined;
  if (!holder) throw new Error(`no agent ${agent}`);
  holder[slot] = instantiatePolicy(role, spec);
}

export function agentRngs(scenario: Scenario, seed: number): Record<string, Rng> {
  const rngs: Record<string, Rng> = {};
  for (const vendor of scenario.vendors) rngs[`vendor/${vendor.id}`] = createRng(seed, `vendor/${vendor.id}`);
  for (const cloud of scenario.clouds) rngs[`cloud/${cloud.id}`] = createRng(seed, `cloud/${cloud.id}`);
  return rngs;
}
