import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitOutput, OUTPUT_MARKER, prepareOutput, removeAbandonedStaging } from '../../src/report/output-folder.js';

const DEAD_PID = '999999999';

function root(): string {
  return mkdtempSync(join(tmpdir(), 'llm-sim-out-'));
}

function staged(target: string, runId: string, content: string): string {
  const prepared = prepareOutput(target, runId);
  if (!prepared.success) throw new Error(prepared.reason);
  writeFileSync(join(prepared.staging, 'summary.json'), content);
  return prepared.staging;
}

describe('output folder', () => {
  it('refuses a non-empty folder it did not write, and a file, leaving both as they were', () => {
    const dir = root();
    mkdirSync(join(dir, 'thesis'));
    writeFileSync(join(dir, 'thesis', 'chapter1.docx'), 'precious');
    writeFileSync(join(dir, 'notes.txt'), 'also precious');
    expect(prepareOutput(join(dir, 'thesis'), '1')).toEqual({ success: false, reason: expect.stringContaining('not written by llm-market-sim') });
    expect(prepareOutput(join(dir, 'notes.txt'), '1')).toEqual({ success: false, reason: expect.stringContaining('is a file, not a folder') });
    expect(readdirSync(dir).sort()).toEqual(['notes.txt', 'thesis']);
  });

  it('replaces its own previous output, or an empty folder, only on commit', () => {
    const dir = root();
    const target = join(dir, 'run');
    commitOutput(staged(target, '1', 'first'), target);
    const staging = staged(target, '2', 'second');
    expect(readFileSync(join(target, 'summary.json'), 'utf8')).toBe('first');
    commitOutput(staging, target);
    expect(readFileSync(join(target, 'summary.json'), 'utf8')).toBe('second');
    expect(readdirSync(target).sort()).toEqual([OUTPUT_MARKER, 'summary.json']);
    expect(readdirSync(dir)).toEqual(['run']);
  });

  it('puts the previous output back when the new one cannot be moved into place', () => {
    const dir = root();
    const target = join(dir, 'run');
    commitOutput(staged(target, '1', 'first'), target);
    const staging = staged(target, '2', 'second');
    rmSync(staging, { recursive: true }); // the move will fail: nothing to move
    expect(() => commitOutput(staging, target)).toThrow();
    expect(readFileSync(join(target, 'summary.json'), 'utf8')).toBe('first');
  });

  it('clears staging folders of runs whose process is gone, and keeps a live run’s', () => {
    const dir = root();
    const target = join(dir, 'run');
    mkdirSync(join(dir, `.run.${DEAD_PID}.partial`));
    mkdirSync(join(dir, `.run.${process.pid}.partial`));
    mkdirSync(join(dir, '.other.1.partial'));
    removeAbandonedStaging(target);
    expect(readdirSync(dir).sort()).toEqual(['.other.1.partial', `.run.${process.pid}.partial`]);
  });

  it('restores a previous output a killed run had set aside mid-commit', () => {
    const dir = root();
    const target = join(dir, 'run');
    const aside = join(dir, `.run.${DEAD_PID}.partial.previous`);
    mkdirSync(aside);
    writeFileSync(join(aside, 'summary.json'), 'previous');
    removeAbandonedStaging(target);
    expect(readFileSync(join(target, 'summary.json'), 'utf8')).toBe('previous');
    expect(existsSync(aside)).toBe(false);
  });
});
