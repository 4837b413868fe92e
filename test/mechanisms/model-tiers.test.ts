import { describe, expect, it } from 'vitest';
import { distilledSmallTier } from '../../src/agents/vendors.js';
import { parseScenario } from '../../src/config/parse-scenario.js';
import { eventsOf, run, seriesOf, smallBaseline, vendorJson, type Json } from './support.js';

/**
 * Model tiers (issue 26, mechanism 3): a closed vendor sells a frontier and a small model, each
 * with its quality, price and serving cost, and enterprises choose among them as among vendors.
 * OpenAI's small tier here is GPT-4o mini against GPT-4o, as their list prices and Arena Elo give
 * them (about 1/16 of the price, ~15 Elo behind), at a tenth of the compute.
 */
/** The baseline with one model per vendor (it sells the record's small tiers: GPT-3.5 Turbo, Claude Instant). */
function singleModel(json: Json): Json {
  for (const vendor of json.vendors) delete vendor.smallTier;
  return json;
}

function withSmallTier(json: Json): Json {
  const openai = vendorJson(json, 'openai');
  openai.smallTier = { quality: openai.quality * 0.95, priceUsdPerMTok: openai.priceUsdPerMTok / 16, servingCostShare: 0.1 };
  return json;
}

function problemsOf(json: Json) {
  const parsed = parseScenario(json);
  if (parsed.success) throw new Error('expected config errors');
  return parsed.problems;
}

describe('model tiers', () => {
  const plain = run(singleModel(smallBaseline({ months: 18 })));
  const tiered = run(withSmallTier(singleModel(smallBaseline({ months: 18 }))));
  const closed = eventsOf(tiered.events, 'vendor.month-closed').filter((e) => e.vendor === 'openai');

  it('has enterprises buy both of a vendor’s tiers, its books counting each small token at its share of the compute', () => {
    // Every month's books were checked as the run went (compute within capacity, what enterprises paid
    // as booked); here, what the small tier sold.
    for (const month of closed) {
      expect(month.smallTier).toBeDefined();
      expect(month.smallTier!.servingCostShare).toBe(0.1);
      expect(month.smallTier!.apiDemandMTok).toBeGreaterThan(0);
      expect(month.smallTier!.apiDemandMTok).toBeLessThan(month.apiDemandMTok);
    }
    // A vendor without a small tier books none.
    expect(eventsOf(tiered.events, 'vendor.month-closed').find((e) => e.vendor === 'anthropic')!.smallTier).toBeUndefined();
    // vendor.small_tier_share is the small tier's part of the vendor's API tokens.
    const share = seriesOf(tiered.metrics, 'vendor.small_tier_share', 'openai');
    closed.forEach((month) => expect(share[month.tick]).toBeCloseTo(month.smallTier!.apiDemandMTok / month.apiDemandMTok, 12));
    expect(seriesOf(tiered.metrics, 'vendor.small_tier_share', 'anthropic').every((s) => s === 0)).toBe(true);
  });

  it('makes a capability cheaper: the price at constant quality falls below the single-model market’s', () => {
    // Both start at the best model's price; from the next month the small tier's price is a level's cheapest.
    const index = (r: typeof plain) => seriesOf(r.metrics, 'market.price_at_constant_quality_usd_per_mtok', 'market');
    expect(index(tiered)[0]).toBe(index(plain)[0]);
    expect(index(tiered).at(-1)!).toBeLessThan(index(plain).at(-1)!);
    // The average price paid falls too, as part of the work moves to the cheap tier.
    expect(seriesOf(tiered.metrics, 'market.avg_price_usd_per_mtok', 'market')[0]!).toBeLessThan(seriesOf(plain.metrics, 'market.avg_price_usd_per_mtok', 'market')[0]!);
  });

  it('ships a scripted small model without touching the frontier, and brings a tier in for a vendor that had none', () => {
    const json = withSmallTier(singleModel(smallBaseline({ months: 6 })));
    json.events = [
      { date: '2024-02', type: 'model-release', vendor: 'openai', tier: 'small', quality: 1.1, priceUsdPerMTok: 0.3 },
      { date: '2024-03', type: 'model-release', vendor: 'anthropic', tier: 'small', quality: 0.9, priceUsdPerMTok: 1.5, servingCostShare: 0.15 },
    ];
    const released = eventsOf(run(json).events, 'vendor.model-released').filter((e) => e.smallTier !== undefined);
    expect(released.map((e) => [e.vendor, e.tick, e.toQuality, e.smallTier])).toEqual([
      ['openai', 2, 1.1, { priceUsdPerMTok: 0.3, servingCostShare: 0.1 }],
      ['anthropic', 3, 0.9, { priceUsdPerMTok: 1.5, servingCostShare: 0.15 }],
    ]);
    const quality = seriesOf(run(json).metrics, 'vendor.quality_index', 'openai');
    expect(new Set(quality.slice(0, 4)).size).toBe(1);
  });

  it('keeps the small model through a scripted frontier release unless the release says it follows', () => {
    // The record: Claude 3.5 Haiku stayed Anthropic's small model through Claude 3.7 and 4; o3 shipped
    // with o4-mini. The small tier's quality index is the frontier's × its ratio, as enterprises see it.
    const small = (follows: boolean | undefined) => {
      const json = withSmallTier(singleModel(smallBaseline({ months: 5 })));
      json.events = [{ date: '2024-02', type: 'model-release', vendor: 'openai', qualityGain: 1.2, ...(follows === undefined ? {} : { smallTierFollows: follows }) }];
      const released = eventsOf(run(json).events, 'vendor.model-released').filter((e) => e.vendor === 'openai');
      return released;
    };
    expect(small(undefined)).toEqual([expect.objectContaining({ tick: 2, smallTierKept: true })]);
    expect(small(false)).toEqual([expect.objectContaining({ tick: 2, smallTierKept: true })]);
    expect(small(true)[0]).not.toHaveProperty('smallTierKept');
    const json = withSmallTier(singleModel(smallBaseline({ months: 1 })));
    json.events = [{ date: '2024-02', type: 'model-release', vendor: 'openai', tier: 'small', quality: 1, priceUsdPerMTok: 0.3, smallTierFollows: true }];
    expect(problemsOf(json)).toContainEqual({ path: 'events[0].smallTierFollows', message: expect.stringContaining('smallTierFollows belongs to a frontier release') });
  });

  it('refuses a small-tier release that cannot be one, saying what is missing', () => {
    const json = singleModel(smallBaseline({ months: 6 }));
    json.events = [
      { date: '2024-02', type: 'model-release', vendor: 'anthropic', tier: 'small', quality: 0.9 },
      { date: '2024-02', type: 'model-release', vendor: 'meta', tier: 'small', quality: 0.9 },
      { date: '2024-03', type: 'model-release', vendor: 'openai', qualityGain: 1.1, priceUsdPerMTok: 3 },
    ];
    const problems = problemsOf(json);
    expect(problems).toHaveLength(3);
    expect(problems).toContainEqual({ path: 'events[2]', message: expect.stringContaining('priceUsdPerMTok and servingCostShare belong to a small-tier release (tier small)') });
    expect(problems).toContainEqual({
      path: 'events[0]',
      message: 'events[0]: anthropic has no small tier before 2024-02 (none in its config, no small-tier release earlier), so this release brings one in: give its priceUsdPerMTok, servingCostShare',
    });
    expect(problems).toContainEqual({ path: 'events[1].tier', message: expect.stringMatching(/meta is an open-weights vendor: clouds host its one model/) });
  });
});

describe('distillation (compute.distillationReach)', () => {
  // A frontier at 1.2 (coding 1.3) with a small model at 1.0 (coding 0.9) trains a generation 5 %
  // better: 1.26, coding 1.365.
  const vendor = { quality: 1.2, codingQuality: 1.3, smallTier: { quality: 1, codingQuality: 0.9, priceUsdPerMTok: 0.5, servingCostShare: 0.1 } };

  it('distils the new small model to the outgoing frontier’s quality, text and coding each', () => {
    // reach 1: max(1.0 × 1.05, 1 × 1.2) = 1.2 and max(0.9 × 1.05, 1 × 1.3) = 1.3, both below the new frontier.
    const small = distilledSmallTier(vendor, 1.26, 1.365, 1)!;
    expect(small.quality).toBeCloseTo(1.2, 12);
    expect(small.codingQuality).toBeCloseTo(1.3, 12);
    // reach 0.9: max(1.05, 1.08) and max(0.945, 1.17).
    const short = distilledSmallTier(vendor, 1.26, 1.365, 0.9)!;
    expect(short.quality).toBeCloseTo(1.08, 12);
    expect(short.codingQuality).toBeCloseTo(1.17, 12);
  });

  it('keeps the small model lifted in step when that is better, and never puts it above the new frontier', () => {
    // reach 0.8: 0.96 < 1.05 lifted; coding 1.04 > 0.945.
    const lifted = distilledSmallTier(vendor, 1.26, 1.365, 0.8)!;
    expect(lifted.quality).toBeCloseTo(1.05, 12);
    expect(lifted.codingQuality).toBeCloseTo(1.04, 12);
    // reach 1.07 of 1.2 is 1.284 > 1.26: capped at the new frontier; coding 1.391 > 1.365 likewise.
    const capped = distilledSmallTier(vendor, 1.26, 1.365, 1.07)!;
    expect(capped.quality).toBe(1.26);
    expect(capped.codingQuality).toBe(1.365);
  });

  it('distils nothing for a vendor without a small tier or at reach 0 (the tier is then lifted in step)', () => {
    expect(distilledSmallTier({ quality: 1.2, codingQuality: 1.3 }, 1.26, 1.365, 1)).toBeNull();
    expect(distilledSmallTier(vendor, 1.26, 1.365, 0)).toBeNull();
  });

  it('makes a capability cheaper each generation: the price at constant quality falls faster than with small models lifted in step', () => {
    const withReach = (reach: number) => {
      const json = withSmallTier(singleModel(smallBaseline({ months: 36 })));
      json.compute.distillationReach = reach;
      return run(json);
    };
    const distilled = withReach(1);
    const inStep = withReach(0);
    const released = eventsOf(distilled.events, 'vendor.model-released').filter((e) => e.vendor === 'openai');
    expect(released.length).toBeGreaterThan(1);
    for (const e of released) expect(e.distilledSmallTier).toEqual({ quality: expect.any(Number), codingQuality: expect.any(Number) });
    expect(eventsOf(inStep.events, 'vendor.model-released').every((e) => e.distilledSmallTier === undefined)).toBe(true);
    const index = (r: typeof distilled) => seriesOf(r.metrics, 'market.price_at_constant_quality_usd_per_mtok', 'market').at(-1)!;
    expect(index(distilled)).toBeLessThan(index(inStep));
  });
});
