import { describe, expect, it } from 'vitest';
import { runway } from '../../src/policies/vendor-funding.js';
import type { InvestmentTerms } from '../../src/policies/policy-roles.js';

const funding = (params: Record<string, unknown>) => runway.create(runway.params.parse(params));

const terms = (fields: Partial<InvestmentTerms>): InvestmentTerms => ({
  amountUsd: 1e9,
  status: 'primary',
  computeCommitmentUsd: 5e8,
  commitmentMonths: 36,
  minAsicShare: 0,
  permittedClouds: [],
  ...fields,
});

describe('runway funding', () => {
  const policy = funding({ raiseBelowMonths: 6, raiseMonthsOfBurn: 18, minRoundUsd: 5e8 });

  it('raises nothing while cash covers the runway, or when the vendor is not burning cash', () => {
    expect(policy.amountToRaise({ cashUsd: 6e9, monthlyBurnUsd: 1e9 })).toBe(0);
    expect(policy.amountToRaise({ cashUsd: 0, monthlyBurnUsd: 0 })).toBe(0);
    expect(policy.amountToRaise({ cashUsd: 0, monthlyBurnUsd: -1e8 })).toBe(0);
  });

  it('raises enough for the longer runway, net of cash on hand', () => {
    // 18 × 1e9 − 5e9 = 13e9.
    expect(policy.amountToRaise({ cashUsd: 5e9, monthlyBurnUsd: 1e9 })).toBe(13e9);
    // Debt (negative cash) is not netted.
    expect(policy.amountToRaise({ cashUsd: -2e9, monthlyBurnUsd: 1e9 })).toBe(18e9);
  });

  it('raises at least the smallest round worth raising', () => {
    // 18 × 2e7 − 1e8 = 2.6e8 < 5e8.
    expect(policy.amountToRaise({ cashUsd: 1e8, monthlyBurnUsd: 2e7 })).toBe(5e8);
  });

  it('turns down a cloud’s money that requires more ASIC share than it accepts', () => {
    const wary = funding({ maxAsicShare: 0.3 });
    expect(wary.rejectionReason(terms({ minAsicShare: 0.3 }))).toBeNull();
    expect(wary.rejectionReason(terms({ minAsicShare: 0.5 }))).toMatch(/50 %/);
  });

  it('turns down exclusivity only when it does not accept exclusive deals', () => {
    expect(funding({ acceptExclusive: true }).rejectionReason(terms({ status: 'exclusive' }))).toBeNull();
    expect(funding({ acceptExclusive: false }).rejectionReason(terms({ status: 'exclusive' }))).toMatch(/exclusive/);
    expect(funding({ acceptExclusive: false }).rejectionReason(terms({ status: 'primary' }))).toBeNull();
  });
});
