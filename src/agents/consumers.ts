import type { TickContext } from './agent-context.js';
import { marketSubscribersThisMonth, marketWeeklyUsersThisMonth } from '../market/consumer-market.js';
import { servedShare } from '../world/state.js';

/**
 * The aggregate consumer market: paying chat subscribers grow with the market, which approaches
 * its addressable ceiling (market/consumer-market.ts), and move between apps on brand and quality
 * (the policy), not on price. The policy hands out exactly the market's subscribers; the books
 * (books/populations.ts) stop a run whose apps hold more. Weekly users, paying and free, grow
 * towards their own ceiling and are shared out by the same policy; an app's free users are its
 * weekly users less its subscribers (an app never has fewer weekly users than paying ones).
 */
export function updateSubscriptions(ctx: TickContext): void {
  const apps = Object.values(ctx.world().vendors).filter((v) => v.hasConsumerApp);
  if (apps.length === 0) return;
  const opening = apps.reduce((sum, app) => sum + app.subscribers, 0);
  const total = marketSubscribersThisMonth(ctx.scenario, ctx.tick, opening);
  // A rationed app serves its users worse: they judge it by the quality they actually get.
  const appeal = apps.map((app) => ({ ...app, quality: app.quality * servedShare((ctx.lastMonth.vendors[app.id] ?? app).books) }));
  const next = ctx.policies.consumers.policy.nextSubscribers(appeal, total);
  const sum = next.reduce((s, x) => s + x, 0);
  const weekly = ctx.scenario.consumers.weeklyUsers
    ? ctx.policies.consumers.policy.nextSubscribers(
        appeal.map((app) => ({ ...app, subscribers: app.weeklyUsers })),
        marketWeeklyUsersThisMonth(ctx.scenario, ctx.tick, apps.reduce((s, app) => s + app.weeklyUsers, 0)),
      )
    : next;
  apps.forEach((app, i) => {
    const subscribers = next[i] ?? 0;
    ctx.bus.publish({
      type: 'consumers.subscribed',
      tick: ctx.tick,
      vendor: app.id,
      subscribers,
      weeklyUsers: Math.max(subscribers, weekly[i] ?? 0),
      brand: ctx.policies.consumers.policy.nextBrand(app.brand, sum > 0 ? subscribers / sum : 0),
    });
  });
}
