import { accessSync, chmodSync, constants, lstatSync, readdirSync, readFileSync, rmdirSync, unlinkSync, type Stats } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { errorCode, fsCause } from '../io/fs-errors.js';

/**
 * A new output replaces the whole previous one, which must then be deleted: what could stop that is
 * found before anything changes, so that the tool never says "unchanged" of a folder it replaced.
 * Deleting a file takes write access to its folder, and no immutable or append-only flag on the file
 * (chattr +i or +a, which stop even root). access(2) tells the first, and the immutable flag (as
 * EPERM); append-only refuses a change of mode (appendOnly below). A flag set during the run, or
 * on what only an ioctl could tell, is met when the previous output is moved aside or deleted, and
 * reported then (output-folder.ts). In a folder with the sticky bit
 * (chmod +t, as /tmp) only the owner of an entry, or of the folder, may move or delete the entry:
 * that is told from the owners, for the output itself (it is moved aside first) and for what it holds.
 */

/** The sticky bit of a mode (fs.constants has no name for it). */
const S_ISVTX = 0o1000;

/** Why the sticky bit of `folder` keeps this process from moving or deleting `entry` in it; undefined when it does not. */
function stickyRefusal(folder: string, entry: Stats, shownFolder = folder): string | undefined {
  const uid = process.geteuid?.();
  // Root (CAP_FOWNER) moves what it likes; where there are no user ids, there is no sticky bit to heed.
  if (uid === undefined || uid === 0) return undefined;
  let folderStat: Stats;
  try {
    folderStat = lstatSync(folder);
  } catch {
    return undefined;
  }
  if ((folderStat.mode & S_ISVTX) === 0 || folderStat.uid === uid || entry.uid === uid) return undefined;
  return `${shownFolder} has the sticky bit (chmod +t, as /tmp has), so only the owner of an entry in it, or of the folder, may move or delete the entry, and neither is you (${userName(uid)}): the entry is ${userName(entry.uid)}'s, the folder ${userName(folderStat.uid)}'s`;
}

function ownerOf(path: string): number | undefined {
  try {
    return lstatSync(path).uid;
  } catch {
    return undefined;
  }
}

/** "root", or "user 1234" for an id /etc/passwd does not name. */
function userName(uid: number): string {
  try {
    const line = readFileSync('/etc/passwd', 'utf8')
      .split('\n')
      .find((l) => l.split(':')[2] === String(uid));
    const name = line?.split(':')[0];
    if (name) return name;
  } catch {
    // no passwd file: the id alone
  }
  return `user ${uid}`;
}

/**
 * Why a folder cannot be moved aside within its parent, as the commit does with the previous output
 * before putting the new one in its place; undefined when nothing seen stands in the way.
 */
export function whyNotMovable(folder: string, shown: string): string | undefined {
  let stat: Stats;
  try {
    stat = lstatSync(folder);
  } catch {
    return undefined;
  }
  const sticky = stickyRefusal(dirname(folder), stat);
  if (sticky === undefined) return undefined;
  return `${shown} cannot be replaced: the previous output is moved aside to put the new one in its place, but ${sticky}; choose another --out folder, or have ${userName(stat.uid)} remove ${shown}`;
}

/**
 * An append-only file or folder (chattr +a), told without an ioctl: it refuses a change of its mode
 * with EPERM, as an immutable one does, so setting the mode it has (which changes nothing but its
 * change time) tells the flag. Only where the mode may be set at all: the owner's file, or root.
 * The entries tried are the tool's own outputs, checked as such before (output-marker.ts).
 */
function appendOnly(path: string, stat: Stats, folder: boolean): Blocker | undefined {
  const uid = process.geteuid?.();
  if (uid === undefined || (uid !== 0 && (stat.uid !== uid || (stat.mode & 0o6000) !== 0))) return undefined;
  try {
    chmodSync(path, stat.mode & 0o7777);
  } catch (error) {
    if (errorCode(error) === 'EPERM') return { path, folder, error, appendOnly: true };
  }
  return undefined;
}

interface Blocker {
  readonly path: string;
  readonly folder: boolean;
  readonly error?: unknown;
  /** Why the sticky bit of the folder it is in keeps it there. */
  readonly sticky?: string;
  readonly appendOnly?: true;
}

function firstBlocker(path: string, shownAs: (path: string) => string, flags: boolean): Blocker | undefined {
  const stat = lstatSync(path);
  if (!stat.isDirectory()) {
    // A read-only file is deleted all the same; an immutable one refuses writing with EPERM.
    if (!stat.isFile()) return undefined;
    try {
      accessSync(path, constants.W_OK);
    } catch (error) {
      if (errorCode(error) === 'EPERM') return { path, folder: false, error };
    }
    return flags ? appendOnly(path, stat, false) : undefined;
  }
  const entries = readdirSync(path).sort();
  try {
    // An empty folder is renamed and removed through its parent: only its own immutable flag stops that.
    accessSync(path, entries.length > 0 ? constants.W_OK | constants.X_OK : constants.W_OK);
  } catch (error) {
    if (entries.length > 0 || errorCode(error) === 'EPERM') return { path, folder: true, error };
  }
  const flagged = flags ? appendOnly(path, stat, true) : undefined;
  if (flagged !== undefined) return flagged;
  for (const entry of entries) {
    const inner = join(path, entry);
    const sticky = stickyRefusal(path, lstatSync(inner), shownAs(path));
    if (sticky !== undefined) return { path: inner, folder: false, sticky };
    const found = firstBlocker(inner, shownAs, flags);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * What keeps entries from being made in, moved in or out of, or removed from `folder`, in words
 * with what to do: an immutable flag (chattr +i: access(2) refuses writing with EPERM), an
 * append-only one (chattr +a: writing is allowed, a change of mode is not), or a mode that does not
 * let this user write there (EACCES), another user's folder said as such. Undefined when nothing seen does.
 */
export function folderRefusal(folder: string): { what: string; fix: string } | undefined {
  let stat: Stats;
  try {
    stat = lstatSync(folder);
  } catch {
    return undefined;
  }
  try {
    accessSync(folder, constants.W_OK);
  } catch (error) {
    const code = errorCode(error);
    if (code === 'EPERM') return { what: `is immutable (lsattr -d shows the flag), ${fsCause(error)}`, fix: `clear the flag (chattr -i ${folder})` };
    if (code === 'EACCES') {
      const uid = process.geteuid?.();
      if (uid !== undefined && stat.uid !== uid) {
        return { what: `is ${userName(stat.uid)}'s, not yours (${userName(uid)}), and not writable by you, ${fsCause(error)}`, fix: `have ${userName(stat.uid)} make it writable for you` };
      }
      return { what: `is not writable, ${fsCause(error)}`, fix: `make it writable (chmod u+w ${folder})` };
    }
    return undefined;
  }
  const flagged = appendOnly(folder, stat, true);
  if (flagged !== undefined) return { what: `is append-only (lsattr -d shows the flag), ${fsCause(flagged.error)}`, fix: `clear the flag (chattr -a ${folder})` };
  return undefined;
}

/**
 * Why nothing can be moved into or out of the folder that holds --out: it is append-only or
 * immutable, so neither the new output could be moved into place nor the previous one aside.
 * Undefined when it is not, or that cannot be told (a folder merely not writable is found when
 * the staging folder is made in it).
 */
export function whyFolderRefusesMoves(target: string, shown: string): string | undefined {
  const folder = dirname(target);
  const refusal = folderRefusal(folder);
  if (refusal === undefined || !/^is (append-only|immutable)/.test(refusal.what)) return undefined;
  return `cannot write to ${shown}: the outputs are made beside it and moved into place, but its folder ${folder} ${refusal.what}, so nothing in it can be moved; ${refusal.fix} or choose another --out folder`;
}

/**
 * Why a folder cannot be deleted whole, in words that say what to do; undefined when nothing stands
 * in the way that can be seen. `flags: false` leaves out the probe for append-only flags, for a
 * second look at the commit: a flag set during the run is met by the move (refused, nothing
 * changed) or the removal (a leftover, said) anyway.
 */
export function whyNotRemovable(folder: string, shown: string, { flags = true }: { flags?: boolean } = {}): string | undefined {
  const unmovable = whyNotMovable(folder, shown);
  if (unmovable !== undefined) return unmovable;
  const blocker = firstBlocker(folder, (path) => join(shown, relative(folder, path)), flags);
  if (blocker === undefined) return undefined;
  const inside = relative(folder, blocker.path);
  const what = inside === '' ? shown : join(shown, inside);
  const start = `${shown} cannot be replaced: the new output replaces the whole folder, so the previous one must be deleted, but`;
  if (blocker.sticky !== undefined) return `${start} ${what} cannot be: ${blocker.sticky}; choose another --out folder, or have its owner remove ${what}`;
  const code = errorCode(blocker.error);
  if (code === 'EACCES') {
    // Another user's folder: no chmod of this user's can make it writable.
    const uid = process.geteuid?.();
    const owner = ownerOf(blocker.path);
    if (uid !== undefined && uid !== 0 && owner !== undefined && owner !== uid) {
      return `${start} ${blocker.folder ? `the folder ${what}` : what} is ${userName(owner)}'s, not yours (${userName(uid)}), and not writable by you, ${fsCause(blocker.error)}, so what it holds cannot be deleted; have ${userName(owner)} remove ${shown} or make it yours, or choose another --out folder`;
    }
    return `${start} ${blocker.folder ? `the folder ${what}` : what} is not writable, ${fsCause(blocker.error)}, so what it holds cannot be deleted; make it writable (chmod -R u+w ${shown}) or choose another --out folder`;
  }
  if (blocker.appendOnly) {
    return `${start} ${what} is append-only (lsattr shows the flag), ${fsCause(blocker.error)}; clear the flag (chattr -R -a ${shown}) or choose another --out folder`;
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

/**
 * "permission denied (EACCES) at /a/b": a removal's or a move's failure, with the file it stopped
 * at, and when another user's ownership is why, that: the sticky bit of its folder, or a folder
 * not the user's, which no flag or chmod of theirs can change.
 */
export function describeRemovalFailure(error: unknown): string {
  const path = (error as NodeJS.ErrnoException).path;
  const code = errorCode(error);
  const why = path && (code === 'EACCES' || code === 'EPERM') ? whyOthersOwn(path) : undefined;
  return `${fsCause(error)}${path ? ` at ${path}` : ''}${why ? `: ${why}` : ''}`;
}

/** Why a user may not move or delete `path` for its owners: the sticky bit of its folder, or a folder of another user's that they may not write. */
export function whyOthersOwn(path: string): string | undefined {
  const uid = process.geteuid?.();
  if (uid === undefined || uid === 0) return undefined;
  try {
    const folder = dirname(path);
    const sticky = stickyRefusal(folder, lstatSync(path));
    if (sticky !== undefined) return sticky;
    const owner = lstatSync(folder).uid;
    if (owner === uid) return undefined;
    try {
      accessSync(folder, constants.W_OK);
      return undefined;
    } catch {
      return `the folder ${folder} is ${userName(owner)}'s, not yours (${userName(uid)}), and you may not change what it holds`;
    }
  } catch {
    return undefined;
  }
}
