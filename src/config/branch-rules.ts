import { monthIndex, tickToDate } from '../engine/calendar.js';
import type { ConfigProblem } from './references.js';
import type { ScenarioShape } from './scenario-schema.js';

/**
 * A scenario that `branchesAt` a month is its parent exactly before that month; from it on, its
 * changes apply. So a branch may change what acts from the branch on (policies, behaviour and
 * market parameters, listings, events dated at or after the branch, vendors that come to market
 * then) but not what describes the world at the start or what happened before the branch: those
 * are the parent's. Each such change is a problem naming the field and what to do instead.
 *
 * Either side may lack a top-level field (a file whose field is invalid and that has no parent to
 * take it from): each rule is checked where both sides state what it compares, so a branch's own
 * problems come in one report with its parent's.
 */

/** A scenario as far as it parses: any top-level field may be missing. */
export type BranchSide = Partial<ScenarioShape>;
type Parent = BranchSide & { readonly branchesAt?: string };

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function shown(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? 'nothing' : text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** A parent event the child removes, and the path of the removal in the child's file. */
export interface RemovedEvent {
  readonly id: string;
  readonly path: string;
}

/** A problem whose path is already one in the child's own file (a removal), not in the merged config. */
export interface OwnFileProblem extends ConfigProblem {
  readonly inOwnFile: true;
}

export function isOwnFileProblem(problem: ConfigProblem): problem is OwnFileProblem {
  return (problem as Partial<OwnFileProblem>).inOwnFile === true;
}

export function checkBranch(child: BranchSide, parent: Parent, removedEvents: readonly RemovedEvent[] = []): ConfigProblem[] {
  const at = child.branchesAt!;
  const problems: ConfigProblem[] = [];

  if (parent.branchesAt !== undefined && at < parent.branchesAt) {
    problems.push({ path: 'branchesAt', message: `${at} comes before the parent's own branch (${parent.branchesAt}); branch at ${parent.branchesAt} or later` });
  }
  if (child.months === undefined || child.start === undefined) {
    // The run's months are not known: where the branch falls in it cannot be checked.
  } else if (child.months < 2) {
    problems.push({
      path: 'branchesAt',
      message: `${at} is not within the run after its first month: a run of ${child.months} month (${child.start}) has no month after its first; branch in a run of 2 months or more`,
    });
  } else if (at <= child.start || at > tickToDate(child.start, child.months - 1)) {
    problems.push({ path: 'branchesAt', message: `${at} is not within the run after its first month (${tickToDate(child.start, 1)} to ${tickToDate(child.start, child.months - 1)})` });
  }

  /** A field that describes the world at the start, or the run itself, and must stay the parent's. */
  const fixed = (path: string, mine: unknown, theirs: unknown, instead: string) => {
    if (same(mine, theirs)) return;
    problems.push({
      path,
      message: `a branch at ${at} cannot change what the run starts from (${shown(theirs)} in the parent, ${shown(mine)} here): ${instead}`,
    });
  };

  /** The two sides' values of a top-level field, when both state it. */
  const both = <K extends keyof ScenarioShape>(key: K): [NonNullable<ScenarioShape[K]>, NonNullable<ScenarioShape[K]>] | undefined => {
    const mine = child[key] as ScenarioShape[K] | undefined;
    const theirs = parent[key] as ScenarioShape[K] | undefined;
    return mine !== undefined && mine !== null && theirs !== undefined && theirs !== null ? [mine, theirs] : undefined;
  };

  if (both('seed')) fixed('seed', child.seed, parent.seed, 'the months before the branch would change; run the branch with --seed instead');
  if (both('start')) fixed('start', child.start, parent.start, 'a branch starts where its parent starts');
  const compute = both('compute');
  if (compute) fixed('compute.gpuCostUsdPerMTok', compute[0].gpuCostUsdPerMTok, compute[1].gpuCostUsdPerMTok, 'change gpuCostDeclinePerYear to move costs from the branch on');

  const clouds = both('clouds');
  if (clouds === undefined) {
    // a side without its clouds: nothing to compare
  } else if (!same(clouds[0].map((c) => c.id), clouds[1].map((c) => c.id))) {
    problems.push({ path: 'clouds', message: `a branch has its parent's clouds (${clouds[1].map((c) => c.id).join(', ')}); it cannot add or remove one` });
  } else {
    clouds[0].forEach((cloud, i) => {
      const theirs = clouds[1][i]!;
      fixed(`clouds[${i}].enterpriseShare`, cloud.enterpriseShare, theirs.enterpriseShare, 'enterprises chose their primary cloud at the start');
      for (const key of ['gpuCapacityMTok', 'asicCapacityMTok', 'asicMaturity'] as const) {
        fixed(`clouds[${i}].${key}`, cloud[key], theirs[key], `that is ${cloud.id}'s fleet at the start; script a capacity-shock at ${at}, or change its capex policy`);
      }
    });
  }

  const vendors = both('vendors');
  const parentIds = vendors?.[1].map((v) => v.id) ?? [];
  if (vendors === undefined) {
    // a side without its vendors: nothing to compare
  } else if (!same(vendors[0].slice(0, parentIds.length).map((v) => v.id), parentIds)) {
    problems.push({ path: 'vendors', message: `a branch keeps its parent's vendors in their order (${parentIds.join(', ')}) and may only add new ones after them` });
  } else {
    vendors[0].forEach((vendor, i) => {
      const path = `vendors[${i}]`;
      const theirs = vendors[1][i];
      if (theirs === undefined) {
        if (vendor.entersAt === undefined || vendor.entersAt < at) {
          problems.push({ path: `${path}.entersAt`, message: `a vendor new in a branch comes to market at the branch (${at}) or later; give it entersAt` });
        }
        return;
      }
      if (!same(vendor.entersAt, theirs.entersAt) && [vendor.entersAt, theirs.entersAt].some((month) => month === undefined || month < at)) {
        problems.push({ path: `${path}.entersAt`, message: `${vendor.id} is in the market before the branch (${at}) in one of the two; its entry cannot move` });
      }
      const { policies: _mine, name: _name, valuationRevenueMultiple: _multiple, valuationGrowthElasticity: _elasticity, valuationReferenceGrowth: _reference, computeClouds: _clouds, entersAt: _entry, ...mine } =
        vendor as Record<string, unknown>;
      const {
        policies: _theirs,
        name: _theirName,
        valuationRevenueMultiple: _theirMultiple,
        valuationGrowthElasticity: _theirElasticity,
        valuationReferenceGrowth: _theirReference,
        computeClouds: _theirClouds,
        entersAt: _theirEntry,
        ...start
      } =
        theirs as Record<string, unknown>;
      for (const key of new Set([...Object.keys(mine), ...Object.keys(start)])) {
        fixed(`${path}.${key}`, mine[key], start[key], VENDOR_INSTEAD[key]?.(vendor.id, at) ?? `that is ${vendor.id} at the start`);
      }
    });
  }

  const enterprises = both('enterprises');
  if (enterprises) checkEnterprises(enterprises[0], enterprises[1], fixed, problems);
  const consumers = both('consumers');
  if (consumers) checkConsumers(consumers[0], consumers[1], fixed);
  fixed('dealsAtStart', child.dealsAtStart, parent.dealsAtStart, `script an investment or a deal-amendment at ${at} instead`);
  const events = both('events');
  if (events) problems.push(...checkHistory(at, events[0], events[1], removedEvents));

  if (child.start !== undefined) {
    const previous = tickToDate(child.start, monthIndex(at) - monthIndex(child.start) - 1);
    if (!same(child.history, parent.history) && [child.history?.until, parent.history?.until].some((until) => until === undefined || until < previous)) {
      problems.push({ path: 'history', message: `the scripted history before the branch is the parent's; a branch at ${at} can only change a history that runs to ${previous} or later` });
    }
  }
  return problems;
}

type Fixed = (path: string, mine: unknown, theirs: unknown, instead: string) => void;

/** The enterprises are drawn once, at the start: their number, segments and draws are the parent's. */
function checkEnterprises(e: ScenarioShape['enterprises'], p: ScenarioShape['enterprises'], fixed: Fixed, problems: ConfigProblem[]): void {
  for (const key of ['count', 'represents', 'adoptedAtStart', 'tasteDispersion'] as const) {
    fixed(`enterprises.${key}`, e[key], p[key], 'the enterprises are drawn once, at the start');
  }
  if (!same(e.segments.map((s) => s.id), p.segments.map((s) => s.id))) {
    problems.push({ path: 'enterprises.segments', message: `a branch has its parent's segments (${p.segments.map((s) => s.id).join(', ')})` });
  } else {
    e.segments.forEach((segment, i) => {
      const theirs = p.segments[i]!;
      for (const key of ['share', 'demandMTokPerMonth', 'qualityWeight', 'marketplaceShare'] as const) {
        fixed(`enterprises.segments[${i}].${key}`, segment[key], theirs[key], 'the enterprises are drawn once, at the start');
      }
      fixed(`enterprises.segments[${i}].mTokPerTask.atStart`, segment.mTokPerTask.atStart, theirs.mTokPerTask.atStart, 'change growthPerYear to move tokens per task from the branch on');
      for (const key of ['valueUsdPerTask', 'switchingCostUsd'] as const) {
        if (theirs[key].logSd === 0 && segment[key].logSd !== 0) {
          problems.push({
            path: `enterprises.segments[${i}].${key}.logSd`,
            message: `the parent draws every ${segment.id} enterprise at the median; a branch can move the median and scale a spread, not add one`,
          });
        }
      }
    });
  }
}

/** The consumer market at the start is the parent's. */
function checkConsumers(mine: ScenarioShape['consumers'], theirs: ScenarioShape['consumers'], fixed: Fixed): void {
  fixed('consumers.subscribersAtStart', mine.subscribersAtStart, theirs.subscribersAtStart, 'change growthPerYear or addressableMarket to move the market from the branch on');
  fixed('consumers.mTokPerSubscriberPerMonth', mine.mTokPerSubscriberPerMonth, theirs.mTokPerSubscriberPerMonth, 'change usageGrowthPerYear instead');
  fixed(
    'consumers.weeklyUsers.mTokPerFreeUserPerMonth',
    mine.weeklyUsers?.mTokPerFreeUserPerMonth,
    theirs.weeklyUsers?.mTokPerFreeUserPerMonth,
    theirs.weeklyUsers ? 'change usageGrowthPerYear instead' : 'the apps’ users are the parent’s: free users cannot be added at a branch',
  );
}

/** The events before the branch are the parent's, unchanged; a branch removes only events dated at it or later. */
function checkHistory(at: string, childEvents: ScenarioShape['events'], parentEvents: ScenarioShape['events'], removedEvents: readonly RemovedEvent[]): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const before = (events: ScenarioShape['events']) => events.flatMap((event, index) => (event.date < at ? [{ event, index }] : []));
  const named = (x: { event: ScenarioShape['events'][number] }) => `${x.event.id ?? x.event.type} of ${x.event.date}`;
  const keeps = `a branch at ${at} keeps its parent's history before it`;
  // A removal of an event before the branch is named at the removal; the history is then compared without it.
  const removedBefore = new Set<string>();
  for (const removal of removedEvents) {
    const theirs = parentEvents.find((event) => event.id === removal.id);
    if (theirs === undefined || theirs.date >= at) continue;
    removedBefore.add(removal.id);
    const problem: OwnFileProblem = { path: removal.path, message: `${keeps}: this removes the parent's ${named({ event: theirs })}; a branch removes only events dated ${at} or later`, inOwnFile: true };
    problems.push(problem);
  }
  // Every event before the branch is the parent's, unchanged: matched by id, or whole for one without.
  const theirsBefore = before(parentEvents).filter(({ event }) => event.id === undefined || !removedBefore.has(event.id));
  const mineById = new Map(childEvents.flatMap((event, index) => (event.id === undefined ? [] : [[event.id, { event, index }] as const])));
  const unmatched = before(childEvents).filter(({ event }) => event.id === undefined);
  for (const theirs of theirsBefore) {
    if (theirs.event.id === undefined) {
      const k = unmatched.findIndex(({ event }) => same(event, theirs.event));
      if (k >= 0) unmatched.splice(k, 1);
      else problems.push({ path: 'events', message: `${keeps}: the parent's ${named(theirs)} is missing here; date a change ${at} or later` });
      continue;
    }
    const mine = mineById.get(theirs.event.id);
    if (mine === undefined || same(mine.event, theirs.event)) continue;
    const change = mine.event.date >= at ? `moves the parent's ${named(theirs)} to ${mine.event.date}` : `changes the parent's ${named(theirs)}`;
    problems.push({ path: `events[${mine.index}]`, message: `${keeps}: this ${change}; script a new event dated ${at} or later instead` });
  }
  const theirBeforeIds = new Set(theirsBefore.map(({ event }) => event.id));
  for (const mine of [...before(childEvents).filter(({ event }) => event.id !== undefined && !theirBeforeIds.has(event.id)), ...unmatched]) {
    const theirs = parentEvents.find((event) => mine.event.id !== undefined && event.id === mine.event.id);
    const what = theirs === undefined ? `${named(mine)} is not the parent's` : `this moves the parent's ${named({ event: theirs })} to ${mine.event.date}, before the branch`;
    problems.push({ path: `events[${mine.index}]`, message: `${keeps}: ${what}; date a change ${at} or later` });
  }
  return problems;
}

const VENDOR_INSTEAD: Readonly<Record<string, (vendor: string, at: string) => string>> = {
  weights: () => 'a vendor keeps its kind',
  quality: (vendor, at) => `that is ${vendor}'s model at the start; script a model-release at ${at}`,
  codingQuality: (vendor, at) => `that is ${vendor}'s model at the start; script a model-release with a codingQuality at ${at}`,
  priceUsdPerMTok: (vendor) => `that is ${vendor}'s price at the start; change its pricing policy`,
  consumerApp: (vendor) => `that is ${vendor}'s app at the start; change the consumers' policy`,
  owner: (vendor, at) => `script a merger at ${at}`,
  cashUsd: (vendor, at) => `that is ${vendor}'s cash at the start; script an investment at ${at}`,
  compute: (vendor, at) => `those are ${vendor}'s contracts at the start; script a compute-contract at ${at}`,
  enterpriseRefusal: (vendor) => `the enterprises drew once, at the start, whether they refuse ${vendor}; give the refusal in the parent`,
};
