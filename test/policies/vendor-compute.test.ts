import { describe, expect, it } from 'vitest';
import { utilisationTarget } from '../../src/policies/vendor-compute.js';
import type { ComputeOfferTerms, ComputeView } from '../../src/policies/policy-roles.js';

const compute = (params: Record<string, unknown>) => utilisationTarget.create(utilisationTarget.params.parse(params));

const policy = compute({
  requestAboveUtilisation: 0.85,
  targetUtilisation: 0.75,
  contractMonths: 18,
  maxComputePriceShare: 0.6,
  maxAsicShare: 0.5,
  maxSecondCloudPremium: 0.25,
});

function view(fields: Partial<ComputeView>): ComputeView {
  return {
    demandMTok: 800,
    demandGrowth: 1,
    demandTrendPerMonth: 1,
    capacityOnOrderMTok: 1000,
    monthsToService: 1,
    apiPriceUsdPerMTok: 10,
    portingPremium: 0,
    firstChoice: true,
    referencePriceUsdPerMTok: null,
    ...fields,
  };
}

const offer = (fields: Partial<ComputeOfferTerms>): ComputeOfferTerms => ({ capacityMTok: 100, priceUsdPerMTok: 3, asicShare: 0, ...fields });

describe('utilisation-target compute', () => {
  it('asks for nothing while projected utilisation stays under the threshold', () => {
    expect(policy.capacityToRequest(view({ demandMTok: 800 }))).toBe(0);
    expect(policy.capacityToRequest(view({ demandMTok: 850 }))).toBe(0);
  });

  it('asks for enough to bring utilisation back to the target', () => {
    // 900 / 0.75 − 1,000 = 200.
    expect(policy.capacityToRequest(view({ demandMTok: 900 }))).toBeCloseTo(200, 9);
    expect(policy.capacityToRequest(view({ demandMTok: 300, capacityOnOrderMTok: 0 }))).toBeCloseTo(400, 9);
  });

  it('projects growing demand one month ahead, but not shrinking demand', () => {
    // 800 × 1.1 = 880 > 850: 880 / 0.75 − 1,000 = 173.3.
    expect(policy.capacityToRequest(view({ demandMTok: 800, demandGrowth: 1.1 }))).toBeCloseTo(880 / 0.75 - 1000, 9);
    expect(policy.capacityToRequest(view({ demandMTok: 900, demandGrowth: 0.5 }))).toBeCloseTo(200, 9);
  });

  it('orders capacity that takes a build against demand when it lands, net of what is on order', () => {
    // Half in service 18 months on: 800 × 1.05 (next month) × 1.04^17 (the year's trend after) = 1,633.0.
    const projected = 800 * 1.05 * 1.04 ** 17;
    const building = { demandGrowth: 1.05, demandTrendPerMonth: 1.04, monthsToService: 18 };
    expect(policy.capacityToRequest(view({ ...building, capacityOnOrderMTok: 1000 }))).toBeCloseTo(projected / 0.75 - 1000, 9);
    // 1,800 scheduled for that month, built or being built: it asks for 2,177.3 − 1,800, not again for what is being built.
    expect(policy.capacityToRequest(view({ ...building, capacityOnOrderMTok: 1800 }))).toBeCloseTo(projected / 0.75 - 1800, 9);
    // 1,633.0 ≤ 0.85 × 2,000: enough on order for that month, nothing asked, however little is in service now.
    expect(policy.capacityToRequest(view({ ...building, capacityOnOrderMTok: 2000 }))).toBe(0);
    // A falling trend does not shrink the projection below next month's.
    expect(policy.capacityToRequest(view({ demandMTok: 900, demandTrendPerMonth: 0.9, monthsToService: 18 }))).toBeCloseTo(200, 9);
  });

  it('hands its contract length and diversification rules to the vendor', () => {
    const custom = compute({ contractMonths: 18, diversifyAfterMonthsShort: 2, asicPortingCost: 0.4, secondCloudShare: 0.3 });
    expect(custom).toMatchObject({ contractMonths: 18, diversifyAfterMonthsShort: 2, asicPortingCost: 0.4, secondCloudShare: 0.3 });
  });

  it('rejects an offer priced above maxComputePriceShare × the API price', () => {
    expect(policy.rejectionReason(offer({ priceUsdPerMTok: 6 }), view({ apiPriceUsdPerMTok: 10 }))).toBeNull();
    expect(policy.rejectionReason(offer({ priceUsdPerMTok: 6.01 }), view({ apiPriceUsdPerMTok: 10 }))).toMatch(/price/);
  });

  it('rejects an offer with more of the capacity on ASICs than it accepts', () => {
    expect(policy.rejectionReason(offer({ asicShare: 0.5 }), view({}))).toBeNull();
    expect(policy.rejectionReason(offer({ asicShare: 0.6 }), view({}))).toMatch(/ASIC/);
  });

  it('rejects another cloud’s offer priced too far above what its first-choice cloud charges', () => {
    const elsewhere = view({ firstChoice: false, referencePriceUsdPerMTok: 2 });
    // 2 × 1.25 = 2.5 is the most it pays elsewhere.
    expect(policy.rejectionReason(offer({ priceUsdPerMTok: 2.5 }), elsewhere)).toBeNull();
    expect(policy.rejectionReason(offer({ priceUsdPerMTok: 2.6 }), elsewhere)).toMatch(/first-choice/);
    // The first-choice cloud itself is held only to the API-price ceiling.
    expect(policy.rejectionReason(offer({ priceUsdPerMTok: 2.6 }), view({ firstChoice: true, referencePriceUsdPerMTok: 2 }))).toBeNull();
  });

  it('counts the cost of porting ASIC-bound work against another cloud’s offer', () => {
    // 2.2 × (1 + 0.2) = 2.64 > 2.5.
    const porting = view({ firstChoice: false, referencePriceUsdPerMTok: 2, portingPremium: 0.2 });
    expect(policy.rejectionReason(offer({ priceUsdPerMTok: 2.2 }), porting)).toMatch(/porting/);
    expect(policy.rejectionReason(offer({ priceUsdPerMTok: 2.2 }), { ...porting, portingPremium: 0 })).toBeNull();
  });
});
