import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { fsCause } from './fs-errors.js';

/**
 * Reads a file that must be a regular file, at most `limit` bytes of it. A FIFO, a device such as
 * /dev/zero, a socket or a folder is refused without reading (opened non-blocking, so a FIFO with
 * no writer cannot hang the read), and no more than limit + 1 bytes are ever read, whatever the
 * file's size says (a file under /proc says 0).
 */

export type RegularFileResult =
  | { readonly success: true; readonly bytes: Buffer }
  | { readonly success: false; readonly reason: string; readonly tooBig?: { readonly atLeast: number } };

const CHUNK = 1 << 20;

export function describeKind(stat: Stats): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** What the command does about a file found missing, before saying so: true when it put it back. */
let whenMissing: ((path: string) => boolean) | undefined;

/**
 * Lets the command put back a missing file before it is reported missing: one in an output that a
 * run killed mid-commit set aside (cli/put-back.ts), named by no argument but found on the way (a
 * parent a config extends, a file a manifest names). The file is then read once more.
 */
export function onMissingFile(hook: (path: string) => boolean): void {
  whenMissing = hook;
}

export function readRegularFile(path: string, limit: number): RegularFileResult {
  let fd: number;
  try {
    fd = openReadOnly(path);
  } catch (error) {
    return { success: false, reason: fsCause(error) };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) {
      const kind = describeKind(stat);
      return { success: false, reason: kind === 'a folder' ? 'is a folder, not a file' : `is ${kind}, not a regular file` };
    }
    if (stat.size > limit) return { success: false, reason: 'too big', tooBig: { atLeast: stat.size } };
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(CHUNK, limit + 1 - total));
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      chunks.push(chunk.subarray(0, read));
      total += read;
      if (total > limit) return { success: false, reason: 'too big', tooBig: { atLeast: total } };
    }
    return { success: true, bytes: Buffer.concat(chunks, total) };
  } catch (error) {
    return { success: false, reason: fsCause(error) };
  } finally {
    closeSync(fd);
  }
}

/**
 * The bytes as text: UTF-8 without NUL bytes, a leading byte-order mark dropped (it is invisible
 * in editors). Anything else is "not a text file", and none of its bytes is echoed back.
 */
export function decodeText(bytes: Buffer): { success: true; text: string } | { success: false; reason: string } {
  const nul = bytes.indexOf(0);
  if (nul >= 0) return { success: false, reason: `this is not a text file: it holds a NUL byte (at byte ${nul + 1})` };
  try {
    return { success: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '') };
  } catch {
    return { success: false, reason: 'this is not a text file: it is not valid UTF-8' };
  }
}

/**
 * The first `bytes` bytes of a regular file as text, and the file's size: enough to tell what a
 * file too big to read whole is. Undefined for anything that is not a regular file, or unreadable.
 */
export function readFileHead(path: string, bytes: number): { text: string; size: number } | undefined {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return undefined;
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return undefined;
    const head = Buffer.alloc(bytes);
    const read = readSync(fd, head, 0, bytes, 0);
    return { text: head.subarray(0, read).toString('utf8'), size: stat.size };
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

function openReadOnly(path: string): number {
  try {
    return openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || whenMissing === undefined || !whenMissing(path)) throw error;
    return openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  }
}
