import { describe, expect, it } from 'vitest';
import { checkMonth, monthViolations } from '../../src/books/check-month.js';
import { cloudsSellNoMoreThanTheyHave, vendorsServeWithinCapacity } from '../../src/books/compute-is-physical.js';
import { stateIsFinite } from '../../src/books/finite-state.js';
import type { MonthBooks } from '../../src/books/month-books.js';
import { cashMovesWithTheBooks, computePaidIsComputeBooked, enterprisesPayWhatIsBooked, revenueSharePaidIsKept } from '../../src/books/money-is-conserved.js';
import { BooksError } from '../../src/books/violation.js';
import { EMPTY_CLOUD_BOOKS, EMPTY_VENDOR_BOOKS, type WorldState } from '../../src/world/state.js';
import { scenarioOf, tinyScenarioInput } from '../support/scenario-fixtures.js';
import { cloudState, vendorState, worldState } from '../support/world-fixtures.js';

// Tiny scenario: vendors [acme (closed), llama (open)], clouds [alpha, beta]; subscriptions at the scenario's price.
const scenario = scenarioOf(tinyScenarioInput());
const SUBSCRIPTION = scenario.consumers.priceUsdPerMonth;

/** acme sold 100 MTok direct and 50 through alpha at $10, half served for want of capacity; paid alpha 300 for compute. */
function balanced(): WorldState {
  return worldState({
    vendors: [
      vendorState('acme', {
        cashUsd: 1000 + 750 + 2 * SUBSCRIPTION - 30 - 200 - 100 - 0 + 0,
        subscribers: 2,
        books: {
          ...EMPTY_VENDOR_BOOKS,
          apiDemandMTok: 150,
          servedMTok: 75,
          capacityMTok: 75,
          revenueApiDirectUsd: 500,
          revenueMarketplaceUsd: 250,
          revenueSubscriptionUsd: 2 * SUBSCRIPTION,
          revenueShareUsd: 30,
          revenueShareByCloud: { alpha: 30 },
          inferenceComputeUsd: 200,
          idleCapacityUsd: 0,
          trainingComputeUsd: 100,
          computeSpendByCloud: { alpha: 300 },
        },
      }),
      vendorState('llama', { weights: 'open', priceUsdPerMTok: 0 }),
    ],
    clouds: [
      cloudState('alpha', { books: { ...EMPTY_CLOUD_BOOKS, vendorComputeRevenueUsd: 300, marketplaceRevenueUsd: 30, contractedMTok: 600, trainingMTok: 300, hostingMTok: 100, hostingDemandMTok: 120, hostingRevenueUsd: 300 } }),
      cloudState('beta'),
    ],
  });
}

function books(world: WorldState, previous = withCash(world, 1000)): MonthBooks {
  const demand = { directMTok: Float64Array.from([100, 0]), viaCloudMTok: Float64Array.from([50, 0, 120, 0]), adopters: 0, inProduction: 0, switches: 0, switchedInLastYear: 0, multiVendor: 0, upgrades: 0, upgradedInLastYear: 0 };
  return { scenario, tick: 5, date: '2024-05', world, previous, demand };
}

function withCash(world: WorldState, cashUsd: number): WorldState {
  return { ...world, vendors: { ...world.vendors, acme: { ...world.vendors.acme!, cashUsd } } };
}

function edit(world: WorldState, change: (w: any) => void): WorldState {
  const copy = structuredClone(world);
  change(copy);
  return copy;
}

describe('the books checked every month', () => {
  it('finds nothing wrong with books that balance', () => {
    expect(monthViolations(books(balanced()))).toEqual([]);
  });

  it('refuses a cloud that sells more than its fleet: contracts, hosting and training together', () => {
    // alpha's fleet is 1,000 MTok: 600 contracted + 100 hosted + 301 of training is one too many.
    const over = edit(balanced(), (w) => (w.clouds.alpha.books.trainingMTok = 301));
    expect(cloudsSellNoMoreThanTheyHave(books(over))).toEqual([
      expect.objectContaining({ invariant: 'cloudsSellNoMoreThanTheyHave', entity: 'alpha', message: expect.stringMatching(/1001\.00 MTok in use .* fleet of 1000\.00 MTok/) }),
    ]);
    const hostedMore = edit(balanced(), (w) => (w.clouds.alpha.books.hostingDemandMTok = 90));
    expect(cloudsSellNoMoreThanTheyHave(books(hostedMore))).toHaveLength(1);
  });

  it('refuses a vendor serving beyond its capacity', () => {
    const over = edit(balanced(), (w) => (w.vendors.acme.books.servedMTok = 80));
    expect(vendorsServeWithinCapacity(books(over)).map((v) => v.entity)).toEqual(['acme']);
  });

  it('refuses compute or revenue shares paid that the cloud did not book, naming the cloud', () => {
    const unbooked = edit(balanced(), (w) => (w.clouds.alpha.books.vendorComputeRevenueUsd = 299));
    expect(computePaidIsComputeBooked(books(unbooked))).toEqual([expect.objectContaining({ entity: 'alpha', message: expect.stringContaining('vendors paid $300.00000 for compute, the cloud booked $299.00000') })]);
    const kept = edit(balanced(), (w) => (w.clouds.alpha.books.marketplaceRevenueUsd = 31));
    expect(revenueSharePaidIsKept(books(kept)).map((v) => v.entity)).toEqual(['alpha']);
  });

  it('refuses API or subscription revenue that is not what enterprises and subscribers were charged', () => {
    // 150 MTok asked, half served, at $10: $750 charged.
    expect(enterprisesPayWhatIsBooked(books(balanced()))).toEqual([]);
    const more = edit(balanced(), (w) => (w.vendors.acme.books.revenueApiDirectUsd = 501));
    expect(enterprisesPayWhatIsBooked(books(more))).toEqual([expect.objectContaining({ entity: 'acme' })]);
    const subscribers = edit(balanced(), (w) => (w.vendors.acme.subscribers = 3));
    expect(enterprisesPayWhatIsBooked(books(subscribers))[0]!.message).toMatch(/subscribers paid/);
    const hosting = edit(balanced(), (w) => (w.clouds.alpha.books.hostingRevenueUsd = 299));
    expect(enterprisesPayWhatIsBooked(books(hosting)).map((v) => v.entity)).toEqual(['alpha']);
  });

  it('refuses cash that moved other than by the month’s books, counting what was raised', () => {
    expect(cashMovesWithTheBooks(books(balanced()))).toEqual([]);
    expect(cashMovesWithTheBooks(books(balanced(), withCash(balanced(), 999)))).toHaveLength(1);
    const raised = edit(balanced(), (w) => {
      w.vendors.acme.books.raisedUsd = 5e9;
      w.vendors.acme.cashUsd += 5e9;
    });
    expect(cashMovesWithTheBooks(books(raised))).toEqual([]);
  });

  it('names the path of a NaN or an Infinity in the state', () => {
    const broken = edit(balanced(), (w) => {
      w.vendors.acme.books.revenueShareUsd = Number.NaN;
      w.clouds.beta.asicMaturity = Number.POSITIVE_INFINITY;
    });
    expect(stateIsFinite(books(broken))).toEqual([
      { invariant: 'stateIsFinite', entity: 'acme', message: 'vendors.acme.books.revenueShareUsd is NaN' },
      { invariant: 'stateIsFinite', entity: 'beta', message: 'clouds.beta.asicMaturity is Infinity' },
    ]);
  });

  it('stops a month that does not balance with one error naming the month, the invariant and the entity', () => {
    const over = edit(balanced(), (w) => (w.clouds.alpha.books.trainingMTok = 400));
    expect(() => checkMonth(books(over))).toThrow(BooksError);
    expect(() => checkMonth(books(over))).toThrow(/^the books do not balance in 2024-05: cloudsSellNoMoreThanTheyHave \(alpha\): /);
    expect(() => checkMonth(books(balanced()))).not.toThrow();
  });
});
