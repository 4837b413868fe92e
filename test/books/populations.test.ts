import { describe, expect, it } from 'vitest';
import { updateSubscriptions } from '../../src/agents/consumers.js';
import { monthViolations, INVARIANTS } from '../../src/books/check-month.js';
import type { MonthBooks } from '../../src/books/month-books.js';
import { adoptersWithinPopulation, subscribersWithinMarket, weeklyUsersWithinMarket } from '../../src/books/populations.js';
import type { EnterpriseDemand } from '../../src/agents/enterprises.js';
import { closedVendorInput, scenarioOf, testMarket, tinyScenarioInput, type TestMarket } from '../support/scenario-fixtures.js';

/** acme (600) and bolt (400) paying subscribers; 5,000 would ever pay; the market doubles a year far from it. */
function market(): TestMarket {
  const input = tinyScenarioInput();
  const acme = closedVendorInput(input, 'acme');
  acme.consumerApp = { brand: 0.9, subscribers: 600 };
  input.vendors.push({ ...acme, id: 'bolt', consumerApp: { brand: 0.3, subscribers: 400 } });
  input.enterprises.count = 200;
  input.enterprises.represents = 1000;
  input.consumers = { ...input.consumers, subscribersAtStart: 1000, addressableMarket: { peopleOnline: 10_000, payingShare: 0.5 }, growthPerYear: 1 };
  return testMarket(scenarioOf(input));
}

const DEMAND: EnterpriseDemand = { directMTok: new Float64Array(0), viaCloudMTok: new Float64Array(0), adopters: 50, inProduction: 40, switches: 0, switchedInLastYear: 0, multiVendor: 0, upgrades: 0, upgradedInLastYear: 0 };

function booksOf(m: TestMarket, tick: number, previous: MonthBooks['previous'], demand: EnterpriseDemand = DEMAND): MonthBooks {
  return { scenario: m.scenario, tick, date: '2024-01', world: m.world(), previous, demand };
}

describe('populations', () => {
  it('are checked every month: both invariants are registered', () => {
    expect(INVARIANTS.subscribersWithinMarket).toBe(subscribersWithinMarket);
    expect(INVARIANTS.adoptersWithinPopulation).toBe(adoptersWithinPopulation);
    expect(INVARIANTS.weeklyUsersWithinMarket).toBe(weeklyUsersWithinMarket);
  });

  it('pass a month of the consumer agent: the apps hold the month’s market, 1,047.01 of 1,000 growing towards 5,000', () => {
    const m = market();
    const opening = m.world();
    updateSubscriptions(m.context(1));
    expect(monthViolations(booksOf(m, 1, opening))).toEqual([]);
  });

  it('catch a consumer policy that hands out more subscribers than the market, naming the figures', () => {
    const m = market();
    const opening = m.world();
    // The month's market from 1,000 is 1,047.01; acme alone is given 1,100.
    m.bus.publish({ type: 'consumers.subscribed', tick: 1, vendor: 'acme', subscribers: 700, weeklyUsers: 700, brand: 0.9 });
    m.bus.publish({ type: 'consumers.subscribed', tick: 1, vendor: 'bolt', subscribers: 400, weeklyUsers: 400, brand: 0.3 });
    expect(subscribersWithinMarket(booksOf(m, 1, opening))).toEqual([
      { invariant: 'subscribersWithinMarket', entity: 'market', message: "the apps hold 1,100 paying subscribers, more than the month's market of 1,047 (1,000 when it opened)" },
    ]);
  });

  it('catch subscribers above the addressable market, and an app with fewer than none', () => {
    const m = market();
    const opening = { ...m.world(), vendors: { ...m.world().vendors, acme: { ...m.world().vendors.acme!, subscribers: 5_600 } } };
    // In the start month the market is what the apps opened with (6,000), itself above the 5,000.
    m.bus.publish({ type: 'consumers.subscribed', tick: 0, vendor: 'acme', subscribers: 6_000, weeklyUsers: 6_000, brand: 0.9 });
    m.bus.publish({ type: 'consumers.subscribed', tick: 0, vendor: 'bolt', subscribers: -1, weeklyUsers: -1, brand: 0.3 });
    const found = subscribersWithinMarket(booksOf(m, 0, opening));
    expect(found.map((v) => v.message)).toEqual([
      'bolt has -1 paying subscribers',
      'the apps hold 5,999 paying subscribers, more than the addressable market of 5,000 (10,000 people online × 0.5 who would ever pay)',
    ]);
  });

  it('catch an app with fewer weekly users than paying ones, and weekly users above their ceiling', () => {
    const input = tinyScenarioInput();
    closedVendorInput(input, 'acme').consumerApp = { brand: 0.9, subscribers: 600, weeklyUsers: 3000 };
    input.consumers = {
      ...input.consumers,
      subscribersAtStart: 600,
      addressableMarket: { peopleOnline: 10_000, payingShare: 0.3 },
      weeklyUsers: { growthPerYear: 1, weeklyShare: 0.4, mTokPerFreeUserPerMonth: 0.1 },
    };
    const m = testMarket(scenarioOf(input));
    expect(weeklyUsersWithinMarket(booksOf(m, 0, m.world()))).toEqual([]);
    m.bus.publish({ type: 'consumers.subscribed', tick: 1, vendor: 'acme', subscribers: 600, weeklyUsers: 599, brand: 0.9 });
    expect(weeklyUsersWithinMarket(booksOf(m, 1, m.world())).map((v) => v.message)).toEqual(['acme has 599 weekly users, fewer than its 600 paying subscribers']);
    m.bus.publish({ type: 'consumers.subscribed', tick: 1, vendor: 'acme', subscribers: 600, weeklyUsers: 4001, brand: 0.9 });
    expect(weeklyUsersWithinMarket(booksOf(m, 1, m.world())).map((v) => v.message)).toEqual([
      'the apps hold 4,001 weekly users, more than the ceiling of 4,000 (10,000 people online × 0.4 who would ever use one weekly)',
    ]);
  });

  it('catch more adopters than the enterprises simulated, in the real enterprises they stand for', () => {
    const m = market();
    expect(adoptersWithinPopulation(booksOf(m, 1, m.world(), { ...DEMAND, adopters: 200, inProduction: 200 }))).toEqual([]);
    expect(adoptersWithinPopulation(booksOf(m, 1, m.world(), { ...DEMAND, adopters: 201, inProduction: 10 }))).toEqual([
      { invariant: 'adoptersWithinPopulation', entity: 'market', message: '201 of 200 simulated enterprises adopt: 1,005 real enterprises against the 1,000 represented' },
    ]);
    expect(adoptersWithinPopulation(booksOf(m, 1, m.world(), { ...DEMAND, adopters: 10, inProduction: 11 })).map((v) => v.message)).toEqual([
      '11 enterprises in production, but 10 adopters in all',
    ]);
  });
});
