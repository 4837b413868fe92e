import { dateToTick } from '../engine/calendar.js';
import { nvidiaDependence } from '../metrics/record-metrics.js';
import { asicShare, contractCapacityAt, type WorldState } from '../world/state.js';
import type { MonthBooks } from './month-books.js';
import type { Violation } from './violation.js';

/** The largest month-on-month ratio a capacity figure may move by without a scripted event. */
export const MAX_MONTHLY_CAPACITY_RATIO = 3;

/**
 * Capacity comes into service over months: no capacity figure moves by more than
 * `MAX_MONTHLY_CAPACITY_RATIO` (up or down) from last month unless a scripted event on that cloud
 * or vendor@cloud pair falls in the month. The figures: each cloud's fleet, its ASIC share and its
 * Nvidia dependence; each vendor's capacity; each vendor@cloud pair's capacity under the contracts
 * in force in both months (a contract signed or ended is a new or gone entity, counted in the
 * vendor's capacity and, for an end, in the cloud's capacity in use); and each cloud's capacity in
 * use (contracts and hosting), which may not fall by more than that ratio, so that contracts
 * ending do not empty a cloud at once. Ratios are taken where both months are above 0.
 */
export function capacityMovesGradually(books: MonthBooks): Violation[] {
  const scripted = scriptedThisMonth(books);
  const { world, previous, tick } = books;
  const found: Violation[] = [];
  const check = (figure: string, entity: string, before: number, after: number, exempt: boolean, direction: 'both' | 'down' = 'both') => {
    if (exempt || !(before > 0 && after > 0)) return;
    const ratio = direction === 'down' ? before / after : Math.max(before / after, after / before);
    if (ratio <= MAX_MONTHLY_CAPACITY_RATIO) return;
    found.push({
      invariant: 'capacityMovesGradually',
      entity,
      message: `${figure} moved ×${(after / before).toPrecision(3)} in a month (${before.toPrecision(4)} → ${after.toPrecision(4)}) with no scripted event on it; the most is ×${MAX_MONTHLY_CAPACITY_RATIO}`,
    });
  };

  for (const cloud of Object.values(world.clouds)) {
    const before = previous.clouds[cloud.id];
    if (!before) continue;
    const exempt = scripted.clouds.has(cloud.id);
    check('cloud.capacity_mtok', cloud.id, fleetOf(previous, cloud.id), fleetOf(world, cloud.id), exempt);
    check('cloud.asic_share', cloud.id, asicShare(before), asicShare(cloud), exempt);
    check('cloud.nvidia_dependence', cloud.id, nvidiaDependence(previous, cloud.id), nvidiaDependence(world, cloud.id), exempt);
    check('capacity in use', cloud.id, inUse(previous, cloud.id, tick - 1), inUse(world, cloud.id, tick), exempt, 'down');
  }
  for (const vendor of Object.values(world.vendors)) {
    const before = previous.vendors[vendor.id];
    if (!before) continue;
    check('vendor.capacity_mtok', vendor.id, before.books.capacityMTok, vendor.books.capacityMTok, scripted.vendors.has(vendor.id));
  }
  const inForceBefore = new Set(previous.contracts.filter((c) => contractCapacityAt(c, tick - 1) > 0).map((c) => c.id));
  const pairs = new Map<string, { before: number; after: number }>();
  for (const contract of world.contracts) {
    if (!inForceBefore.has(contract.id)) continue;
    const pair = `${contract.vendor}@${contract.cloud}`;
    const sum = pairs.get(pair) ?? { before: 0, after: 0 };
    pairs.set(pair, { before: sum.before + contractCapacityAt(contract, tick - 1), after: sum.after + contractCapacityAt(contract, tick) });
  }
  for (const [pair, { before, after }] of pairs) check('contract.capacity_mtok', pair, before, after, scripted.pairs.has(pair));
  return found;
}

function fleetOf(world: WorldState, cloudId: string): number {
  const cloud = world.clouds[cloudId]!;
  return cloud.gpuCapacityMTok + cloud.asicCapacityMTok;
}

/** Capacity a cloud has in use in a month: vendors' contracts and the open weights it hosted. */
function inUse(world: WorldState, cloudId: string, tick: number): number {
  let mTok = world.clouds[cloudId]!.books.hostingMTok;
  for (const contract of world.contracts) if (contract.cloud === cloudId) mTok += contractCapacityAt(contract, tick);
  return mTok;
}

/**
 * Who a scripted event of this month is about: the clouds, vendors and vendor@cloud pairs it
 * names (a policy change names its agent). A scripted contract's tranches (`ramp[].from`) are its
 * months too: the record dates them.
 */
function scriptedThisMonth(books: MonthBooks): { clouds: Set<string>; vendors: Set<string>; pairs: Set<string> } {
  const clouds = new Set<string>();
  const vendors = new Set<string>();
  const pairs = new Set<string>();
  const { start } = books.scenario;
  for (const event of books.scenario.events) {
    const months = [event.date, ...(event.type === 'compute-contract' ? (event.ramp ?? []).map((step) => step.from) : [])];
    if (!months.some((month) => dateToTick(start, month) === books.tick)) continue;
    const named = event as { cloud?: string; commitmentCloud?: string; vendor?: string; agent?: string };
    const eventClouds = [named.cloud, named.commitmentCloud].filter((c): c is string => c !== undefined);
    if (named.agent?.startsWith('cloud/')) eventClouds.push(named.agent.slice('cloud/'.length));
    if (named.agent?.startsWith('vendor/')) vendors.add(named.agent.slice('vendor/'.length));
    for (const cloud of eventClouds) {
      clouds.add(cloud);
      if (named.vendor !== undefined) {
        vendors.add(named.vendor);
        pairs.add(`${named.vendor}@${cloud}`);
      }
    }
  }
  return { clouds, vendors, pairs };
}
