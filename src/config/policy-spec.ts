import { z } from 'zod';
import { findPolicy, parsePolicyParams, policyTypes, type PolicySpec } from '../policies/registry.js';
import type { PolicyRole } from '../policies/policy-roles.js';

/**
 * `{ "type": "...", "params": { ... } }` for one role: an unknown type lists the valid ones, and
 * the params are checked by that policy's own schema, each problem reported at its path.
 */
export function policySpec(role: PolicyRole) {
  return z
    .object({
      type: z.string().describe(`policy type; one of: ${policyTypes(role).join(', ')}`),
      params: z.record(z.string(), z.unknown()).optional().describe('the policy’s parameters; defaults fill what is left out'),
    })
    .strict()
    .describe(`${role} policy, see "Policies"`)
    .transform((spec, ctx): PolicySpec => {
      const definition = findPolicy(role, spec.type);
      if (!definition) {
        ctx.addIssue({
          code: 'custom',
          path: ['type'],
          message: `unknown ${role} policy "${spec.type}"; valid types: ${policyTypes(role).join(', ')}`,
        });
        return z.NEVER;
      }
      const parsed = parsePolicyParams(definition, spec.params);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          ctx.addIssue({ code: 'custom', path: ['params', ...issue.path.map(String)], message: issue.message });
        }
        return z.NEVER;
      }
      return { type: spec.type, params: parsed.data };
    });
}
