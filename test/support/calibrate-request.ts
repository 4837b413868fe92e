import { expect, vi } from 'vitest';
import { calibrateCommand, type CalibrateRequest } from '../../src/calibration/calibrate-command.js';
import { loadInput } from '../../src/cli/command.js';
import { JOB_KINDS } from '../../src/jobs/registry.js';

/**
 * `npm run calibrate` on the baseline and the 2023–2025 targets, parsed but not run: what the
 * command line makes of `extra` options, or its refusal. Tests restore the stderr spy (vi.restoreAllMocks).
 */
const context = { loadInput: (file: string) => loadInput(file, JOB_KINDS) };
export const CALIBRATE_BASE = ['configs/baseline.json', '--targets', 'configs/targets/2023-2025.json', '--out', '/tmp/never-written'];

export function calibrateRequest(...extra: string[]): CalibrateRequest {
  const made = calibrateCommand([...CALIBRATE_BASE, ...extra], context);
  if ('exit' in made) throw new Error(`exit ${made.exit}`);
  return made;
}

/** The message of a refused command line, which must exit 2. */
export function calibrateRefusal(...extra: string[]): string {
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  expect(calibrateCommand([...CALIBRATE_BASE, ...extra], context)).toEqual({ exit: 2 });
  return stderr.mock.calls.map((c) => String(c[0])).join('');
}
