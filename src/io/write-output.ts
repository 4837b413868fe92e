import { copyFileSync, writeFileSync } from 'node:fs';
import { describeFsFailure, errorCode, fsCause } from './fs-errors.js';

/**
 * Output files written so that a failure names the file being written: "no space left on the
 * device (ENOSPC) writing out/.x.partial/events.jsonl", whichever side of the copy Node blames,
 * and in a message that keeps its words when it crosses from a worker thread.
 */
export class WriteFailure extends Error {
  override readonly name = 'WriteFailure';
  readonly code: string | undefined;

  constructor(message: string, cause: unknown) {
    super(message, { cause });
    this.code = errorCode(cause);
  }
}

/** An error of writing `path`, as a WriteFailure naming it. */
export function writeFailure(path: string, error: unknown): WriteFailure {
  return new WriteFailure(`${fsCause(error)} writing ${path}`, error);
}

export function writeOutputFile(path: string, content: string | Uint8Array): void {
  try {
    writeFileSync(path, content);
  } catch (error) {
    throw writeFailure(path, error);
  }
}

/** A copy whose failure names the side at fault: the file written for a full disk, both otherwise. */
export function copyOutputFile(from: string, to: string): void {
  try {
    copyFileSync(from, to);
  } catch (error) {
    throw new WriteFailure(describeFsFailure(error), error);
  }
}
