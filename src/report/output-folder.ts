import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Marks a folder as written by this tool, so a later run may replace it. */
export const OUTPUT_MARKER = '.llm-market-sim';

export type Preparation = { success: true; staging: string } | { success: false; reason: string };

/** `.baseline.1234.partial`: the staging folder of run 1234 for `baseline`. */
function stagingName(target: string, runId: string): string {
  return `.${basename(target)}.${runId}.partial`;
}

/**
 * Outputs are written to a staging folder beside the target and moved into place only when the
 * run succeeded: a failed or interrupted run leaves the previous output as it was. A non-empty
 * folder that this tool did not write is never replaced.
 */
export function prepareOutput(target: string, runId: string): Preparation {
  if (existsSync(target)) {
    if (!statSync(target).isDirectory()) {
      return { success: false, reason: `${target} is a file, not a folder; choose another --out folder` };
    }
    const entries = readdirSync(target);
    if (entries.length > 0 && !entries.includes(OUTPUT_MARKER)) {
      return {
        success: false,
        reason: `${target} is not empty and was not written by llm-market-sim; choose another --out folder`,
      };
    }
  }
  const staging = join(dirname(target), stagingName(target, runId));
  try {
    removeAbandonedStaging(target);
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging, { recursive: true });
    writeFileSync(join(staging, OUTPUT_MARKER), 'Written by llm-market-sim; a new run may replace this folder.\n');
  } catch (error) {
    return { success: false, reason: `cannot write beside ${target}: ${(error as Error).message}` };
  }
  return { success: true, staging };
}

/**
 * Cleans up after runs that were killed outright (SIGKILL, power loss) with no chance to do it
 * themselves, whose process is gone: their staging folders are removed, and a previous output set
 * aside in the middle of a commit is put back if nothing took its place. A live run's are left alone.
 */
export function removeAbandonedStaging(target: string): void {
  const parent = dirname(target);
  if (!existsSync(parent)) return;
  const pattern = new RegExp(`^\\.${escapeRegExp(basename(target))}\\.(\\d+)\\.partial(\\.previous)?$`);
  for (const entry of readdirSync(parent)) {
    const match = pattern.exec(entry);
    if (!match || isAlive(Number(match[1]))) continue;
    const path = join(parent, entry);
    if (match[2] !== undefined && !existsSync(target)) renameSync(path, target);
    else rmSync(path, { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Moves the staging folder into place; if that fails, the previous output is put back. */
export function commitOutput(staging: string, target: string): void {
  const previous = `${staging}.previous`;
  const hadPrevious = existsSync(target);
  if (hadPrevious) renameSync(target, previous);
  try {
    renameSync(staging, target);
  } catch (error) {
    if (hadPrevious) renameSync(previous, target);
    throw error;
  }
  rmSync(previous, { recursive: true, force: true });
}

export function discardOutput(staging: string): void {
  rmSync(staging, { recursive: true, force: true });
}
