import { describe, expect, it } from 'vitest';
import { describeBand, formatTarget } from '../../src/calibration/target-format.js';
import { loadTargetsFile } from '../../src/calibration/load-targets-file.js';
import { PROJECT_ROOT } from '../support/run-cli.js';

describe('calibration figures as printed', () => {
  it('print money in billions and other figures to three decimals', () => {
    expect(formatTarget(5.1e9)).toBe('5.10B');
    expect(formatTarget(0.4123)).toBe('0.412');
    expect(formatTarget(Number.NaN)).toBe('n/a');
  });

  it('print a band open below as a bound, never "-InfinityB"', () => {
    expect(describeBand(Number.NEGATIVE_INFINITY, 0.7)).toBe('≤ 0.700');
    expect(describeBand(3.75e9, Number.POSITIVE_INFINITY)).toBe('≥ 3.75B');
    expect(describeBand(0.48, 0.57)).toBe('0.480 .. 0.570');
    const loaded = loadTargetsFile(`${PROJECT_ROOT}/configs/targets/2023-2025.json`);
    expect(loaded.success).toBe(true);
    for (const target of loaded.success ? loaded.file.targets : []) expect(describeBand(...target.band), target.id).not.toMatch(/Infinity|NaN/);
  });
});
