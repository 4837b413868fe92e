import { describe, expect, it } from 'vitest';
import { hostingMarkup } from '../../src/policies/cloud-hosting-pricing.js';

describe('hosting-markup', () => {
  it('prices open-weights tokens at unit cost × (1 + markup)', () => {
    const policy = hostingMarkup.create(hostingMarkup.params.parse({ markup: 0.5 }));
    expect(policy.priceUsdPerMTok(2)).toBeCloseTo(3, 12);
    expect(policy.priceUsdPerMTok(1.2)).toBeCloseTo(1.8, 12);
  });

  it('marks up by 50 % by default', () => {
    expect(hostingMarkup.create(hostingMarkup.params.parse({})).priceUsdPerMTok(4)).toBeCloseTo(6, 12);
  });
});
