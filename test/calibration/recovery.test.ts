import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/config/load-scenario-file.js';
import { scenarioAt } from '../../src/calibration/calibration-plan.js';
import { recover } from '../../bench/calibration-recovery.js';

/**
 * Parameter recovery on the simulation itself (bench/calibration-recovery.ts): the 2024 figures
 * simulated at known values of three parameters, then calibrated from their whole ranges within
 * 400 runs. Stated tolerance: each true value inside its 90 % interval, the fit within 0.15 of the
 * marketplace share's value and within 30 % of the two others'. About half a minute here.
 */
describe('calibration recovers known parameters from the figures they produce', () => {
  it('finds the marketplace share, the enterprises represented and consumer growth within tolerance', () => {
    const loaded = loadScenarioFile('configs/baseline.json');
    if (!loaded.success) throw new Error('baseline does not load');
    // 1,000 simulated enterprises: noisier figures than the baseline's 20,000, so wider intervals.
    const small = scenarioAt({ ...loaded.scenario, enterprises: { ...loaded.scenario.enterprises, count: 1000 } }, [], []);
    if (!small.success) throw new Error(small.message);
    const truth = [0.55, 40_000, 1.5];
    const { fit, runs } = recover(small.value, truth, { budget: 400, seed: 1 });
    expect(runs).toBeLessThanOrEqual(400);
    fit.parameters.forEach((p, j) => {
      expect(truth[j], `${p.free.path}: ${truth[j]} in [${p.low}, ${p.high}]`).toBeGreaterThanOrEqual(p.low);
      expect(truth[j], `${p.free.path}: ${truth[j]} in [${p.low}, ${p.high}]`).toBeLessThanOrEqual(p.high);
    });
    expect(Math.abs(fit.parameters[0]!.value - 0.55)).toBeLessThan(0.15);
    expect(Math.abs(fit.parameters[1]!.value / 40_000 - 1)).toBeLessThan(0.3);
    expect(Math.abs(fit.parameters[2]!.value / 1.5 - 1)).toBeLessThan(0.3);
  }, 180_000);
});
