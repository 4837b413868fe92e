import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeSetAside } from '../../src/report/output-folder.js';
import { writeMarker } from '../../src/report/output-marker.js';

/**
 * The previous output a commit set aside is what stood at --out when it was renamed, not what was
 * checked before: a folder of the user's swapped in between (issue 22) must be kept, and said.
 */
describe('a set-aside previous output, once the new one is in place', () => {
  const dir = mkdtempSync(join(tmpdir(), 'llm-sim-set-aside-'));

  it('is removed when it is an output of the tool with nothing else in it', () => {
    const previous = join(dir, '.o.1-0000000a.partial.previous');
    mkdirSync(previous);
    writeFileSync(join(previous, 'summary.json'), '{}');
    writeMarker(previous);
    expect(removeSetAside(previous, join(dir, 'o'))).toBeUndefined();
    expect(existsSync(previous)).toBe(false);
  });

  it('is kept, and named, when it is a folder of the user’s swapped in before the rename', () => {
    const previous = join(dir, '.o.1-0000000b.partial.previous');
    mkdirSync(previous);
    writeFileSync(join(previous, 'notes.txt'), 'x');
    const warning = removeSetAside(previous, join(dir, 'o'));
    expect(warning).toContain(`set aside as ${previous} and is kept, not removed: it holds no .llm-market-sim marker`);
    expect(warning).toContain('notes.txt');
    expect(readFileSync(join(previous, 'notes.txt'), 'utf8')).toBe('x');
  });

  it('is kept when a file of the user’s was added to the output before the rename', () => {
    const previous = join(dir, '.o.1-0000000c.partial.previous');
    mkdirSync(previous);
    writeFileSync(join(previous, 'summary.json'), '{}');
    writeMarker(previous);
    writeFileSync(join(previous, 'notes.txt'), 'x');
    expect(removeSetAside(previous, join(dir, 'o'))).toContain('it holds a file that llm-market-sim did not write there: notes.txt');
    expect(existsSync(join(previous, 'notes.txt'))).toBe(true);
  });
});
