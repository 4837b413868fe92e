import { describe, expect, it } from 'vitest';
import { deliveryPlan } from '../../src/simulation/schedule.js';
import { cloudState, contract, vendorState, worldState } from '../support/world-fixtures.js';

describe('deliveryPlan: capacity a contract calls for beyond the cloud’s free fleet is built', () => {
  // A fleet of 1,000 with 400 held by another contract: 600 free.
  const world = worldState({
    vendors: [vendorState('acme'), vendorState('rival')],
    clouds: [cloudState('alpha', { gpuCapacityMTok: 1000 })],
    contracts: [contract({ vendor: 'rival', cloud: 'alpha', capacityMTok: 400, startTick: 0, endTick: 24 })],
  });
  const plan = (ordered: { fromTick: number; capacityMTok: number }[], buildLeadMonths = 6) =>
    deliveryPlan({ world, cloud: 'alpha', contractId: 'c-9', ordered, tick: 2, buildLeadMonths, asicShare: 0.25 });

  it('delivers on time what the fleet has free', () => {
    expect(plan([{ fromTick: 3, capacityMTok: 500 }])).toEqual({ delivered: [{ fromTick: 3, capacityMTok: 500 }], construction: [] });
  });

  it('builds the rest, ready the lead time after signing, split by the contract’s ASIC share', () => {
    expect(plan([{ fromTick: 3, capacityMTok: 1000 }])).toEqual({
      delivered: [{ fromTick: 3, capacityMTok: 600 }, { fromTick: 8, capacityMTok: 1000 }],
      construction: [{ cloud: 'alpha', contractId: 'c-9', gpuMTok: 300, asicMTok: 100, readyTick: 8 }],
    });
  });

  it('delivers a late tranche on time when the build is done by then; each step takes only what is still free', () => {
    expect(plan([{ fromTick: 3, capacityMTok: 400 }, { fromTick: 12, capacityMTok: 1400 }])).toEqual({
      delivered: [{ fromTick: 3, capacityMTok: 400 }, { fromTick: 12, capacityMTok: 1400 }],
      construction: [{ cloud: 'alpha', contractId: 'c-9', gpuMTok: 600, asicMTok: 200, readyTick: 12 }],
    });
  });

  it('counts what the cloud is building for another contract as its fleet in the month it comes, and that contract as using it', () => {
    const other = contract({ id: 'c-1', vendor: 'rival', cloud: 'alpha', capacityMTok: 500, startTick: 10, endTick: 24 });
    const building = {
      ...world,
      contracts: [...world.contracts, other],
      construction: [{ cloud: 'alpha', contractId: 'c-1', gpuMTok: 500, asicMTok: 0, readyTick: 10 }],
    };
    // At tick 10: fleet 1,000 + 500 built, 400 + 500 held: 600 free of the 1,000 asked.
    const planned = deliveryPlan({ world: building, cloud: 'alpha', contractId: 'c-9', ordered: [{ fromTick: 10, capacityMTok: 1000 }], tick: 2, buildLeadMonths: 6, asicShare: 0 });
    expect(planned.construction).toEqual([{ cloud: 'alpha', contractId: 'c-9', gpuMTok: 400, asicMTok: 0, readyTick: 10 }]);
  });

  it('lowers what is delivered when a step lowers the capacity', () => {
    expect(plan([{ fromTick: 3, capacityMTok: 500 }, { fromTick: 6, capacityMTok: 200 }]).delivered).toEqual([
      { fromTick: 3, capacityMTok: 500 },
      { fromTick: 6, capacityMTok: 200 },
    ]);
  });
});
