import { describe, expect, it } from 'vitest';
import { bassDiffusion } from '../../src/policies/enterprise-adoption.js';

const bass = (params: Record<string, unknown>) => bassDiffusion.create(bassDiffusion.params.parse(params));

describe('bass-diffusion adoption', () => {
  it('evaluates with hazard p + q × adopted share', () => {
    const policy = bass({ innovation: 0.01, imitation: 0.08 });
    expect(policy.evaluationProbability(0)).toBeCloseTo(0.01, 12);
    expect(policy.evaluationProbability(0.5)).toBeCloseTo(0.05, 12);
    expect(policy.evaluationProbability(1)).toBeCloseTo(0.09, 12);
  });

  it('caps the hazard at 1', () => {
    const policy = bass({ innovation: 0.5, imitation: 0.8 });
    expect(policy.evaluationProbability(0.5)).toBeCloseTo(0.9, 12);
    expect(policy.evaluationProbability(1)).toBe(1);
  });

  it('defaults to the yearly Sultan, Farley & Lehmann means divided by 12', () => {
    const policy = bass({});
    expect(policy.evaluationProbability(0)).toBeCloseTo(0.03 / 12, 12);
    expect(policy.evaluationProbability(1)).toBeCloseTo((0.03 + 0.38) / 12, 12);
  });

  it('hands the pilot length, pilot demand share and ROI hurdle to the enterprises', () => {
    const policy = bass({ pilotMonths: 5, pilotDemandShare: 0.2, hurdleRoi: 1.5 });
    expect(policy.pilotMonths).toBe(5);
    expect(policy.pilotDemandShare).toBe(0.2);
    expect(policy.hurdleRoi).toBe(1.5);
  });
});
