import type { z } from 'zod';
import type { PolicyRole, PolicyRoles } from './policy-roles.js';

/** A named, parameterised implementation of one role; it validates its own params. */
export interface PolicyDefinition<R extends PolicyRole = PolicyRole> {
  readonly type: string;
  readonly role: R;
  readonly summary: string;
  readonly params: z.ZodType<Record<string, unknown>>;
  create(params: Record<string, unknown>): PolicyRoles[R];
}

export function definePolicy<R extends PolicyRole, S extends z.ZodType<Record<string, unknown>>>(definition: {
  type: string;
  role: R;
  summary: string;
  params: S;
  create(params: z.output<S>): PolicyRoles[R];
}): PolicyDefinition<R> {
  return definition as unknown as PolicyDefinition<R>;
}
