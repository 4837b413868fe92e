import { capTableTotal } from '../world/cap-table.js';
import type { MonthBooks } from './month-books.js';
import type { Violation } from './violation.js';

/** How far a cap table's sum may drift from 1 through a run's multiplications. */
const CAP_TABLE_TOLERANCE = 1e-9;

/** Every vendor's cap table sums to 1: the remainder holder owns exactly what the investors do not. */
export function capTablesSumToOne(books: MonthBooks): Violation[] {
  const found: Violation[] = [];
  for (const vendor of Object.values(books.world.vendors)) {
    const total = capTableTotal(vendor.equity);
    if (Math.abs(total - 1) > CAP_TABLE_TOLERANCE) {
      const holders = Object.entries(vendor.equity).map(([holder, share]) => `${holder} ${share}`);
      found.push({ invariant: 'capTablesSumToOne', entity: vendor.id, message: `the stakes add up to ${total}, not 1: ${holders.join(', ')}` });
    }
  }
  return found;
}

/** No holder owns less than nothing or more than the whole vendor. */
export function stakesWithinUnitInterval(books: MonthBooks): Violation[] {
  const found: Violation[] = [];
  for (const vendor of Object.values(books.world.vendors)) {
    for (const [holder, share] of Object.entries(vendor.equity)) {
      if (share < -CAP_TABLE_TOLERANCE || share > 1 + CAP_TABLE_TOLERANCE) {
        found.push({ invariant: 'stakesWithinUnitInterval', entity: `${holder}@${vendor.id}`, message: `holds ${share} of ${vendor.id}, outside 0..1` });
      }
    }
  }
  return found;
}

/**
 * A vendor merges once, into a cloud that held a stake in it (at the end of last month, or bought
 * this month before the merger) or owned it, and the merged vendor is its acquirer's alone.
 */
export function mergedOnceIntoAHolder(books: MonthBooks): Violation[] {
  const found: Violation[] = [];
  for (const vendor of Object.values(books.world.vendors)) {
    if (!vendor.integrated) continue;
    const entity = vendor.id;
    const owner = vendor.owner;
    const before = books.previous.vendors[vendor.id];
    if (owner === null || books.world.clouds[owner] === undefined) {
      found.push({ invariant: 'mergedOnceIntoAHolder', entity, message: `merged into ${owner}, which is no cloud` });
      continue;
    }
    if ((vendor.equity[owner] ?? 0) < 1 - CAP_TABLE_TOLERANCE) {
      found.push({ invariant: 'mergedOnceIntoAHolder', entity, message: `merged into ${owner}, which holds only ${vendor.equity[owner] ?? 0} of it` });
    }
    if (before?.integrated) {
      if (before.owner !== owner) found.push({ invariant: 'mergedOnceIntoAHolder', entity, message: `merged into ${before.owner}, then again into ${owner}` });
      continue;
    }
    const heldBefore = before !== undefined && (before.owner === owner || (before.equity[owner] ?? 0) > 0);
    const boughtThisMonth = books.world.deals.some((d) => d.vendor === vendor.id && d.investor === owner && d.tick === books.tick);
    if (!heldBefore && !boughtThisMonth) {
      found.push({ invariant: 'mergedOnceIntoAHolder', entity, message: `merged into ${owner} this month, which held no stake in it` });
    }
  }
  return found;
}
