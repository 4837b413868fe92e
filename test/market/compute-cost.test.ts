import { describe, expect, it } from 'vitest';
import { asicCostUsdPerMTok, fleetUnitCostUsdPerMTok, gpuCostUsdPerMTok, maturityAfter, type ComputeMarket } from '../../src/market/compute-cost.js';
import { cloudState } from '../support/world-fixtures.js';

const market: ComputeMarket = {
  gpuCostUsdPerMTok: 2,
  gpuCostDeclinePerYear: 0.45,
  asicMaxAdvantage: 0.4,
  asicMaturityScaleUsd: 2e10,
  capexMonthsOfCost: 30,
  distillationReach: 0,
};

describe('compute cost', () => {
  it('lowers the GPU cost by its yearly decline, compounded monthly', () => {
    expect(gpuCostUsdPerMTok(market, 0)).toBe(2);
    expect(gpuCostUsdPerMTok(market, 12)).toBeCloseTo(1.1, 12);
    expect(gpuCostUsdPerMTok(market, 24)).toBeCloseTo(2 * 0.55 ** 2, 12);
    expect(gpuCostUsdPerMTok(market, 6)).toBeCloseTo(2 * Math.sqrt(0.55), 12);
  });

  it('makes ASICs cheaper than GPUs by maxAdvantage × maturity', () => {
    expect(asicCostUsdPerMTok(market, 0, 0)).toBe(2);
    expect(asicCostUsdPerMTok(market, 0, 0.5)).toBeCloseTo(1.6, 12);
    expect(asicCostUsdPerMTok(market, 0, 1)).toBeCloseTo(1.2, 12);
    expect(asicCostUsdPerMTok(market, 12, 1)).toBeCloseTo(1.1 * 0.6, 12);
  });

  it('weights a fleet’s unit cost by its GPU and ASIC capacity', () => {
    const cloud = cloudState('gcp', { gpuCapacityMTok: 400, asicCapacityMTok: 600, asicMaturity: 1 });
    // 0.4 × 2 + 0.6 × 1.2 = 1.52.
    expect(fleetUnitCostUsdPerMTok(market, 0, cloud)).toBeCloseTo(1.52, 12);
    expect(fleetUnitCostUsdPerMTok(market, 0, cloudState('empty', { gpuCapacityMTok: 0, asicCapacityMTok: 0 }))).toBe(2);
  });

  it('closes 1 − e^(−capex/scale) of the maturity gap with ASIC spend', () => {
    expect(maturityAfter(market, 0.4, 0)).toBe(0.4);
    expect(maturityAfter(market, 0, 2e10)).toBeCloseTo(1 - Math.exp(-1), 12);
    expect(maturityAfter(market, 0.5, 2e10)).toBeCloseTo(0.5 + 0.5 * (1 - Math.exp(-1)), 12);
    expect(maturityAfter(market, 0.5, 1e15)).toBeLessThanOrEqual(1);
  });
});
