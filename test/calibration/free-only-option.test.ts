import { afterEach, describe, expect, it, vi } from 'vitest';
import { calibrateRefusal as refusal, calibrateRequest as request } from '../support/calibrate-request.js';

/** `--free-only`: a refit of a few parameters, the targets file's other free parameters left at the config's values. */
afterEach(() => vi.restoreAllMocks());

describe('calibrate --free-only', () => {
  it('fits only the --free parameters, in the order given, and says so in the command', () => {
    const all = request('--free', 'enterprises.openWeightsControl.premium=0:1');
    expect(all.record.free.length).toBeGreaterThan(2);
    expect(all.record.free.find((f) => f.path === 'enterprises.openWeightsControl.premium')?.range).toEqual([0, 1]);
    const only = request('--free-only', '--free', 'enterprises.openWeightsControl.premium=0:1', '--free', 'enterprises.represents=20000:50000:log');
    expect(only.record.free.map((f) => [f.path, f.range, f.scale])).toEqual([
      ['enterprises.openWeightsControl.premium', [0, 1], 'linear'],
      ['enterprises.represents', [20000, 50000], 'log'],
    ]);
    expect(only.command).toContain('--free-only');
    expect(all.command).not.toContain('--free-only');
  });

  it('refuses --free-only without a --free parameter, naming what to add', () => {
    expect(refusal('--free-only')).toMatch(/--free-only fits only the parameters given with --free, and none is given; add --free <path>=<lo>:<hi>/);
  });
});
