import { describe, expect, it } from 'vitest';
import { costPlusOffer } from '../../src/policies/cloud-offer.js';
import type { OfferView } from '../../src/policies/policy-roles.js';

const costPlus = (params: Record<string, unknown>) => costPlusOffer.create(costPlusOffer.params.parse(params));

function view(fields: Partial<OfferView>): OfferView {
  return {
    requestedMTok: 500,
    transferAtCost: false,
    dealMinAsicShare: 0,
    freeCapacityMTok: 1000,
    gpuCostUsdPerMTok: 2,
    asicCostUsdPerMTok: 1.2,
    fleetAsicShare: 0,
    ...fields,
  };
}

describe('cost-plus-offer', () => {
  const policy = costPlus({ markup: 0.3, maxShareOfFree: 0.8, minAsicShare: 0 });

  it('declines when nothing is free', () => {
    expect(policy.offer(view({ freeCapacityMTok: 0 }))).toEqual({ declined: 'no free capacity' });
  });

  it('offers what was asked while it fits in the share of free capacity', () => {
    expect(policy.offer(view({ requestedMTok: 500, freeCapacityMTok: 1000 }))).toMatchObject({ capacityMTok: 500 });
  });

  it('offers at most maxShareOfFree of the free capacity', () => {
    expect(policy.offer(view({ requestedMTok: 1000, freeCapacityMTok: 1000 }))).toMatchObject({ capacityMTok: 800 });
  });

  it('prices at the ASIC/GPU blended unit cost × (1 + markup), with the fleet’s ASIC share', () => {
    // 0.25 × 1.2 + 0.75 × 2 = 1.8; × 1.3 = 2.34.
    const terms = policy.offer(view({ fleetAsicShare: 0.25 }));
    expect(terms).toMatchObject({ asicShare: 0.25 });
    expect('priceUsdPerMTok' in terms && terms.priceUsdPerMTok).toBeCloseTo(2.34, 12);
    expect(policy.offer(view({ fleetAsicShare: 0 }))).toMatchObject({ priceUsdPerMTok: 2.6 });
  });

  it('places at least minAsicShare of an offer on ASICs, more when the fleet has more', () => {
    const withMinimum = costPlus({ markup: 0.3, minAsicShare: 0.5 });
    const terms = withMinimum.offer(view({ fleetAsicShare: 0.25 }));
    // 0.5 × 1.2 + 0.5 × 2 = 1.6; × 1.3 = 2.08.
    expect(terms).toMatchObject({ asicShare: 0.5 });
    expect('priceUsdPerMTok' in terms && terms.priceUsdPerMTok).toBeCloseTo(2.08, 12);
    expect(withMinimum.offer(view({ fleetAsicShare: 0.6 }))).toMatchObject({ asicShare: 0.6 });
  });

  it('places at least the ASIC share an investment deal with the vendor requires', () => {
    // 0.75 × 1.2 + 0.25 × 2 = 1.4; × 1.3 = 1.82.
    const terms = policy.offer(view({ fleetAsicShare: 0.25, dealMinAsicShare: 0.75 }));
    expect(terms).toMatchObject({ asicShare: 0.75 });
    expect('priceUsdPerMTok' in terms && terms.priceUsdPerMTok).toBeCloseTo(1.82, 12);
  });

  it('transfers compute at cost, without markup, to a vendor of its own group', () => {
    const terms = policy.offer(view({ fleetAsicShare: 0, transferAtCost: true }));
    expect(terms).toMatchObject({ priceUsdPerMTok: 2 });
  });
});
