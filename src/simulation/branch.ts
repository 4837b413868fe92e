import { vendorPolicies, type AgentPolicies, type TickContext, type VendorPolicies } from '../agents/agent-context.js';
import { retunePopulation, type EnterprisePopulation } from '../agents/enterprise-population.js';
import type { Scenario } from '../config/parse-scenario.js';
import type { PolicySpec } from '../policies/registry.js';

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

type Slots = Readonly<Record<string, PolicySpec | undefined>>;

/**
 * The month a branch begins: what its config changes takes effect, as the events an agent's own
 * change would have produced. A policy that differs from the parent's is a `policy.changed`; a
 * listing that differs is added or removed; enterprises' value and switching-cost spreads move to
 * the branch's; a vendor new in the branch gets its policies (it comes to market at its entersAt).
 */
export function enterBranch(ctx: TickContext, previous: Scenario, next: Scenario, population: EnterprisePopulation, policies: AgentPolicies): void {
  const changed = (agent: string, before: Slots, after: Slots) => {
    for (const [slot, spec] of Object.entries(after)) {
      if (spec === undefined || same(spec, before[slot])) continue;
      ctx.bus.publish({ type: 'policy.changed', tick: ctx.tick, agent, slot, policy: { type: spec.type, params: spec.params ?? {} } });
    }
  };
  for (const vendor of next.vendors) {
    const earlier = previous.vendors.find((v) => v.id === vendor.id);
    if (earlier) changed(`vendor/${vendor.id}`, earlier.policies as Slots, vendor.policies as Slots);
    else (policies.vendors as Record<string, VendorPolicies>)[vendor.id] = vendorPolicies(vendor);
  }
  for (const cloud of next.clouds) {
    const earlier = previous.clouds.find((c) => c.id === cloud.id)!;
    changed(`cloud/${cloud.id}`, earlier.policies as Slots, cloud.policies as Slots);
  }
  changed('enterprises', previous.enterprises.policies as Slots, next.enterprises.policies as Slots);
  changed('consumers', { policy: previous.consumers.policy }, { policy: next.consumers.policy });

  const key = (l: { cloud: string; vendor: string }) => `${l.cloud}/${l.vendor}`;
  const before = new Map(previous.marketplace.map((l) => [key(l), l]));
  const after = new Map(next.marketplace.map((l) => [key(l), l]));
  for (const [pair, listing] of before) {
    if (!after.has(pair)) ctx.bus.publish({ type: 'marketplace.listing-removed', tick: ctx.tick, cloud: listing.cloud, vendor: listing.vendor });
  }
  for (const [pair, listing] of after) {
    if (same(listing, before.get(pair))) continue;
    const open = next.vendors.find((v) => v.id === listing.vendor)?.weights === 'open';
    ctx.bus.publish({ type: 'marketplace.listing-added', tick: ctx.tick, listing: { ...listing, revenueShare: open ? 0 : listing.revenueShare } });
  }

  const spreads = (segments: Scenario['enterprises']['segments']) =>
    segments.map((s) => [s.valueUsdPerTask, s.integrationCostShare, s.switchingCostUsd, s.marketplaceSwitchingCostFactor]);
  if (!same(spreads(previous.enterprises.segments), spreads(next.enterprises.segments))) {
    retunePopulation(population, previous.enterprises.segments, next.enterprises.segments);
  }
}
