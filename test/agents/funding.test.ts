import { describe, expect, it } from 'vitest';
import { listenForFundingRounds } from '../../src/agents/clouds.js';
import { raiseFunds, valuationUsd } from '../../src/agents/funding.js';
import type { ScenarioInput } from '../../src/config/scenario-schema.js';
import { EMPTY_VENDOR_BOOKS } from '../../src/world/state.js';
import { deal } from '../support/world-fixtures.js';
import { closedVendorInput, cloudInput, eventsOfType, scenarioOf, testMarket, tinyScenarioInput, type TestMarket } from '../support/scenario-fixtures.js';

/**
 * acme burns 1e9 $ a month with 2e9 $ in cash (under its 6-month runway), so it seeks
 * 18 × 1e9 − 2e9 = 16e9 $; alpha offers half a round, up to 4e9 $, for primary status.
 */
function market(edit: (input: ScenarioInput) => void = () => {}): TestMarket {
  const input = tinyScenarioInput();
  const acme = closedVendorInput(input, 'acme');
  acme.cashUsd = 2e9;
  acme.policies.funding = { type: 'runway', params: { raiseBelowMonths: 6, raiseMonthsOfBurn: 18, minRoundUsd: 5e8 } };
  cloudInput(input, 'alpha').policies.investment = {
    type: 'strategic-stake',
    params: { vendors: ['acme'], shareOfRound: 0.5, maxInvestmentUsd: 4e9, status: 'primary', computeCommitmentShare: 0.5 },
  };
  edit(input);
  const m = testMarket(scenarioOf(input));
  m.bus.publish({ type: 'vendor.month-closed', tick: 0, vendor: 'acme', ...EMPTY_VENDOR_BOOKS, inferenceComputeUsd: 1e9 });
  return m;
}

function fundingRound(m: TestMarket): void {
  const ctx = m.context(0);
  const investors = listenForFundingRounds(ctx);
  raiseFunds(ctx);
  investors.unsubscribe();
}

describe('funding', () => {
  it('values a vendor at its annualised revenue × its multiple, never below 1e9 $', () => {
    const m = market();
    m.bus.publish({ type: 'vendor.month-closed', tick: 0, vendor: 'acme', ...EMPTY_VENDOR_BOOKS, revenueApiDirectUsd: 1e8 });
    const flat = { revenueMultiple: 25, growthElasticity: 0, referenceGrowth: 3 };
    expect(valuationUsd(m.world(), 'acme', flat)).toBe(12 * 1e8 * 25);
    expect(valuationUsd(m.world(), 'llama', flat)).toBe(1e9);
  });

  it('prices growth into the multiple: × (growth over 12 months ÷ reference)^elasticity, growth taken between flat and the reference', () => {
    const m = market();
    const close = (tick: number, revenueUsd: number) =>
      m.bus.publish({ type: 'vendor.month-closed', tick, vendor: 'acme', ...EMPTY_VENDOR_BOOKS, revenueApiDirectUsd: revenueUsd });
    const terms = { revenueMultiple: 40, growthElasticity: 1.5, referenceGrowth: 3 };
    // Fewer than 13 months closed: the reference growth is assumed, so the multiple is 40.
    close(0, 1e8);
    expect(valuationUsd(m.world(), 'acme', terms)).toBeCloseTo(12 * 1e8 * 40, 0);
    // Revenue ×1.5 in 12 months: 40 × (1.5 ÷ 3)^1.5 = 40 × 0.35355 = 14.142.
    for (let tick = 1; tick <= 12; tick++) close(tick, 1e8 * 1.5 ** (tick / 12));
    expect(valuationUsd(m.world(), 'acme', terms)).toBeCloseTo(12 * 1.5e8 * 40 * 0.5 ** 1.5, 0);
    // Growth beyond the reference adds nothing: ×6 in 12 months is valued at 40×.
    for (let tick = 13; tick <= 24; tick++) close(tick, 1.5e8 * 6 ** ((tick - 12) / 12));
    expect(valuationUsd(m.world(), 'acme', terms)).toBeCloseTo(12 * 9e8 * 40, -1);
    // Shrinking revenue is valued as flat: 40 × (1 ÷ 3)^1.5 = 7.698.
    for (let tick = 25; tick <= 37; tick++) close(tick, 9e8 * 0.9 ** ((tick - 24) / 12));
    const last = 9e8 * 0.9 ** (13 / 12);
    expect(valuationUsd(m.world(), 'acme', terms)).toBeCloseTo(12 * last * 40 * (1 / 3) ** 1.5, 0);
  });

  it('seeks a round when cash runs short; a cloud invests, financial investors fund the rest', () => {
    const m = market();
    const cashAtRound = m.world().vendors.acme!.cashUsd;
    fundingRound(m);

    // The burn is booked into cash when the month closes: 2e9 − 1e9 = 1e9 left, so 18e9 − 1e9 = 17e9 sought.
    expect(cashAtRound).toBe(1e9);
    expect(eventsOfType(m.events, 'vendor.funding-sought')).toEqual([
      { type: 'vendor.funding-sought', tick: 0, vendor: 'acme', amountUsd: 17e9, valuationUsd: 1e9 },
    ]);
    const [closed] = eventsOfType(m.events, 'investment.closed');
    expect(closed?.deal).toMatchObject({ investor: 'alpha', cloud: 'alpha', vendor: 'acme', amountUsd: 4e9, status: 'primary' });
    // Priced at the round's pre-money, 1e9 $: alpha's 4e9 $ buys 4/5 of the vendor when it closes.
    expect(closed?.deal).toMatchObject({ preMoneyUsd: 1e9, equityShare: 0.8 });
    // Half the investment comes back as compute the vendor must buy from the investor over the policy's term.
    expect(eventsOfType(m.events, 'compute.commitment-made').map((e) => e.commitment)).toEqual([
      { id: 'commitment-1', vendor: 'acme', cloud: 'alpha', amountUsd: 2e9, remainingUsd: 2e9, startTick: 0, endTick: 36, dealId: closed!.deal.id },
    ]);
    // The funds' 13e9 $ come at the same price per share: pre-money 1e9 + 4e9 already raised, 13/18 of the vendor.
    expect(eventsOfType(m.events, 'vendor.funded')).toEqual([
      { type: 'vendor.funded', tick: 0, vendor: 'acme', investor: 'financial-investors', amountUsd: 13e9, preMoneyUsd: 5e9, equityShare: 13e9 / 18e9 },
    ]);
    // Post-money 18e9 $: each holder ends at its amount ÷ post-money, the founders at pre-money ÷ post-money.
    const equity = m.world().vendors.acme!.equity;
    expect(equity.alpha).toBeCloseTo(4 / 18, 12);
    expect(equity['financial-investors']).toBeCloseTo(13 / 18, 12);
    expect(equity['founders-and-others']).toBeCloseTo(1 / 18, 12);
    expect(m.world().vendors.acme!.lastRoundPostMoneyUsd).toBe(18e9);
    expect(m.world().vendors.acme!.cashUsd).toBe(1e9 + 17e9);
    expect(m.world().deals).toHaveLength(1);
  });

  it('turns down a cloud’s money whose conditions it does not accept', () => {
    const m = market((input) => {
      const investment = cloudInput(input, 'alpha').policies.investment!;
      investment.params = { ...investment.params, minAsicShare: 0.6 };
      closedVendorInput(input, 'acme').policies.funding!.params = { maxAsicShare: 0.5 };
    });
    fundingRound(m);
    expect(eventsOfType(m.events, 'investment.rejected')).toMatchObject([{ cloud: 'alpha', vendor: 'acme', reason: expect.stringMatching(/60 %/) }]);
    expect(eventsOfType(m.events, 'investment.closed')).toEqual([]);
    expect(m.world().deals).toEqual([]);
  });

  it('prices every part of a round at one price per share, diluting the holders before it by pre-money ÷ post-money', () => {
    // alpha held 20 % of acme before the run; the round of 17e9 $ at 1e9 $ pre-money leaves it 20 % × 1/18.
    const m = market();
    m.bus.publish({ type: 'investment.in-force', tick: 0, deal: deal({ vendor: 'acme', cloud: 'alpha', equityShare: 0.2, preMoneyUsd: null }) });
    fundingRound(m);
    const equity = m.world().vendors.acme!.equity;
    // alpha: 0.2 / 18 held before + 4/18 bought; the founders' 0.8 / 18; the funds 13/18.
    expect(equity.alpha).toBeCloseTo(0.2 / 18 + 4 / 18, 12);
    expect(equity['founders-and-others']).toBeCloseTo(0.8 / 18, 12);
    expect(equity['financial-investors']).toBeCloseTo(13 / 18, 12);
  });

  it('raises the round of a vendor a cloud’s group owns from its owner, who keeps it whole', () => {
    const m = market((input) => {
      closedVendorInput(input, 'acme').owner = 'alpha';
    });
    fundingRound(m);
    expect(eventsOfType(m.events, 'vendor.funding-sought')).toEqual([]);
    expect(eventsOfType(m.events, 'vendor.funded')).toEqual([
      { type: 'vendor.funded', tick: 0, vendor: 'acme', investor: 'alpha', amountUsd: 17e9, preMoneyUsd: 1e9, equityShare: 17e9 / 18e9 },
    ]);
    expect(m.world().vendors.acme!.equity).toEqual({ alpha: 1 });
  });

  it('raises nothing while its runway is long enough', () => {
    const m = market((input) => {
      closedVendorInput(input, 'acme').cashUsd = 1e11;
    });
    fundingRound(m);
    expect(eventsOfType(m.events, 'vendor.funding-sought')).toEqual([]);
  });
});
