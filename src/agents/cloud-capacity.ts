import { contractCapacityAt, type WorldState } from '../world/state.js';

/**
 * The most a cloud's build can add in a month, as a multiple of what is there at the start of
 * the month: its fleet, its fleet of one chip family, what one vendor has in service with it. The
 * fastest build reported, xAI's Colossus (Memphis, 2024), took 92 days to double from 100,000 to
 * 200,000 GPUs after its first 122 days; doubling in a month is faster than anyone has built.
 */
export const MAX_BUILD_GROWTH_PER_MONTH = 1;

/** Capacity a cloud has promised for a tick: vendors' contracts plus last month's open-weights hosting. */
export function usedCapacityMTok(world: WorldState, cloudId: string, tick: number, hostingMTok: number): number {
  let committed = 0;
  for (const c of world.contracts) if (c.cloud === cloudId) committed += contractCapacityAt(c, tick);
  return committed + hostingMTok;
}

/**
 * The least capacity the cloud has free in any month from `from` to before `to`: a contract signed
 * now must fit beside the contracts already signed for each month of its term, ramps and scripted
 * contracts that start later included, in the fleet of that month, which counts what the cloud is
 * building for contracts by then (a ramp's later tranches come with the construction that serves
 * them). Negative when the cloud has promised more than it has.
 */
export function freeCapacityThroughMTok(world: WorldState, cloudId: string, from: number, to: number, hostingMTok: number): number {
  const cloud = world.clouds[cloudId]!;
  const months = new Set([from]);
  for (const c of world.contracts) {
    if (c.cloud !== cloudId) continue;
    for (const step of c.delivered) if (step.fromTick > from && step.fromTick < to) months.add(step.fromTick);
    if (c.startTick > from && c.startTick < to) months.add(c.startTick);
  }
  let least = Number.POSITIVE_INFINITY;
  for (const month of months) {
    let fleet = cloud.gpuCapacityMTok + cloud.asicCapacityMTok;
    for (const site of world.construction) if (site.cloud === cloudId && site.readyTick <= month) fleet += site.gpuMTok + site.asicMTok;
    least = Math.min(least, fleet - usedCapacityMTok(world, cloudId, month, hostingMTok));
  }
  return least;
}
