import { describe, expect, it } from 'vitest';
import { computeCosts, eventsOf, offerFactor, run, seriesOf, smallBaseline, withRoomToTrain, type Json } from './support.js';

/**
 * Mechanism 9, vertical integration: the seed article's conclusion that model-making and cloud
 * should merge, as a scenario. After a merger the owner sells the vendor compute at cost and keeps
 * no revenue share on its marketplace: both margins stay inside one company.
 *
 * Anthropic is sold on Bedrock only and merges into AWS in 2024-06 (tick 6).
 */
const MERGER_TICK = 6;
const BASE = smallBaseline();
const cost = computeCosts(BASE);
const BEDROCK_SHARE: number = BASE.marketplace.find((l: Json) => l.cloud === 'aws' && l.vendor === 'anthropic').revenueShare;

function anthropicOnBedrock(merger: { cloud: string } | null): Json {
  const json = withRoomToTrain(smallBaseline({ months: 12 }));
  json.marketplace = json.marketplace.filter((l: Json) => !(l.vendor === 'anthropic' && l.cloud === 'gcp'));
  if (merger) json.events = [{ date: '2024-06', type: 'merger', cloud: merger.cloud, vendor: 'anthropic' }];
  return json;
}

describe('vertical integration', () => {
  const merged = run(anthropicOnBedrock({ cloud: 'aws' }));
  const apart = run(anthropicOnBedrock(null));

  it('publishes the merger in its month and makes the cloud the vendor’s owner', () => {
    expect(eventsOf(merged.events, 'corporate.merged')).toEqual([{ type: 'corporate.merged', tick: MERGER_TICK, cloud: 'aws', vendor: 'anthropic' }]);
    expect(merged.finalWorld.vendors.anthropic).toMatchObject({ owner: 'aws', integrated: true });
    expect(apart.finalWorld.vendors.anthropic).toMatchObject({ owner: null, integrated: false });
  });

  it('has the owner sell the vendor compute at cost from the merger on, while other clouds keep their markup', () => {
    const maturity = (cloud: string) => seriesOf(merged.metrics, 'cloud.asic_maturity', cloud);
    const offers = eventsOf(merged.events, 'compute.offered').filter((e) => e.vendor === 'anthropic');
    const markupOf = (offer: (typeof offers)[number]) => {
      const next = offer.tick + 1;
      const unitCost = offer.asicShare * cost.asic(next, maturity(offer.cloud)[offer.tick]!) + (1 - offer.asicShare) * cost.gpu(next);
      return offer.priceUsdPerMTok / unitCost;
    };
    const fromAws = offers.filter((o) => o.cloud === 'aws');
    expect(fromAws.some((o) => o.tick < MERGER_TICK)).toBe(true);
    expect(fromAws.some((o) => o.tick >= MERGER_TICK)).toBe(true);
    for (const offer of fromAws) expect(markupOf(offer)).toBeCloseTo(offer.tick < MERGER_TICK ? offerFactor(BASE, 'aws') : 1, 12);
    const fromGcp = offers.filter((o) => o.cloud === 'gcp' && o.tick >= MERGER_TICK);
    expect(fromGcp.length).toBeGreaterThan(0);
    expect(offerFactor(BASE, 'gcp')).toBeGreaterThan(1);
    for (const offer of fromGcp) expect(markupOf(offer)).toBeCloseTo(offerFactor(BASE, 'gcp'), 12);
  });

  it('keeps no revenue share on the owner’s marketplace from the merger month', () => {
    const months = eventsOf(merged.events, 'vendor.month-closed').filter((e) => e.vendor === 'anthropic');
    for (const month of months) {
      expect(month.revenueMarketplaceUsd).toBeGreaterThan(0);
      expect(month.revenueShareUsd).toBeCloseTo(month.tick < MERGER_TICK ? BEDROCK_SHARE * month.revenueMarketplaceUsd : 0, 6);
    }
    expect(merged.finalWorld.listings.find((l) => l.cloud === 'aws' && l.vendor === 'anthropic')!.revenueShare).toBe(0);
  });

  it('raises the vendor’s gross margin above the same vendor’s unmerged, from the merger month and not before', () => {
    const withMerger = seriesOf(merged.metrics, 'vendor.gross_margin', 'anthropic');
    const without = seriesOf(apart.metrics, 'vendor.gross_margin', 'anthropic');
    withMerger.forEach((margin, tick) => {
      if (tick < MERGER_TICK) expect(margin).toBe(without[tick]);
      else expect(margin).toBeGreaterThan(without[tick]!);
    });
  });

  it('has the vendor buy from its owner first: a merger with its second cloud moves its training and first requests there', () => {
    const intoGcp = run(anthropicOnBedrock({ cloud: 'gcp' }));
    // Where most of each month's training goes (some may go to keep up with a commitment elsewhere).
    const trainedMost = new Map<number, { cloud: string | null; spendUsd: number }>();
    for (const e of eventsOf(intoGcp.events, 'vendor.trained')) {
      if (e.vendor === 'anthropic' && e.spendUsd > (trainedMost.get(e.tick)?.spendUsd ?? 0)) trainedMost.set(e.tick, e);
    }
    expect(trainedMost.size).toBe(intoGcp.months);
    for (const [tick, { cloud }] of trainedMost) expect(cloud).toBe(tick < MERGER_TICK ? 'aws' : 'gcp');
    const firstAsked = new Map<number, string>();
    for (const e of eventsOf(intoGcp.events, 'compute.requested')) if (e.vendor === 'anthropic' && !firstAsked.has(e.tick)) firstAsked.set(e.tick, e.cloud);
    expect([...firstAsked.keys()].some((tick) => tick >= MERGER_TICK)).toBe(true);
    for (const [tick, cloud] of firstAsked) expect(cloud).toBe(tick < MERGER_TICK ? 'aws' : 'gcp');
  });
});
