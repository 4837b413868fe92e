import { existsSync, lstatSync, mkdirSync, readdirSync, readlinkSync, renameSync, rmdirSync, rmSync } from 'node:fs';
import { InputError } from '../io/input-error.js';
import { basename, dirname, join, resolve } from 'node:path';
import { errorCode, fsCause } from '../io/fs-errors.js';
import { checkDestination } from './out-destination.js';
import { OUTPUT_MARKER, ownership, writeMarker } from './output-marker.js';
import { describeRemovalFailure, folderRefusal, removeTree, whyFolderRefusesMoves, whyNotMovable, whyNotRemovable, whyOthersOwn } from './removable.js';
import { holderFile } from './lock-holder.js';
import { isLocked, lockStaging, newRunId, type StagingLock } from './staging-lock.js';

export { OUTPUT_MARKER } from './output-marker.js';

/**
 * Outputs are written to a staging folder beside the target and moved into place only when the
 * run succeeded: a failed or interrupted run leaves the previous output as it was. A folder is
 * replaced only when it is empty or holds nothing but the files this tool wrote there (its marker
 * lists them) and what it holds can be deleted (removable.ts); the destination is checked before
 * anything runs (out-destination.ts); each staging folder is locked while its run lives
 * (staging-lock.ts). What the tool cannot clean up is said, never passed over: a leftover is a
 * warning naming it, and the folder it concerns, not the --out it was left beside.
 */

export interface Staging {
  /** The staging folder to fill. */
  readonly path: string;
  /** Where it goes: the --out folder, symbolic links resolved. */
  readonly target: string;
  readonly lock: StagingLock;
}

export type Preparation =
  | {
      success: true;
      staging: Staging;
      /** Leftovers of earlier runs that could not be removed, each in a line. */
      warnings: string[];
      /** Whether --out held something once set-aside outputs were back and before the staging folder was made: what a failed run leaves "unchanged", rather than "nothing was written to". */
      existed: boolean;
    }
  | { success: false; reason: string; /** Said before the reason. */ warnings?: string[]; /** What could not be cleaned up, said after it. */ leftovers?: string[] };

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

/**
 * Clears abandoned staging folders (putting back an output a killed run had set aside), checks the
 * destination and the folder there, and makes a locked staging folder for this run.
 */
export function prepareOutput(out: string, inputs: readonly string[] = []): Preparation {
  // --out a link whose folder a killed run had set aside: put it back before the link is found dangling.
  const behindLink = removeAbandonedBehindLink(out);
  const destination = checkDestination(out, inputs);
  if (!destination.success) return destination;
  const target = destination.target;
  let lock: StagingLock | undefined;
  try {
    const cleared = clearAbandoned(target);
    const warnings = [...behindLink, ...cleared.warnings];
    // Written there, the new output would stand where the user was told to move the old one back.
    if (cleared.notPutBack.length > 0) {
      const [first] = cleared.notPutBack;
      return {
        success: false,
        warnings,
        reason:
          `cannot write to ${out}: its previous output, set aside as ${first} by a run killed while replacing it, could not be put back (said above); ` +
          `a new output would stand where it belongs, so nothing was run`,
      };
    }
    if (existsSync(target)) {
      const owner = ownership(target, out);
      if (owner.kind === 'foreign') return { success: false, reason: owner.reason };
    }
    makeFolder(dirname(target));
    // Before anything is made in it: what is made in an append-only folder cannot be removed.
    const immovable = whyFolderRefusesMoves(target, out);
    if (immovable !== undefined) return { success: false, reason: immovable };
    // Read before the staging folder shows: a folder the user makes at --out from then on is theirs, not a previous output.
    const existed = existsSync(target);
    const staging = join(dirname(target), stagingName(target, newRunId()));
    lock = lockStaging(staging);
    mkdirSync(staging);
    // Checked once the parent proved writable: a read-only file system is reported as such above.
    const blocked = existsSync(target) ? whyNotRemovable(target, out) : undefined;
    if (blocked !== undefined) {
      const leftovers = discardOutput({ path: staging, target, lock });
      return { success: false, reason: blocked, warnings, leftovers };
    }
    return { success: true, staging: { path: staging, target, lock }, warnings, existed };
  } catch (error) {
    lock?.release();
    return { success: false, reason: cannotWrite(out, target, error) };
  }
}

/** Calls that make, move or remove an entry: refused for want of access, it is the folder they change that is not writable. */
const CHANGES_ITS_FOLDER = new Set(['mkdir', 'open', 'rename', 'unlink', 'rmdir', 'link', 'symlink']);

/**
 * Why nothing can be written to --out, naming the folder that refused: the outputs are made beside
 * --out and moved into place, so a read-only parent stops a run as surely as a read-only --out.
 */
function cannotWrite(out: string, target: string, error: unknown): string {
  const code = errorCode(error);
  const { path, syscall } = (error ?? {}) as { path?: unknown; syscall?: unknown };
  if ((code !== 'EACCES' && code !== 'EPERM') || typeof path !== 'string') return `cannot write to ${out}: ${fsCause(error)}`;
  const folder = typeof syscall === 'string' && CHANGES_ITS_FOLDER.has(syscall) ? dirname(path) : path;
  const where = folder === dirname(target) ? ` (the outputs are made beside ${out}, in ${folder}, and moved into place)` : folder === target ? '' : ` (on the way to ${out})`;
  // Listing a folder takes read access, not write: a folder writable but not readable (chmod 300) is said as such.
  if (syscall === 'scandir' || syscall === 'opendir') {
    const why = folder === target ? ', which it must be to see whether it holds only the tool\'s files' : folder === dirname(target) ? `, which it must be to look for what earlier runs left beside ${out}` : '';
    return `cannot write to ${out}: the folder ${folder} is not readable${where}${why}, ${fsCause(error)}; make it readable (chmod u+r ${folder}), or choose another --out folder`;
  }
  return `cannot write to ${out}: the folder ${folder} is not writable${where}, ${fsCause(error)}; make it writable, or choose another --out folder`;
}

function removeAbandonedBehindLink(out: string): string[] {
  try {
    const absolute = resolve(out);
    if (!lstatSync(absolute).isSymbolicLink() || existsSync(absolute)) return [];
    return removeAbandonedStaging(resolve(dirname(absolute), readlinkSync(absolute)));
  } catch {
    // Not a link, or one that cannot be read: the destination's check says what is wrong with it.
    return [];
  }
}

/**
 * Clears after runs killed outright (SIGKILL, power loss, a lost machine) with no chance to do it
 * themselves: their staging folders, whose locks have gone stale or whose process is known to be
 * gone, are removed, and a previous output set aside in the middle of a commit is put back if
 * nothing, or an empty folder, took its place. It is removed only when an output of the tool (a
 * folder with its marker) stands there, and that is said; anything else there keeps it, said too.
 * A live run's, on whatever machine, keeps its lock fresh and is left alone. Returns a line for
 * each output put back or removed and each leftover that could not be removed, naming it.
 */
export function removeAbandonedStaging(target: string): string[] {
  return clearAbandoned(target).warnings;
}

/** Each warning once in a process: every command looks for set-aside outputs more than once (its arguments, files found missing, --out). */
const said = new Set<string>();

/** What stands where a set-aside output would be put back. */
type InItsPlace = 'nothing' | 'an empty folder' | 'an output' | 'something else';

/**
 * Only a folder holding the tool's marker is an output that took the set-aside one's place; an
 * empty folder (a script's `mkdir -p`) is no replacement, and the copy is put back over it.
 */
function inPlaceOf(target: string): InItsPlace {
  if (!existsSync(target)) return 'nothing';
  try {
    if (!lstatSync(target).isDirectory()) return 'something else';
    const entries = readdirSync(target);
    if (entries.length === 0) return 'an empty folder';
    return entries.includes(OUTPUT_MARKER) && lstatSync(join(target, OUTPUT_MARKER)).isFile() ? 'an output' : 'something else';
  } catch {
    return 'something else';
  }
}

/**
 * removeAbandonedStaging, and the set-aside outputs left where they are because they could not be
 * put back: a run to `target` must not write there while one is (prepareOutput).
 */
function clearAbandoned(target: string): { warnings: string[]; notPutBack: string[] } {
  const parent = dirname(target);
  if (!existsSync(parent)) return { warnings: [], notPutBack: [] };
  const pattern = new RegExp(`^(\\.${escapeRegExp(basename(target))}\\.[0-9a-z-]+\\.partial)(\\.previous|\\.lock|\\.holder)?$`);
  // Each abandoned run's entries, decided once: removing its lock or holder record first must not make the rest look live.
  const runs = new Map<string, string[]>();
  for (const entry of readdirSync(parent).sort()) {
    const match = pattern.exec(entry);
    if (match) runs.set(match[1]!, [...(runs.get(match[1]!) ?? []), match[2] ?? '']);
  }
  const warnings: string[] = [];
  const notPutBack: string[] = [];
  for (const [name, suffixes] of runs) {
    const staging = join(parent, name);
    if (isLocked(staging)) continue;
    // The set-aside output first: put back, or removed when another output took its place.
    for (const suffix of ['.previous', '', '.holder', '.lock'].filter((s) => suffixes.includes(s))) {
      const path = `${staging}${suffix}`;
      const previous = suffix === '.previous';
      const standing = previous ? inPlaceOf(target) : undefined;
      const what = previous ? `${path}, the output of ${target} that an earlier run set aside,` : `${path}, left by an earlier run to ${target} that was killed,`;
      if (standing === 'something else') {
        // Never deleted for what is not an output: the user's files, or a file, are no replacement for it.
        notPutBack.push(path);
        warnings.push(
          `${what} is kept: ${target} is in its place and is not an output of llm-market-sim (it holds no ${OUTPUT_MARKER} marker); ` +
            `move ${target} away and the next command puts the copy back, or move ${path} back to ${target} yourself`,
        );
        continue;
      }
      // Put back whenever nothing, or an empty folder, stands in its place (rename replaces an empty folder in one step).
      const restore = standing === 'nothing' || standing === 'an empty folder';
      // Removed only while it is an output of the tool alone: what a commit moved aside may be the user's folder swapped in.
      const keep = previous && !restore ? whyKeepSetAside(path) : undefined;
      if (keep !== undefined) {
        warnings.push(`${what} is kept, not removed, though ${target} holds a newer output: ${keep}; look through it, and move what is yours out of it`);
        continue;
      }
      try {
        if (restore) {
          renameSync(path, target);
          warnings.push(`put back ${target}, which a run killed while replacing it had set aside as ${path}${standing === 'an empty folder' ? ' (the empty folder made in its place since is gone)' : ''}`);
        } else {
          if (previous) removeOutputTree(path);
          else removeTree(path);
          if (previous) warnings.push(`removed ${path}, an older output of ${target} that an earlier run had set aside: ${target} holds a newer output`);
        }
      } catch (error) {
        // Another run cleared it first.
        if (errorCode(error) === 'ENOENT') continue;
        if (restore) notPutBack.push(path);
        // Another user's to move or remove: telling the user to do it themselves would send them to the same refusal.
        const whose = whyOthersOwn(path) !== undefined ? 'have its owner (or root) do it' : 'do it yourself';
        warnings.push(
          restore
            ? `${what} could not be put back: ${describeRemovalFailure(error)}; move it back to ${target} (mv ${path} ${target}): ${whose}`
            : `${what} could not be removed: ${describeRemovalFailure(error)}; remove it (the next run to this --out tries again): ${whose}`,
        );
      }
    }
  }
  return { warnings: warnings.filter((line) => !said.has(line) && said.add(line)), notPutBack };
}

/**
 * Puts back what runs killed mid-commit had set aside, for every path a command is about to read or
 * write: where a path, or a folder on the way to it, is missing and a set-aside copy of it lies
 * beside it whose run is known to be gone, the copy is put back (and that run's leftovers cleared),
 * as a run to that --out would. Any command, not only the next run to the same --out: `validate
 * out/manifest.json` after a kill finds the manifest where it was, even with an empty `out` made
 * since (put back over it). Paths that exist otherwise are not touched;
 * a name that is no path finds nothing to put back. Returns the lines removeAbandonedStaging gives.
 */
export function putBackSetAside(paths: readonly string[]): string[] {
  const warnings: string[] = [];
  const seen = new Set<string>();
  for (const path of paths) {
    if (path.trim() === '' || path.includes('\0')) continue;
    // A missing path, and an empty folder in its place or on the way (a script's `mkdir -p`), may be what was set aside.
    for (let at = resolve(path); !existsSync(at) || isEmptyFolder(at); at = dirname(at)) {
      // A dangling link: its folder may be what was set aside.
      const missing = [at, ...linkTargetOf(at)];
      for (const one of missing.filter((m) => !seen.has(m))) {
        seen.add(one);
        warnings.push(...removeAbandonedStaging(one));
      }
      if (dirname(at) === at) break;
      const up = dirname(at);
      // The folder reached is no output (the user's files made in place of one): a copy set aside for it is kept, and said.
      if (existsSync(up) && !isEmptyFolder(up)) {
        if (!seen.has(up) && inPlaceOf(up) === 'something else') warnings.push(...removeAbandonedStaging(up));
        seen.add(up);
        break;
      }
    }
  }
  return warnings;
}

function isEmptyFolder(path: string): boolean {
  try {
    return lstatSync(path).isDirectory() && readdirSync(path).length === 0;
  } catch {
    return false;
  }
}

function linkTargetOf(path: string): string[] {
  try {
    return lstatSync(path).isSymbolicLink() ? [resolve(dirname(path), readlinkSync(path))] : [];
  } catch {
    return [];
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Writes the marker listing the staged files, then moves the staging folder into place; if that
 * fails, the previous output is put back. Refused when the lock was lost (another run may have
 * taken the folder for abandoned), when files not the tool's appeared in the target meanwhile, or
 * when the target can no longer be deleted. Returns a warning when the new output is in place but
 * the previous one, set aside, could not be removed: it is left beside --out, and said.
 */
export function commitOutput(staging: Staging, shown = staging.target): { leftover?: string } {
  const lost = staging.lock.lost();
  if (lost !== undefined) throw new Error(`the staging folder's lock was lost (${lost}), so its contents cannot be trusted; nothing was replaced`);
  if (existsSync(staging.target)) {
    const owner = ownership(staging.target, shown);
    // Bad input, as when found before the run (exit code 2): the user's files appeared in --out meanwhile.
    if (owner.kind === 'foreign') throw new InputError(owner.reason);
    const blocked = whyNotRemovable(staging.target, shown, { flags: false });
    if (blocked !== undefined) throw new InputError(blocked);
  }
  writeMarker(staging.path);
  const previous = `${staging.path}.previous`;
  const hadPrevious = existsSync(staging.target);
  if (hadPrevious) {
    try {
      renameSync(staging.target, previous);
    } catch (error) {
      // Nothing changed yet: a folder that may not be moved (append-only or immutable) is the user's to fix, as when found up front.
      const code = errorCode(error);
      if (code === 'EPERM' || code === 'EACCES') {
        // The sticky bit is seen before the run; should it be set since, it is named, not a flag it is not.
        // Its folder's refusal is the cause when it refuses (a flag or a mode set during the run); the output's own flag otherwise.
        const folder = folderRefusal(dirname(staging.target));
        throw new InputError(
          whyNotMovable(staging.target, shown) ??
            (folder !== undefined
              ? `${shown} cannot be replaced: the previous output could not be moved aside for the new one, as its folder ${dirname(staging.target)} ${folder.what}; ${folder.fix}, or choose another --out folder`
              : `${shown} cannot be replaced: it cannot be moved aside for the new output, ${fsCause(error)} (lsattr -d ${shown} shows whether it has an immutable or append-only flag); clear it, or choose another --out folder`),
        );
      }
      throw error;
    }
  }
  try {
    renameSync(staging.path, staging.target);
  } catch (error) {
    if (hadPrevious) {
      try {
        renameSync(previous, staging.target);
      } catch (restoring) {
        throw new OutputSetAside(
          `the new output could not be moved into place (${describeRemovalFailure(error)}), nor the previous one put back (${describeRemovalFailure(restoring)}): ` +
            `it is in ${previous}, which the next run to this --out puts back`,
        );
      }
    }
    throw error;
  }
  const leftover = hadPrevious ? removeSetAside(previous, shown) : undefined;
  staging.lock.release();
  return leftover === undefined ? {} : { leftover };
}

/**
 * Why a set-aside copy may not be deleted: it is no longer (or never was) an output of this tool
 * alone. The check before the commit's renames looks at --out, but what is moved aside is what
 * stands there at the rename: a folder of the user's swapped in meanwhile must be kept, not deleted
 * whole. The same check as up front: the tool's marker, and only the files it lists.
 */
function whyKeepSetAside(previous: string): string | undefined {
  try {
    if (!lstatSync(previous).isDirectory()) return 'it is not a folder, so not an output of llm-market-sim';
    const owner = ownership(previous, previous);
    return owner.kind === 'foreign' ? owner.finding : undefined;
  } catch (error) {
    return `it could not be checked for files llm-market-sim did not write, ${fsCause(error)}`;
  }
}

/**
 * Deletes the previous output a commit set aside, once it is checked (again) to be an output of
 * this tool with nothing foreign in it; otherwise keeps it. Returns the warning to give when it is
 * left (kept, or not removable), naming it; undefined once it is gone.
 */
export function removeSetAside(previous: string, shown: string): string | undefined {
  const keep = whyKeepSetAside(previous);
  if (keep !== undefined) {
    return (
      `${shown} now holds the new output; what stood there when it was moved in was set aside as ${previous} and is kept, not removed: ${keep}. ` +
      `Look through it, and move what is yours out of it (the next run to this --out checks it again before removing it)`
    );
  }
  try {
    removeOutputTree(previous);
    return undefined;
  } catch (error) {
    return (
      `${shown} now holds the new output, but the previous one, set aside as ${previous}, could not be removed: ${describeRemovalFailure(error)}; ` +
      `remove it yourself (the next run to this --out tries again)`
    );
  }
}

/**
 * Deletes an output with its marker last: stopped part way (a file made append-only), what is left
 * still holds the marker listing it, so the next run knows it for the tool's and removes it, where
 * without the marker it would be kept as the user's.
 */
function removeOutputTree(path: string): void {
  if (!lstatSync(path).isDirectory()) return removeTree(path);
  for (const entry of readdirSync(path)) if (entry !== OUTPUT_MARKER) removeTree(join(path, entry));
  if (existsSync(join(path, OUTPUT_MARKER))) removeTree(join(path, OUTPUT_MARKER));
  rmdirSync(path);
}

/** A commit that failed with the previous output set aside and not put back: --out is not "unchanged". */
export class OutputSetAside extends Error {}

/**
 * Removes a run's staging folder and releases its lock. Never throws: what it could not remove (the
 * staging folder, the lock, its holder record; a folder that became append-only or immutable during
 * the run keeps them) is returned, a line each naming it, for the caller to say after the failure
 * that brought it here, which it must not replace.
 */
export function discardOutput(staging: Staging): string[] {
  const leftovers: string[] = [];
  try {
    rmSync(staging.path, { recursive: true, force: true });
  } catch {
    // Tried again below, one entry at a time, for the real cause.
  }
  try {
    staging.lock.release();
  } catch {
    // Its lock folder and holder record are looked at below.
  }
  const owned = [[staging.path, 'the staging folder of this run'], [`${staging.path}.lock`, 'its lock'], [holderFile(staging.path), 'its lock\'s holder record']] as const;
  for (const [path, what] of owned) {
    if (!existsSync(path)) continue;
    try {
      removeTree(path);
    } catch (error) {
      if (errorCode(error) === 'ENOENT') continue;
      leftovers.push(`${path}, ${what}, could not be removed: ${describeRemovalFailure(error)}; remove it yourself (the next run to this --out tries again)`);
    }
  }
  return leftovers;
}
