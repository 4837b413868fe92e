import { describe, expect, it } from 'vitest';
import { run, seriesOf, smallBaseline } from './support.js';

/**
 * Issue 26, mechanism 4: an app's free users (weekly users who do not pay) are served on the
 * vendor's own capacity and bring no revenue, so a free tier that grows faster costs the vendor
 * margin: the paying market is the same size. Each app's part of it can move a little, as free
 * users crowd the capacity its subscribers are served on (an app's pull counts last month's served
 * share): measured, OpenAI's subscribers 0.16 % fewer after a year at twice the free growth.
 */
describe('free users', () => {
  const year = (growthPerYear: number) => {
    const json = smallBaseline({ months: 12 });
    json.consumers.weeklyUsers.growthPerYear = growthPerYear;
    return run(json).metrics;
  };
  const base = year(2.86);
  const faster = year(5.72);
  const last = (metrics: typeof base, metric: string) => seriesOf(metrics, metric, 'openai').at(-1)!;
  const market = (metrics: typeof base) => [...metrics.series('vendor.subscribers').values()].reduce((sum, column) => sum + column.at(-1)!, 0);

  it('grow with the weekly market, the paying market left as it was', () => {
    expect(last(faster, 'vendor.free_users')).toBeGreaterThan(1.3 * last(base, 'vendor.free_users'));
    expect(market(faster)).toBeCloseTo(market(base), -2);
    expect(Math.abs(last(faster, 'vendor.subscribers') / last(base, 'vendor.subscribers') - 1)).toBeLessThan(0.005);
    expect(last(faster, 'vendor.weekly_users') - last(faster, 'vendor.free_users')).toBeCloseTo(last(faster, 'vendor.subscribers'), 0);
  });

  it('cost the vendor margin: their share of the inference bill rises, its subscription revenue does not', () => {
    expect(last(faster, 'vendor.free_user_cost_usd')).toBeGreaterThan(1.2 * last(base, 'vendor.free_user_cost_usd'));
    expect(last(faster, 'vendor.revenue_subscription_usd')).toBeLessThanOrEqual(last(base, 'vendor.revenue_subscription_usd'));
    expect(last(faster, 'vendor.revenue_subscription_usd')).toBeGreaterThan(0.995 * last(base, 'vendor.revenue_subscription_usd'));
    expect(last(faster, 'vendor.gross_margin')).toBeLessThan(last(base, 'vendor.gross_margin') - 0.01);
  });
});
