import { accessSync, constants, lstatSync, readdirSync, rmdirSync, unlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import { errorCode, fsCause } from '../io/fs-errors.js';

/**
 * A new output replaces the whole previous one, which must then be deleted: what could stop that is
 * found before anything changes, so that the tool never says "unchanged" of a folder it replaced.
 * Deleting a file takes write access to its folder, and no immutable or append-only flag on the file
 * (chattr +i or +a, which stop even root). access(2) tells the first, and the immutable flag (as
 * EPERM); nothing short of an ioctl tells append-only, so that is met only when the previous output
 * is deleted, after the new one is in place, and reported as a leftover (output-folder.ts).
 */

interface Blocker {
  readonly path: string;
  readonly folder: boolean;
  readonly error: unknown;
}

function firstBlocker(path: string): Blocker | undefined {
  const stat = lstatSync(path);
  if (!stat.isDirectory()) {
    // A read-only file is deleted all the same; an immutable one refuses writing with EPERM.
    if (!stat.isFile()) return undefined;
    try {
      accessSync(path, constants.W_OK);
    } catch (error) {
      if (errorCode(error) === 'EPERM') return { path, folder: false, error };
    }
    return undefined;
  }
  const entries = readdirSync(path).sort();
  try {
    // An empty folder is renamed and removed through its parent: only its own immutable flag stops that.
    accessSync(path, entries.length > 0 ? constants.W_OK | constants.X_OK : constants.W_OK);
  } catch (error) {
    if (entries.length > 0 || errorCode(error) === 'EPERM') return { path, folder: true, error };
  }
  for (const entry of entries) {
    const found = firstBlocker(join(path, entry));
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Why a folder cannot be deleted whole, in words that say what to do; undefined when nothing stands in the way that can be seen. */
export function whyNotRemovable(folder: string, shown: string): string | undefined {
  const blocker = firstBlocker(folder);
  if (blocker === undefined) return undefined;
  const inside = relative(folder, blocker.path);
  const what = inside === '' ? shown : join(shown, inside);
  const start = `${shown} cannot be replaced: the new output replaces the whole folder, so the previous one must be deleted, but`;
  const code = errorCode(blocker.error);
  if (code === 'EACCES') {
    return `${start} ${blocker.folder ? `the folder ${what}` : what} is not writable, ${fsCause(blocker.error)}, so what it holds cannot be deleted; make it writable (chmod -R u+w ${shown}) or choose another --out folder`;
  }
  if (code === 'EPERM') {
    return `${start} ${what} is immutable (lsattr shows the flag), ${fsCause(blocker.error)}; clear the flag (chattr -R -i ${shown}) or choose another --out folder`;
  }
  return `${start} ${what} cannot be deleted, ${fsCause(blocker.error)}; choose another --out folder`;
}

/** Deletes a file or a folder with all it holds; throws the first error with the path it concerns, its real cause (rmSync would say ENOTDIR of an immutable file). */
export function removeTree(path: string): void {
  if (lstatSync(path).isDirectory()) {
    for (const entry of readdirSync(path)) removeTree(join(path, entry));
    rmdirSync(path);
  } else {
    unlinkSync(path);
  }
}

/** "permission denied (EACCES) at /a/b": a removal's failure, with the file it stopped at. */
export function describeRemovalFailure(error: unknown): string {
  const path = (error as NodeJS.ErrnoException).path;
  return `${fsCause(error)}${path ? ` at ${path}` : ''}`;
}
