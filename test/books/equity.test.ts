import { describe, expect, it } from 'vitest';
import { INVARIANTS } from '../../src/books/check-month.js';
import { capTablesSumToOne, mergedOnceIntoAHolder, stakesWithinUnitInterval } from '../../src/books/equity.js';
import type { MonthBooks } from '../../src/books/month-books.js';
import type { WorldState } from '../../src/world/state.js';
import { applyAll, cloudState, deal, vendorState, worldState } from '../support/world-fixtures.js';

const CLOUDS = [cloudState('aws'), cloudState('gcp')];

function books(world: WorldState, previous: WorldState = world): MonthBooks {
  return { scenario: {}, tick: world.tick, date: '2026-01', world, previous, demand: {} } as unknown as MonthBooks;
}

function withEquity(equity: Record<string, number>, fields: Parameters<typeof vendorState>[1] = {}): WorldState {
  return worldState({ vendors: [vendorState('acme', { equity, ...fields })], clouds: CLOUDS });
}

describe('equity invariants', () => {
  it('are registered with the month’s checks', () => {
    expect(Object.keys(INVARIANTS)).toEqual(expect.arrayContaining(['capTablesSumToOne', 'stakesWithinUnitInterval', 'mergedOnceIntoAHolder']));
  });

  it('accept a cap table diluted round by round: 20 % held at the start, then 10 % sold, leave 0.72, 0.18, 0.1', () => {
    const start = withEquity({ 'founders-and-others': 1 });
    const after = applyAll(start, [
      { type: 'investment.in-force', tick: 0, deal: deal({ vendor: 'acme', cloud: 'aws', equityShare: 0.2, preMoneyUsd: null }) },
      { type: 'vendor.funded', tick: 0, vendor: 'acme', investor: 'funds', amountUsd: 1e9, preMoneyUsd: 9e9, equityShare: 0.1 },
    ]);
    expect(after.vendors.acme!.equity['founders-and-others']).toBeCloseTo(0.72, 12);
    expect(after.vendors.acme!.equity.aws).toBeCloseTo(0.18, 12);
    expect(capTablesSumToOne(books(after))).toEqual([]);
    expect(stakesWithinUnitInterval(books(after))).toEqual([]);
  });

  it('name a vendor whose stakes add up to more than the whole of it, with each holder', () => {
    // The shipped baseline's old books: Azure's 49 % of OpenAI, and a config's AWS stake besides.
    const [violation] = capTablesSumToOne(books(withEquity({ azure: 0.49, aws: 0.66 })));
    expect(violation).toMatchObject({ invariant: 'capTablesSumToOne', entity: 'acme' });
    expect(violation!.message).toMatch(/add up to 1\.15.*azure 0\.49, aws 0\.66/);
  });

  it('name each stake below nothing or above the whole vendor, as holder@vendor', () => {
    const found = stakesWithinUnitInterval(books(withEquity({ 'founders-and-others': -0.1, aws: 1.1 })));
    expect(found.map((v) => v.entity)).toEqual(['founders-and-others@acme', 'aws@acme']);
  });

  it('accept a merger into a cloud that held a stake last month, or bought one this month, which then holds it whole', () => {
    const merged = withEquity({ aws: 1 }, { owner: 'aws', integrated: true });
    expect(mergedOnceIntoAHolder(books(merged, withEquity({ 'founders-and-others': 0.8, aws: 0.2 })))).toEqual([]);
    const boughtNow = worldState({
      vendors: [vendorState('acme', { equity: { aws: 1 }, owner: 'aws', integrated: true })],
      clouds: CLOUDS,
      deals: [deal({ vendor: 'acme', cloud: 'aws', tick: 5 })],
      tick: 5,
    });
    expect(mergedOnceIntoAHolder(books(boughtNow, withEquity({ 'founders-and-others': 1 })))).toEqual([]);
  });

  it('name a merger into a cloud that held nothing, a second merger, and an acquirer that does not hold it whole', () => {
    const intoGcp = withEquity({ gcp: 1 }, { owner: 'gcp', integrated: true });
    expect(mergedOnceIntoAHolder(books(intoGcp, withEquity({ 'founders-and-others': 0.8, aws: 0.2 })))[0]!.message).toBe(
      'merged into gcp this month, which held no stake in it',
    );
    expect(mergedOnceIntoAHolder(books(intoGcp, withEquity({ aws: 1 }, { owner: 'aws', integrated: true })))[0]!.message).toBe(
      'merged into aws, then again into gcp',
    );
    const partly = withEquity({ aws: 0.6, 'founders-and-others': 0.4 }, { owner: 'aws', integrated: true });
    expect(mergedOnceIntoAHolder(books(partly, withEquity({ aws: 0.6, 'founders-and-others': 0.4 })))[0]!.message).toBe(
      'merged into aws, which holds only 0.6 of it',
    );
  });
});
