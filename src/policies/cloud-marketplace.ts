import { z } from 'zod';
import { definePolicy } from './define-policy.js';
import type { PlacementView } from './policy-roles.js';

export const neutralPlacement = definePolicy({
  type: 'neutral',
  role: 'cloud-marketplace',
  summary: 'Every listed model is placed alike.',
  params: z.object({}).strict(),
  create: () => ({ placement: () => 1 }),
});

/**
 * Favour the cloud's own models, and optionally open weights (whose whole margin the cloud keeps),
 * through placement, defaults and bundling: GCP pushes Gemini over its partner Anthropic (seed).
 */
export const favourOwn = definePolicy({
  type: 'favour-own',
  role: 'cloud-marketplace',
  summary: 'Placement boost for the cloud’s own models (and optionally open weights) on its marketplace.',
  params: z
    .object({
      ownModelBoost: z.number().gt(0).default(1.2).describe('multiplier on the value buyers see in the cloud’s own models'),
      openWeightsBoost: z.number().gt(0).default(1).describe('multiplier on the value buyers see in open-weights models'),
      partnerPenalty: z.number().gt(0).max(1).default(1).describe('multiplier on the value of third-party closed models'),
    })
    .strict(),
  create: (p) => ({
    placement: (view: PlacementView) => (view.ownModel ? p.ownModelBoost : view.openWeights ? p.openWeightsBoost : p.partnerPenalty),
  }),
});
