/**
 * A broken book: which invariant, who, and what the numbers were. The run stops on the first month
 * that has any (see check-month.ts); the CLI prints the message and exits 1.
 */
export interface Violation {
  /** The invariant's name, as its function is named: `computeIsPhysical`, `capTablesSumToOne`, ... */
  readonly invariant: string;
  /** The entity whose books broke: a vendor or cloud id, `holder@vendor`, `market`. */
  readonly entity: string;
  /** What is wrong, with the figures: "sold 1.2e9 MTok against a fleet of 1.0e9 MTok". */
  readonly message: string;
}

/** Thrown by a run whose books fail an invariant in a month. */
export class BooksError extends Error {
  constructor(
    readonly date: string,
    readonly violations: readonly Violation[],
  ) {
    const shown = violations.slice(0, 3).map((v) => `${v.invariant} (${v.entity}): ${v.message}`);
    const more = violations.length > 3 ? `; and ${violations.length - 3} more` : '';
    super(`the books do not balance in ${date}: ${shown.join('; ')}${more}`);
    this.name = 'BooksError';
  }
}

/** Relative tolerance for sums of floating-point flows that should be equal. */
export const BOOK_TOLERANCE = 1e-9;

/** Whether two amounts agree to the books' tolerance (relative, with an absolute floor of 1e-6). */
export function agrees(a: number, b: number): boolean {
  return Math.abs(a - b) <= Math.max(1e-6, BOOK_TOLERANCE * Math.max(Math.abs(a), Math.abs(b)));
}
