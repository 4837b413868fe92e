import { describe, expect, it } from 'vitest';
import { figuresOf, monthsNeeded } from '../../src/calibration/calibration-plan.js';
import { loadTargetsFile } from '../../src/calibration/load-targets-file.js';
import { runSimulation } from '../../src/simulation/run-simulation.js';
import { loadConfig } from '../support/scenario-runs.js';

describe('a calibration run stops at the last month a target reads', () => {
  it('gives the baseline figures of the whole run, byte for byte, in a third of its months', () => {
    const baseline = loadConfig('baseline');
    const loaded = loadTargetsFile('configs/targets/2023-2025.json');
    if (!loaded.success) throw new Error('targets do not load');
    const targets = loaded.file.targets.filter((t) => t.notModelled === undefined);
    const months = monthsNeeded(baseline, targets);
    expect(months).toBe(21); // 2023-12 .. 2025-08
    const whole = figuresOf(runSimulation(baseline, { seed: 3 }).metrics, targets);
    const short = figuresOf(runSimulation({ ...baseline, months }, { seed: 3 }).metrics, targets);
    expect(short).toEqual(whole);
  });
});
