import { describe, expect, it } from 'vitest';
import { describeFsFailure } from '../../src/io/fs-errors.js';

const fsError = (code: string, fields: { path?: string; dest?: string; syscall?: string }) => Object.assign(new Error(`${code}: raw`), { code, ...fields });

describe('describeFsFailure', () => {
  it('blames a full disk during a copy on the file written, not the file read', () => {
    const copy = fsError('ENOSPC', { syscall: 'copyfile', path: '/shards/0/events.jsonl', dest: '/out/.m.1-ab.partial/events.jsonl' });
    expect(describeFsFailure(copy)).toBe('no space left on the device (ENOSPC) writing /out/.m.1-ab.partial/events.jsonl');
    expect(describeFsFailure(fsError('EDQUOT', { path: '/a', dest: '/b' }))).toBe('the disk quota is used up (EDQUOT) writing /b');
  });

  it('names both files of a copy that failed for a reason either side could have', () => {
    expect(describeFsFailure(fsError('EACCES', { syscall: 'copyfile', path: '/a/x', dest: '/b/x' }))).toBe('permission denied (EACCES) copying /a/x to /b/x');
    expect(describeFsFailure(fsError('EXDEV', { syscall: 'rename', path: '/a/x', dest: '/b/x' }))).toBe('it is on another file system (EXDEV) moving /a/x to /b/x');
  });

  it('names the folder being written when Node names no file for a failed write', () => {
    expect(describeFsFailure(fsError('ENOSPC', { syscall: 'write' }), '/out/.m.1-ab.partial')).toBe('no space left on the device (ENOSPC) writing into /out/.m.1-ab.partial');
    // Not a write's code: nothing is guessed.
    expect(describeFsFailure(fsError('EIO', { syscall: 'read' }), '/out/.m.1-ab.partial')).toBe('an input/output error of the device (EIO)');
  });

  it('keeps the file Node names for other failures', () => {
    expect(describeFsFailure(fsError('EACCES', { syscall: 'open', path: '/out/x' }))).toBe('permission denied (EACCES) at /out/x');
    expect(describeFsFailure(fsError('ENOSPC', { syscall: 'open', path: '/out/x' }))).toBe('no space left on the device (ENOSPC) writing /out/x');
  });
});
