import { describe, expect, it } from 'vitest';
import { utilisationCapex } from '../../src/policies/cloud-capex.js';
import type { CapexView } from '../../src/policies/policy-roles.js';

const capex = (params: Record<string, unknown>) => utilisationCapex.create(utilisationCapex.params.parse(params));

const policy = capex({
  targetUtilisation: 0.75,
  baseGrowthPerYear: 0.4,
  maxGrowthPerMonth: 0.15,
  asicShareOfNew: 0.2,
  asicShareGrowthPerYear: 0.05,
});

function view(fields: Partial<CapexView>): CapexView {
  return { fleetMTok: 1000, usedMTok: 0, unmetRequestsMTok: 0, tick: 0, ...fields };
}

function total(expansion: { gpuMTok: number; asicMTok: number }): number {
  return expansion.gpuMTok + expansion.asicMTok;
}

/** 40 % a year is 1.4^(1/12) − 1 = 2.84 % a month. */
const BASE_MONTHLY = 1.4 ** (1 / 12) - 1;

describe('utilisation-capex', () => {
  it('grows an idle fleet at the base rate', () => {
    expect(total(policy.expansion(view({ usedMTok: 0 })))).toBeCloseTo(1000 * BASE_MONTHLY, 9);
  });

  it('builds towards the target utilisation when demand presses', () => {
    // 810 / 0.75 − 1,000 = 80.
    expect(total(policy.expansion(view({ usedMTok: 810 })))).toBeCloseTo(80, 9);
  });

  it('counts the requests it turned away as demand', () => {
    // 700 / 0.75 < 1,000: the base rate; (700 + 80) / 0.75 − 1,000 = 40.
    expect(total(policy.expansion(view({ usedMTok: 700 })))).toBeCloseTo(1000 * BASE_MONTHLY, 9);
    expect(total(policy.expansion(view({ usedMTok: 700, unmetRequestsMTok: 80 })))).toBeCloseTo(40, 9);
  });

  it('caps a month’s growth at maxGrowthPerMonth of the fleet', () => {
    expect(total(policy.expansion(view({ usedMTok: 1000, unmetRequestsMTok: 5000 })))).toBeCloseTo(150, 9);
  });

  it('puts asicShareOfNew of new capacity on ASICs at the start, rising each year', () => {
    const start = policy.expansion(view({ usedMTok: 810, tick: 0 }));
    expect(start.asicMTok).toBeCloseTo(80 * 0.2, 9);
    expect(start.gpuMTok).toBeCloseTo(80 * 0.8, 9);
    const twoYearsOn = policy.expansion(view({ usedMTok: 810, tick: 24 }));
    expect(twoYearsOn.asicMTok).toBeCloseTo(80 * 0.3, 9);
    const halfYearOn = policy.expansion(view({ usedMTok: 810, tick: 6 }));
    expect(halfYearOn.asicMTok).toBeCloseTo(80 * 0.225, 9);
  });

  it('never puts more than all new capacity on ASICs', () => {
    const fastRamp = capex({ asicShareOfNew: 0.9, asicShareGrowthPerYear: 0.1 });
    const expansion = fastRamp.expansion(view({ usedMTok: 810, tick: 36 }));
    expect(expansion.gpuMTok).toBe(0);
    expect(expansion.asicMTok).toBeGreaterThan(0);
  });

  it('builds nothing from an empty fleet', () => {
    expect(total(policy.expansion(view({ fleetMTok: 0, usedMTok: 0 })))).toBe(0);
  });
});
