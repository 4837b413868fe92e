import { z } from 'zod';
import { definePolicy } from './define-policy.js';

/** Open weights cost the cloud only compute: it prices their tokens at unit cost plus a markup. */
export const hostingMarkup = definePolicy({
  type: 'hosting-markup',
  role: 'cloud-hosting-pricing',
  summary: 'Price open-weights tokens at the cloud’s unit cost × (1 + markup).',
  params: z
    .object({
      markup: z.number().min(0).default(0.5).describe('markup over unit compute cost on open-weights tokens'),
    })
    .strict(),
  create: (p) => ({ priceUsdPerMTok: (unitCost: number) => unitCost * (1 + p.markup) }),
});
