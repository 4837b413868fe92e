import { isYearMonth } from '../engine/calendar.js';
import type { ConfigProblem } from './config-problem.js';

/**
 * Scripted events must obey the rules of the world they happen in, checked here on raw JSON before
 * anything runs: a vendor is named only once it is in the market; a deal is amended only once it
 * exists; a contract, a listing or a tying investment that an exclusive deal in force forbids is an
 * error naming the deal, unless an earlier event of the same config amends that deal. Events apply
 * in date order, and in list order within a month, as the run applies them.
 */

type Loose = Record<string, unknown>;

interface TieInForce {
  /** How the deal is named in messages: its place in the config. */
  readonly where: string;
  readonly investor: string;
  readonly vendor: string;
  status: string;
  permittedClouds: string[];
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function list(value: unknown, key: string): Loose[] {
  const items = value !== null && typeof value === 'object' ? (value as Loose)[key] : undefined;
  return Array.isArray(items) ? items.filter((e): e is Loose => e !== null && typeof e === 'object') : [];
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export function checkHistoryRules(scenario: unknown, cloudIds: readonly string[]): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const entries = new Map<string, string>();
  for (const vendor of list(scenario, 'vendors')) {
    const id = text(vendor.id);
    const entersAt = text(vendor.entersAt);
    if (id !== undefined && entersAt !== undefined && isYearMonth(entersAt)) entries.set(id, entersAt);
  }

  const ties: TieInForce[] = [];
  list(scenario, 'dealsAtStart').forEach((deal, i) => {
    const investor = text(deal.cloud) ?? text(deal.investor);
    const vendor = text(deal.vendor);
    if (investor === undefined || vendor === undefined) return;
    const since = text(deal.since);
    ties.push({
      where: `dealsAtStart[${i}] (${investor} in ${vendor}${since ? `, since ${since}` : ''})`,
      investor,
      vendor,
      status: text(deal.status) ?? 'none',
      permittedClouds: strings(deal.permittedClouds),
    });
  });

  const events = list(scenario, 'events')
    .map((event, index) => ({ event, index, date: text(event.date) }))
    .filter((e): e is { event: Loose; index: number; date: string } => e.date !== undefined && isYearMonth(e.date))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.index - b.index));

  const exclusiveFor = (vendor: string): TieInForce | undefined =>
    ties.filter((t) => t.vendor === vendor && t.status === 'exclusive' && cloudIds.includes(t.investor)).at(-1);
  const forbids = (tie: TieInForce | undefined, cloud: string) => tie !== undefined && tie.investor !== cloud && !tie.permittedClouds.includes(cloud);
  const explain = (tie: TieInForce, vendor: string) => {
    const permitted = tie.permittedClouds.length > 0 ? ` (permitted: ${tie.permittedClouds.join(', ')})` : '';
    return `${tie.where} makes ${tie.investor} ${vendor}'s exclusive cloud${permitted}; amend that deal first (a deal-amendment event before this one) or drop this event`;
  };

  for (const { event, index, date } of events) {
    const path = `events[${index}]`;
    const type = text(event.type);
    const vendor = text(event.vendor);
    const cloud = text(event.cloud);
    const investor = cloud ?? text(event.investor);

    if (vendor !== undefined) {
      const entersAt = entries.get(vendor);
      if (entersAt !== undefined && date < entersAt) {
        problems.push({ path: `${path}.vendor`, message: `${vendor} comes to market in ${entersAt} (its entersAt); an event in ${date} cannot name it` });
      }
    }
    if (vendor === undefined || investor === undefined) continue;

    switch (type) {
      case 'compute-contract':
      case 'listing': {
        const tie = exclusiveFor(vendor);
        if (cloud !== undefined && forbids(tie, cloud)) {
          const what = type === 'listing' ? `${cloud} cannot list ${vendor}` : `${vendor} cannot sign a compute contract with ${cloud}`;
          problems.push({ path, message: `${what} in ${date}: ${explain(tie!, vendor)}` });
        }
        break;
      }
      case 'investment': {
        const status = text(event.status) ?? 'none';
        const tie = exclusiveFor(vendor);
        if (cloud !== undefined && status !== 'none' && tie !== undefined && tie.investor !== cloud) {
          problems.push({ path: `${path}.status`, message: `${cloud} cannot become ${vendor}'s ${status} cloud in ${date}: ${explain(tie!, vendor)}` });
        }
        ties.push({ where: `${path} (${investor} in ${vendor}, ${date})`, investor, vendor, status, permittedClouds: strings(event.permittedClouds) });
        break;
      }
      case 'deal-amendment': {
        const amended = ties.filter((t) => t.investor === investor && t.vendor === vendor);
        if (amended.length === 0) {
          problems.push({ path, message: `${investor} holds no deal with ${vendor} by ${date} to amend (deals come from dealsAtStart and earlier investment events)` });
          break;
        }
        for (const tie of amended) {
          if (typeof event.status === 'string') tie.status = event.status;
          if (Array.isArray(event.permittedClouds)) tie.permittedClouds = strings(event.permittedClouds);
        }
        break;
      }
    }
  }
  return problems;
}
