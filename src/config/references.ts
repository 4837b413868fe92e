import { isYearMonth, monthIndex, tickToDate } from '../engine/calendar.js';
import { checkEquityRules } from './equity-rules.js';
import { checkEventTargets } from './event-targets.js';
import { checkHistoryRules } from './history-rules.js';
import type { ConfigProblem } from './config-problem.js';
import { quote } from './quote.js';

export type { ConfigProblem } from './config-problem.js';

type Loose = Record<string, unknown>;

function entries(value: unknown, key: string): Loose[] {
  const list = value !== null && typeof value === 'object' ? (value as Loose)[key] : undefined;
  return Array.isArray(list) ? list.filter((e): e is Loose => e !== null && typeof e === 'object') : [];
}

/** Whether a field is a list (undefined when it is absent). */
function readableList(scenario: unknown, key: string): boolean | undefined {
  const value = scenario !== null && typeof scenario === 'object' ? (scenario as Loose)[key] : undefined;
  return value === undefined ? undefined : Array.isArray(value);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/**
 * Checks what a schema cannot: ids that must exist and be unique, shares that must add up. Works
 * on raw JSON too, so a config with schema errors still gets its reference errors in the same
 * report; anything malformed is left to the schema's messages.
 */
export function checkReferences(scenario: unknown): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const clouds = entries(scenario, 'clouds');
  const vendors = entries(scenario, 'vendors');
  const enterprises = (scenario as Loose | null)?.enterprises;
  const segments = entries(enterprises, 'segments');
  const cloudIds = clouds.map((c) => text(c.id)).filter((id): id is string => id !== undefined);
  const vendorIds = vendors.map((v) => text(v.id)).filter((id): id is string => id !== undefined);

  // A list that is no list (its own problem says so) has no ids to check against: naming every reference to it unknown would bury that one problem.
  const readable = { cloud: Array.isArray((scenario as Loose | null)?.clouds), vendor: Array.isArray((scenario as Loose | null)?.vendors) } as Record<string, boolean>;
  const known = (kind: string, ids: string[], value: unknown, path: string) => {
    if (readable[kind] === false) return;
    if (typeof value === 'string' && !ids.includes(value)) {
      problems.push({ path, message: `unknown ${kind} ${quote(value)}; known ${kind}s: ${ids.join(', ')}` });
    }
  };
  const unique = (kind: string, list: Loose[], path: string) => {
    const seen = new Set<string>();
    list.forEach((entry, i) => {
      const id = text(entry.id);
      if (id === undefined) return;
      if (seen.has(id)) problems.push({ path: `${path}[${i}].id`, message: `duplicate ${kind} id ${quote(id)}` });
      seen.add(id);
    });
  };

  unique('cloud', clouds, 'clouds');
  unique('vendor', vendors, 'vendors');
  unique('segment', segments, 'enterprises.segments');

  vendors.forEach((vendor, v) => {
    const preferred = vendor.computeClouds;
    if (Array.isArray(preferred)) {
      preferred.forEach((cloud, i) => known('cloud', cloudIds, cloud, `vendors[${v}].computeClouds[${i}]`));
    }
    entries(vendor, 'compute').forEach((holding, i) => known('cloud', cloudIds, holding.cloud, `vendors[${v}].compute[${i}].cloud`));
  });

  const pairs = new Set<string>();
  entries(scenario, 'marketplace').forEach((listing, i) => {
    known('cloud', cloudIds, listing.cloud, `marketplace[${i}].cloud`);
    known('vendor', vendorIds, listing.vendor, `marketplace[${i}].vendor`);
    const pair = `${String(listing.cloud)}/${String(listing.vendor)}`;
    if (pairs.has(pair)) {
      problems.push({ path: `marketplace[${i}]`, message: `${String(listing.vendor)} is listed twice on ${String(listing.cloud)}` });
    }
    pairs.add(pair);
  });

  const listed = new Set([
    ...entries(scenario, 'marketplace').map((l) => l.vendor),
    ...entries(scenario, 'events').filter((e) => e.type === 'listing').map((e) => e.vendor),
  ]);
  // Where the listings are (marketplace, listing events) is known only when both are lists.
  const listingsReadable = ['marketplace', 'events'].every((key) => [undefined, true].includes(readableList(scenario, key)));
  vendors.forEach((vendor, v) => {
    if (listingsReadable && vendor.weights === 'open' && typeof vendor.id === 'string' && !listed.has(vendor.id)) {
      problems.push({
        path: `vendors[${v}]`,
        message: `open-weights model "${vendor.id}" is listed on no cloud marketplace, so no enterprise can reach it`,
      });
    }
  });

  vendors.forEach((vendor, v) => known('cloud', cloudIds, vendor.owner, `vendors[${v}].owner`));
  clouds.forEach((cloud, c) => {
    const investment = (cloud.policies as Loose | undefined)?.investment as Loose | undefined;
    const params = investment?.params as Loose | undefined;
    if (Array.isArray(params?.vendors)) {
      params.vendors.forEach((vendor, i) => known('vendor', vendorIds, vendor, `clouds[${c}].policies.investment.params.vendors[${i}]`));
    }
    if (Array.isArray(params?.permittedClouds)) {
      params.permittedClouds.forEach((other, i) => known('cloud', cloudIds, other, `clouds[${c}].policies.investment.params.permittedClouds[${i}]`));
    }
  });
  checkScheduledEvents(scenario, cloudIds, vendorIds, known, problems);
  problems.push(...checkHistoryRules(scenario, cloudIds));
  problems.push(...checkEquityRules(scenario, cloudIds));
  problems.push(...checkEventTargets(scenario, cloudIds));
  checkOpeningFleets(clouds, vendors, problems);
  const root = scenario as Loose | null;
  const start = typeof root?.start === 'string' && isYearMonth(root.start) ? root.start : undefined;
  vendors.forEach((vendor, v) => {
    const problem = dateBeforeStart(vendor.entersAt, start);
    if (problem) problems.push({ path: `vendors[${v}].entersAt`, message: `${problem}; leave entersAt out for a vendor there from the start` });
  });
  const history = root?.history as Loose | undefined;
  const historyProblem = dateBeforeStart(history?.until, start);
  if (historyProblem) problems.push({ path: 'history.until', message: historyProblem });
  entries(scenario, 'dealsAtStart').forEach((deal, i) => {
    known('cloud', cloudIds, deal.cloud, `dealsAtStart[${i}].cloud`);
    known('vendor', vendorIds, deal.vendor, `dealsAtStart[${i}].vendor`);
    if (Array.isArray(deal.permittedClouds)) {
      deal.permittedClouds.forEach((c, j) => known('cloud', cloudIds, c, `dealsAtStart[${i}].permittedClouds[${j}]`));
    }
  });

  const shares = segments.map((s) => s.share);
  if (shares.length > 0 && shares.every((s) => typeof s === 'number')) {
    const total = (shares as number[]).reduce((sum, s) => sum + s, 0);
    if (Math.abs(total - 1) > 1e-6) problems.push({ path: 'enterprises.segments', message: `segment shares add up to ${total}, not 1` });
  }
  segments.forEach((segment, i) => {
    const range = segment.qualityWeight as Loose | undefined;
    if (typeof range?.min === 'number' && typeof range.max === 'number' && range.min > range.max) {
      problems.push({ path: `enterprises.segments[${i}].qualityWeight`, message: `min ${range.min} is above max ${range.max}` });
    }
  });
  const cloudShares = clouds.map((c) => c.enterpriseShare);
  if (clouds.length > 0 && cloudShares.every((s) => typeof s === 'number') && !(cloudShares as number[]).some((s) => s > 0)) {
    problems.push({ path: 'clouds', message: 'no cloud has an enterpriseShare above 0, so enterprises have no primary cloud' });
  }
  return problems;
}

type Known = (kind: string, ids: string[], value: unknown, path: string) => void;

/** Dated events: their ids must exist and their month not come before the run's start. */
function checkScheduledEvents(scenario: unknown, cloudIds: string[], vendorIds: string[], known: Known, problems: ConfigProblem[]): void {
  const root = scenario as Loose | null;
  const start = typeof root?.start === 'string' && isYearMonth(root.start) ? root.start : undefined;
  const eventIds = new Map<string, number>();
  entries(scenario, 'events').forEach((event, i) => {
    const path = `events[${i}]`;
    if (typeof event.id === 'string') {
      const first = eventIds.get(event.id);
      if (first !== undefined) problems.push({ path: `${path}.id`, message: `duplicate event id ${quote(event.id)}: events[${first}] has it too` });
      else eventIds.set(event.id, i);
    }
    if ('cloud' in event) known('cloud', cloudIds, event.cloud, `${path}.cloud`);
    if ('vendor' in event) known('vendor', vendorIds, event.vendor, `${path}.vendor`);
    if ('commitmentCloud' in event) known('cloud', cloudIds, event.commitmentCloud, `${path}.commitmentCloud`);
    if (typeof event.investor === 'string' && cloudIds.includes(event.investor)) {
      problems.push({ path: `${path}.investor`, message: `${quote(event.investor)} is a cloud: write it as cloud, so its investment can tie the vendor's compute` });
    }
    if (Array.isArray(event.permittedClouds)) {
      event.permittedClouds.forEach((c, j) => known('cloud', cloudIds, c, `${path}.permittedClouds[${j}]`));
    }
    if (typeof event.agent === 'string' && event.agent.includes('/')) {
      const [kind, agentId] = event.agent.split('/');
      if (kind === 'vendor') known('vendor', vendorIds, agentId, `${path}.agent`);
      if (kind === 'cloud') known('cloud', cloudIds, agentId, `${path}.agent`);
    }
    const problem = dateBeforeStart(event.date, start);
    if (problem) problems.push({ path: `${path}.date`, message: problem });
  });
}

/** The compute contracts vendors hold at the start must fit the fleets the clouds have then. */
function checkOpeningFleets(clouds: Loose[], vendors: Loose[], problems: ConfigProblem[]): void {
  clouds.forEach((cloud, c) => {
    const fleet = [cloud.gpuCapacityMTok, cloud.asicCapacityMTok].reduce<number>((sum, x) => sum + (typeof x === 'number' ? x : 0), 0);
    let held = 0;
    const holders: string[] = [];
    for (const vendor of vendors) {
      if (vendor.entersAt !== undefined) continue;
      for (const holding of entries(vendor, 'compute')) {
        if (holding.cloud !== cloud.id || typeof holding.capacityMTok !== 'number') continue;
        held += holding.capacityMTok;
        holders.push(`${String(vendor.id)} ${holding.capacityMTok}`);
      }
    }
    if (held > fleet * (1 + 1e-9)) {
      problems.push({
        path: `clouds[${c}]`,
        message: `${String(cloud.id)}'s fleet of ${fleet} MTok/month cannot hold the ${held} MTok/month its contracts at the start call for (${holders.join(', ')}); grow the fleet or shrink the contracts`,
      });
    }
  });
}

/**
 * A reason when `date` is a month before the run starts, else null. A date after the run's end is
 * no mistake: a shorter run of a scenario simply stops before the events it scripts later.
 */
export function dateBeforeStart(date: unknown, start: string | undefined): string | null {
  if (typeof date !== 'string' || !isYearMonth(date) || start === undefined) return null;
  return monthIndex(date) >= monthIndex(start) ? null : `${date} is before the run starts (${start})`;
}

/** Events dated after the run's last month: they do not happen in this run. */
export function eventsAfterEnd(events: readonly { date: string }[], start: string, months: number): number {
  const last = tickToDate(start, months - 1);
  return events.filter((e) => e.date > last).length;
}
