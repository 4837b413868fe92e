import { describe, expect, it } from 'vitest';
import { cheapestAtLeast, EMPTY_INDEX, nextIndex, offersOf } from '../../src/market/quality-price-index.js';
import { buildCatalogue } from '../../src/market/catalogue.js';
import { testMarket, scenarioOf, tinyScenarioInput } from '../support/scenario-fixtures.js';

describe('the price at constant quality', () => {
  it('starts at the cheapest price of the best model on sale', () => {
    const offers = [
      { quality: 1.0, priceUsdPerMTok: 10 },
      { quality: 1.2, priceUsdPerMTok: 30 },
      { quality: 1.2, priceUsdPerMTok: 20 },
    ];
    expect(nextIndex(EMPTY_INDEX, offers).levelUsdPerMTok).toBe(20);
    expect(cheapestAtLeast(offers, 1.1)).toBe(20);
    expect(cheapestAtLeast(offers, 1.3)).toBeNull();
  });

  it('falls when a cheaper model reaches a level, though nobody cut a list price', () => {
    const january = nextIndex(EMPTY_INDEX, [
      { quality: 1.0, priceUsdPerMTok: 10 },
      { quality: 1.2, priceUsdPerMTok: 20 },
    ]);
    // February: a small model of quality 1.0 at 1 $/MTok joins. Level 1.0: 10 → 1; level 1.2: 20 → 20.
    // The link is the geometric mean √(0.1 × 1) = 0.3162: 20 × 0.3162 = 6.32.
    const february = nextIndex(january, [...january.offers, { quality: 1.0, priceUsdPerMTok: 1 }]);
    expect(february.levelUsdPerMTok).toBeCloseTo(20 * Math.sqrt(0.1), 12);
    // March: the frontier's quality rises at the same price: no level got cheaper, the index holds.
    const march = nextIndex(february, [
      { quality: 1.0, priceUsdPerMTok: 1 },
      { quality: 1.3, priceUsdPerMTok: 20 },
    ]);
    expect(march.levelUsdPerMTok).toBeCloseTo(february.levelUsdPerMTok!, 12);
  });

  it('passes over a level no model reaches any more, and holds in a month with nothing on sale', () => {
    const january = nextIndex(EMPTY_INDEX, [
      { quality: 1.0, priceUsdPerMTok: 10 },
      { quality: 1.2, priceUsdPerMTok: 20 },
    ]);
    // The 1.2 model is withdrawn: only level 1.0 links, 10 → 5, halving the index.
    const february = nextIndex(january, [{ quality: 1.0, priceUsdPerMTok: 5 }]);
    expect(february.levelUsdPerMTok).toBeCloseTo(10, 12);
    expect(nextIndex(february, []).levelUsdPerMTok).toBe(february.levelUsdPerMTok);
  });

  it('takes each model once, at the lowest price it sells at: list price for a closed model, the cheapest host for open weights', () => {
    const m = testMarket(scenarioOf(tinyScenarioInput()));
    const world = m.world();
    const catalogue = buildCatalogue(world, ['acme', 'llama'], ['alpha', 'beta']);
    const offers = offersOf(catalogue);
    const hosts = ['alpha', 'beta'].filter((c) => world.listings.some((l) => l.cloud === c && l.vendor === 'llama')).map((c) => world.clouds[c]!.openModelPriceUsdPerMTok);
    expect(offers).toEqual([
      { quality: world.vendors.acme!.quality, priceUsdPerMTok: world.vendors.acme!.priceUsdPerMTok },
      { quality: world.vendors.llama!.quality, priceUsdPerMTok: Math.min(...hosts) },
    ]);
  });
});
