import { describe, expect, it } from 'vitest';
import { asicShare, contractCapacityAt, stepCapacityAt, undeliveredAt, capacityAt, EMPTY_VENDOR_BOOKS, grossMargin, vendorRevenueUsd } from '../../src/world/state.js';
import { cloudState, contract, vendorState, worldState } from '../support/world-fixtures.js';

describe('world state', () => {
  const world = worldState({
    vendors: [vendorState('acme'), vendorState('bolt')],
    clouds: [cloudState('alpha')],
    contracts: [
      contract({ id: 'a', vendor: 'acme', cloud: 'alpha', capacityMTok: 100, startTick: 0, endTick: 12 }),
      contract({ id: 'b', vendor: 'acme', cloud: 'alpha', capacityMTok: 50, startTick: 3, endTick: 15 }),
      contract({ id: 'c', vendor: 'bolt', cloud: 'alpha', capacityMTok: 70, startTick: 0, endTick: 12 }),
    ],
  });

  it('holds a contract in force from its startTick up to, not including, its endTick, at the capacity delivered', () => {
    const [a, b] = world.contracts;
    expect([2, 3, 11, 12, 15].map((tick) => [contractCapacityAt(a!, tick), contractCapacityAt(b!, tick)])).toEqual([
      [100, 0],
      [100, 50],
      [100, 50],
      [0, 50],
      [0, 0],
    ]);
    // A contract delivered late: ordered 80 from tick 2, half of it built by tick 6.
    const late = { ...a!, ordered: [{ fromTick: 2, capacityMTok: 80 }], delivered: [{ fromTick: 2, capacityMTok: 40 }, { fromTick: 6, capacityMTok: 80 }], startTick: 2 };
    expect([contractCapacityAt(late, 5), undeliveredAt(late, 5), contractCapacityAt(late, 6), undeliveredAt(late, 6)]).toEqual([40, 40, 80, 0]);
    expect(stepCapacityAt(late.delivered, 1)).toBe(0);
  });

  it('sums a vendor’s capacity under contracts in force at a tick', () => {
    expect(capacityAt(world, 'acme', 2)).toBe(100);
    expect(capacityAt(world, 'acme', 3)).toBe(150);
    expect(capacityAt(world, 'acme', 12)).toBe(50);
    expect(capacityAt(world, 'bolt', 12)).toBe(0);
  });

  it('measures gross margin as revenue less inference compute and revenue share, over revenue', () => {
    const books = { ...EMPTY_VENDOR_BOOKS, revenueApiDirectUsd: 600, revenueMarketplaceUsd: 300, revenueSubscriptionUsd: 100, revenueShareUsd: 50, inferenceComputeUsd: 250, trainingComputeUsd: 1e9 };
    expect(vendorRevenueUsd(books)).toBe(1000);
    // Training is an operating expense, not a cost of revenue.
    expect(grossMargin(books)).toBeCloseTo(0.7, 12);
    expect(grossMargin(EMPTY_VENDOR_BOOKS)).toBeNull();
  });

  it('gives the share of a fleet on ASICs, 0 for an empty fleet', () => {
    expect(asicShare(cloudState('x', { gpuCapacityMTok: 300, asicCapacityMTok: 100 }))).toBe(0.25);
    expect(asicShare(cloudState('x', { gpuCapacityMTok: 0, asicCapacityMTok: 0 }))).toBe(0);
  });
});
