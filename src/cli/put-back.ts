import { oneLine } from '../config/format-problems.js';
import { putBackSetAside } from '../report/output-folder.js';

/**
 * At the start of every command, before it reads anything: an output that a run killed between the
 * two renames of its commit had set aside is put back, whichever command comes next and whatever it
 * reads (a config, a manifest, a shard folder, a targets file) or writes (--out), with the warning
 * a run to that --out gives. Every argument that may name a path is tried, positionals and option
 * values alike (`--out=x` included): one that names no path finds nothing to put back, and paths that
 * exist are left alone (output-folder.ts, putBackSetAside).
 */
export function putBackBeforeStart(argv: readonly string[]): void {
  const candidates = argv.flatMap((arg) => {
    if (!arg.startsWith('-')) return [arg];
    const equals = arg.indexOf('=');
    return arg.startsWith('--') && equals > 0 ? [arg.slice(equals + 1)] : [];
  });
  let warnings: string[];
  try {
    warnings = putBackSetAside(candidates);
  } catch (error) {
    // A courtesy to the user, not the command's work: its failure is said, and the command goes on as it would have.
    warnings = [`looking for outputs to put back: ${error instanceof Error ? error.message : String(error)}`];
  }
  for (const warning of warnings) process.stderr.write(`warning: ${oneLine(warning)}\n`);
}
