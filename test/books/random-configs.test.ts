import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runSimulation } from '../../src/simulation/run-simulation.js';
import { randomScenario } from '../properties/random-scenario.js';

/**
 * Every run checks its books each month (src/books) and throws BooksError on the first month that
 * does not balance: over 200 random valid configs (random-scenario.ts: every deep parameter within
 * its schema range, 3–24 months, any seed), none may. FC_SEED=<n> explores others; a failure
 * prints the shrunk config and the month, invariant and entity that broke.
 */
const SEED = Number(process.env.FC_SEED ?? 20_261_205);

describe('the monthly books over random valid configs', () => {
  it('balance in every month of 200 random valid configs', () => {
    let months = 0;
    fc.assert(
      fc.property(randomScenario(), (scenario) => {
        months += runSimulation(scenario).metrics.dates.length;
      }),
      { seed: SEED, numRuns: 200 },
    );
    expect(months).toBeGreaterThan(200 * 3);
  }, 240_000);
});
