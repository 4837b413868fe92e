import { describe, expect, it } from 'vitest';
import { neverSwitch, roiPayback } from '../../src/policies/enterprise-switching.js';

const payback = (params: Record<string, unknown>) => roiPayback.create(roiPayback.params.parse(params));

describe('enterprise switching policies', () => {
  describe('roi-payback switching', () => {
    it('switches only when the monthly gain over the payback months beats the switching cost', () => {
      const policy = payback({ paybackMonths: 12 });
      // 500 $/month × 12 months = 6,000 $.
      expect(policy.shouldSwitch(500, 5_999)).toBe(true);
      expect(policy.shouldSwitch(500, 6_000)).toBe(false);
      expect(policy.shouldSwitch(500, 60_000)).toBe(false);
    });

    it('weighs the gain over a longer horizon when paybackMonths is longer', () => {
      expect(payback({ paybackMonths: 6 }).shouldSwitch(500, 4_000)).toBe(false);
      expect(payback({ paybackMonths: 24 }).shouldSwitch(500, 4_000)).toBe(true);
    });

    it('never switches for a gain that is not positive, even if the move were paid for', () => {
      const policy = payback({ paybackMonths: 12 });
      expect(policy.shouldSwitch(0, 0)).toBe(false);
      expect(policy.shouldSwitch(-50, -1_000)).toBe(false);
    });

    it('reviews with its review probability, 25 % a month by default', () => {
      expect(payback({ reviewProbability: 0.4 }).reviewProbability).toBe(0.4);
      expect(payback({}).reviewProbability).toBe(0.25);
    });
  });

  describe('never-switch switching', () => {
    it('never reviews and never switches, whatever the gain', () => {
      const policy = neverSwitch.create(neverSwitch.params.parse({}));
      expect(policy.reviewProbability).toBe(0);
      expect(policy.shouldSwitch(1e9, 0)).toBe(false);
    });
  });
});
