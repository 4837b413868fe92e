import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CalibrationJournal } from '../../src/cli/calibration-journal.js';

describe('the calibration journal', () => {
  const calibration = { calibration: 'sha256:abc', from: null, shard: null };
  const code = (revision: string, uncommitted: string | null = null) => ({ packageVersion: '0.1.0', revision, uncommitted });

  it('takes back the runs of the same calibration under the same code', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'journal-')), 'fit');
    CalibrationJournal.open(out, { ...calibration, code: code('a'.repeat(40)) }).record('run-1', [1, 2]);
    const again = CalibrationJournal.open(out, { ...calibration, code: code('a'.repeat(40)) });
    expect(again.resumed).toBe(1);
    expect(again.get('run-1')).toEqual([1, 2]);
  });

  it('starts afresh when the code changed between two starts: another revision, or other uncommitted changes', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'journal-')), 'fit');
    CalibrationJournal.open(out, { ...calibration, code: code('a'.repeat(40)) }).record('run-1', [1, 2]);
    const edited = CalibrationJournal.open(out, { ...calibration, code: code('a'.repeat(40), 'sha256:def') });
    expect(edited.resumed).toBe(0);
    expect(edited.get('run-1')).toBeUndefined();
    edited.record('run-1', [3, 4]);
    const committed = CalibrationJournal.open(out, { ...calibration, code: code('b'.repeat(40)) });
    expect(committed.resumed).toBe(0);
  });
});
