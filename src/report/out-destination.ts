import { accessSync, constants, existsSync, lstatSync, readFileSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, parse, relative, resolve, sep } from 'node:path';
import { errorCode, fsCause } from '../io/fs-errors.js';

/**
 * Where outputs may go, checked before anything runs: a folder (existing or not) whose parent can
 * hold a staging folder beside it, that a rename can replace, and that is none of the command's
 * inputs, inside none of them and holding none of them (replacing it would delete them). A
 * symbolic link to a folder writes into the folder it points to; a dangling one is refused.
 */

export type Destination = { readonly success: true; readonly target: string } | { readonly success: false; readonly reason: string };

function refuse(reason: string): Destination {
  return { success: false, reason };
}

/** Mount points as /proc/self/mountinfo lists them (its fifth field, octal escapes undone); none where it cannot be read. */
function mountPoints(): ReadonlySet<string> {
  try {
    const lines = readFileSync('/proc/self/mountinfo', 'utf8').split('\n');
    return new Set(lines.filter((l) => l !== '').map((l) => (l.split(' ')[4] ?? '').replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8)))));
  } catch {
    return new Set();
  }
}

/** Whether a folder is a mount point: on another device than its parent, or listed as one. */
export function isMountPoint(folder: string): boolean {
  const parent = dirname(folder);
  if (parent === folder) return true;
  try {
    if (statSync(folder).dev !== statSync(parent).dev) return true;
  } catch {
    return false;
  }
  return mountPoints().has(folder);
}

/** The path with its symbolic links resolved, as far as it exists: a folder yet to be made keeps its name under its parent's real path. */
function realPathOf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    const parent = dirname(path);
    return parent === path ? path : resolve(realPathOf(parent), basename(path));
  }
}

function isInside(inner: string, outer: string): boolean {
  const rel = relative(outer, inner);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !parse(rel).root;
}

/** Why the inputs rule out a target; undefined when they do not. */
function overlapWithInputs(target: string, shown: string, inputs: readonly string[]): string | undefined {
  for (const input of inputs) {
    const real = realPathOf(resolve(input));
    if (real === target) return `the output folder ${shown} is one of the inputs (${input}): writing the outputs would replace it; choose another folder with --out`;
    if (isInside(target, real)) return `the output folder ${shown} is inside the input ${input}: writing the outputs would change an input; choose a folder outside it with --out`;
    if (isInside(real, target)) return `the output folder ${shown} holds the input ${input}, which replacing the folder would delete; choose another folder with --out`;
  }
  return undefined;
}

/** The folder outputs go to, symbolic links resolved, or why they cannot go there. */
export function checkDestination(out: string, inputs: readonly string[] = []): Destination {
  if (out.trim() === '') return refuse('--out is empty: name the folder to write to, e.g. --out output/my-run');
  const absolute = resolve(out);
  if (parse(absolute).root === absolute) return refuse(`--out ${out} is the root of the file system, which cannot be replaced: name a folder inside it`);
  let target = absolute;
  try {
    const link = lstatSync(absolute);
    if (link.isSymbolicLink()) {
      if (!existsSync(absolute)) {
        let points = '';
        try {
          points = ` to ${resolve(dirname(absolute), readlinkSync(absolute))}`;
        } catch {
          // the link cannot be read: say only that it dangles
        }
        return refuse(`--out ${out} is a symbolic link${points}, which does not exist: create the folder it points to, or choose another --out`);
      }
      target = realpathSync(absolute);
    }
    const stat = statSync(target);
    if (!stat.isDirectory()) return refuse(`${out} is a file, not a folder; choose another --out folder`);
    if (isMountPoint(target)) {
      return refuse(
        `--out ${out} is a mount point: outputs are moved into place by renaming a whole folder, which a mount point cannot be, so nothing could be written there; write into a folder inside it, e.g. --out ${out.replace(/\/+$/, '')}/run`,
      );
    }
  } catch (error) {
    const code = errorCode(error);
    if (code === 'EACCES') {
      // A folder on the way that may not be searched (no execute permission) hides all below it: named, as the cause.
      const closed = unsearchableAncestor(absolute);
      if (closed !== undefined) return refuse(`cannot use --out ${out}: the folder ${closed} on the way to it cannot be searched (it lacks execute permission), ${fsCause(error)}; make it searchable (chmod u+x ${closed}), or choose another --out folder`);
    }
    if (code !== 'ENOENT' && code !== 'ENOTDIR') return refuse(`cannot use --out ${out}: ${fsCause(error)}`);
    target = realPathOf(absolute);
    const blocking = firstExistingAncestor(target);
    if (blocking !== undefined && !statSync(blocking).isDirectory()) return refuse(`--out ${out} cannot be made: ${blocking} is a file, not a folder`);
  }
  const overlap = overlapWithInputs(target, out, inputs);
  return overlap === undefined ? { success: true, target } : refuse(overlap);
}

function firstExistingAncestor(path: string): string | undefined {
  for (let at = dirname(path); ; at = dirname(at)) {
    if (existsSync(at)) return at;
    if (dirname(at) === at) return undefined;
  }
}

/** The outermost folder on the way to `path` that this user may not search (enter), if one is. */
function unsearchableAncestor(path: string): string | undefined {
  const folders: string[] = [];
  for (let at = dirname(path); ; at = dirname(at)) {
    folders.unshift(at);
    if (dirname(at) === at) break;
  }
  return folders.find((folder) => {
    try {
      accessSync(folder, constants.X_OK);
      return false;
    } catch (error) {
      return errorCode(error) === 'EACCES';
    }
  });
}
