import type { Scenario } from '../config/parse-scenario.js';
import type { Rng } from '../engine/rng.js';
import type { EventBus } from '../engine/event-bus.js';
import type {
  AdoptionPolicy,
  CapexPolicy,
  CloudOfferPolicy,
  ComputePolicy,
  ConsumerChoicePolicy,
  HostingPricingPolicy,
  PricingPolicy,
  SwitchingPolicy,
  TrainingPolicy,
} from '../policies/policy-roles.js';
import { instantiatePolicy } from '../policies/registry.js';
import { createRng } from '../engine/rng.js';
import type { MarketEvent } from '../world/events.js';
import type { WorldState } from '../world/state.js';

export interface VendorPolicies {
  /** Absent for open weights, which sell no API and buy no inference compute. */
  readonly pricing?: PricingPolicy;
  readonly compute?: ComputePolicy;
  readonly training: TrainingPolicy;
}

export interface CloudPolicies {
  readonly offer: CloudOfferPolicy;
  readonly capex: CapexPolicy;
  readonly hostingPricing: HostingPricingPolicy;
}

export interface AgentPolicies {
  readonly vendors: Readonly<Record<string, VendorPolicies>>;
  readonly clouds: Readonly<Record<string, CloudPolicies>>;
  readonly adoption: AdoptionPolicy;
  readonly switching: SwitchingPolicy;
  readonly consumers: ConsumerChoicePolicy;
}

/** What an agent sees during one phase of one month. */
export interface TickContext {
  readonly scenario: Scenario;
  readonly tick: number;
  /** The world as events so far this month left it. */
  world(): WorldState;
  /** The world at the end of last month (its books are last month's). */
  readonly lastMonth: WorldState;
  readonly bus: EventBus<MarketEvent>;
  readonly policies: AgentPolicies;
  /** One random stream per vendor and per cloud, keyed "vendor/<id>" and "cloud/<id>". */
  readonly rngs: Readonly<Record<string, Rng>>;
}

export function instantiatePolicies(scenario: Scenario): AgentPolicies {
  const vendors: Record<string, VendorPolicies> = {};
  for (const vendor of scenario.vendors) {
    vendors[vendor.id] =
      vendor.weights === 'closed'
        ? {
            pricing: instantiatePolicy('vendor-pricing', vendor.policies.pricing),
            compute: instantiatePolicy('vendor-compute', vendor.policies.compute),
            training: instantiatePolicy('vendor-training', vendor.policies.training),
          }
        : { training: instantiatePolicy('vendor-training', vendor.policies.training) };
  }
  const clouds: Record<string, CloudPolicies> = {};
  for (const cloud of scenario.clouds) {
    clouds[cloud.id] = {
      offer: instantiatePolicy('cloud-offer', cloud.policies.offer),
      capex: instantiatePolicy('cloud-capex', cloud.policies.capex),
      hostingPricing: instantiatePolicy('cloud-hosting-pricing', cloud.policies.hostingPricing),
    };
  }
  return {
    vendors,
    clouds,
    adoption: instantiatePolicy('enterprise-adoption', scenario.enterprises.policies.adoption),
    switching: instantiatePolicy('enterprise-switching', scenario.enterprises.policies.switching),
    consumers: instantiatePolicy('consumer-choice', scenario.consumers.policy),
  };
}

export function agentRngs(scenario: Scenario, seed: number): Record<string, Rng> {
  const rngs: Record<string, Rng> = {};
  for (const vendor of scenario.vendors) rngs[`vendor/${vendor.id}`] = createRng(seed, `vendor/${vendor.id}`);
  for (const cloud of scenario.clouds) rngs[`cloud/${cloud.id}`] = createRng(seed, `cloud/${cloud.id}`);
  return rngs;
}
