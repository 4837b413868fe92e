import { describe, expect, it } from 'vitest';
import type { MonthBooks } from '../../src/books/month-books.js';
import { unitCostsFollowContracts } from '../../src/books/unit-costs.js';
import { EMPTY_VENDOR_BOOKS, type WorldState } from '../../src/world/state.js';
import { cloudState, contract, vendorState, worldState } from '../support/world-fixtures.js';

/** acme serves 75 MTok on two inference contracts at $2 and $3 a MTok, and trains on a third at $10. */
function world(inferenceComputeUsd: number, idleCapacityUsd = 0): WorldState {
  return worldState({
    vendors: [vendorState('acme', { books: { ...EMPTY_VENDOR_BOOKS, apiDemandMTok: 75, servedMTok: 75, capacityMTok: 100, inferenceComputeUsd, idleCapacityUsd } })],
    clouds: [cloudState('alpha'), cloudState('beta')],
    contracts: [
      contract({ id: 'cheap', vendor: 'acme', cloud: 'alpha', capacityMTok: 50, priceUsdPerMTok: 2, use: 'inference' }),
      contract({ id: 'dear', vendor: 'acme', cloud: 'beta', capacityMTok: 50, priceUsdPerMTok: 3, use: 'inference' }),
      contract({ id: 'trains', vendor: 'acme', cloud: 'beta', capacityMTok: 50, priceUsdPerMTok: 10, use: 'training' }),
      // Signed this month for the next: not in service yet, so not a price the month's tokens paid.
      contract({ id: 'next', vendor: 'acme', cloud: 'alpha', capacityMTok: 50, priceUsdPerMTok: 1, use: 'inference', startTick: 6, endTick: 18 }),
    ],
  });
}

const books = (w: WorldState): MonthBooks => ({ tick: 5, date: '2024-05', world: w, previous: w }) as unknown as MonthBooks;

describe('unit costs that follow the contracts serving them', () => {
  it('accepts a cost per MTok served that averages the serving contracts’ prices, idle capacity apart', () => {
    // 75 MTok served over 100 of capacity at $2 and $3, spread by capacity: $187.50 used, $62.50 idle.
    expect(unitCostsFollowContracts(books(world(187.5, 62.5)))).toEqual([]);
  });

  it('refuses idle capacity folded into the cost of the tokens served, naming the vendor and the prices', () => {
    // The whole $250 of the two contracts over 75 MTok: $3.33 a MTok, dearer than either contract.
    expect(unitCostsFollowContracts(books(world(250)))).toEqual([
      expect.objectContaining({ invariant: 'unitCostsFollowContracts', entity: 'acme', message: expect.stringMatching(/3\.333 USD, outside the prices of its serving contracts in service \(2\.000–3\.000 USD\)/) }),
    ]);
  });

  it('refuses training capacity billed as serving, and a cost below every contract', () => {
    expect(unitCostsFollowContracts(books(world(75 * 4)))).toHaveLength(1);
    expect(unitCostsFollowContracts(books(world(75 * 1)))).toHaveLength(1);
  });
});
