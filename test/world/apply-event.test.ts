import { describe, expect, it } from 'vitest';
import { produce } from 'immer';
import { applyEvent } from '../../src/world/apply-event.js';
import type { MarketEvent, VendorMonthClosed } from '../../src/world/events.js';
import { EMPTY_CLOUD_BOOKS, EMPTY_VENDOR_BOOKS } from '../../src/world/state.js';
import { applyAll, cloudState, commitment, contract, deal, vendorState, worldState } from '../support/world-fixtures.js';

function world() {
  return worldState({
    vendors: [
      vendorState('acme', { quality: 1, priceUsdPerMTok: 10, cashUsd: 1000 }),
      vendorState('llama', { weights: 'open', priceUsdPerMTok: 0 }),
    ],
    clouds: [cloudState('alpha'), cloudState('beta')],
    listings: [
      { cloud: 'alpha', vendor: 'acme', revenueShare: 0.25 },
      { cloud: 'beta', vendor: 'acme', revenueShare: 0.3 },
    ],
  });
}

const signed = (id: string, tick = 0): MarketEvent => ({
  type: 'compute.contract-signed',
  tick,
  contract: contract({ id, vendor: 'acme', cloud: 'alpha', startTick: tick + 1, endTick: tick + 13 }),
});

function monthClosed(fields: Partial<VendorMonthClosed> = {}): VendorMonthClosed {
  return {
    type: 'vendor.month-closed',
    tick: 0,
    vendor: 'acme',
    apiDemandMTok: 100,
    subscriberDemandMTok: 10,
    freeUserDemandMTok: 0,
    servedMTok: 110,
    capacityMTok: 200,
    revenueApiDirectUsd: 600,
    revenueMarketplaceUsd: 400,
    revenueSubscriptionUsd: 20,
    revenueShareUsd: 100,
    revenueShareByCloud: { alpha: 100 },
    inferenceComputeUsd: 300,
    idleCapacityUsd: 0,
    computeSpendByCloud: { alpha: 300 },
    ...fields,
  };
}

describe('applyEvent', () => {
  it('opens a month by moving the clock and zeroing every vendor’s and cloud’s books', () => {
    const busy = produce(world(), (draft) => {
      draft.vendors.acme!.books = { ...EMPTY_VENDOR_BOOKS, revenueApiDirectUsd: 5, trainingComputeUsd: 7, computeSpendByCloud: { alpha: 7 } };
      draft.clouds.alpha!.books = { ...EMPTY_CLOUD_BOOKS, vendorComputeRevenueUsd: 9, unmetRequestsMTok: 3 };
    });

    const opened = applyAll(busy, [{ type: 'market.month-opened', tick: 4 }]);

    expect(opened.tick).toBe(4);
    expect(opened.vendors.acme!.books).toEqual(EMPTY_VENDOR_BOOKS);
    expect(opened.clouds.alpha!.books).toEqual(EMPTY_CLOUD_BOOKS);
    // Cash is a stock, not a monthly flow: it survives the new month.
    expect(opened.vendors.acme!.cashUsd).toBe(1000);
  });

  it('adds a signed contract to the world and counts it', () => {
    const after = applyAll(world(), [signed('contract-1'), signed('contract-2')]);
    expect(after.contracts.map((c) => c.id)).toEqual(['contract-1', 'contract-2']);
    expect(after.contractsSigned).toBe(2);
  });

  it('removes an expired contract, and only that one, but keeps counting it as signed', () => {
    const after = applyAll(world(), [
      signed('contract-1'),
      signed('contract-2'),
      { type: 'compute.contract-expired', tick: 13, contractId: 'contract-1', vendor: 'acme', cloud: 'alpha', capacityMTok: 100 },
    ]);
    expect(after.contracts.map((c) => c.id)).toEqual(['contract-2']);
    expect(after.contractsSigned).toBe(2);
  });

  it('accrues training towards the next release and books it as the cloud’s compute revenue', () => {
    const after = applyAll(world(), [
      { type: 'vendor.trained', tick: 0, vendor: 'acme', cloud: 'alpha', contractId: null, spendUsd: 100, mTok: 0, computeUsd: 100 },
      { type: 'vendor.trained', tick: 0, vendor: 'acme', cloud: 'alpha', contractId: null, spendUsd: 50, mTok: 0, computeUsd: 50 },
    ]);
    expect(after.vendors.acme!.trainingSinceReleaseUsd).toBe(150);
    expect(after.vendors.acme!.books.trainingComputeUsd).toBe(150);
    expect(after.vendors.acme!.books.computeSpendByCloud).toEqual({ alpha: 150 });
    expect(after.vendors.acme!.cashUsd).toBe(850);
    expect(after.clouds.alpha!.books.vendorComputeRevenueUsd).toBe(150);
    expect(after.clouds.beta!.books.vendorComputeRevenueUsd).toBe(0);
  });

  it('books no cloud revenue for training in the vendor’s own data centres', () => {
    const after = applyAll(world(), [{ type: 'vendor.trained', tick: 0, vendor: 'llama', cloud: null, contractId: null, spendUsd: 100, mTok: 0, computeUsd: 100 }]);
    expect(after.vendors.llama!.trainingSinceReleaseUsd).toBe(100);
    expect(after.vendors.llama!.books.computeSpendByCloud).toEqual({});
    expect(Object.values(after.clouds).map((c) => c.books.vendorComputeRevenueUsd)).toEqual([0, 0]);
  });

  it('releases a model: new quality, training since release back to zero', () => {
    const after = applyAll(world(), [
      { type: 'vendor.trained', tick: 0, vendor: 'acme', cloud: 'alpha', contractId: null, spendUsd: 100, mTok: 0, computeUsd: 100 },
      { type: 'vendor.model-released', tick: 1, vendor: 'acme', fromQuality: 1, toQuality: 1.3, toCodingQuality: 1.5 },
    ]);
    expect(after.vendors.acme!.quality).toBe(1.3);
    expect(after.vendors.acme!.codingQuality).toBe(1.5);
    expect(after.vendors.acme!.trainingSinceReleaseUsd).toBe(0);
    // The month's training spend stays on the books.
    expect(after.vendors.acme!.books.trainingComputeUsd).toBe(100);
  });

  it('moves a small tier in step with its frontier: a release lifts its qualities, a price change its price; a small release replaces it alone', () => {
    const tiered = worldState({
      vendors: [vendorState('acme', { quality: 1, codingQuality: 1.2, priceUsdPerMTok: 10, smallTier: { quality: 0.8, codingQuality: 0.9, priceUsdPerMTok: 1, servingCostShare: 0.1 } })],
      clouds: [cloudState('alpha')],
    });
    const after = applyAll(tiered, [
      { type: 'vendor.model-released', tick: 1, vendor: 'acme', fromQuality: 1, toQuality: 1.25, toCodingQuality: 1.8 },
      { type: 'vendor.price-changed', tick: 2, vendor: 'acme', fromUsdPerMTok: 10, toUsdPerMTok: 8 },
    ]);
    // Quality ×1.25, coding ×1.5, price ×0.8: the small tier keeps its ratios to the frontier.
    expect(after.vendors.acme!.smallTier).toEqual({ quality: 1, codingQuality: expect.closeTo(1.35, 12), priceUsdPerMTok: expect.closeTo(0.8, 12), servingCostShare: 0.1 });
    const replaced = applyAll(after, [
      { type: 'vendor.model-released', tick: 3, vendor: 'acme', fromQuality: 1, toQuality: 1.2, toCodingQuality: 1.3, smallTier: { priceUsdPerMTok: 0.5, servingCostShare: 0.05 } },
    ]);
    expect(replaced.vendors.acme!.smallTier).toEqual({ quality: 1.2, codingQuality: 1.3, priceUsdPerMTok: 0.5, servingCostShare: 0.05 });
    // The frontier and its release clock are as they were.
    expect(replaced.vendors.acme).toMatchObject({ quality: 1.25, codingQuality: 1.8, priceUsdPerMTok: 8, lastReleaseTick: 1 });
  });

  it('leaves the small tier as it is under a frontier release that keeps it (a scripted release naming only the frontier)', () => {
    const tiered = worldState({
      vendors: [vendorState('acme', { quality: 1, codingQuality: 1.2, priceUsdPerMTok: 10, smallTier: { quality: 0.8, codingQuality: 0.9, priceUsdPerMTok: 1, servingCostShare: 0.1 } })],
      clouds: [cloudState('alpha')],
    });
    const after = applyAll(tiered, [{ type: 'vendor.model-released', tick: 1, vendor: 'acme', fromQuality: 1, toQuality: 1.25, toCodingQuality: 1.8, smallTierKept: true }]);
    expect(after.vendors.acme!.smallTier).toEqual({ quality: 0.8, codingQuality: 0.9, priceUsdPerMTok: 1, servingCostShare: 0.1 });
    expect(after.vendors.acme).toMatchObject({ quality: 1.25, codingQuality: 1.8, lastReleaseTick: 1 });
  });

  it('sets a vendor’s price from a price change', () => {
    const after = applyAll(world(), [{ type: 'vendor.price-changed', tick: 1, vendor: 'acme', fromUsdPerMTok: 10, toUsdPerMTok: 8.5 }]);
    expect(after.vendors.acme!.priceUsdPerMTok).toBe(8.5);
  });

  it('counts a request as unmet until the cloud offers capacity against it', () => {
    const request = { tick: 0, requestId: 'r', vendor: 'acme', cloud: 'alpha', months: 12 } as const;
    const after = applyAll(world(), [
      { ...request, type: 'compute.requested', capacityMTok: 1200, use: 'inference', fromTick: 1 },
      { ...request, type: 'compute.offered', capacityMTok: 800, priceUsdPerMTok: 3, asicShare: 0 },
    ]);
    expect(after.clouds.alpha!.books.unmetRequestsMTok).toBe(400);
  });

  it('closes a vendor’s month with its books, keeping the training already bought', () => {
    const after = applyAll(world(), [{ type: 'vendor.trained', tick: 0, vendor: 'acme', cloud: 'alpha', contractId: null, spendUsd: 40, mTok: 0, computeUsd: 40 }, monthClosed()]);
    expect(after.vendors.acme!.books).toMatchObject({
      apiDemandMTok: 100,
      subscriberDemandMTok: 10,
      servedMTok: 110,
      capacityMTok: 200,
      revenueApiDirectUsd: 600,
      revenueMarketplaceUsd: 400,
      revenueSubscriptionUsd: 20,
      revenueShareUsd: 100,
      inferenceComputeUsd: 300,
      trainingComputeUsd: 40,
    });
  });

  it('keeps the compute paid to each cloud when the month closes, then adds training bought after', () => {
    const after = applyAll(world(), [monthClosed(), { type: 'vendor.trained', tick: 0, vendor: 'acme', cloud: 'beta', contractId: null, spendUsd: 40, mTok: 0, computeUsd: 40 }]);
    expect(after.vendors.acme!.books.computeSpendByCloud).toEqual({ alpha: 300, beta: 40 });
  });

  it('adds a month’s revenue less revenue share and inference compute to the vendor’s cash', () => {
    const after = applyAll(world(), [monthClosed()]);
    // 1,000 + (600 + 400 + 20) − 100 − 300.
    expect(after.vendors.acme!.cashUsd).toBe(1620);
  });

  it('pays down a vendor’s compute commitments to a cloud, oldest first, and not one whose term has not begun', () => {
    const start = worldState({
      vendors: [vendorState('acme')],
      clouds: [cloudState('alpha'), cloudState('beta')],
      commitments: [
        commitment({ id: 'commitment-1', vendor: 'acme', cloud: 'alpha', amountUsd: 100 }),
        commitment({ id: 'commitment-2', vendor: 'acme', cloud: 'alpha', amountUsd: 2000, startTick: 1 }),
        commitment({ id: 'commitment-3', vendor: 'acme', cloud: 'alpha', amountUsd: 500 }),
        commitment({ id: 'commitment-4', vendor: 'acme', cloud: 'beta', amountUsd: 500 }),
      ],
    });
    const after = applyAll(start, [
      monthClosed({ computeSpendByCloud: { alpha: 300 } }),
      { type: 'vendor.trained', tick: 0, vendor: 'acme', cloud: 'alpha', contractId: null, spendUsd: 1000, mTok: 0, computeUsd: 1000 },
    ]);
    expect(after.commitments.map((c) => c.remainingUsd)).toEqual([0, 2000, 0, 500]);
  });

  it('adds inference revenue to the training a cloud already sold when it closes its month', () => {
    const after = applyAll(world(), [
      { type: 'vendor.trained', tick: 0, vendor: 'acme', cloud: 'alpha', contractId: null, spendUsd: 40, mTok: 0, computeUsd: 40 },
      { type: 'cloud.month-closed', tick: 0, cloud: 'alpha', inferenceRevenueUsd: 300, fleetCostUsd: 90, marketplaceRevenueUsd: 100, hostingRevenueUsd: 60, hostingMTok: 20, hostingDemandMTok: 20, contractedMTok: 0 },
    ]);
    expect(after.clouds.alpha!.books).toMatchObject({
      vendorComputeRevenueUsd: 340,
      fleetCostUsd: 90,
      marketplaceRevenueUsd: 100,
      hostingRevenueUsd: 60,
      hostingMTok: 20,
    });
  });

  it('grows a fleet and matures its ASIC programme', () => {
    const after = applyAll(world(), [
      { type: 'cloud.capacity-added', tick: 0, cloud: 'alpha', gpuMTok: 80, asicMTok: 20, capexUsd: 5000, forContract: null },
      { type: 'cloud.asic-deployed', tick: 0, cloud: 'alpha', asicMTok: 20, capexUsd: 1000, maturityBefore: 0, maturityAfter: 0.1 },
    ]);
    expect(after.clouds.alpha).toMatchObject({ gpuCapacityMTok: 1080, asicCapacityMTok: 20, asicMaturity: 0.1, asicCapexToDateUsd: 1000 });
    expect(after.clouds.alpha!.books.capexUsd).toBe(5000);
  });

  it('takes capacity away in a shock, never below zero', () => {
    const after = applyAll(world(), [{ type: 'cloud.capacity-shocked', tick: 0, cloud: 'alpha', gpuMTok: -300, asicMTok: -50 }]);
    expect(after.clouds.alpha).toMatchObject({ gpuCapacityMTok: 700, asicCapacityMTok: 0 });
  });

  it('records a closed investment as a deal and adds its cash; a deal already in force moves no cash', () => {
    const after = applyAll(world(), [
      { type: 'investment.closed', tick: 2, deal: deal({ id: 'deal-1', vendor: 'acme', cloud: 'alpha', amountUsd: 5000 }) },
      { type: 'investment.in-force', tick: 2, deal: deal({ id: 'deal-2', vendor: 'acme', cloud: 'beta', amountUsd: 7000 }) },
      { type: 'vendor.funded', tick: 2, vendor: 'acme', investor: 'financial-investors', amountUsd: 300, preMoneyUsd: 5700, equityShare: 0.05 },
    ]);
    expect(after.deals.map((d) => d.id)).toEqual(['deal-1', 'deal-2']);
    expect(after.vendors.acme!.cashUsd).toBe(1000 + 5000 + 300);
    // alpha buys 10 % (founders 0.9); beta's 10 % held before the run comes out of the founders' (0.8);
    // the funds' 5 % dilutes everyone by 0.95: 0.76, 0.095, 0.095, 0.05.
    const table = after.vendors.acme!.equity;
    expect(table['founders-and-others']).toBeCloseTo(0.76, 12);
    expect(table.alpha).toBeCloseTo(0.095, 12);
    expect(table.beta).toBeCloseTo(0.095, 12);
    expect(table['financial-investors']).toBeCloseTo(0.05, 12);
    expect(after.vendors.acme!.lastRoundPostMoneyUsd).toBe(6000);
  });

  it('restates a stake in a recapitalisation, the remainder holder absorbing the difference', () => {
    const after = applyAll(world(), [
      { type: 'investment.in-force', tick: 0, deal: deal({ vendor: 'acme', cloud: 'alpha', equityShare: 0.49 }) },
      { type: 'vendor.funded', tick: 1, vendor: 'acme', investor: 'funds', amountUsd: 1e9, preMoneyUsd: 9e9, equityShare: 0.1 },
      { type: 'deal.amended', tick: 2, investor: 'alpha', vendor: 'acme', equityShare: 0.27 },
    ]);
    // Before the recap: alpha 0.49 × 0.9 = 0.441, funds 0.1, founders 0.51 × 0.9 = 0.459.
    // After: alpha 0.27, funds 0.1 unchanged, founders 1 − 0.27 − 0.1 = 0.63.
    expect(after.vendors.acme!.equity).toEqual({ 'founders-and-others': expect.closeTo(0.63, 12), alpha: 0.27, funds: expect.closeTo(0.1, 12) });
  });

  it('merges a vendor into a cloud’s group: owned, integrated, no revenue share on that cloud', () => {
    const after = applyAll(world(), [{ type: 'corporate.merged', tick: 3, cloud: 'alpha', vendor: 'acme' }]);
    expect(after.vendors.acme).toMatchObject({ owner: 'alpha', integrated: true, equity: { alpha: 1 } });
    expect(after.listings).toEqual([
      { cloud: 'alpha', vendor: 'acme', revenueShare: 0 },
      { cloud: 'beta', vendor: 'acme', revenueShare: 0.3 },
    ]);
  });

  it('counts the months a vendor has been short of compute', () => {
    const after = applyAll(world(), [{ type: 'vendor.compute-short', tick: 0, vendor: 'acme', unmetMTok: 50, monthsShort: 2 }]);
    expect(after.vendors.acme!.monthsShort).toBe(2);
  });

  it('takes subscribers and brand from the consumer market, and the open-model price from the cloud', () => {
    const after = applyAll(world(), [
      { type: 'consumers.subscribed', tick: 0, vendor: 'acme', subscribers: 1234, weeklyUsers: 20_000, brand: 0.42 },
      { type: 'cloud.open-model-priced', tick: 0, cloud: 'beta', priceUsdPerMTok: 2.5 },
    ]);
    expect(after.vendors.acme).toMatchObject({ subscribers: 1234, weeklyUsers: 20_000, brand: 0.42 });
    expect(after.clouds.beta!.openModelPriceUsdPerMTok).toBe(2.5);
  });

  it('leaves the world as it was for events that only the enterprises and negotiators act on', () => {
    const before = world();
    const after = applyAll(before, [
      { type: 'enterprise.adopted', tick: 0, enterprise: 1, vendor: 'acme', channel: 'direct', cloud: 'alpha', roi: 1 },
      { type: 'enterprise.in-production', tick: 0, enterprise: 1, vendor: 'acme' },
      { type: 'enterprise.abandoned', tick: 0, enterprise: 2, vendor: 'acme', reason: 'roi-below-hurdle', roi: 0 },
      { type: 'enterprise.switched', tick: 0, enterprise: 3, from: 'acme', to: 'llama', monthlyGainUsd: 1, switchingCostUsd: 0 },
      { type: 'compute.declined', tick: 0, requestId: 'r', vendor: 'acme', cloud: 'alpha', reason: 'full' },
      { type: 'compute.offer-accepted', tick: 0, requestId: 'r', vendor: 'acme', cloud: 'alpha' },
      { type: 'compute.offer-rejected', tick: 0, requestId: 'r', vendor: 'acme', cloud: 'alpha', reason: 'dear' },
    ]);
    expect(after).toBe(before);
  });

  it('refuses an event about a vendor or cloud the world does not hold', () => {
    expect(() => applyAll(world(), [{ type: 'vendor.price-changed', tick: 0, vendor: 'nobody', fromUsdPerMTok: 1, toUsdPerMTok: 2 }])).toThrow(/unknown vendor nobody/);
    expect(() => applyAll(world(), [{ type: 'cloud.open-model-priced', tick: 0, cloud: 'nowhere', priceUsdPerMTok: 1 }])).toThrow(/unknown cloud nowhere/);
  });

  it('throws on an event type it does not know rather than ignoring it', () => {
    const unknown = { type: 'market.exploded', tick: 0 } as unknown as MarketEvent;
    expect(() => produce(world(), (draft) => applyEvent(draft, unknown))).toThrow(/unhandled event/);
  });
});
