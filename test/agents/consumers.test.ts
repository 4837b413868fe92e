import { describe, expect, it } from 'vitest';
import { updateSubscriptions } from '../../src/agents/consumers.js';
import { EMPTY_VENDOR_BOOKS, freeUsers } from '../../src/world/state.js';
import { closedVendorInput, eventsOfType, scenarioOf, testMarket, tinyScenarioInput, type TestMarket } from '../support/scenario-fixtures.js';

/**
 * acme (brand 0.9, quality 1, 600 subscribers) and bolt (brand 0.3, quality 1.5, 400): a market of
 * 1,000 that would double in a year far from its ceiling, 10,000 people online of whom half would
 * ever pay (5,000).
 */
function market(withApps = true): TestMarket {
  const input = tinyScenarioInput();
  const acme = closedVendorInput(input, 'acme');
  if (withApps) acme.consumerApp = { brand: 0.9, subscribers: 600 };
  input.vendors.push({ ...acme, id: 'bolt', quality: 1.5, ...(withApps && { consumerApp: { brand: 0.3, subscribers: 400 } }) });
  input.consumers = {
    ...input.consumers,
    subscribersAtStart: withApps ? 1000 : 0,
    addressableMarket: { peopleOnline: 10_000, payingShare: 0.5 },
    growthPerYear: 1,
    policy: { type: 'brand-and-quality' },
  };
  return testMarket(scenarioOf(input));
}

/** The same market with weekly users: acme 2,400 (600 paying), bolt 600 (400 paying); ceiling 80 % of 10,000, 3× a year. */
function scenarioInputWithWeeklyUsers() {
  const input = tinyScenarioInput();
  const acme = closedVendorInput(input, 'acme');
  acme.consumerApp = { brand: 0.9, subscribers: 600, weeklyUsers: 2400 };
  input.vendors.push({ ...acme, id: 'bolt', quality: 1.5, consumerApp: { brand: 0.3, subscribers: 400, weeklyUsers: 600 } });
  input.consumers = {
    ...input.consumers,
    subscribersAtStart: 1000,
    addressableMarket: { peopleOnline: 10_000, payingShare: 0.5 },
    growthPerYear: 1,
    weeklyUsers: { growthPerYear: 2, weeklyShare: 0.8, mTokPerFreeUserPerMonth: 0.1 },
    policy: { type: 'brand-and-quality' },
  };
  return input;
}

const subscribersOf = (m: TestMarket) => Object.values(m.world().vendors).reduce((sum, v) => sum + v.subscribers, 0);

describe('consumers', () => {
  it('moves the growing market’s subscribers between apps towards brand² × quality', () => {
    const m = market();
    updateSubscriptions(m.context(1));
    // Appeal 0.81 and 0.135: target shares 6/7 and 1/7. The market takes a month's logistic step
    // from 1,000 towards 5,000: 5,000 × 1,000 × g / (5,000 + 1,000 × (g − 1)), g = 2^(1/12), = 1,047.01
    // (1,059.46 with no ceiling).
    const g = 2 ** (1 / 12);
    const total = (5000 * 1000 * g) / (5000 + 1000 * (g - 1));
    expect(total).toBeCloseTo(1047.01, 2);
    const subscribed = eventsOfType(m.events, 'consumers.subscribed');
    expect(subscribed.map((e) => e.vendor)).toEqual(['acme', 'bolt']);
    expect(subscribed[0]!.subscribers).toBeCloseTo(total * (0.6 + 0.05 * (6 / 7 - 0.6)), 9);
    expect(subscribed[1]!.subscribers).toBeCloseTo(total * (0.4 + 0.05 * (1 / 7 - 0.4)), 9);
    expect(m.world().vendors.acme!.subscribers).toBeCloseTo(subscribed[0]!.subscribers, 9);
  });

  it('keeps the start month’s market as configured: it grows from the month after', () => {
    const m = market();
    updateSubscriptions(m.context(0));
    expect(subscribersOf(m)).toBeCloseTo(1000, 9);
  });

  it('slows as the market nears its ceiling: a year takes 1,000 to 1,666.67 of 5,000, not to 2,000', () => {
    const m = market();
    for (let tick = 1; tick <= 12; tick++) updateSubscriptions(m.context(tick));
    // Logistic: K / (1 + (K / S0 − 1) / 2) = 5,000 / (1 + 4 / 2).
    expect(subscribersOf(m)).toBeCloseTo(5000 / 3, 6);
    for (let tick = 13; tick <= 120; tick++) updateSubscriptions(m.context(tick));
    // Ten years on: 5,000 / (1 + 4 / 2^10) = 4,980.5, never above the ceiling.
    expect(subscribersOf(m)).toBeCloseTo(5000 / (1 + 4 / 1024), 4);
    expect(subscribersOf(m)).toBeLessThan(5000);
  });

  it('moves each app’s brand a step towards its share of subscribers', () => {
    const m = market();
    updateSubscriptions(m.context(0));
    const [acme] = eventsOfType(m.events, 'consumers.subscribed');
    const share = 0.6 + 0.05 * (6 / 7 - 0.6);
    expect(acme!.brand).toBeCloseTo(0.9 + 0.02 * (share - 0.9), 12);
  });

  it('judges a rationed app by the quality its users actually got last month', () => {
    const m = market();
    // acme served half of last month's demand: its appeal is 0.81 × 0.5, so its target share 0.405 / 0.54 = 0.75.
    m.bus.publish({ type: 'vendor.month-closed', tick: 0, vendor: 'acme', ...EMPTY_VENDOR_BOOKS, subscriberDemandMTok: 600, servedMTok: 300 });
    updateSubscriptions(m.context(0));
    const [acme] = eventsOfType(m.events, 'consumers.subscribed');
    expect(acme!.subscribers).toBeCloseTo(1000 * (0.6 + 0.05 * (0.75 - 0.6)), 9);
  });

  it('grows weekly users towards their own ceiling and shares them out as subscribers are; free users are the rest', () => {
    const input = scenarioInputWithWeeklyUsers();
    const m = testMarket(scenarioOf(input));
    updateSubscriptions(m.context(1));
    // Weekly users: 3,000 opening (acme 2,400, bolt 600) towards 10,000 × 0.8 = 8,000 at 3× a year
    // far from it: g = 3^(1/12), 8,000 × 3,000 × g / (8,000 + 3,000 × (g − 1)) = 3,173.52.
    const g = 3 ** (1 / 12);
    const weekly = (8000 * 3000 * g) / (8000 + 3000 * (g - 1));
    expect(weekly).toBeCloseTo(3173.52, 2);
    const [acme, bolt] = eventsOfType(m.events, 'consumers.subscribed');
    // The same step of shares towards brand² × quality (6/7, 1/7) as the subscribers', from 0.8 and 0.2.
    expect(acme!.weeklyUsers).toBeCloseTo(weekly * (0.8 + 0.05 * (6 / 7 - 0.8)), 9);
    expect(bolt!.weeklyUsers).toBeCloseTo(weekly * (0.2 + 0.05 * (1 / 7 - 0.2)), 9);
    expect(freeUsers(m.world().vendors.acme!)).toBeCloseTo(acme!.weeklyUsers - acme!.subscribers, 9);
  });

  it('never gives an app fewer weekly users than paying ones', () => {
    const input = scenarioInputWithWeeklyUsers();
    // Every weekly user pays, and weekly users stop growing while the paying market grows: acme's
    // share of weekly users would give it 1,000 × 0.6128 = 612.8, fewer than its 1,047.01 × 0.6128 subscribers.
    closedVendorInput(input, 'acme').consumerApp = { brand: 0.9, subscribers: 600, weeklyUsers: 600 };
    closedVendorInput(input, 'bolt').consumerApp = { brand: 0.3, subscribers: 400, weeklyUsers: 400 };
    input.consumers.weeklyUsers!.growthPerYear = 0;
    const m = testMarket(scenarioOf(input));
    updateSubscriptions(m.context(1));
    for (const app of [m.world().vendors.acme!, m.world().vendors.bolt!]) {
      expect(app.weeklyUsers).toBe(app.subscribers);
      expect(freeUsers(app)).toBe(0);
    }
  });

  it('without weekly users in the scenario, an app’s weekly users are its subscribers: no free users', () => {
    const m = market();
    updateSubscriptions(m.context(1));
    for (const e of eventsOfType(m.events, 'consumers.subscribed')) expect(e.weeklyUsers).toBe(e.subscribers);
  });

  it('publishes nothing when no vendor sells a consumer app', () => {
    const m = market(false);
    updateSubscriptions(m.context(0));
    expect(m.events).toEqual([]);
  });
});
