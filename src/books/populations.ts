import { addressableSubscribers, addressableWeeklyUsers, marketSubscribersThisMonth } from '../market/consumer-market.js';
import type { MonthBooks } from './month-books.js';
import { BOOK_TOLERANCE, type Violation } from './violation.js';

/** Whether `amount` is above `bound` by more than the books' tolerance. */
function above(amount: number, bound: number): boolean {
  return amount > bound + Math.max(1e-6, BOOK_TOLERANCE * Math.abs(bound));
}

const count = (n: number) => Math.round(n).toLocaleString('en-US');

/**
 * The apps' paying subscribers fit their market: no app has fewer than none, together they hold
 * no more than the month's market (its logistic step from what they held when the month opened,
 * market/consumer-market.ts), and never more than the addressable market, people online × the
 * share who would ever pay. A consumer policy that hands out more than the market is caught here,
 * not rescaled.
 */
export function subscribersWithinMarket(books: MonthBooks): Violation[] {
  const apps = Object.values(books.world.vendors).filter((v) => v.hasConsumerApp);
  if (apps.length === 0) return [];
  const found: Violation[] = [];
  for (const app of apps) {
    if (app.subscribers < 0) found.push({ invariant: 'subscribersWithinMarket', entity: app.id, message: `${app.id} has ${app.subscribers} paying subscribers` });
  }
  const opening = apps.reduce((sum, app) => sum + (books.previous.vendors[app.id]?.subscribers ?? subscribersAtEntry(books, app.id)), 0);
  const held = apps.reduce((sum, app) => sum + app.subscribers, 0);
  const market = marketSubscribersThisMonth(books.scenario, books.tick, opening);
  if (above(held, market)) {
    found.push({
      invariant: 'subscribersWithinMarket',
      entity: 'market',
      message: `the apps hold ${count(held)} paying subscribers, more than the month's market of ${count(market)} (${count(opening)} when it opened)`,
    });
  }
  const ceiling = addressableSubscribers(books.scenario.consumers);
  if (above(held, ceiling)) {
    const { peopleOnline, payingShare } = books.scenario.consumers.addressableMarket;
    found.push({
      invariant: 'subscribersWithinMarket',
      entity: 'market',
      message: `the apps hold ${count(held)} paying subscribers, more than the addressable market of ${count(ceiling)} (${count(peopleOnline)} people online × ${payingShare} who would ever pay)`,
    });
  }
  return found;
}

/**
 * The apps' weekly users include their paying subscribers (free users are never fewer than none),
 * and together fit their ceiling, people online × the share who would ever use a chat assistant in
 * a week.
 */
export function weeklyUsersWithinMarket(books: MonthBooks): Violation[] {
  const apps = Object.values(books.world.vendors).filter((v) => v.hasConsumerApp);
  const found: Violation[] = [];
  for (const app of apps) {
    if (above(app.subscribers, app.weeklyUsers)) {
      found.push({ invariant: 'weeklyUsersWithinMarket', entity: app.id, message: `${app.id} has ${count(app.weeklyUsers)} weekly users, fewer than its ${count(app.subscribers)} paying subscribers` });
    }
  }
  const ceiling = addressableWeeklyUsers(books.scenario.consumers);
  const held = apps.reduce((sum, app) => sum + app.weeklyUsers, 0);
  if (ceiling !== null && above(held, ceiling)) {
    const { peopleOnline } = books.scenario.consumers.addressableMarket;
    found.push({
      invariant: 'weeklyUsersWithinMarket',
      entity: 'market',
      message: `the apps hold ${count(held)} weekly users, more than the ceiling of ${count(ceiling)} (${count(peopleOnline)} people online × ${books.scenario.consumers.weeklyUsers!.weeklyShare} who would ever use one weekly)`,
    });
  }
  return found;
}

/** Subscribers a vendor that came to market this month brought with its app. */
function subscribersAtEntry(books: MonthBooks, vendor: string): number {
  const config = books.scenario.vendors.find((v) => v.id === vendor);
  return config?.weights === 'closed' ? (config.consumerApp?.subscribers ?? 0) : 0;
}

/**
 * Adopting enterprises fit their population: the simulated adopters (pilot or production) are
 * between none and the simulated enterprises, so the real ones they stand for never exceed
 * `enterprises.represents`; those in production are among the adopters.
 */
export function adoptersWithinPopulation(books: MonthBooks): Violation[] {
  const { adopters, inProduction } = books.demand;
  const { count: simulated, represents } = books.scenario.enterprises;
  const real = (n: number) => count((n * represents) / simulated);
  const found: Violation[] = [];
  if (adopters < 0 || adopters > simulated) {
    found.push({
      invariant: 'adoptersWithinPopulation',
      entity: 'market',
      message: `${adopters} of ${simulated} simulated enterprises adopt: ${real(adopters)} real enterprises against the ${count(represents)} represented`,
    });
  }
  if (inProduction < 0 || inProduction > adopters) {
    found.push({ invariant: 'adoptersWithinPopulation', entity: 'market', message: `${inProduction} enterprises in production, but ${adopters} adopters in all` });
  }
  return found;
}
