import { z } from 'zod';
import type { Scenario } from '../config/parse-scenario.js';
import { POLICY_SLOTS } from '../policies/policy-slots.js';
import type { PolicyRole } from '../policies/policy-roles.js';
import { findPolicy } from '../policies/registry.js';

/**
 * The numeric parameters of a scenario's policies, each with the range its policy's own schema
 * allows: what sensitivity moves, and what a calibration's free ranges are checked against.
 */

export interface ParamBounds {
  readonly min?: number;
  readonly max?: number;
  readonly integer: boolean;
}

export interface PolicyParam {
  /** e.g. "vendors.openai.policies.pricing.params.markup" */
  readonly path: string;
  readonly value: number;
  readonly policyType: string;
  readonly bounds: ParamBounds;
}

type PolicySlots = Readonly<Record<string, { type: string; params: Record<string, unknown> } | undefined>>;

/** Every numeric policy parameter, in config order: vendors, clouds, enterprises, consumers. */
export function numericPolicyParams(scenario: Scenario): PolicyParam[] {
  const params: PolicyParam[] = [];
  const visit = (prefix: string, slots: PolicySlots, roles: Readonly<Record<string, PolicyRole>>) => {
    for (const [slot, policy] of Object.entries(slots)) {
      const role = roles[slot];
      if (!policy || !role) continue;
      const bounds = paramBounds(role, policy.type);
      for (const [name, value] of Object.entries(policy.params)) {
        if (typeof value !== 'number') continue;
        params.push({ path: `${prefix}.${slot}.params.${name}`, value, policyType: policy.type, bounds: bounds.get(name) ?? { integer: false } });
      }
    }
  };
  for (const vendor of scenario.vendors) visit(`vendors.${vendor.id}.policies`, vendor.policies as PolicySlots, POLICY_SLOTS.vendor);
  for (const cloud of scenario.clouds) visit(`clouds.${cloud.id}.policies`, cloud.policies as PolicySlots, POLICY_SLOTS.cloud);
  visit('enterprises.policies', scenario.enterprises.policies as PolicySlots, POLICY_SLOTS.enterprises);
  visit('consumers', { policy: scenario.consumers.policy } as PolicySlots, POLICY_SLOTS.consumers);
  return params;
}

interface JsonSchemaNumber {
  type?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
}

/** Each param's range, read from the policy's own schema (exclusive bounds count as the bound). */
function paramBounds(role: PolicyRole, type: string): Map<string, ParamBounds> {
  const definition = findPolicy(role, type);
  const bounds = new Map<string, ParamBounds>();
  if (!definition) return bounds;
  const schema = z.toJSONSchema(definition.params, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, JsonSchemaNumber> };
  for (const [name, field] of Object.entries(schema.properties ?? {})) {
    bounds.set(name, {
      min: field.minimum ?? field.exclusiveMinimum,
      max: field.maximum ?? field.exclusiveMaximum,
      integer: field.type === 'integer',
    });
  }
  return bounds;
}

