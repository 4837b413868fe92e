import { describe, expect, it } from 'vitest';
import { MetricRecorder } from '../../src/metrics/metric-table.js';
import { enterpriseSpendByVendor, recordMonth } from '../../src/metrics/record-metrics.js';
import { EMPTY_CLOUD_BOOKS, EMPTY_VENDOR_BOOKS } from '../../src/world/state.js';
import { cloudState, vendorState, worldState } from '../support/world-fixtures.js';

// acme (closed) sold $600 direct and $200 through marketplaces; meta (open) and llama2 (open) were
// asked 30 and 10 MTok of alpha, which hosted them for $120, and meta 20 MTok of beta ($50).
const world = worldState({
  vendors: [
    vendorState('acme', { books: { ...EMPTY_VENDOR_BOOKS, revenueApiDirectUsd: 600, revenueMarketplaceUsd: 200 } }),
    vendorState('meta', { weights: 'open' }),
    vendorState('llama2', { weights: 'open' }),
  ],
  clouds: [
    cloudState('alpha', { books: { ...EMPTY_CLOUD_BOOKS, hostingRevenueUsd: 120, hostingMTok: 30, hostingDemandMTok: 40 } }),
    cloudState('beta', { books: { ...EMPTY_CLOUD_BOOKS, hostingRevenueUsd: 50, hostingMTok: 20, hostingDemandMTok: 20 } }),
  ],
});
const order = { vendors: ['acme', 'meta', 'llama2'], clouds: ['alpha', 'beta'] };
// viaCloudMTok is indexed vendor × clouds + cloud.
const demand = {
  directMTok: Float64Array.of(60, 0, 0),
  viaCloudMTok: Float64Array.of(20, 0, 30, 20, 10, 0),
  adopters: 5,
  inProduction: 5,
  switches: 0,
  switchedInLastYear: 0,
  multiVendor: 0,
  upgrades: 0,
  upgradedInLastYear: 0,
};

describe('what enterprises paid each vendor’s models', () => {
  it('is a closed vendor’s API and marketplace sales, and for open weights their part of each host’s revenue by the tokens asked of it', () => {
    expect(Object.fromEntries(enterpriseSpendByVendor(world, demand, order))).toEqual({ acme: 800, meta: 90 + 50, llama2: 30 });
  });

  it('gives each vendor its share of the market’s enterprise spend, the shares summing to 1', () => {
    const recorder = new MetricRecorder(1);
    recorder.beginTick('2025-06');
    recordMonth(recorder, world, demand, 10, {}, order);
    const share = (vendor: string) => recorder.series('vendor.enterprise_spend_share').get(vendor)![0]!;
    expect(recorder.series('market.enterprise_spend_usd').get('market')![0]).toBe(970);
    expect(share('acme')).toBeCloseTo(800 / 970, 12);
    expect(share('meta')).toBeCloseTo(140 / 970, 12);
    expect(share('acme') + share('meta') + share('llama2')).toBeCloseTo(1, 12);
  });
});
