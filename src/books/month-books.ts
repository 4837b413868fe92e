import type { EnterpriseDemand } from '../agents/enterprises.js';
import type { Scenario } from '../config/parse-scenario.js';
import type { WorldState } from '../world/state.js';

/** What the invariants read of one closed month: the world after it, the world before it, and what drove it. */
export interface MonthBooks {
  /** The scenario in force this month. */
  readonly scenario: Scenario;
  readonly tick: number;
  /** YYYY-MM. */
  readonly date: string;
  /** The world at the end of the month (its books are this month's). */
  readonly world: WorldState;
  /** The world at the end of last month; the opening world in the first month. */
  readonly previous: WorldState;
  /** The month's enterprise demand, in real enterprises' tokens. */
  readonly demand: EnterpriseDemand;
}

/** An invariant: a pure function of one month's books, returning what broke (empty when they balance). */
export type Invariant = (books: MonthBooks) => readonly import('./violation.js').Violation[];
