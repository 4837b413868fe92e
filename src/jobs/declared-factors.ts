import { z } from 'zod';
import type { Scenario } from '../config/parse-scenario.js';
import { distribution } from '../config/uncertain-schema.js';
import { uncertainFactors, type UncertainFactor } from '../sweep/uncertain-draws.js';

/**
 * A declared factor (a parameter the scenario declares uncertain) as the manifests of morris and
 * discover record it, and read back: recorded without its field's bounds, which the scenario gives
 * back, so that a job read from its manifest equals the one its command built.
 */

export const recordedDeclaredFactor = z.object({ origin: z.literal('declared'), path: z.string().min(1), distribution, source: z.string().min(1) }).strict();

/** A declared factor as the manifest records it, in that order. */
export function recordDeclaredFactor(factor: UncertainFactor): Record<string, unknown> {
  return { origin: 'declared', path: factor.path, distribution: factor.distribution, source: factor.source };
}

/** The factors read from a manifest, each declared one given back its field's bounds from the scenario. */
export function withDeclaredBounds<F extends { readonly origin: string; readonly path: string }>(scenario: Scenario, factors: readonly F[]): F[] {
  const declared = uncertainFactors(scenario);
  const bounds = new Map(declared.success ? declared.value.map((factor) => [factor.path, factor.bounds]) : []);
  return factors.map((factor) => {
    if (factor.origin !== 'declared') return factor;
    const fieldBounds = bounds.get(factor.path);
    return fieldBounds === undefined ? factor : { ...factor, bounds: fieldBounds };
  });
}
