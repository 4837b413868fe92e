import { cloudsSellNoMoreThanTheyHave, vendorsServeWithinCapacity } from './compute-is-physical.js';
import { capTablesSumToOne, mergedOnceIntoAHolder, stakesWithinUnitInterval } from './equity.js';
import { capacityMovesGradually } from './deliveries-ramp.js';
import { stateIsFinite } from './finite-state.js';
import { cashMovesWithTheBooks, computePaidIsComputeBooked, enterprisesPayWhatIsBooked, revenueSharePaidIsKept } from './money-is-conserved.js';
import { adoptersWithinPopulation, subscribersWithinMarket, weeklyUsersWithinMarket } from './populations.js';
import { roiWithinSurveyedRange } from './value.js';
import { unitCostsFollowContracts } from './unit-costs.js';
import type { Invariant, MonthBooks } from './month-books.js';
import { BooksError, type Violation } from './violation.js';

/**
 * The invariants every month's books must satisfy, by name. Each is one pure function in its own
 * file; a new one is a line here.
 */
export const INVARIANTS: Readonly<Record<string, Invariant>> = {
  stateIsFinite,
  cloudsSellNoMoreThanTheyHave,
  vendorsServeWithinCapacity,
  computePaidIsComputeBooked,
  revenueSharePaidIsKept,
  enterprisesPayWhatIsBooked,
  cashMovesWithTheBooks,
  capTablesSumToOne,
  stakesWithinUnitInterval,
  mergedOnceIntoAHolder,
  subscribersWithinMarket,
  weeklyUsersWithinMarket,
  adoptersWithinPopulation,
  capacityMovesGradually,
  roiWithinSurveyedRange,
  unitCostsFollowContracts,
};

/** Every violation of the month's books (empty when they balance). */
export function monthViolations(books: MonthBooks): Violation[] {
  return Object.values(INVARIANTS).flatMap((invariant) => invariant(books));
}

/** Stops the run on a month whose books do not balance. */
export function checkMonth(books: MonthBooks): void {
  const violations = monthViolations(books);
  if (violations.length > 0) throw new BooksError(books.date, violations);
}
