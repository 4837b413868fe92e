import { afterEach, describe, expect, it, vi } from 'vitest';
import { calibrateCommand, type CalibrateRequest } from '../../src/calibration/calibrate-command.js';
import { loadInput } from '../../src/cli/command.js';
import { JOB_KINDS } from '../../src/jobs/registry.js';

/** `--free-only`: a refit of a few parameters, the targets file's other free parameters left at the config's values. */
const context = { loadInput: (file: string) => loadInput(file, JOB_KINDS) };
const base = ['configs/baseline.json', '--targets', 'configs/targets/2023-2025.json', '--out', '/tmp/never-written'];

afterEach(() => vi.restoreAllMocks());

function request(...extra: string[]): CalibrateRequest {
  const made = calibrateCommand([...base, ...extra], context);
  if ('exit' in made) throw new Error(`exit ${made.exit}`);
  return made;
}

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
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(calibrateCommand([...base, '--free-only'], context)).toEqual({ exit: 2 });
    expect(stderr.mock.calls.map((c) => String(c[0])).join('')).toMatch(/--free-only fits only the parameters given with --free, and none is given; add --free <path>=<lo>:<hi>/);
  });
});
