import { z } from 'zod';
import type { PolicyDefinition } from '../policies/define-policy.js';
import { findPolicy, parsePolicyParams, policyTypes, type PolicySpec } from '../policies/registry.js';
import type { PolicyRole } from '../policies/policy-roles.js';
import { closestName, unknownNames } from './suggest.js';
import { quote } from './quote.js';
import { issueInWords } from './issue-words.js';

/**
 * Marks a policy slot in the JSON Schema, so that json-schema.ts can replace the generic
 * `{ type, params }` object with one variant per policy type and that policy's own params.
 */
export const POLICY_ROLE_KEYWORD = 'x-policy-role';

/**
 * `{ "type": "...", "params": { ... } }` for one role: an unknown type lists the valid ones, and
 * the params are checked by that policy's own schema, each problem reported at its path.
 */
export function policySpec(role: PolicyRole) {
  return z
    .object({
      type: z.string().describe(`policy type; one of: ${policyTypes(role).join(', ')}`),
      params: z.record(z.string(), z.unknown()).optional().describe('the policy’s parameters; defaults fill what is left out'),
      source: z.string().max(2000).optional().describe('where the params come from: a source, as reported, or the command that fitted them'),
    })
    .strict()
    .describe(`${role} policy, see "Policies"`)
    .transform((spec, ctx): PolicySpec => {
      const definition = findPolicy(role, spec.type);
      if (!definition) {
        const guess = closestName(spec.type, policyTypes(role));
        ctx.addIssue({
          code: 'custom',
          path: ['type'],
          message: `unknown ${role} policy ${quote(spec.type)}${guess ? ` (did you mean "${guess}"?)` : ''}; valid types: ${policyTypes(role).join(', ')}`,
        });
        return z.NEVER;
      }
      const parsed = parsePolicyParams(definition, spec.params);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const message =
            issue.code === 'unrecognized_keys'
              ? `${unknownNames('param', issue.keys, paramNames(definition))} (of ${spec.type})`
              : issueInWords(issue);
          ctx.addIssue({ code: 'custom', path: ['params', ...issue.path.map(String)], message });
        }
        return z.NEVER;
      }
      return { type: spec.type, params: parsed.data };
    })
    .meta({ [POLICY_ROLE_KEYWORD]: role });
}

/** The params a policy takes, from its own schema. */
export function paramNames(definition: PolicyDefinition): string[] {
  const schema = z.toJSONSchema(definition.params, { io: 'input', unrepresentable: 'any' }) as { properties?: object };
  return Object.keys(schema.properties ?? {});
}
