import type { ConfigProblem } from './references.js';
import type { ScenarioShape } from './scenario-schema.js';

const count = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 0 });

/**
 * The populations a scenario states must hold what it puts in them: the apps' paying subscribers at
 * the start are the market's (`consumers.subscribersAtStart` is their sum, no more and no fewer),
 * and the market, with the users any app brings when it comes to market later, fits the
 * addressable market (people online × the share who would ever pay). A mismatch is refused here,
 * with the figures, rather than rescaled in the first month.
 */
export function checkPopulations(scenario: ScenarioShape): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const { consumers } = scenario;
  const apps = scenario.vendors.flatMap((v) => (v.weights === 'closed' && v.consumerApp ? [{ id: v.id, subscribers: v.consumerApp.subscribers, atStart: v.entersAt === undefined || v.entersAt <= scenario.start }] : []));
  const atStart = apps.filter((app) => app.atStart);
  const held = atStart.reduce((sum, app) => sum + app.subscribers, 0);
  const market = consumers.subscribersAtStart;
  if (Math.abs(held - market) > Math.max(0.5, 1e-9 * market)) {
    const itemised = atStart.length === 0 ? 'no vendor there at the start has a consumerApp' : atStart.map((app) => `${app.id} ${count(app.subscribers)}`).join(', ');
    problems.push({
      path: 'consumers.subscribersAtStart',
      message:
        held > market
          ? `the apps hold ${count(held)} paying subscribers at the start (${itemised}), more than the market's ${count(market)}: set subscribersAtStart to ${count(held)} or lower an app's subscribers`
          : `the market's ${count(market)} paying subscribers at the start are more than the apps hold (${itemised}${atStart.length === 0 ? '' : `: ${count(held)}`}); every subscriber belongs to an app: set subscribersAtStart to ${count(held)}`,
    });
  }
  const { peopleOnline, payingShare } = consumers.addressableMarket;
  const ceiling = peopleOnline * payingShare;
  const entering = apps.filter((app) => !app.atStart).reduce((sum, app) => sum + app.subscribers, 0);
  if (Math.max(market, held) + entering > ceiling) {
    const later = entering > 0 ? ` and ${count(entering)} more that apps coming to market later bring` : '';
    problems.push({
      path: 'consumers.addressableMarket',
      message: `the addressable market is ${count(ceiling)} paying subscribers (peopleOnline ${count(peopleOnline)} × payingShare ${payingShare}), fewer than the ${count(Math.max(market, held))} at the start${later}; subscribers can never exceed it`,
    });
  }
  problems.push(...checkWeeklyUsers(scenario));
  return problems;
}

/**
 * Weekly users: an app's include its paying subscribers, an app states them only when the scenario
 * has weekly users (otherwise they would be free users nobody serves), and all apps' together fit
 * their ceiling, people online × the share who would ever use a chat assistant in a week.
 */
function checkWeeklyUsers(scenario: ScenarioShape): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const weekly = scenario.consumers.weeklyUsers;
  let total = 0;
  scenario.vendors.forEach((vendor, i) => {
    const app = vendor.weights === 'closed' ? vendor.consumerApp : undefined;
    if (app?.weeklyUsers === undefined) {
      total += app?.subscribers ?? 0;
      return;
    }
    total += app.weeklyUsers;
    const path = `vendors[${i}].consumerApp.weeklyUsers`;
    if (!weekly) {
      problems.push({ path, message: `${vendor.id}'s app states ${count(app.weeklyUsers)} weekly users but the scenario has no consumers.weeklyUsers (their growth, ceiling and use of tokens): add it, or leave weeklyUsers out` });
    } else if (app.weeklyUsers < app.subscribers) {
      problems.push({ path, message: `${vendor.id}'s app has ${count(app.weeklyUsers)} weekly users, fewer than its ${count(app.subscribers)} paying subscribers; weekly users include those who pay: set weeklyUsers to at least ${count(app.subscribers)}` });
    }
  });
  if (weekly) {
    const { peopleOnline, payingShare } = scenario.consumers.addressableMarket;
    if (weekly.weeklyShare < payingShare) {
      problems.push({
        path: 'consumers.weeklyUsers.weeklyShare',
        message: `weeklyShare ${weekly.weeklyShare} is below addressableMarket.payingShare ${payingShare}: every paying subscriber is a weekly user, so the weekly users' ceiling (people online × weeklyShare) must be at least the paying market's; set weeklyShare to ${payingShare} or more`,
      });
    }
    const ceiling = peopleOnline * weekly.weeklyShare;
    if (total > ceiling) {
      problems.push({
        path: 'consumers.weeklyUsers.weeklyShare',
        message: `the apps hold ${count(total)} weekly users, more than the ceiling of ${count(ceiling)} (peopleOnline ${count(peopleOnline)} × weeklyShare ${weekly.weeklyShare}); weekly users can never exceed it`,
      });
    }
  }
  return problems;
}
