import { MAX_BUILD_GROWTH_PER_MONTH, usedCapacityMTok } from './cloud-capacity.js';
import { contractCapacityAt, type CapacityStep, type Construction, type WorldState } from '../world/state.js';

/**
 * When a contract's capacity comes into service. Each step's increase is taken from what the
 * cloud's fleet has free at that month (its fleet today and what it is building for other
 * contracts, less the contracts in force then and last month's hosting). The rest is built: the
 * first racks come `buildLeadMonths` after signing (or at the step, if later), and the build fills
 * over `buildRampMonths` in equal monthly tranches, as a campus energises building after building.
 * No month's construction more than doubles the cloud's fleet, its fleet of that chip family,
 * or what the vendor already has in service at the cloud (`MAX_BUILD_GROWTH_PER_MONTH`; what is
 * 0 starts from nothing, unbounded); what those bounds hold back comes in the months after. Steps that lower the capacity cancel
 * what is not built yet first, then lower what is in service.
 */
export function deliveryPlan(input: {
  world: WorldState;
  cloud: string;
  vendor: string;
  contractId: string;
  ordered: readonly CapacityStep[];
  tick: number;
  buildLeadMonths: number;
  buildRampMonths: number;
  asicShare: number;
}): { delivered: CapacityStep[]; construction: Construction[] } {
  const { world, ordered, tick, asicShare } = input;
  const cloud = world.clouds[input.cloud]!;
  const others = world.construction.filter((site) => site.cloud === input.cloud);
  // The fleet at the start of a month: today's, and what is built for any contract before it.
  const built: Construction[] = [];
  const fleetBefore = (at: number) => {
    let gpu = cloud.gpuCapacityMTok;
    let asic = cloud.asicCapacityMTok;
    for (const site of [...others, ...built]) {
      if (site.readyTick < at) {
        gpu += site.gpuMTok;
        asic += site.asicMTok;
      }
    }
    return { gpu, asic };
  };
  const othersAt = (at: number) =>
    others.reduce((sum, site) => (site.readyTick === at ? { gpu: sum.gpu + site.gpuMTok, asic: sum.asic + site.asicMTok } : sum), { gpu: 0, asic: 0 });
  // What the vendor's other contracts at this cloud that still deliver in month `still` hold in month `at`.
  const pairOthersAt = (at: number, still: number) =>
    world.contracts.reduce(
      (sum, c) => sum + (c.cloud === input.cloud && c.vendor === input.vendor && contractCapacityAt(c, still) > 0 ? contractCapacityAt(c, at) : 0),
      0,
    );
  const steps = new Map(ordered.map((step) => [step.fromTick, step.capacityMTok]));
  const delivered: CapacityStep[] = [];
  // Late capacity by the month its tranches start, and how much of all of it is in service.
  const late: { startTick: number; mTok: number }[] = [];
  let onTimeMTok = 0;
  let lateInServiceMTok = 0;
  let orderedMTok = 0;
  let level = 0;
  const lateMTok = () => late.reduce((sum, part) => sum + part.mTok, 0);
  const lastStep = Math.max(...ordered.map((s) => s.fromTick));
  for (let at = ordered[0]!.fromTick; at <= lastStep || lateMTok() - lateInServiceMTok > EPSILON_MTOK; at++) {
    const stepMTok = steps.get(at);
    if (stepMTok !== undefined) {
      const increase = stepMTok - orderedMTok;
      orderedMTok = stepMTok;
      if (increase > 0) {
        const fleet = cloud.gpuCapacityMTok + cloud.asicCapacityMTok + others.reduce((sum, site) => sum + (site.readyTick <= at ? site.gpuMTok + site.asicMTok : 0), 0);
        const freeMTok = Math.max(0, fleet - usedCapacityMTok(world, input.cloud, at, cloud.books.hostingMTok) - onTimeMTok);
        // A float residue of free capacity is none: a contract that took 1e-7 MTok on time would
        // bound its own build (the vendor's capacity at the cloud may only double a month) to nothing.
        const now = freeMTok > EPSILON_MTOK ? Math.min(increase, freeMTok) : 0;
        onTimeMTok += now;
        if (increase > now) late.push({ startTick: Math.max(at, tick + input.buildLeadMonths), mTok: increase - now });
      } else {
        // Cancel what is not built yet, newest first; then take what is in service out, on-time first.
        let cut = -increase;
        let cancel = Math.min(cut, lateMTok() - lateInServiceMTok);
        cut -= cancel;
        for (let i = late.length - 1; i >= 0 && cancel > 0; i--) {
          const cancelled = Math.min(cancel, late[i]!.mTok);
          late[i] = { ...late[i]!, mTok: late[i]!.mTok - cancelled };
          cancel -= cancelled;
        }
        const fromOnTime = Math.min(onTimeMTok, cut);
        onTimeMTok -= fromOnTime;
        let fromLate = Math.min(cut - fromOnTime, lateInServiceMTok);
        lateInServiceMTok -= fromLate;
        for (let i = 0; i < late.length && fromLate > 0; i++) {
          const removed = Math.min(fromLate, late[i]!.mTok);
          late[i] = { ...late[i]!, mTok: late[i]!.mTok - removed };
          fromLate -= removed;
        }
      }
    }
    // Tranches due by this month, then the bounds of a month's build.
    const dueMTok = late.reduce((sum, part) => sum + part.mTok * Math.min(1, Math.max(0, (at - part.startTick + 1) / input.buildRampMonths)), 0);
    let trancheMTok = Math.max(0, dueMTok - lateInServiceMTok);
    if (trancheMTok > EPSILON_MTOK) {
      const fleet = fleetBefore(at);
      const building = othersAt(at);
      const growth = MAX_BUILD_GROWTH_PER_MONTH;
      const bounds: number[] = [];
      if (fleet.gpu + fleet.asic > 0) bounds.push(growth * (fleet.gpu + fleet.asic) - building.gpu - building.asic);
      if (asicShare < 1 && fleet.gpu > 0) bounds.push((growth * fleet.gpu - building.gpu) / (1 - asicShare));
      if (asicShare > 0 && fleet.asic > 0) bounds.push((growth * fleet.asic - building.asic) / asicShare);
      // The pair's other contracts count as they were last month only if they still deliver this
      // month: a contract that ends leaves no capacity for this one to take over at once (what is
      // in force in both months at most doubles, as the books check it).
      const pairBefore = pairOthersAt(at - 1, at) + level;
      if (pairBefore > EPSILON_MTOK) bounds.push((1 + growth) * pairBefore - pairOthersAt(at, at) - onTimeMTok - lateInServiceMTok);
      trancheMTok = Math.max(0, Math.min(trancheMTok, ...bounds));
    }
    if (trancheMTok > EPSILON_MTOK) {
      built.push({ cloud: input.cloud, contractId: input.contractId, gpuMTok: trancheMTok * (1 - asicShare), asicMTok: trancheMTok * asicShare, readyTick: at });
      lateInServiceMTok += trancheMTok;
    }
    const now = onTimeMTok + lateInServiceMTok;
    if (now !== level || delivered.length === 0) {
      delivered.push({ fromTick: at, capacityMTok: now });
      level = now;
    }
  }
  return { delivered, construction: built };
}

/** Below this a tranche is rounding, not capacity. */
const EPSILON_MTOK = 1e-6;
