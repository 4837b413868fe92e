import { POLICIES } from '../../policies/registry.js';
import type { PolicyRole } from '../../policies/policy-roles.js';
import { POLICY_SLOTS } from '../../policies/policy-slots.js';
import type { Path } from './json-path.js';

/**
 * A policy's type as the page edits it: the types its role offers, and the params a new type
 * starts from. A type is never changed alone: the old type's params would not fit the new one,
 * so a change replaces the whole policy, { type, params }.
 */

/** The kind of agent whose policies a scenario's top-level list holds. */
const AGENT_OF_LIST: Readonly<Record<string, keyof typeof POLICY_SLOTS>> = { vendors: 'vendor', clouds: 'cloud', enterprises: 'enterprises', consumers: 'consumers' };

/** The role of the policy whose `type` a path names (vendors[0].policies.pricing.type), if it names one. */
export function policyTypeRole(path: Path): PolicyRole | undefined {
  const at = path.indexOf('policies');
  if (at < 0 || path.length !== at + 3 || path.at(-1) !== 'type') return undefined;
  const agent = AGENT_OF_LIST[String(path[0])];
  return agent === undefined ? undefined : POLICY_SLOTS[agent][String(path[at + 1])];
}

export function policyTypes(role: PolicyRole): string[] {
  return POLICIES[role].map((p) => p.type);
}

export function policySummary(role: PolicyRole, type: string): string {
  return POLICIES[role].find((p) => p.type === type)?.summary ?? '';
}

/** A policy of a new type: its defaults, or no params when it has required ones (the check then names them). */
export function policyOfType(role: PolicyRole, type: string): { type: string; params: Record<string, unknown> } {
  const definition = POLICIES[role].find((p) => p.type === type);
  const parsed = definition?.params.safeParse({});
  return { type, params: parsed?.success ? { ...(parsed.data as Record<string, unknown>) } : {} };
}
