import type { Scenario } from '../config/parse-scenario.js';

/**
 * The paying consumer market: how many people pay for a chat app in a month, whichever app. It
 * approaches its addressable market (people online × the share who would ever pay) along a
 * logistic curve, dS/dt = r S (1 − S/K): far from the ceiling it grows at `growthPerYear`, as the
 * record measured it (ChatGPT's paying users, 2023–2024), and the growth slows as it nears K
 * instead of compounding past the world's population.
 */

/** K: people online × the share who would ever pay for a chat assistant. */
export function addressableSubscribers(consumers: Scenario['consumers']): number {
  return consumers.addressableMarket.peopleOnline * consumers.addressableMarket.payingShare;
}

/**
 * The market one month after it held `subscribers`: the exact step of the logistic curve whose
 * growth far from the ceiling is `growthPerYear`, S' = K·S·g / (K + S·(g − 1)) with
 * g = (1 + growthPerYear)^(1/12). Below K it grows and stays below K; above K (an app that came to
 * market with its own users) it falls towards K.
 */
export function nextMarketSubscribers(subscribers: number, ceiling: number, growthPerYear: number): number {
  if (subscribers <= 0) return 0;
  const monthly = (1 + growthPerYear) ** (1 / 12);
  return (ceiling * subscribers * monthly) / (ceiling + subscribers * (monthly - 1));
}

/**
 * The month's paying market under the scenario in force, from the subscribers the apps held when
 * the month opened: tick 0 is the start month itself (subscribersAtStart is its count), so the
 * market grows from tick 1 on.
 */
export function marketSubscribersThisMonth(scenario: Scenario, tick: number, openingSubscribers: number): number {
  if (tick === 0) return openingSubscribers;
  return nextMarketSubscribers(openingSubscribers, addressableSubscribers(scenario.consumers), scenario.consumers.growthPerYear);
}

/**
 * The ceiling of weekly users: people online × the share who would ever use a chat assistant in a
 * week; null when the scenario has no weekly users (apps have no free users).
 */
export function addressableWeeklyUsers(consumers: Scenario['consumers']): number | null {
  return consumers.weeklyUsers ? consumers.addressableMarket.peopleOnline * consumers.weeklyUsers.weeklyShare : null;
}

/**
 * The month's weekly users, paying and free, across all apps, from those the apps held when the
 * month opened: the same logistic step as the paying market's, towards its own ceiling at its own
 * rate (people try a free app long before some of them pay). Without weekly users in the scenario
 * it is the opening count.
 */
export function marketWeeklyUsersThisMonth(scenario: Scenario, tick: number, openingWeeklyUsers: number): number {
  const ceiling = addressableWeeklyUsers(scenario.consumers);
  if (tick === 0 || ceiling === null) return openingWeeklyUsers;
  return nextMarketSubscribers(openingWeeklyUsers, ceiling, scenario.consumers.weeklyUsers!.growthPerYear);
}
