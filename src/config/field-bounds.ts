import { z } from 'zod';
import type { JsonSchema } from './json-schema.js';
import { policyVariant } from './json-schema.js';
import { POLICY_ROLE_KEYWORD } from './policy-spec.js';
import type { PolicyRole } from '../policies/policy-roles.js';
import { scenarioSchema } from './scenario-schema.js';

/**
 * The valid range of a numeric field of a scenario, read from the scenario's own schema (and, for a
 * policy's param, from that policy's): what an uncertain parameter's range must stay within, and
 * what a truncated normal is truncated to. A bound the schema does not state is absent.
 */
export interface FieldBounds {
  readonly min?: number;
  readonly max?: number;
  /** Whether the field must be above min (below max) rather than at least (at most) it. */
  readonly minExclusive: boolean;
  readonly maxExclusive: boolean;
  readonly integer: boolean;
}

let scenarioJson: JsonSchema | undefined;

/**
 * The bounds of the field at `segments` (as resolvePath returns them: list entries by index) of
 * `scenario`, the parsed scenario those segments were resolved in; undefined when the schema
 * holds no number there.
 */
export function fieldBounds(scenario: unknown, segments: readonly (string | number)[]): FieldBounds | undefined {
  scenarioJson ??= z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const defs = scenarioJson.$defs ?? {};
  let node: JsonSchema | undefined = scenarioJson;
  let value: unknown = scenario;
  for (const segment of segments) {
    node = choose(node, value, defs);
    node = typeof segment === 'number' ? node?.items : node?.properties?.[segment];
    value = value !== null && typeof value === 'object' ? (value as Record<string | number, unknown>)[segment] : undefined;
  }
  node = choose(node, value, defs);
  if (node === undefined || (node.type !== 'number' && node.type !== 'integer')) return undefined;
  const min = larger(node.minimum, node.exclusiveMinimum);
  const max = smaller(node.maximum, node.exclusiveMaximum);
  return {
    ...(min.bound !== undefined ? { min: min.bound } : {}),
    ...(max.bound !== undefined ? { max: max.bound } : {}),
    minExclusive: min.exclusive,
    maxExclusive: max.exclusive,
    integer: node.type === 'integer',
  };
}

/**
 * The node that describes `value`: a reference followed, a policy slot replaced by the schema of
 * the policy it names, the variant of a union whose constant (`weights`, `type`) the value holds.
 */
function choose(node: JsonSchema | undefined, value: unknown, defs: Record<string, JsonSchema>): JsonSchema | undefined {
  for (let depth = 0; node !== undefined && depth < 16; depth++) {
    if (node.$ref?.startsWith('#/$defs/')) {
      node = defs[node.$ref.slice('#/$defs/'.length)];
      continue;
    }
    const role = node[POLICY_ROLE_KEYWORD] as PolicyRole | undefined;
    if (role !== undefined) {
      const type = (value as { type?: unknown } | null)?.type;
      if (typeof type !== 'string') return undefined;
      try {
        return policyVariant(role, type);
      } catch {
        return undefined; // an unknown policy type is reported by the schema itself
      }
    }
    const variants = node.oneOf ?? node.anyOf;
    if (variants === undefined) return node;
    node =
      variants.find((variant) =>
        Object.entries(variant.properties ?? {}).some(([key, field]) => field.const !== undefined && (value as Record<string, unknown> | null)?.[key] === field.const),
      ) ?? variants.find((variant) => variant.type !== 'null');
  }
  return node;
}

/** The tighter of an inclusive and an exclusive lower bound. */
function larger(inclusive: number | undefined, exclusive: number | undefined): { bound?: number; exclusive: boolean } {
  if (exclusive !== undefined && (inclusive === undefined || exclusive >= inclusive)) return { bound: exclusive, exclusive: true };
  return inclusive === undefined ? { exclusive: false } : { bound: inclusive, exclusive: false };
}

function smaller(inclusive: number | undefined, exclusive: number | undefined): { bound?: number; exclusive: boolean } {
  if (exclusive !== undefined && (inclusive === undefined || exclusive <= inclusive)) return { bound: exclusive, exclusive: true };
  return inclusive === undefined ? { exclusive: false } : { bound: inclusive, exclusive: false };
}

/** "0..1", "above 0", "0 to 120, whole numbers": the range as a message states it. */
export function describeBounds(bounds: FieldBounds): string {
  // 1e15 (MAX_AMOUNT) rather than 1000000000000000.
  const shown = (value: number) => (Math.abs(value) >= 1e9 ? value.toExponential().replace('e+', 'e') : String(value));
  const low = bounds.min === undefined ? undefined : `${bounds.minExclusive ? 'above' : 'at least'} ${shown(bounds.min)}`;
  const high = bounds.max === undefined ? undefined : `${bounds.maxExclusive ? 'below' : 'at most'} ${shown(bounds.max)}`;
  const range =
    low !== undefined && high !== undefined && !bounds.minExclusive && !bounds.maxExclusive
      ? `${shown(bounds.min!)}..${shown(bounds.max!)}`
      : [low, high].filter((part) => part !== undefined).join(' and ') || 'any number';
  return bounds.integer ? `${range}, whole numbers` : range;
}
