import { describe, expect, it } from 'vitest';
import { parseFreeOption } from '../../src/calibration/calibrate-command.js';

describe('--free <path>=<lo>:<hi>[:log]', () => {
  it('refuses factors (×LO:×HI), which sweeps take: a calibration fits values', () => {
    expect(parseFreeOption('enterprises.segments.*.switchingCostUsd.median=×0.5:×2')).toMatchObject({
      success: false,
      message: expect.stringContaining('a calibration fits values, not factors on them (×): give the range as values'),
    });
    expect(parseFreeOption('enterprises.represents=20000:50000:log')).toMatchObject({ success: true, free: { path: 'enterprises.represents', range: [20000, 50000], scale: 'log' } });
  });
});
