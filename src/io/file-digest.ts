import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { fsCause } from './fs-errors.js';
import { describeKind } from './read-regular-file.js';

/**
 * A file's size and SHA-256, as a partial result records those of its partial.bin and events.jsonl
 * so that merge can tell a file from another shard or job, an edited one, or one cut short.
 */
export interface FileDigest {
  readonly bytes: number;
  /** "sha256:<64 hex digits>" */
  readonly sha256: string;
}

export function digestOfBytes(bytes: Uint8Array): FileDigest {
  return { bytes: bytes.byteLength, sha256: `sha256:${createHash('sha256').update(bytes).digest('hex')}` };
}

const CHUNK = 1 << 20;

/** The size and SHA-256 of what is left to read of an open file, read in chunks, never whole. */
function hashRest(fd: number): FileDigest {
  const hash = createHash('sha256');
  const chunk = Buffer.allocUnsafe(CHUNK);
  let bytes = 0;
  for (let read = readSync(fd, chunk, 0, CHUNK, null); read > 0; read = readSync(fd, chunk, 0, CHUNK, null)) {
    hash.update(chunk.subarray(0, read));
    bytes += read;
  }
  return { bytes, sha256: `sha256:${hash.digest('hex')}` };
}

/**
 * What is wrong with a file against its recorded digest, in words ("is empty (0 bytes), where
 * 4,096 are recorded"), or undefined when it matches. The file is read in chunks, never whole.
 */
export function checkFileDigest(path: string, expected: FileDigest): string | undefined {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return fsCause(error);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return `is ${describeKind(stat)}, not a regular file`;
    const recorded = `${expected.bytes.toLocaleString('en-US')} bytes`;
    if (stat.size === 0 && expected.bytes > 0) return `is empty (0 bytes), where ${recorded} are recorded: the shard did not finish writing it, or it was cut short when copied`;
    if (stat.size < expected.bytes) return `is truncated: ${stat.size.toLocaleString('en-US')} of the ${recorded} recorded`;
    if (stat.size > expected.bytes) return `is longer than recorded: ${stat.size.toLocaleString('en-US')} bytes, where ${recorded} are recorded`;
    if (hashRest(fd).sha256 !== expected.sha256) return 'does not match the SHA-256 recorded for it: it was changed, or comes from another shard or job';
    return undefined;
  } catch (error) {
    return fsCause(error);
  } finally {
    closeSync(fd);
  }
}

/** A file's digest, read in chunks; throws the file system's error. */
export function digestOfFile(path: string): FileDigest {
  const fd = openSync(path, constants.O_RDONLY);
  try {
    return hashRest(fd);
  } finally {
    closeSync(fd);
  }
}
