import { isYearMonth, monthIndex } from '../engine/calendar.js';
import { POLICY_SLOTS, slotRole } from '../policies/policy-slots.js';
import type { PolicyRole } from '../policies/policy-roles.js';
import type { ConfigProblem } from './config-problem.js';
import { quote } from './quote.js';

/**
 * What a scripted event acts on must be able to take it, checked at load on raw JSON rather than
 * left to do nothing in the run: a policy-change names a slot its agent has, for an agent in the
 * market by then, and the ids inside its policy exist; an open-weights vendor (which sells no API,
 * buys no compute from clouds and raises no rounds) gets no compute contract, commitment, merger or
 * compute tie; a delisting names a pair listed at its month; the run's months fit YYYY-MM. Each
 * problem names the event (its id, or its place in the list).
 */

type Loose = Record<string, unknown>;

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function list(value: unknown, key: string): Loose[] {
  const items = value !== null && typeof value === 'object' ? (value as Loose)[key] : undefined;
  return Array.isArray(items) ? items.filter((e): e is Loose => e !== null && typeof e === 'object') : [];
}

/** Policy params that hold ids, by role: what they name. */
const ID_PARAMS: Partial<Record<PolicyRole, Readonly<Record<string, 'vendor' | 'cloud'>>>> = {
  'cloud-investment': { vendors: 'vendor', permittedClouds: 'cloud' },
};

/** The slots an open-weights vendor's policies have (its schema: only training). */
const OPEN_VENDOR_SLOTS = ['training'];

const LAST_MONTH = '9999-12';

interface Vendors {
  readonly ids: readonly string[];
  readonly open: ReadonlySet<string>;
  readonly entersAt: ReadonlyMap<string, string>;
}

export function checkEventTargets(scenario: unknown, cloudIds: readonly string[]): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const vendorList = list(scenario, 'vendors');
  const vendors: Vendors = {
    ids: vendorList.flatMap((v) => (typeof v.id === 'string' ? [v.id] : [])),
    open: new Set(vendorList.flatMap((v) => (typeof v.id === 'string' && v.weights === 'open' ? [v.id] : []))),
    entersAt: new Map(vendorList.flatMap((v) => (typeof v.id === 'string' && typeof v.entersAt === 'string' && isYearMonth(v.entersAt) ? [[v.id, v.entersAt]] : []))),
  };
  const openWeights = (vendor: string) => `${vendor} is an open-weights vendor`;
  // A list that is no list has no ids to check against: its own problem says what is wrong.
  const root = scenario as Loose | null;
  const readable = { vendor: Array.isArray(root?.vendors), cloud: Array.isArray(root?.clouds) };

  list(scenario, 'clouds').forEach((cloud, c) => {
    const investment = (cloud.policies as Loose | undefined)?.investment as Loose | undefined;
    checkIdParams('cloud-investment', investment?.params, `clouds[${c}].policies.investment.params`, '', { vendors, cloudIds, readable, problems, knownChecked: true });
  });

  list(scenario, 'dealsAtStart').forEach((deal, i) => {
    const vendor = text(deal.vendor);
    if (vendor === undefined || !vendors.open.has(vendor)) return;
    const tie = tieOf(deal);
    if (tie !== undefined) problems.push({ path: `dealsAtStart[${i}].${tie}`, message: `${openWeights(vendor)}: it buys no compute from clouds, so no deal can tie its compute (${tie}); leave ${tie} out` });
  });

  const events = list(scenario, 'events')
    .map((event, index) => ({ event, index, date: text(event.date) }))
    .filter((e): e is { event: Loose; index: number; date: string } => e.date !== undefined && isYearMonth(e.date))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.index - b.index));

  const listed = new Map<string, string | undefined>();
  const pair = (cloud: unknown, vendor: unknown) => `${String(cloud)}\u0000${String(vendor)}`;
  for (const listing of list(scenario, 'marketplace')) listed.set(pair(listing.cloud, listing.vendor), undefined);
  const delisted = new Map<string, string>();
  // Vendors with a small tier so far: from the start, or from a small-tier release already dated.
  const withSmallTier = new Set(vendorList.flatMap((v) => (typeof v.id === 'string' && v.smallTier !== undefined ? [v.id] : [])));

  for (const { event, index, date } of events) {
    const path = `events[${index}]`;
    const name = text(event.id) ?? path;
    const vendor = text(event.vendor);
    const type = text(event.type);
    if (type === 'policy-change') {
      checkPolicyChange(event, path, name, date, { vendors, cloudIds, readable, problems, knownChecked: false });
      continue;
    }
    if (type === 'listing') {
      listed.set(pair(event.cloud, event.vendor), name);
      continue;
    }
    if (type === 'delisting') {
      const key = pair(event.cloud, event.vendor);
      if (listed.has(key)) {
        listed.delete(key);
        delisted.set(key, `${name} delisted it in ${date}`);
      } else if (typeof event.cloud === 'string' && cloudIds.includes(event.cloud) && vendor !== undefined && vendors.ids.includes(vendor)) {
        const before = delisted.get(key);
        problems.push({
          path,
          message: `${name}: ${event.cloud} does not list ${vendor} in ${date}${before ? ` (${before})` : ''}, so there is nothing to delist; list it first (marketplace, or a listing event before this one) or drop this event`,
        });
      }
      continue;
    }
    if (type === 'model-release' && event.tier === 'small' && vendor !== undefined && vendors.ids.includes(vendor)) {
      if (vendors.open.has(vendor)) {
        problems.push({ path: `${path}.tier`, message: `${name}: ${openWeights(vendor)}: clouds host its one model at their price, so it has no small tier to release; leave tier out` });
        continue;
      }
      if (!withSmallTier.has(vendor)) {
        const missing = (['quality', 'priceUsdPerMTok', 'servingCostShare'] as const).filter((key) => event[key] === undefined);
        if (missing.length > 0) {
          problems.push({
            path,
            message: `${name}: ${vendor} has no small tier before ${date} (none in its config, no small-tier release earlier), so this release brings one in: give its ${missing.join(', ')}`,
          });
        }
      }
      withSmallTier.add(vendor);
      continue;
    }
    if (vendor === undefined || !vendors.open.has(vendor)) continue;
    switch (type) {
      case 'compute-contract':
      case 'compute-commitment':
        problems.push({ path, message: `${name}: ${openWeights(vendor)}: clouds host its model and it buys no compute from them, so it signs no ${type}; drop this event` });
        break;
      case 'merger':
        problems.push({ path, message: `${name}: ${openWeights(vendor)}: it sells no API and buys no compute for a cloud to integrate, so it cannot merge into ${String(event.cloud)}; drop this event` });
        break;
      case 'investment':
      case 'deal-amendment': {
        const tie = tieOf(event);
        if (tie !== undefined) {
          problems.push({ path: `${path}.${tie}`, message: `${name}: ${openWeights(vendor)}: it buys no compute from clouds, so no ${type} can tie its compute (${tie}); leave ${tie} out` });
        }
        break;
      }
    }
  }

  const start = text(root?.start);
  const months = root?.months;
  if (start !== undefined && isYearMonth(start) && typeof months === 'number' && Number.isInteger(months) && months >= 1) {
    const problem = runPastCalendar(start, months);
    if (problem !== undefined) problems.push({ path: 'months', message: problem });
  }
  return problems;
}

/** Why a run of `months` from `start` cannot be written month by month as YYYY-MM (it would pass 9999-12), or undefined. */
export function runPastCalendar(start: string, months: number): string | undefined {
  const room = monthIndex(LAST_MONTH) - monthIndex(start) + 1;
  if (months <= room) return undefined;
  return `a run of ${months} months from ${start} would end in year ${Math.floor((monthIndex(start) + months - 1) / 12)}; months are YYYY-MM: at most ${room} months from ${start}`;
}

interface Context {
  readonly vendors: Vendors;
  readonly cloudIds: readonly string[];
  /** Whether the scenario's vendors and clouds are lists whose ids can be checked against. */
  readonly readable: { readonly vendor: boolean; readonly cloud: boolean };
  readonly problems: ConfigProblem[];
  /** Whether references.ts already reports unknown ids at these paths. */
  readonly knownChecked: boolean;
}

/** The condition of a deal or event that ties a vendor's compute to a cloud, if any. */
function tieOf(deal: Loose): string | undefined {
  if (typeof deal.status === 'string' && deal.status !== 'none') return 'status';
  if (typeof deal.minAsicShare === 'number' && deal.minAsicShare > 0) return 'minAsicShare';
  if (Array.isArray(deal.permittedClouds) && deal.permittedClouds.length > 0) return 'permittedClouds';
  if (typeof deal.computeCommitmentUsd === 'number' && deal.computeCommitmentUsd > 0) return 'computeCommitmentUsd';
  return undefined;
}

function checkPolicyChange(event: Loose, path: string, name: string, date: string, context: Context): void {
  const { vendors, problems } = context;
  const agent = text(event.agent);
  const slot = text(event.slot);
  if (agent === undefined || slot === undefined) return;
  const [kind, id] = agent.split('/');
  if (kind === 'vendor' && id !== undefined) {
    const entersAt = vendors.entersAt.get(id);
    if (entersAt !== undefined && date < entersAt) {
      problems.push({ path: `${path}.agent`, message: `${name}: ${id} comes to market in ${entersAt} (its entersAt); a policy-change in ${date} cannot name it: date it ${entersAt} or later` });
    }
    if (vendors.open.has(id) && slotRole(agent, slot) !== undefined && !OPEN_VENDOR_SLOTS.includes(slot)) {
      problems.push({
        path: `${path}.slot`,
        message: `${name}: ${id} is an open-weights vendor, whose only policy is ${OPEN_VENDOR_SLOTS.join(', ')}; it has no ${slot} policy to change (${Object.keys(POLICY_SLOTS.vendor)
          .filter((s) => !OPEN_VENDOR_SLOTS.includes(s))
          .join(', ')} are closed vendors' policies)`,
      });
      return;
    }
  }
  const role = slotRole(agent, slot);
  const policy = event.policy as Loose | undefined;
  if (role !== undefined) checkIdParams(role, policy?.params, `${path}.policy.params`, `${name}: `, context);
}

/** The vendor and cloud ids a policy's params name: known, and a vendor a cloud invests in closed. */
function checkIdParams(role: PolicyRole, params: unknown, path: string, prefix: string, context: Context): void {
  const fields = ID_PARAMS[role];
  if (fields === undefined || params === null || typeof params !== 'object') return;
  const { vendors, cloudIds, readable, problems, knownChecked } = context;
  for (const [field, kind] of Object.entries(fields)) {
    const ids = (params as Loose)[field];
    if (!Array.isArray(ids)) continue;
    ids.forEach((id, i) => {
      if (typeof id !== 'string') return;
      const at = `${path}.${field}[${i}]`;
      const known = kind === 'vendor' ? vendors.ids : cloudIds;
      if (!known.includes(id)) {
        if (!knownChecked && readable[kind]) problems.push({ path: at, message: `unknown ${kind} ${quote(id)}; known ${kind}s: ${known.join(', ')}` });
      } else if (kind === 'vendor' && role === 'cloud-investment' && vendors.open.has(id)) {
        problems.push({ path: at, message: `${prefix}${id} is an open-weights vendor, which raises no rounds: an investment policy has nothing to buy into; name closed vendors` });
      }
    });
  }
}
