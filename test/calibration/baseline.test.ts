import { describe, expect, it } from 'vitest';
import { CALIBRATION_TARGETS } from '../../src/calibration/targets.js';
import { loadConfig, runScenario } from '../support/scenario-runs.js';

const baseline = loadConfig('baseline');
const seeds = Array.from({ length: 10 }, (_, i) => i + 1);

describe('configs/baseline.json calibration', () => {
  it('starts no later than 2023-12 and runs at least to 2026-12', () => {
    expect(baseline.start <= '2023-12').toBe(true);
    const end = runScenario(baseline, 1).dates.at(-1)!;
    expect(end >= '2026-12').toBe(true);
  });

  for (const target of CALIBRATION_TARGETS) {
    it(`reproduces ${target.name} within ${target.low}..${target.high} on seeds 1..10 (${target.source})`, () => {
      for (const seed of [baseline.seed, ...seeds]) {
        const value = target.measure(runScenario(baseline, seed));
        expect(value, `seed ${seed}`).toBeGreaterThanOrEqual(target.low);
        expect(value, `seed ${seed}`).toBeLessThanOrEqual(target.high);
      }
    });
  }
});
