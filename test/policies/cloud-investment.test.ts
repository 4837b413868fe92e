import { describe, expect, it } from 'vitest';
import { noInvestment, strategicStake } from '../../src/policies/cloud-investment.js';

const stake = (params: Record<string, unknown>) => strategicStake.create(strategicStake.params.parse(params));

describe('cloud investment policies', () => {
  describe('strategic-stake investment', () => {
    const policy = stake({
      vendors: ['anthropic'],
      shareOfRound: 0.5,
      maxInvestmentUsd: 4e9,
      status: 'primary',
      computeCommitmentShare: 0.5,
      minAsicShare: 0.3,
      permittedClouds: ['gcp'],
    });

    it('offers part of a chosen vendor’s round, with its conditions', () => {
      expect(policy.offer({ vendor: 'anthropic', amountSoughtUsd: 2e9, tiedElsewhere: false })).toEqual({
        amountUsd: 1e9,
        status: 'primary',
        computeCommitmentUsd: 5e8,
        commitmentMonths: 36,
        minAsicShare: 0.3,
        permittedClouds: ['gcp'],
      });
    });

    it('caps a single investment', () => {
      expect(policy.offer({ vendor: 'anthropic', amountSoughtUsd: 20e9, tiedElsewhere: false })?.amountUsd).toBe(4e9);
    });

    it('stays out of vendors it did not choose and of vendors tied to another cloud', () => {
      expect(policy.offer({ vendor: 'openai', amountSoughtUsd: 2e9, tiedElsewhere: false })).toBeNull();
      expect(policy.offer({ vendor: 'anthropic', amountSoughtUsd: 2e9, tiedElsewhere: true })).toBeNull();
    });
  });

  describe('no-investment', () => {
    it('never offers', () => {
      expect(noInvestment.create(noInvestment.params.parse({})).offer({ vendor: 'x', amountSoughtUsd: 1e9, tiedElsewhere: false })).toBeNull();
    });
  });
});
