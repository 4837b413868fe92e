import { describe, expect, it } from 'vitest';
import type { ConsumersSubscribed, MarketEvent } from '../../src/world/events.js';
import { cloudJson, eventsOf, run, seriesOf, smallBaseline, vendorJson, type Json } from './support.js';

/**
 * Mechanism 3 (and 5, brand power): consumers subscribe to chat apps by brand first and the
 * quality they get second, not by API price; a vendor short of capacity serves its subscribers
 * worse and loses them. Baseline consumer policy (brand-and-quality): appeal = brand^b × quality^q,
 * each app's share closes part of its gap to its share of appeal each month, and brand drifts
 * towards the app's share of subscribers; the paying market grows at its yearly rate.
 */
const APPS = ['openai', 'anthropic', 'google', 'xai', 'mistral'] as const;
const CONSUMERS = smallBaseline().consumers;
const CHOICE = CONSUMERS.policy.params;

interface App {
  readonly subscribers: number;
  readonly brand: number;
  /** Quality as subscribers judge it: the model's quality × the share of demand it served. */
  readonly quality: number;
}

/**
 * One month of brand-and-quality by hand: next subscribers and brands of every app. The market
 * takes one logistic step towards people online × paying share from what the apps held (none in
 * the start month, whose count subscribersAtStart is).
 */
function nextMonth(apps: readonly App[], tick: number): { subscribers: number; brand: number }[] {
  const current = apps.reduce((s, a) => s + a.subscribers, 0);
  const ceiling = CONSUMERS.addressableMarket.peopleOnline * CONSUMERS.addressableMarket.payingShare;
  const g = (1 + CONSUMERS.growthPerYear) ** (1 / 12);
  const total = tick === 0 ? current : (ceiling * current * g) / (ceiling + current * (g - 1));
  const appeal = apps.map((a) => a.brand ** CHOICE.brandWeight * a.quality ** CHOICE.qualityWeight);
  const appealSum = appeal.reduce((s, x) => s + x, 0);
  const subscribers = apps.map((a, i) => {
    const share = a.subscribers / current;
    return (share + CHOICE.adjustmentPerMonth * (appeal[i]! / appealSum - share)) * total;
  });
  const sum = subscribers.reduce((s, x) => s + x, 0);
  return apps.map((a, i) => ({ subscribers: subscribers[i]!, brand: a.brand + CHOICE.brandLearningPerMonth * (subscribers[i]! / sum - a.brand) }));
}

function subscribedAt(events: readonly MarketEvent[], tick: number): Map<string, ConsumersSubscribed> {
  return new Map(eventsOf(events, 'consumers.subscribed').filter((e) => e.tick === tick).map((e) => [e.vendor, e]));
}

/** Anthropic's capacity at the start, and no way to buy more (every offer costs too much). */
function anthropicWithCapacity(capacityMTok: number): Json {
  const json = smallBaseline({ months: 6 });
  const anthropic = vendorJson(json, 'anthropic');
  anthropic.compute = [{ cloud: 'aws', capacityMTok, months: 12 }];
  const aws = cloudJson(json, 'aws');
  aws.gpuCapacityMTok = Math.max(aws.gpuCapacityMTok, capacityMTok);
  anthropic.policies.compute.params.maxComputePriceShare = 0.01;
  return json;
}

describe('consumers', () => {
  it('moves each app’s subscribers a step towards brand^b × quality^q in a growing market, and brand towards the share of users', () => {
    const json = smallBaseline({ months: 1 });
    const { events, metrics } = run(json);
    const apps = APPS.map((id) => {
      const v = vendorJson(json, id);
      return { subscribers: v.consumerApp.subscribers, brand: v.consumerApp.brand, quality: v.quality };
    });
    const expected = nextMonth(apps, 0);
    const subscribed = subscribedAt(events, 0);
    APPS.forEach((id, i) => {
      expect(subscribed.get(id)!.subscribers).toBeCloseTo(expected[i]!.subscribers, 4);
      expect(subscribed.get(id)!.brand).toBeCloseTo(expected[i]!.brand, 12);
      expect(seriesOf(metrics, 'vendor.revenue_subscription_usd', id)[0]).toBeCloseTo(CONSUMERS.priceUsdPerMonth * expected[i]!.subscribers, 2);
    });
  });

  it('ignores the API price: an app whose API costs 2.5 times more keeps exactly the same subscribers', () => {
    const priced = (priceUsdPerMTok: number) => {
      const json = smallBaseline({ months: 4 });
      const openai = vendorJson(json, 'openai');
      openai.priceUsdPerMTok = priceUsdPerMTok;
      openai.policies.pricing = { type: 'fixed-price' };
      // Room for the enterprises a dear OpenAI sends to Mistral and Anthropic, and for xAI's, so no app is rationed.
      vendorJson(json, 'mistral').compute[0].capacityMTok = 8e6;
      vendorJson(json, 'anthropic').compute[0].capacityMTok = 3e6;
      vendorJson(json, 'xai').compute[0].capacityMTok = 2e6;
      return run(json).metrics;
    };
    const cheap = priced(12);
    const dear = priced(30);
    // Every app serves all its demand in both runs, so subscribers see the same quality (the
    // last month's service would show only in the month after).
    for (const id of APPS) {
      for (const metrics of [cheap, dear]) expect(seriesOf(metrics, 'vendor.capacity_shortfall', id).slice(0, -1).every((x) => x === 0)).toBe(true);
    }
    expect(seriesOf(dear, 'vendor.revenue_api_usd', 'openai')[0]).not.toBe(seriesOf(cheap, 'vendor.revenue_api_usd', 'openai')[0]);
    for (const id of APPS) expect(seriesOf(dear, 'vendor.subscribers', id)).toEqual(seriesOf(cheap, 'vendor.subscribers', id));
  });

  it('gives subscribers to the stronger brand even when its model is worse', () => {
    const json = smallBaseline({ months: 6 });
    vendorJson(json, 'openai').consumerApp.brand = 0.2;
    vendorJson(json, 'anthropic').consumerApp.brand = 0.9;
    const { metrics } = run(json);
    const share = (id: string) => {
      const mine = seriesOf(metrics, 'vendor.subscribers', id);
      return mine.map((x, t) => x / APPS.reduce((s, app) => s + seriesOf(metrics, 'vendor.subscribers', app)[t]!, 0));
    };
    const anthropic = share('anthropic');
    const openai = share('openai');
    for (let t = 1; t < 6; t++) {
      expect(anthropic[t]).toBeGreaterThan(anthropic[t - 1]!);
      expect(openai[t]).toBeLessThan(openai[t - 1]!);
    }
  });

  it('judges a rationed app by the quality it serves: quality × the share of last month’s demand served', () => {
    const { events, metrics } = run(anthropicWithCapacity(2e5));
    const lastMonth = subscribedAt(events, 0);
    const served = new Map(
      eventsOf(events, 'vendor.month-closed')
        .filter((e) => e.tick === 0)
        .map((e) => [e.vendor, Math.min(1, e.servedMTok / (e.apiDemandMTok + e.subscriberDemandMTok + e.freeUserDemandMTok))]),
    );
    expect(served.get('anthropic')).toBeLessThan(0.5);
    const apps = APPS.map((id) => ({
      subscribers: lastMonth.get(id)!.subscribers,
      brand: lastMonth.get(id)!.brand,
      quality: seriesOf(metrics, 'vendor.quality_index', id)[1]! * served.get(id)!,
    }));
    const expected = nextMonth(apps, 1);
    const subscribed = subscribedAt(events, 1);
    APPS.forEach((id, i) => expect(subscribed.get(id)!.subscribers).toBeCloseTo(expected[i]!.subscribers, 4));
  });

  it('takes subscribers from an app short of capacity, from the month after the shortfall', () => {
    const rationed = seriesOf(run(anthropicWithCapacity(2e5)).metrics, 'vendor.subscribers', 'anthropic');
    const ample = run(anthropicWithCapacity(2e7)).metrics;
    expect(seriesOf(ample, 'vendor.capacity_shortfall', 'anthropic').every((x) => x === 0)).toBe(true);
    const served = seriesOf(ample, 'vendor.subscribers', 'anthropic');
    expect(rationed[0]).toBe(served[0]);
    for (let t = 1; t < 6; t++) expect(rationed[t]).toBeLessThan(served[t]!);
  });
});
