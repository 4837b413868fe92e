import { afterEach, describe, expect, it, vi } from 'vitest';
import { readCalibrationRecord, ownFields } from '../../src/calibration/calibration-record.js';
import { targetWindow } from '../../src/calibration/target-file.js';
import { calibrateRefusal as refusal, calibrateRequest as request } from '../support/calibrate-request.js';

/** `--through`: a calibration to the history up to a month, the targets file's later figures left out. */
afterEach(() => vi.restoreAllMocks());

describe('calibrate --through', () => {
  it('keeps only the targets that end by the month, and records it in the command and the manifest', () => {
    const all = request();
    const to2024 = request('--through', '2024-12');
    expect(all.record.targets.some((t) => targetWindow(t).to > '2024-12')).toBe(true);
    expect(to2024.record.targets.length).toBeGreaterThan(0);
    expect(to2024.record.targets.every((t) => targetWindow(t).to <= '2024-12')).toBe(true);
    expect(to2024.record.targets.map((t) => t.id)).toEqual(all.record.targets.filter((t) => targetWindow(t).to <= '2024-12').map((t) => t.id));
    expect(to2024.command).toContain('--through 2024-12');
    // Read back from a manifest, it is the same calibration; a record without it writes no through field.
    const reread = readCalibrationRecord(JSON.parse(JSON.stringify(ownFields(to2024.record))), 'record');
    expect(reread.success && reread.record.through).toBe('2024-12');
    expect('through' in ownFields(all.record)).toBe(false);
  });

  it('refuses a month that is no month, or one before every modelled target', () => {
    expect(refusal('--through', '2024-13')).toMatch(/--through 2024-13: a month as YYYY-MM, e.g. 2024-12/);
    expect(refusal('--through', '2023-06')).toMatch(/--through 2023-06: no modelled target of configs\/targets\/2023-2025\.json ends by then \(the first ends in 2023-12\); nothing to fit to/);
  });

  it('refuses a recorded calibration whose targets end after its through month', () => {
    const record = JSON.parse(JSON.stringify(ownFields(request().record))) as Record<string, unknown>;
    const read = readCalibrationRecord({ ...record, through: '2024-12' }, 'record');
    expect(read.success).toBe(false);
    expect(!read.success && read.problems[0]).toMatch(/^record\.targets: \S+ ends after through \(2024-12\)/);
  });
});
