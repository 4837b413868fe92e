import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Marks a folder as written by this tool, so a later run may replace it. */
export const OUTPUT_MARKER = '.llm-market-sim';

export type Preparation = { success: true; staging: string } | { success: false; reason: string };

/**
 * Outputs are written to a staging folder beside the target and moved into place only when the
 * run succeeded: a failed or interrupted run leaves the previous output as it was. A non-empty
 * folder that this tool did not write is never replaced.
 */
export function prepareOutput(target: string, runId: string): Preparation {
  if (existsSync(target)) {
    const entries = readdirSync(target);
    if (entries.length > 0 && !entries.includes(OUTPUT_MARKER)) {
      return {
        success: false,
        reason: `${target} is not empty and was not written by llm-market-sim; choose another --out folder`,
      };
    }
  }
  const staging = join(dirname(target), `.${basename(target)}.${runId}.partial`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  writeFileSync(join(staging, OUTPUT_MARKER), 'Written by llm-market-sim; a new run may replace this folder.\n');
  return { success: true, staging };
}

export function commitOutput(staging: string, target: string): void {
  const previous = `${staging}.previous`;
  if (existsSync(target)) renameSync(target, previous);
  renameSync(staging, target);
  rmSync(previous, { recursive: true, force: true });
}

export function discardOutput(staging: string): void {
  rmSync(staging, { recursive: true, force: true });
}
