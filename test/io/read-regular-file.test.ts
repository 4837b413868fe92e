import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFileDigest, digestOfBytes, digestOfFile } from '../../src/io/file-digest.js';
import { fsCause } from '../../src/io/fs-errors.js';
import { decodeText, readRegularFile } from '../../src/io/read-regular-file.js';

const dir = mkdtempSync(join(tmpdir(), 'llm-sim-io-'));

describe('reading a file that must be a regular file', () => {
  it('reads a file within the limit, and refuses one past it having read no more than the limit + 1 bytes', () => {
    writeFileSync(join(dir, 'ten.txt'), '0123456789');
    expect(readRegularFile(join(dir, 'ten.txt'), 10)).toEqual({ success: true, bytes: Buffer.from('0123456789') });
    expect(readRegularFile(join(dir, 'ten.txt'), 9)).toEqual({ success: false, reason: 'too big', tooBig: { atLeast: 10 } });
  });

  it('refuses a FIFO without waiting for a writer, a device, a folder, and names a missing file', () => {
    execFileSync('mkfifo', [join(dir, 'fifo')]);
    expect(readRegularFile(join(dir, 'fifo'), 100)).toEqual({ success: false, reason: 'is a named pipe (FIFO), not a regular file' });
    expect(readRegularFile('/dev/zero', 100)).toEqual({ success: false, reason: 'is a character device, not a regular file' });
    expect(readRegularFile(dir, 100)).toEqual({ success: false, reason: 'is a folder, not a file' });
    expect(readRegularFile(join(dir, 'none'), 100)).toEqual({ success: false, reason: 'no such file or folder (ENOENT)' });
  });

  it('takes UTF-8 text, drops a byte-order mark, and calls anything else not a text file', () => {
    expect(decodeText(Buffer.from('\uFEFF{"a": "é"}'))).toEqual({ success: true, text: '{"a": "é"}' });
    expect(decodeText(Buffer.from([0x7b, 0x00, 0x7d]))).toEqual({ success: false, reason: 'this is not a text file: it holds a NUL byte (at byte 2)' });
    expect(decodeText(Buffer.from([0x7b, 0xe9, 0x7d]))).toEqual({ success: false, reason: 'this is not a text file: it is not valid UTF-8' });
  });
});

describe('file digests', () => {
  it('tell a file from one cut short, emptied, grown or changed', () => {
    const path = join(dir, 'data.bin');
    writeFileSync(path, Buffer.alloc(4096, 7));
    const recorded = digestOfFile(path);
    expect(recorded).toEqual(digestOfBytes(Buffer.alloc(4096, 7)));
    expect(checkFileDigest(path, recorded)).toBeUndefined();
    writeFileSync(path, Buffer.alloc(100, 7));
    expect(checkFileDigest(path, recorded)).toBe('is truncated: 100 of the 4,096 bytes recorded');
    writeFileSync(path, '');
    expect(checkFileDigest(path, recorded)).toBe('is empty (0 bytes), where 4,096 bytes are recorded: the shard did not finish writing it, or it was cut short when copied');
    writeFileSync(path, Buffer.alloc(5000, 7));
    expect(checkFileDigest(path, recorded)).toBe('is longer than recorded: 5,000 bytes, where 4,096 bytes are recorded');
    writeFileSync(path, Buffer.alloc(4096, 8));
    expect(checkFileDigest(path, recorded)).toBe('does not match the SHA-256 recorded for it: it was changed, or comes from another shard or job');
  });

  it('say what a file system error is, in words, with its code', () => {
    expect(fsCause(Object.assign(new Error('EROFS: read-only file system, mkdir /x'), { code: 'EROFS' }))).toBe('the file system is read-only (EROFS)');
    expect(fsCause(new Error('something\nelse'))).toBe('something else');
  });
});
