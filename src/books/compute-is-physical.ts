import { capacityInUseMTok, fleetMTok, servedComputeMTok, totalDemandMTok } from '../world/state.js';
import type { MonthBooks } from './month-books.js';
import { type Violation } from './violation.js';

/** Capacity may exceed what is in use by rounding only: relative 1e-9, absolute 1e-6 MTok. */
function above(used: number, limit: number): boolean {
  return used > limit * (1 + 1e-9) + 1e-6;
}

/**
 * Every MTok a cloud serves, hosts or sells for training this month occupies its fleet: its
 * vendors' contracts in service, the open weights it hosted and the training it sold by the month
 * together fit in the fleet it has.
 */
export function cloudsSellNoMoreThanTheyHave({ world }: MonthBooks): Violation[] {
  const found: Violation[] = [];
  for (const cloud of Object.values(world.clouds)) {
    const used = capacityInUseMTok(cloud);
    const fleet = fleetMTok(cloud);
    if (above(used, fleet)) {
      const b = cloud.books;
      found.push({
        invariant: 'cloudsSellNoMoreThanTheyHave',
        entity: cloud.id,
        message: `${used.toPrecision(6)} MTok in use (contracts ${b.contractedMTok.toPrecision(6)}, hosting ${b.hostingMTok.toPrecision(6)}, training ${b.trainingMTok.toPrecision(6)}) in a fleet of ${fleet.toPrecision(6)} MTok`,
      });
    }
    if (above(cloud.books.hostingMTok, cloud.books.hostingDemandMTok)) {
      found.push({ invariant: 'cloudsSellNoMoreThanTheyHave', entity: cloud.id, message: `hosted ${cloud.books.hostingMTok} MTok of open weights, ${cloud.books.hostingDemandMTok} asked` });
    }
  }
  return found;
}

/**
 * A closed vendor serves no more tokens than were asked of it, and their compute (a small-tier token
 * takes its servingCostShare of a frontier one's) fits its contracts' serving capacity.
 */
export function vendorsServeWithinCapacity({ world }: MonthBooks): Violation[] {
  const found: Violation[] = [];
  for (const vendor of Object.values(world.vendors)) {
    if (vendor.weights !== 'closed') continue;
    const b = vendor.books;
    const asked = totalDemandMTok(b);
    const compute = servedComputeMTok(b);
    if (above(compute, b.capacityMTok) || above(b.servedMTok, asked)) {
      found.push({
        invariant: 'vendorsServeWithinCapacity',
        entity: vendor.id,
        message: `served ${b.servedMTok} MTok${b.smallTier ? ` (${compute} MTok of compute)` : ''} with ${b.capacityMTok} MTok of capacity and ${asked} MTok asked`,
      });
    }
  }
  return found;
}
