import { parseJsonText } from './json-text.js';
import { decodeText, readRegularFile } from './read-regular-file.js';

/**
 * A JSON file read safely: a regular file of at most `limit` bytes, UTF-8 text, valid JSON nested
 * at most `maxDepth` deep. Every failure is one reason, without the path (the caller names the
 * file): "no such file or folder (ENOENT)", "is a named pipe (FIFO), not a regular file",
 * "this is not a text file: ...", "invalid JSON at line 3, column 5: ...".
 */

export interface JsonFileLimits {
  readonly limit: number;
  readonly maxDepth: number;
  /** How to say the file is too big, given at least how many bytes it holds. */
  readonly tooBig: (atLeast: number) => string;
}

export type JsonFileResult =
  | { readonly success: true; readonly json: unknown }
  | { readonly success: false; readonly reason: string; readonly kind: 'file' | 'json' };

export function readJsonFile(path: string, limits: JsonFileLimits): JsonFileResult {
  const read = readRegularFile(path, limits.limit);
  if (!read.success) return { success: false, kind: 'file', reason: read.tooBig ? limits.tooBig(read.tooBig.atLeast) : read.reason };
  const text = decodeText(read.bytes);
  if (!text.success) return { success: false, kind: 'file', reason: text.reason };
  const parsed = parseJsonText(text.text, limits.maxDepth);
  return parsed.success ? { success: true, json: parsed.json } : { success: false, kind: 'json', reason: parsed.message };
}
