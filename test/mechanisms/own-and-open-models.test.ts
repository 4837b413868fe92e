import { describe, expect, it } from 'vitest';
import { cloudJson, computeCosts, eventsOf, run, seriesOf, smallBaseline, vendorJson, type Json } from './support.js';

/**
 * Mechanism 8, clouds' own and open models: clouds host Meta's open Llama and keep its whole price,
 * and favour their own models on their marketplaces (GCP pushes Gemini over its partner Anthropic,
 * seed article). Google (Gemini) is owned by gcp in the baseline; every cloud hosts Llama at its
 * fleet's unit cost + 50 %.
 */
const CLOUDS = ['azure', 'aws', 'gcp', 'oracle'] as const;

/** Enterprises that all adopt during the run, so every choice shows as an `enterprise.adopted`. */
function adoptionsOnGcp(marketplace: Json) {
  const json = smallBaseline({ count: 2000, months: 12 });
  json.enterprises.adoptedAtStart = 0;
  json.enterprises.policies.adoption.params.innovation = 0.1;
  cloudJson(json, 'gcp').policies.marketplace = marketplace;
  // Room for every buyer Gemini wins, so no rationing feeds back into what direct buyers see.
  vendorJson(json, 'google').compute[0].capacityMTok = 8e6;
  const adopted = eventsOf(run(json).events, 'enterprise.adopted').filter((e) => e.cloud === 'gcp');
  const shareOf = (vendor: string, channel: 'direct' | 'marketplace') => {
    const inChannel = adopted.filter((e) => e.channel === channel);
    return inChannel.filter((e) => e.vendor === vendor).length / inChannel.length;
  };
  return { adopted, shareOf };
}

describe('own and open models', () => {
  it('wins a cloud’s own model more of the cloud’s marketplace buyers when it favours it, and changes nothing for direct buyers', () => {
    const neutral = adoptionsOnGcp({ type: 'neutral' });
    const favoured = adoptionsOnGcp({ type: 'favour-own', params: { ownModelBoost: 1.3, openWeightsBoost: 1, partnerPenalty: 1 } });
    expect(favoured.shareOf('google', 'marketplace')).toBeGreaterThan(neutral.shareOf('google', 'marketplace') + 0.1);
    expect(favoured.shareOf('anthropic', 'marketplace')).toBeLessThan(neutral.shareOf('anthropic', 'marketplace'));
    const direct = (r: typeof neutral) => r.adopted.filter((e) => e.channel === 'direct').map((e) => [e.enterprise, e.vendor]);
    expect(direct(favoured)).toEqual(direct(neutral));
  });

  it('gives the host cloud the whole price of the open-weights tokens it serves, and the open-weights maker nothing', () => {
    const { events, metrics } = run(smallBaseline({ count: 2000, months: 6 }));
    let hostedMTok = 0;
    for (const cloud of CLOUDS) {
      const price = seriesOf(metrics, 'cloud.open_model_price_usd_per_mtok', cloud);
      const revenue = seriesOf(metrics, 'cloud.hosting_revenue_usd', cloud);
      for (const month of eventsOf(events, 'cloud.month-closed').filter((e) => e.cloud === cloud)) {
        expect(month.hostingMTok).toBeGreaterThan(0);
        expect(revenue[month.tick]).toBeCloseTo(month.hostingMTok * price[month.tick]!, 4);
        if (month.tick === 5) hostedMTok += month.hostingMTok;
      }
    }
    expect(seriesOf(metrics, 'market.open_weights_tokens_mtok', 'market')[5]).toBeCloseTo(hostedMTok, 4);
    expect(seriesOf(metrics, 'vendor.enterprise_tokens_mtok', 'meta')[5]).toBeCloseTo(hostedMTok, 4);
    for (const month of eventsOf(events, 'vendor.month-closed').filter((e) => e.vendor === 'meta')) {
      expect(month.revenueApiDirectUsd + month.revenueMarketplaceUsd + month.revenueSubscriptionUsd).toBe(0);
      expect(month.inferenceComputeUsd).toBe(0);
    }
    expect(metrics.series('vendor.revenue_usd').has('meta')).toBe(false);
  });

  it('prices hosted open weights at the fleet’s unit cost plus its markup: cheaper on a cloud with mature ASICs', () => {
    const json = smallBaseline({ months: 12 });
    const { metrics } = run(json);
    const gpuCost = computeCosts(json).gpu;
    const markup: number = cloudJson(json, 'oracle').policies.hostingPricing.params.markup;
    const oracle = seriesOf(metrics, 'cloud.open_model_price_usd_per_mtok', 'oracle');
    const gcp = seriesOf(metrics, 'cloud.open_model_price_usd_per_mtok', 'gcp');
    oracle.forEach((price, tick) => {
      // Oracle runs GPUs only.
      expect(price).toBeCloseTo(gpuCost(tick) * (1 + markup), 12);
      expect(gcp[tick]).toBeLessThan(price);
    });
  });

  it('has an open-weights follower ship a model a fixed gap behind the frontier as soon as the frontier moves', () => {
    const json = smallBaseline({ months: 6 });
    vendorJson(json, 'meta').policies.training = { type: 'frontier-follower', params: { monthlySpendUsd: 1.5e8, gapToFrontier: 0.2, minStep: 1.08 } };
    // No closed vendor trains its way to a release within the run: the frontier moves once, by script.
    for (const vendor of json.vendors) if (vendor.weights === 'closed') vendor.policies.training.params.releaseCostUsd = 1e15;
    json.events = [{ date: '2024-02', type: 'model-release', vendor: 'openai', quality: 2 }];
    const { events, metrics } = run(json);
    const released = eventsOf(events, 'vendor.model-released').filter((e) => e.vendor === 'meta');
    // Frontier 1.05 × 0.8 = 0.84 is not 8 % above Llama's 0.8; frontier 2 × 0.8 = 1.6 is.
    expect(released.map((e) => [e.tick, e.fromQuality, e.toQuality])).toEqual([[2, 0.8, 1.6]]);
    expect(seriesOf(metrics, 'vendor.quality_index', 'meta')).toEqual([0.8, 0.8, 1.6, 1.6, 1.6, 1.6]);
    // Trained in Meta's own data centres: no cloud books the spend.
    expect(eventsOf(events, 'vendor.trained').filter((e) => e.vendor === 'meta').every((e) => e.cloud === null && e.spendUsd === 1.5e8)).toBe(true);
  });
});
