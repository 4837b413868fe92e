import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { InputError } from '../io/input-error.js';
import { basename, dirname, join } from 'node:path';
import { errorCode, fsCause } from '../io/fs-errors.js';
import { checkDestination } from './out-destination.js';
import { ownership, writeMarker } from './output-marker.js';
import { isLocked, lockStaging, newRunId, type StagingLock } from './staging-lock.js';

export { OUTPUT_MARKER } from './output-marker.js';

/**
 * Outputs are written to a staging folder beside the target and moved into place only when the
 * run succeeded: a failed or interrupted run leaves the previous output as it was. A folder is
 * replaced only when it is empty or holds nothing but the files this tool wrote there (its marker
 * lists them); the destination is checked before anything runs (out-destination.ts); each staging
 * folder is locked while its run lives (staging-lock.ts).
 */

export interface Staging {
  /** The staging folder to fill. */
  readonly path: string;
  /** Where it goes: the --out folder, symbolic links resolved. */
  readonly target: string;
  readonly lock: StagingLock;
}

export type Preparation = { success: true; staging: Staging } | { success: false; reason: string };

/** `.baseline.1234-9f2c01ab.partial`: a staging folder for `baseline`. */
function stagingName(target: string, runId: string): string {
  return `.${basename(target)}.${runId}.partial`;
}

/**
 * A folder and its missing parents, one level at a time: mkdir's recursive mode reports a
 * read-only file system as ENOENT, this reports the real cause.
 */
export function makeFolder(path: string): void {
  if (existsSync(path)) return;
  const parent = dirname(path);
  if (parent !== path) makeFolder(parent);
  try {
    mkdirSync(path);
  } catch (error) {
    if (errorCode(error) !== 'EEXIST') throw error;
  }
}

/** Checks the destination and the folder there, clears abandoned staging folders, and makes a locked one for this run. */
export function prepareOutput(out: string, inputs: readonly string[] = []): Preparation {
  const destination = checkDestination(out, inputs);
  if (!destination.success) return destination;
  const target = destination.target;
  let lock: StagingLock | undefined;
  try {
    if (existsSync(target)) {
      const owner = ownership(target, out);
      if (owner.kind === 'foreign') return { success: false, reason: owner.reason };
    }
    makeFolder(dirname(target));
    removeAbandonedStaging(target);
    const staging = join(dirname(target), stagingName(target, newRunId()));
    lock = lockStaging(staging);
    mkdirSync(staging);
    return { success: true, staging: { path: staging, target, lock } };
  } catch (error) {
    lock?.release();
    return { success: false, reason: `cannot write to ${out}: ${fsCause(error)}` };
  }
}

/**
 * Clears after runs killed outright (SIGKILL, power loss, a lost machine) with no chance to do it
 * themselves: their staging folders, whose locks have gone stale, are removed, and a previous
 * output set aside in the middle of a commit is put back if nothing took its place. A live run's,
 * on whatever machine, keeps its lock fresh and is left alone.
 */
export function removeAbandonedStaging(target: string): void {
  const parent = dirname(target);
  if (!existsSync(parent)) return;
  const pattern = new RegExp(`^(\\.${escapeRegExp(basename(target))}\\.[0-9a-z-]+\\.partial)(\\.previous|\\.lock)?$`);
  for (const entry of readdirSync(parent).sort()) {
    const match = pattern.exec(entry);
    if (!match || isLocked(join(parent, match[1]!))) continue;
    const path = join(parent, entry);
    try {
      if (match[2] === '.previous' && !existsSync(target)) renameSync(path, target);
      else rmSync(path, { recursive: true, force: true });
    } catch (error) {
      // Another run cleared it first.
      if (errorCode(error) !== 'ENOENT') throw error;
    }
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Writes the marker listing the staged files, then moves the staging folder into place; if that
 * fails, the previous output is put back. Refused when the lock was lost (another run may have
 * taken the folder for abandoned) or when files not the tool's appeared in the target meanwhile.
 */
export function commitOutput(staging: Staging, shown = staging.target): void {
  const lost = staging.lock.lost();
  if (lost !== undefined) throw new Error(`the staging folder's lock was lost (${lost}), so its contents cannot be trusted; nothing was replaced`);
  if (existsSync(staging.target)) {
    const owner = ownership(staging.target, shown);
    // Bad input, as when found before the run (exit code 2): the user's files appeared in --out meanwhile.
    if (owner.kind === 'foreign') throw new InputError(owner.reason);
  }
  writeMarker(staging.path);
  const previous = `${staging.path}.previous`;
  const hadPrevious = existsSync(staging.target);
  if (hadPrevious) renameSync(staging.target, previous);
  try {
    renameSync(staging.path, staging.target);
  } catch (error) {
    if (hadPrevious) renameSync(previous, staging.target);
    throw error;
  }
  rmSync(previous, { recursive: true, force: true });
  staging.lock.release();
}

export function discardOutput(staging: Staging): void {
  rmSync(staging.path, { recursive: true, force: true });
  staging.lock.release();
}
