import { contractCapacityAt, servedComputeMTok, type WorldState } from '../world/state.js';
import type { MonthBooks } from './month-books.js';
import type { Violation } from './violation.js';

/**
 * Unit costs follow hardware (issue 21, item 6), checked every month: a vendor's inference cost per
 * MTok of compute served (`inferenceComputeUsd` ÷ the compute its served tokens took) is an average
 * of the prices of its serving contracts in service, each priced from its cloud's hardware cost
 * when it was signed, so it lies between the cheapest and the dearest of them. Idle contracted
 * capacity is a line of its own (`idleCapacityUsd`, in gross margin): folded into the unit cost it
 * would lift it above the dearest contract, as it did before (OpenAI's cost per token 0.63 → 1.07
 * over a year of falling GPU prices). That the cost falls from year to year as GPUs get cheaper,
 * and that a cost-plus list price does not rise while it falls, depends on which clouds a vendor
 * serves from and on its pricing policy: test/books/shipped-scenarios.test.ts checks both on
 * every shipped scenario.
 */
export function unitCostsFollowContracts(books: MonthBooks): Violation[] {
  const { world, tick } = books;
  const found: Violation[] = [];
  for (const vendor of Object.values(world.vendors)) {
    const compute = servedComputeMTok(vendor.books);
    if (!(compute > 0) || !(vendor.books.inferenceComputeUsd > 0)) continue;
    const prices = servingPrices(world, vendor.id, tick);
    if (prices.length === 0) continue;
    const unit = vendor.books.inferenceComputeUsd / compute;
    const lowest = Math.min(...prices);
    const highest = Math.max(...prices);
    if (unit <= highest * (1 + 1e-9) && unit >= lowest * (1 - 1e-9)) continue;
    found.push({
      invariant: 'unitCostsFollowContracts',
      entity: vendor.id,
      message: `inference cost per MTok of compute served is ${unit.toPrecision(4)} USD, outside the prices of its serving contracts in service (${lowest.toPrecision(4)}–${highest.toPrecision(4)} USD): idle or training capacity counted as serving cost`,
    });
  }
  return found;
}

/** Prices of the vendor's contracts that can serve tokens (inference or both) and are in service this month. */
function servingPrices(world: WorldState, vendor: string, tick: number): number[] {
  return world.contracts.filter((c) => c.vendor === vendor && c.use !== 'training' && contractCapacityAt(c, tick) > 0).map((c) => c.priceUsdPerMTok);
}
