import { dateToTick } from '../engine/calendar.js';
import { asicShare, contractCapacityAt, servesInference, type CloudState, type ComputeContract } from '../world/state.js';
import type { MonthBooks } from './month-books.js';
import type { Violation } from './violation.js';

/** The largest month-on-month ratio a capacity figure may move by without a scripted event. */
export const MAX_MONTHLY_CAPACITY_RATIO = 3;

/**
 * A share below this counts as this much in a ratio: a fleet going from 1 % to 4 % ASIC is no lump,
 * nor a cloud starting its ASIC programme with a tenth of a month's build (random valid configs).
 */
export const SHARE_FLOOR = 0.1;

/**
 * Capacity comes into service over months: no capacity figure moves by more than
 * `MAX_MONTHLY_CAPACITY_RATIO` (up or down) from last month unless a scripted event on that cloud
 * or vendor@cloud pair falls in the month. Ratios are taken where both months are above 0.
 *
 * The figures: each cloud's fleet and its ASIC share; and what the contracts in force in both
 * months deliver, by vendor@cloud pair, by vendor (its capacity to serve) and by cloud (the share of
 * it on Nvidia GPUs, the contracts' part of `cloud.nvidia_dependence`: open weights hosted follow
 * enterprises' demand, not deliveries; a share below `SHARE_FLOOR` counts as that much). A
 * contract signed or ended is a decision, not a delivery: a new or a gone entity, not a ratio from
 * or to nothing. The opening world is not a month: the first is not compared.
 */
export function capacityMovesGradually(books: MonthBooks): Violation[] {
  const { world, previous, tick } = books;
  if (tick === 0) return [];
  const scripted = scriptedThisMonth(books);
  const found: Violation[] = [];
  const check = (figure: string, entity: string, before: number, after: number, exempt: boolean) => {
    if (exempt || !(before > 0 && after > 0)) return;
    const ratio = Math.max(before / after, after / before);
    // Rounding of a move of exactly the most (a 10 % share floor to 30 %) is no lump.
    if (ratio <= MAX_MONTHLY_CAPACITY_RATIO * (1 + 1e-9)) return;
    found.push({
      invariant: 'capacityMovesGradually',
      entity,
      message: `${figure} moved ×${(after / before).toPrecision(3)} in a month (${before.toPrecision(4)} → ${after.toPrecision(4)}) with no scripted event on it; the most is ×${MAX_MONTHLY_CAPACITY_RATIO}`,
    });
  };

  // Contracts delivering in both months, as they were last month and as they are now.
  const inForceBefore = new Map(previous.contracts.filter((c) => contractCapacityAt(c, tick - 1) > 0).map((c) => [c.id, c]));
  const both = world.contracts.filter((c) => inForceBefore.has(c.id)).map((now) => ({ before: inForceBefore.get(now.id)!, now }));
  const sumOf = (select: (c: ComputeContract) => boolean) => ({
    before: both.reduce((sum, { before }) => sum + (select(before) ? contractCapacityAt(before, tick - 1) : 0), 0),
    after: both.reduce((sum, { now }) => sum + (select(now) ? contractCapacityAt(now, tick) : 0), 0),
  });

  for (const cloud of Object.values(world.clouds)) {
    const before = previous.clouds[cloud.id];
    if (!before) continue;
    const exempt = scripted.clouds.has(cloud.id);
    check('cloud.capacity_mtok', cloud.id, fleetOf(before), fleetOf(cloud), exempt);
    // A cloud with no ASICs yet starts its programme from nothing, as a new entity does: no ratio.
    check('cloud.asic_share', cloud.id, floored(asicShare(before)), floored(asicShare(cloud)), exempt || before.asicCapacityMTok <= 0);
    const inUseBoth = sumOf((c) => c.cloud === cloud.id);
    const gpuOf = (c: ComputeContract) => 1 - c.asicShare;
    const gpu = {
      before: both.reduce((sum, pair) => sum + (pair.before.cloud === cloud.id ? contractCapacityAt(pair.before, tick - 1) * gpuOf(pair.before) : 0), 0),
      after: both.reduce((sum, pair) => sum + (pair.now.cloud === cloud.id ? contractCapacityAt(pair.now, tick) * gpuOf(pair.now) : 0), 0),
    };
    check(
      'cloud.nvidia_dependence',
      cloud.id,
      floored(nvidiaShare(gpu.before, inUseBoth.before, before)),
      floored(nvidiaShare(gpu.after, inUseBoth.after, cloud)),
      exempt,
    );
  }
  for (const vendor of Object.values(world.vendors)) {
    if (!previous.vendors[vendor.id]) continue;
    const capacity = sumOf((c) => c.vendor === vendor.id && servesInference(c));
    check('vendor.capacity_mtok', vendor.id, capacity.before, capacity.after, scripted.vendors.has(vendor.id));
  }
  const pairs = new Set(both.map(({ now }) => `${now.vendor}@${now.cloud}`));
  for (const pair of pairs) {
    const capacity = sumOf((c) => `${c.vendor}@${c.cloud}` === pair);
    check('contract.capacity_mtok', pair, capacity.before, capacity.after, scripted.pairs.has(pair));
  }
  return found;
}

function floored(share: number): number {
  return Math.max(SHARE_FLOOR, share);
}

function fleetOf(cloud: CloudState): number {
  return cloud.gpuCapacityMTok + cloud.asicCapacityMTok;
}

/** Share of capacity in use on GPUs; the fleet's GPU share when nothing is in use (as `nvidiaDependence`). */
function nvidiaShare(onGpuMTok: number, usedMTok: number, cloud: CloudState): number {
  return usedMTok > 0 ? onGpuMTok / usedMTok : 1 - asicShare(cloud);
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
