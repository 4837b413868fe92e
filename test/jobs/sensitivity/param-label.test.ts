import { describe, expect, it } from 'vitest';
import { paramLabel, swingLabel } from '../../../src/jobs/sensitivity/sensitivity-report.js';

describe('a sensitivity row’s label', () => {
  it('names a policy parameter with its policy, and any other number as the global analyses do', () => {
    expect(paramLabel('vendors.openai.policies.pricing.params.markup')).toBe('openai · pricing.markup');
    expect(paramLabel('enterprises.policies.switching.params.paybackMonths')).toBe('enterprises · switching.paybackMonths');
    // Not "enterprises · undefined.brandPremium": the path has no policy.
    expect(paramLabel('enterprises.brandPremium')).toBe('enterprises · brandPremium');
    expect(paramLabel('vendors.openai.quality')).toBe('openai · quality');
  });

  it('says "(× base)" after a parameter moved by factors on its own value', () => {
    expect(swingLabel({ path: 'enterprises.segments.*.switchingCostUsd.median', timesBase: true })).toBe('every segment · switchingCostUsd.median (× base)');
  });
});
