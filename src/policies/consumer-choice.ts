import { z } from 'zod';
import { definePolicy } from './define-policy.js';
import type { ConsumerAppeal } from './policy-roles.js';

/**
 * Consumers pick chat apps by brand first and quality second, not price (all charge the same
 * subscription): each app's share moves a step a month towards appeal = brand^b × quality^q.
 * Brand follows users: an app's brand drifts towards its share of subscribers, so the leader's
 * brand and user base reinforce each other (seed article: ChatGPT is to chatbots what Google is to
 * search, named in ~20 % of job postings asking for GenAI skills).
 */
export const brandAndQuality = definePolicy({
  type: 'brand-and-quality',
  role: 'consumer-choice',
  summary: 'Subscriber shares move towards brand^b × quality^q; brand drifts towards the share of users.',
  params: z
    .object({
      brandWeight: z.number().min(0).default(2).describe('exponent b of brand in an app’s appeal'),
      qualityWeight: z.number().min(0).default(1).describe('exponent q of model quality in an app’s appeal'),
      adjustmentPerMonth: z.number().min(0).max(1).default(0.05).describe('share of the gap to the appeal-implied share closed each month'),
      brandLearningPerMonth: z.number().min(0).max(1).default(0.02).describe('share of the gap between brand and user share closed each month'),
    })
    .strict(),
  create: (p) => ({
    nextSubscribers(apps: readonly ConsumerAppeal[], totalSubscribers: number): number[] {
      const appeal = apps.map((a) => a.brand ** p.brandWeight * a.quality ** p.qualityWeight);
      const appealSum = appeal.reduce((s, x) => s + x, 0);
      const current = apps.reduce((s, a) => s + a.subscribers, 0);
      return apps.map((app, i) => {
        // With no appeal anywhere, apps split the market evenly; with no users yet, by appeal at once.
        const targetShare = appealSum > 0 ? (appeal[i] ?? 0) / appealSum : 1 / apps.length;
        const currentShare = current > 0 ? app.subscribers / current : targetShare;
        const share = currentShare + p.adjustmentPerMonth * (targetShare - currentShare);
        return share * totalSubscribers;
      });
    },
    nextBrand: (brand: number, subscriberShare: number) => brand + p.brandLearningPerMonth * (subscriberShare - brand),
  }),
});
