import { describe, expect, it } from 'vitest';
import { buildCatalogue, type OptionSet } from '../../src/market/catalogue.js';
import { cloudState, deal, vendorState, worldState } from '../support/world-fixtures.js';

const world = worldState({
  vendors: [
    vendorState('acme', { priceUsdPerMTok: 10, quality: 1 }),
    vendorState('bolt', { priceUsdPerMTok: 6, quality: 0.8 }),
    vendorState('llama', { weights: 'open', priceUsdPerMTok: 0, quality: 0.7 }),
  ],
  clouds: [cloudState('alpha', { openModelPriceUsdPerMTok: 3 }), cloudState('beta', { openModelPriceUsdPerMTok: 2 })],
  listings: [
    { cloud: 'alpha', vendor: 'acme', revenueShare: 0.2 },
    { cloud: 'alpha', vendor: 'llama', revenueShare: 0 },
    { cloud: 'beta', vendor: 'bolt', revenueShare: 0.3 },
  ],
});
const catalogue = buildCatalogue(world, ['acme', 'bolt', 'llama'], ['alpha', 'beta']);

const vendorsOf = (set: OptionSet) => Array.from(set.vendor, (v) => catalogue.vendorIds[v]);

describe('catalogue', () => {
  it('lets direct buyers reach every closed API and the open models their cloud hosts', () => {
    expect(vendorsOf(catalogue.options(0, 'direct'))).toEqual(['acme', 'bolt', 'llama']);
    expect(vendorsOf(catalogue.options(1, 'direct'))).toEqual(['acme', 'bolt']);
  });

  it('lets marketplace buyers reach only what their cloud lists', () => {
    expect(vendorsOf(catalogue.options(0, 'marketplace'))).toEqual(['acme', 'llama']);
    expect(vendorsOf(catalogue.options(1, 'marketplace'))).toEqual(['bolt']);
  });

  it('sells closed models at list price and open weights at the hosting cloud’s price', () => {
    const alpha = catalogue.options(0, 'marketplace');
    expect(Array.from(alpha.priceUsdPerMTok)).toEqual([10, 3]);
    expect(Array.from(alpha.quality)).toEqual([1, 0.7]);
  });

  it('maps each vendor to its option, -1 when out of reach', () => {
    expect(Array.from(catalogue.options(1, 'marketplace').optionOfVendor)).toEqual([-1, 0, -1]);
    expect(Array.from(catalogue.options(0, 'marketplace').optionOfVendor)).toEqual([0, -1, 1]);
  });

  it('flags the open-weights vendors', () => {
    expect(Array.from(catalogue.openWeights)).toEqual([0, 0, 1]);
  });

  it('values every option alike without placement, brand premium or open-weights discount', () => {
    expect(Array.from(catalogue.options(0, 'direct').appeal)).toEqual([1, 1, 1]);
  });

  it('applies a cloud’s placement to its marketplace only, and a brand premium and open-weights factor everywhere', () => {
    const branded = worldState({
      vendors: [vendorState('acme', { brand: 0.5 }), vendorState('bolt'), vendorState('llama', { weights: 'open', priceUsdPerMTok: 0 })],
      clouds: [cloudState('alpha')],
      listings: [
        { cloud: 'alpha', vendor: 'acme', revenueShare: 0.2 },
        { cloud: 'alpha', vendor: 'bolt', revenueShare: 0.2 },
        { cloud: 'alpha', vendor: 'llama', revenueShare: 0 },
      ],
    });
    const withAppeal = buildCatalogue(branded, ['acme', 'bolt', 'llama'], ['alpha'], {
      codingShare: 0,
      placement: (_cloud, vendor) => (vendor.id === 'bolt' ? 1.5 : 1),
      brandPremium: 0.2,
      openWeightsValueFactor: 0.8,
    });
    // acme: 1 + 0.2 × 0.5 = 1.1; bolt placed × 1.5 on the marketplace; llama × 0.8.
    expect(Array.from(withAppeal.options(0, 'direct').appeal).map((a) => +a.toFixed(12))).toEqual([1.1, 1, 0.8]);
    expect(Array.from(withAppeal.options(0, 'marketplace').appeal).map((a) => +a.toFixed(12))).toEqual([1.1, 1.5, 0.8]);
  });

  it('values a model for enterprise work at quality^(1 − coding share) × codingQuality^(coding share)', () => {
    const coder = worldState({
      vendors: [vendorState('acme', { quality: 1.2, codingQuality: 1.5 }), vendorState('bolt', { quality: 1.3 })],
      clouds: [cloudState('alpha')],
    });
    const neutral = { placement: () => 1, brandPremium: 0, openWeightsValueFactor: 1 };
    // A third of the work coding: acme 1.2^(2/3) × 1.5^(1/3) = 1.2927; bolt, without a coding figure, 1.3.
    const blended = buildCatalogue(coder, ['acme', 'bolt'], ['alpha'], { ...neutral, codingShare: 1 / 3 });
    expect(blended.options(0, 'direct').quality[0]).toBeCloseTo(1.2927, 4);
    expect(blended.options(0, 'direct').quality[1]).toBeCloseTo(1.3, 12);
    expect(blended.frontierQuality).toBeCloseTo(1.3, 12);
    // Half: acme 1.2^0.5 × 1.5^0.5 = 1.3416 leads, and sets the frontier.
    const half = buildCatalogue(coder, ['acme', 'bolt'], ['alpha'], { ...neutral, codingShare: 0.5 });
    expect(half.frontierQuality).toBeCloseTo(Math.sqrt(1.8), 12);
    // No coding share: text quality alone.
    expect(buildCatalogue(coder, ['acme', 'bolt'], ['alpha'], { ...neutral, codingShare: 0 }).options(0, 'direct').quality[0]).toBe(1.2);
  });

  it('sells a vendor under an exclusive deal only on its investor’s marketplace and the ones it permits', () => {
    const tied = worldState({
      vendors: [vendorState('acme')],
      clouds: [cloudState('alpha'), cloudState('beta'), cloudState('gamma')],
      listings: ['alpha', 'beta', 'gamma'].map((cloud) => ({ cloud, vendor: 'acme', revenueShare: 0.2 })),
      deals: [deal({ vendor: 'acme', cloud: 'beta', status: 'exclusive', permittedClouds: ['gamma'] })],
    });
    const exclusive = buildCatalogue(tied, ['acme'], ['alpha', 'beta', 'gamma']);
    expect([0, 1, 2].map((c) => exclusive.options(c, 'marketplace').vendor.length)).toEqual([0, 1, 1]);
    // Its own API stays open to direct buyers everywhere.
    expect([0, 1, 2].map((c) => exclusive.options(c, 'direct').vendor.length)).toEqual([1, 1, 1]);
  });
});
