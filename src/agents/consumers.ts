import type { TickContext } from './agent-context.js';
import { servedShare } from '../world/state.js';

/**
 * The aggregate consumer market: paying chat subscribers grow with the market and move between
 * apps on brand and quality (the policy), not on price.
 */
export function updateSubscriptions(ctx: TickContext): void {
  const { consumers } = ctx.scenario;
  const apps = Object.values(ctx.world().vendors).filter((v) => v.hasConsumerApp);
  if (apps.length === 0) return;
  const total = consumers.subscribersAtStart * ctx.timeline.compound((s) => s.consumers.growthPerYear, ctx.tick);
  // A rationed app serves its users worse: they judge it by the quality they actually get.
  const appeal = apps.map((app) => ({ ...app, quality: app.quality * servedShare((ctx.lastMonth.vendors[app.id] ?? app).books) }));
  const next = ctx.policies.consumers.policy.nextSubscribers(appeal, total);
  const sum = next.reduce((s, x) => s + x, 0);
  apps.forEach((app, i) => {
    const subscribers = next[i] ?? 0;
    ctx.bus.publish({
      type: 'consumers.subscribed',
      tick: ctx.tick,
      vendor: app.id,
      subscribers,
      brand: ctx.policies.consumers.policy.nextBrand(app.brand, sum > 0 ? subscribers / sum : 0),
    });
  });
}
