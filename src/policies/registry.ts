import type { z } from 'zod';
import { bassDiffusion } from './enterprise-adoption.js';
import { neverSwitch, roiPayback } from './enterprise-switching.js';
import { logitSplit, singleVendor } from './enterprise-allocation.js';
import { immediateUpgrade, staggeredUpgrade } from './enterprise-upgrade.js';
import { capabilityDriven, steadyDemand } from './enterprise-demand.js';
import { costPlusCompetitive, fixedPrice } from './vendor-pricing.js';
import { utilisationTarget } from './vendor-compute.js';
import { capitalPlan, frontierFollower, revenueShareTraining } from './vendor-training.js';
import { costPlusOffer } from './cloud-offer.js';
import { utilisationCapex } from './cloud-capex.js';
import { hostingMarkup } from './cloud-hosting-pricing.js';
import { brandAndQuality } from './consumer-choice.js';
import { runway } from './vendor-funding.js';
import { noInvestment, strategicStake } from './cloud-investment.js';
import { favourOwn, neutralPlacement } from './cloud-marketplace.js';
import type { PolicyDefinition } from './define-policy.js';
import type { PolicyRole, PolicyRoles } from './policy-roles.js';

/** Every policy a config can name, by role; add a new one here and it is available in configs. */
export const POLICIES: { readonly [R in PolicyRole]: readonly PolicyDefinition<R>[] } = {
  'enterprise-adoption': [bassDiffusion],
  'enterprise-switching': [roiPayback, neverSwitch],
  'enterprise-allocation': [singleVendor, logitSplit],
  'enterprise-upgrade': [immediateUpgrade, staggeredUpgrade],
  'enterprise-demand': [steadyDemand, capabilityDriven],
  'vendor-pricing': [costPlusCompetitive, fixedPrice],
  'vendor-compute': [utilisationTarget],
  'vendor-training': [revenueShareTraining, frontierFollower, capitalPlan],
  'cloud-offer': [costPlusOffer],
  'cloud-capex': [utilisationCapex],
  'cloud-hosting-pricing': [hostingMarkup],
  'consumer-choice': [brandAndQuality],
  'vendor-funding': [runway],
  'cloud-investment': [strategicStake, noInvestment],
  'cloud-marketplace': [neutralPlacement, favourOwn],
};

/** A policy as written in a config, after its params were checked and defaults filled in. */
export interface PolicySpec {
  readonly type: string;
  readonly params: Record<string, unknown>;
}

export function policyTypes(role: PolicyRole): string[] {
  return POLICIES[role].map((p) => p.type);
}

export function findPolicy<R extends PolicyRole>(role: R, type: string): PolicyDefinition<R> | undefined {
  return (POLICIES[role] as readonly PolicyDefinition<R>[]).find((p) => p.type === type);
}

/** Checks params against the policy's own schema; the caller reports issues with their paths. */
export function parsePolicyParams(
  definition: PolicyDefinition,
  params: unknown,
): { success: true; data: Record<string, unknown> } | { success: false; error: z.ZodError } {
  const result = definition.params.safeParse(params ?? {});
  return result.success ? { success: true, data: result.data } : { success: false, error: result.error };
}

export function instantiatePolicy<R extends PolicyRole>(role: R, spec: PolicySpec): PolicyRoles[R] {
  const definition = findPolicy(role, spec.type);
  if (!definition) throw new Error(`unknown ${role} policy "${spec.type}"`);
  return definition.create(definition.params.parse(spec.params));
}
