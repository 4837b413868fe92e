import { describe, expect, it } from 'vitest';
import { eventsOf, run, seriesOf, smallBaseline, type Json } from './support.js';

/**
 * Mechanism 2, revenue share on marketplace sales: the cloud keeps a share of what enterprises buy
 * through its marketplace (OpenAI–Azure ~20 %, Anthropic 25–50 %, seed article); the vendor's
 * direct API sales pay none. Shares in the baseline: openai–azure 0.2, anthropic–aws/gcp 0.33,
 * mistral 0.3 everywhere, Google on its own Google Cloud 0.
 */

/** Anthropic on Bedrock and Vertex at its own shares; Mistral off every marketplace. */
function anthropicShares(aws: number, gcp: number): Json {
  const json = smallBaseline({ months: 6 });
  json.marketplace = json.marketplace.filter((l: Json) => l.vendor !== 'mistral');
  for (const listing of json.marketplace) {
    if (listing.vendor === 'anthropic') listing.revenueShare = listing.cloud === 'aws' ? aws : gcp;
  }
  return json;
}

describe('revenue share', () => {
  it('pays the listing’s share of every marketplace sale to the cloud, and books it as the vendor’s revenue share paid', () => {
    const json = smallBaseline({ months: 6 });
    const { events, metrics } = run(json);
    for (const vendor of ['openai', 'anthropic', 'mistral', 'google']) {
      // Each of these vendors has one share on every marketplace that lists it.
      const shares = new Set(json.marketplace.filter((l: Json) => l.vendor === vendor).map((l: Json) => l.revenueShare));
      expect(shares.size).toBe(1);
      const [share] = [...shares] as number[];
      const months = eventsOf(events, 'vendor.month-closed').filter((e) => e.vendor === vendor);
      const paid = seriesOf(metrics, 'vendor.revenue_share_paid_usd', vendor);
      expect(months.some((e) => e.revenueMarketplaceUsd > 0)).toBe(true);
      for (const month of months) {
        expect(month.revenueShareUsd).toBeCloseTo(share! * month.revenueMarketplaceUsd, 6);
        expect(paid[month.tick]).toBe(month.revenueShareUsd);
      }
    }
    // What vendors pay, clouds keep: no revenue share is lost or created.
    for (let tick = 0; tick < 6; tick++) {
      const paid = eventsOf(events, 'vendor.month-closed').filter((e) => e.tick === tick).reduce((s, e) => s + e.revenueShareUsd, 0);
      const kept = ['azure', 'aws', 'gcp', 'oracle'].reduce((s, c) => s + seriesOf(metrics, 'cloud.marketplace_revenue_usd', c)[tick]!, 0);
      expect(kept).toBeCloseTo(paid, 4);
    }
  });

  it('takes nothing from direct API sales', () => {
    const json = smallBaseline({ months: 6 });
    for (const segment of json.enterprises.segments) segment.marketplaceShare = 0;
    const { metrics } = run(json);
    for (const vendor of ['openai', 'anthropic', 'mistral']) {
      expect(seriesOf(metrics, 'vendor.revenue_api_usd', vendor).every((x) => x > 0)).toBe(true);
      expect(seriesOf(metrics, 'vendor.revenue_share_paid_usd', vendor).every((x) => x === 0)).toBe(true);
    }
    for (const cloud of ['azure', 'aws', 'gcp', 'oracle']) {
      expect(seriesOf(metrics, 'cloud.marketplace_revenue_usd', cloud).every((x) => x === 0)).toBe(true);
    }
  });

  it('books each vendor–cloud pair at its own share: Bedrock keeps 10 %, Vertex 50 % of the same vendor’s sales', () => {
    const split = run(anthropicShares(0.1, 0.5));
    const even = run(anthropicShares(0.3, 0.3));
    const marketplace = (r: typeof split, cloud: string) => seriesOf(r.metrics, 'cloud.marketplace_revenue_usd', cloud);
    const anthropicSales = (r: typeof split) => eventsOf(r.events, 'vendor.month-closed').filter((e) => e.vendor === 'anthropic');
    // Shares move no enterprise: both runs sell the same tokens through the same clouds.
    expect(anthropicSales(split).map((e) => e.revenueMarketplaceUsd)).toEqual(anthropicSales(even).map((e) => e.revenueMarketplaceUsd));
    for (const month of anthropicSales(split)) {
      const t = month.tick;
      const onBedrock = marketplace(split, 'aws')[t]! / 0.1;
      const onVertex = marketplace(split, 'gcp')[t]! / 0.5;
      expect(onBedrock).toBeGreaterThan(0);
      expect(onVertex).toBeGreaterThan(0);
      expect(onBedrock + onVertex).toBeCloseTo(month.revenueMarketplaceUsd, 4);
      expect(month.revenueShareUsd).toBeCloseTo(0.1 * onBedrock + 0.5 * onVertex, 4);
      expect(marketplace(split, 'aws')[t]).toBeCloseTo(marketplace(even, 'aws')[t]! / 3, 4);
      expect(marketplace(split, 'gcp')[t]).toBeCloseTo((marketplace(even, 'gcp')[t]! * 5) / 3, 4);
    }
  });

  it('lowers the vendor’s gross margin by the extra share of its revenue that goes through marketplaces', () => {
    const low = run(anthropicShares(0.33, 0.33));
    const high = run(anthropicShares(0.5, 0.5));
    const months = eventsOf(low.events, 'vendor.month-closed').filter((e) => e.vendor === 'anthropic');
    const marginLow = seriesOf(low.metrics, 'vendor.gross_margin', 'anthropic');
    const marginHigh = seriesOf(high.metrics, 'vendor.gross_margin', 'anthropic');
    for (const month of months) {
      const revenue = month.revenueApiDirectUsd + month.revenueMarketplaceUsd + month.revenueSubscriptionUsd;
      expect(marginLow[month.tick]! - marginHigh[month.tick]!).toBeCloseTo((0.17 * month.revenueMarketplaceUsd) / revenue, 12);
      expect(marginHigh[month.tick]).toBeLessThan(marginLow[month.tick]!);
    }
  });
});
