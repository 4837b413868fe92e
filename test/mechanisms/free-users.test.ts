import { describe, expect, it } from 'vitest';
import { run, seriesOf, smallBaseline } from './support.js';

/**
 * Issue 26, mechanism 4: an app's free users (weekly users who do not pay) are served on the
 * vendor's own capacity and bring no revenue, so a free tier that grows faster costs the vendor
 * margin and nothing else: its subscribers and their revenue are the paying market's alone.
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

  it('grow with the weekly market, the paying market left as it was', () => {
    expect(last(faster, 'vendor.free_users')).toBeGreaterThan(1.3 * last(base, 'vendor.free_users'));
    expect(last(faster, 'vendor.subscribers')).toBeCloseTo(last(base, 'vendor.subscribers'), -3);
    expect(last(faster, 'vendor.weekly_users') - last(faster, 'vendor.free_users')).toBeCloseTo(last(faster, 'vendor.subscribers'), 0);
  });

  it('cost the vendor margin: their share of the inference bill rises, its subscription revenue does not', () => {
    expect(last(faster, 'vendor.free_user_cost_usd')).toBeGreaterThan(1.2 * last(base, 'vendor.free_user_cost_usd'));
    expect(last(faster, 'vendor.revenue_subscription_usd')).toBeCloseTo(last(base, 'vendor.revenue_subscription_usd'), -4);
    expect(last(faster, 'vendor.gross_margin')).toBeLessThan(last(base, 'vendor.gross_margin') - 0.01);
  });
});
