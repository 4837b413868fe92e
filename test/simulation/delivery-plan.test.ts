import { describe, expect, it } from 'vitest';
import { deliveryPlan } from '../../src/agents/delivery-plan.js';
import type { CapacityStep, WorldState } from '../../src/world/state.js';
import { cloudState, contract, vendorState, worldState } from '../support/world-fixtures.js';

describe('deliveryPlan: capacity a contract calls for beyond the cloud’s free fleet is built, and comes into service over months', () => {
  // A fleet of 1,000 with 400 held by another vendor: 600 free.
  const world = worldState({
    vendors: [vendorState('acme'), vendorState('rival')],
    clouds: [cloudState('alpha', { gpuCapacityMTok: 1000 })],
    contracts: [contract({ vendor: 'rival', cloud: 'alpha', capacityMTok: 400, startTick: 0, endTick: 24 })],
  });
  const plan = (ordered: CapacityStep[], options: { buildLeadMonths?: number; buildRampMonths?: number; asicShare?: number; on?: WorldState } = {}) =>
    deliveryPlan({
      world: options.on ?? world,
      cloud: 'alpha',
      vendor: 'acme',
      contractId: 'c-9',
      ordered,
      tick: 2,
      buildLeadMonths: options.buildLeadMonths ?? 6,
      buildRampMonths: options.buildRampMonths ?? 4,
      asicShare: options.asicShare ?? 0.25,
    });
  const site = (readyTick: number, mTok: number, asicShare = 0.25) => ({ cloud: 'alpha', contractId: 'c-9', gpuMTok: mTok * (1 - asicShare), asicMTok: mTok * asicShare, readyTick });

  it('delivers on time what the fleet has free', () => {
    expect(plan([{ fromTick: 3, capacityMTok: 500 }])).toEqual({ delivered: [{ fromTick: 3, capacityMTok: 500 }], construction: [] });
  });

  it('builds the rest: first racks the lead time after signing, then equal monthly tranches over the ramp, split by the contract’s ASIC share', () => {
    // 600 free on time; 400 built from tick 2 + 6 = 8, a quarter a month over 4 months.
    expect(plan([{ fromTick: 3, capacityMTok: 1000 }])).toEqual({
      delivered: [
        { fromTick: 3, capacityMTok: 600 },
        { fromTick: 8, capacityMTok: 700 },
        { fromTick: 9, capacityMTok: 800 },
        { fromTick: 10, capacityMTok: 900 },
        { fromTick: 11, capacityMTok: 1000 },
      ],
      construction: [site(8, 100), site(9, 100), site(10, 100), site(11, 100)],
    });
  });

  it('never more than doubles what the vendor has in service at the cloud in a month: what that holds back comes after the ramp', () => {
    // All on GPUs: 600 on time, 4,400 to build over 2 months (2,200 a month due), but each month at most what
    // is in service: 600 → 1,200 → 2,400 → 4,800, and the last 200.
    expect(plan([{ fromTick: 3, capacityMTok: 5000 }], { buildRampMonths: 2, asicShare: 0 })).toEqual({
      delivered: [
        { fromTick: 3, capacityMTok: 600 },
        { fromTick: 8, capacityMTok: 1200 },
        { fromTick: 9, capacityMTok: 2400 },
        { fromTick: 10, capacityMTok: 4800 },
        { fromTick: 11, capacityMTok: 5000 },
      ],
      construction: [site(8, 600, 0), site(9, 1200, 0), site(10, 2400, 0), site(11, 200, 0)],
    });
  });

  it('takes a float residue of free capacity as none, so that it cannot hold the build to nothing (random config 58)', () => {
    // 1e-7 MTok free: delivered on time it would cap every later tranche at twice itself.
    const full = worldState({
      vendors: [vendorState('acme'), vendorState('rival')],
      clouds: [cloudState('alpha', { gpuCapacityMTok: 1000 })],
      contracts: [contract({ vendor: 'rival', cloud: 'alpha', capacityMTok: 1000 - 1e-7, startTick: 0, endTick: 24 })],
    });
    const { delivered } = plan([{ fromTick: 3, capacityMTok: 400 }], { on: full, asicShare: 0 });
    expect(delivered[0]).toEqual({ fromTick: 3, capacityMTok: 0 });
    expect(delivered.at(-1)).toEqual({ fromTick: 11, capacityMTok: 400 });
  });

  it('never takes over at once the capacity of the vendor’s contract there that ends: what is in force in both months at most doubles', () => {
    // acme's other contract (900) ends at tick 8: the pair held 900 + 600, but this contract's 600 may become at most 1,200.
    const ending = worldState({
      vendors: [vendorState('acme'), vendorState('rival')],
      clouds: [cloudState('alpha', { gpuCapacityMTok: 2500 })],
      contracts: [
        contract({ vendor: 'rival', cloud: 'alpha', capacityMTok: 1000, startTick: 0, endTick: 24 }),
        contract({ vendor: 'acme', cloud: 'alpha', capacityMTok: 900, startTick: 0, endTick: 8 }),
      ],
    });
    const { delivered } = plan([{ fromTick: 3, capacityMTok: 3000 }], { on: ending, asicShare: 0, buildRampMonths: 1 });
    expect(delivered.slice(0, 3)).toEqual([
      { fromTick: 3, capacityMTok: 600 },
      { fromTick: 8, capacityMTok: 1200 },
      { fromTick: 9, capacityMTok: 2400 },
    ]);
  });

  it('never more than doubles the cloud’s fleet, or its fleet of the contract’s chips, in a month', () => {
    // Nothing free (the rival holds all 1,000): 3,000 to build at once (lead 0, ramp 1). Month 3: the fleet
    // doubles (+1,000, 250 of it ASIC); month 4: the ASIC fleet of 250 may only double (+250 ASIC → +1,000
    // in all); month 5: the rest.
    const full = worldState({
      vendors: [vendorState('acme'), vendorState('rival')],
      clouds: [cloudState('alpha', { gpuCapacityMTok: 1000 })],
      contracts: [contract({ vendor: 'rival', cloud: 'alpha', capacityMTok: 1000, startTick: 0, endTick: 24 })],
    });
    expect(plan([{ fromTick: 3, capacityMTok: 3000 }], { on: full, buildLeadMonths: 0, buildRampMonths: 1 })).toEqual({
      delivered: [
        { fromTick: 3, capacityMTok: 1000 },
        { fromTick: 4, capacityMTok: 2000 },
        { fromTick: 5, capacityMTok: 3000 },
      ],
      construction: [site(3, 1000), site(4, 1000), site(5, 1000)],
    });
  });

  it('builds a cloud with no fleet from nothing: its first tranche is not bounded, the next ones are', () => {
    const empty = worldState({ vendors: [vendorState('acme')], clouds: [cloudState('alpha', { gpuCapacityMTok: 0 })] });
    // 900 to build at once on GPUs: 900 would be due in month 3, and nothing bounds a fleet of 0.
    expect(plan([{ fromTick: 3, capacityMTok: 900 }], { on: empty, buildLeadMonths: 0, buildRampMonths: 3, asicShare: 0 })).toEqual({
      delivered: [
        { fromTick: 3, capacityMTok: 300 },
        { fromTick: 4, capacityMTok: 600 },
        { fromTick: 5, capacityMTok: 900 },
      ],
      construction: [site(3, 300, 0), site(4, 300, 0), site(5, 300, 0)],
    });
  });

  it('starts building a later step at its own month, taking only what is still free then', () => {
    // Tick 12: 1,000 − 400 (rival) − 400 (this contract) = 200 free; 800 built from tick 12, 200 a month.
    expect(plan([{ fromTick: 3, capacityMTok: 400 }, { fromTick: 12, capacityMTok: 1400 }])).toEqual({
      delivered: [
        { fromTick: 3, capacityMTok: 400 },
        { fromTick: 12, capacityMTok: 800 },
        { fromTick: 13, capacityMTok: 1000 },
        { fromTick: 14, capacityMTok: 1200 },
        { fromTick: 15, capacityMTok: 1400 },
      ],
      construction: [site(12, 200), site(13, 200), site(14, 200), site(15, 200)],
    });
  });

  it('counts what the cloud is building for another contract as its fleet in the month it comes, and that contract as using it', () => {
    const other = contract({ id: 'c-1', vendor: 'rival', cloud: 'alpha', capacityMTok: 500, startTick: 10, endTick: 24 });
    const building = {
      ...world,
      contracts: [...world.contracts, other],
      construction: [{ cloud: 'alpha', contractId: 'c-1', gpuMTok: 500, asicMTok: 0, readyTick: 10 }],
    };
    // At tick 10: fleet 1,000 + 500 built, 400 + 500 held: 600 free of the 1,000 asked; the 400 left is within
    // what may come that month (the 1,000 of fleet before it, less the 500 of the other site).
    const planned = plan([{ fromTick: 10, capacityMTok: 1000 }], { on: building, buildRampMonths: 1, asicShare: 0 });
    expect(planned.construction).toEqual([site(10, 400, 0)]);
  });

  it('lowers what is delivered when a step lowers the capacity', () => {
    expect(plan([{ fromTick: 3, capacityMTok: 500 }, { fromTick: 6, capacityMTok: 200 }]).delivered).toEqual([
      { fromTick: 3, capacityMTok: 500 },
      { fromTick: 6, capacityMTok: 200 },
    ]);
  });

  it('cancels what is not built yet when a step lowers the capacity, before taking any out of service', () => {
    // 600 on time, 400 building (100 a month from 8); at 10, 200 in service late and 200 not built: the cut of
    // 400 cancels those 200 and takes 200 of the on-time capacity out of service.
    expect(plan([{ fromTick: 3, capacityMTok: 1000 }, { fromTick: 10, capacityMTok: 600 }])).toEqual({
      delivered: [
        { fromTick: 3, capacityMTok: 600 },
        { fromTick: 8, capacityMTok: 700 },
        { fromTick: 9, capacityMTok: 800 },
        { fromTick: 10, capacityMTok: 600 },
      ],
      construction: [site(8, 100), site(9, 100)],
    });
  });
});
