import { describe, expect, it } from 'vitest';
import { favourOwn, neutralPlacement } from '../../src/policies/cloud-marketplace.js';

describe('cloud marketplace placement', () => {
  it('places every listed model alike when neutral', () => {
    const policy = neutralPlacement.create(neutralPlacement.params.parse({}));
    expect(policy.placement({ ownModel: true, openWeights: false })).toBe(1);
    expect(policy.placement({ ownModel: false, openWeights: true })).toBe(1);
  });

  it('boosts its own models, and weighs open weights and partners as configured', () => {
    const policy = favourOwn.create(favourOwn.params.parse({ ownModelBoost: 1.3, openWeightsBoost: 1.1, partnerPenalty: 0.9 }));
    expect(policy.placement({ ownModel: true, openWeights: false })).toBe(1.3);
    expect(policy.placement({ ownModel: false, openWeights: true })).toBe(1.1);
    expect(policy.placement({ ownModel: false, openWeights: false })).toBe(0.9);
  });
});
