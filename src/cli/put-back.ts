import { oneLine } from '../config/format-problems.js';
import { errorCode, fsCause } from '../io/fs-errors.js';
import { onMissingFile } from '../io/read-regular-file.js';
import { putBackSetAside } from '../report/output-folder.js';
import { printablePath } from '../io/json-text.js';

/**
 * At the start of every command, before it reads anything: an output that a run killed between the
 * two renames of its commit had set aside is put back, whichever command comes next and whatever it
 * reads (a config, a manifest, a shard folder, a targets file) or writes (--out), with the warning
 * a run to that --out gives. Every argument that may name a path is tried, positionals and option
 * values alike (`--out=x` included): one that names no path finds nothing to put back, and paths that
 * exist are left alone (output-folder.ts, putBackSetAside). A file the command then finds missing
 * on the way, named by no argument (a parent a config extends), is put back the same way before it
 * is said to be missing.
 */
export function putBackBeforeStart(argv: readonly string[]): void {
  const candidates = argv.flatMap((arg) => {
    if (!arg.startsWith('-')) return [arg];
    const equals = arg.indexOf('=');
    return arg.startsWith('--') && equals > 0 ? [arg.slice(equals + 1)] : [];
  });
  const warnings = putBack(candidates);
  say(warnings);
  // And for every file found missing on the way, named by no argument (a parent a config extends).
  onMissingFile((path) => {
    const found = putBack([path]);
    say(found);
    return found.some((line) => line.startsWith('put back '));
  });
}

function putBack(paths: readonly string[]): string[] {
  try {
    return putBackSetAside(paths);
  } catch (error) {
    // A courtesy to the user, not the command's work: its failure is said, and the command goes on as it would have.
    const code = errorCode(error);
    // A path through a file, or gone meanwhile: there is nothing set aside there, and the command says what is wrong with the path.
    if (code === 'ENOTDIR' || code === 'ENOENT') return [];
    const { path, syscall } = (error ?? {}) as { path?: unknown; syscall?: unknown };
    if (typeof path === 'string' && (code === 'EACCES' || code === 'EPERM')) {
      const access = syscall === 'scandir' || syscall === 'opendir' ? 'cannot be read' : 'cannot be searched';
      return [`could not look for outputs to put back in the folder ${printablePath(path)}: it ${access}, ${fsCause(error)}`];
    }
    return [`looking for outputs to put back: ${typeof path === 'string' ? `${fsCause(error)} at ${printablePath(path)}` : fsCause(error)}`];
  }
}

function say(warnings: readonly string[]): void {
  for (const warning of warnings) process.stderr.write(`warning: ${oneLine(warning)}\n`);
}
