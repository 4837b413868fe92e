import { accessSync, constants, lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { decodeText, readRegularFile } from '../io/read-regular-file.js';
import { writeOutputFile } from '../io/write-output.js';

/**
 * The marker a folder written by this tool holds: `.llm-market-sim`, listing every file the run
 * wrote there. A later run may replace the folder only when it holds nothing else: a file added
 * since (notes.md), another run's output nested inside, is never deleted with it.
 */

export const OUTPUT_MARKER = '.llm-market-sim';

const HEADER = 'Written by llm-market-sim: a new run may replace this folder as long as it holds only the files listed below, which it wrote.';
/** Markers written before they listed their files. */
const LEGACY_HEADER = 'Written by llm-market-sim; a new run may replace this folder.';
/** The files a legacy marker stands for: the names the tool writes. */
const LEGACY_OUTPUT_FILES = /^([a-z0-9-]+\.png|report\.md|metrics\.csv|summary\.json|events\.jsonl|manifest\.json|partial\.json|partial\.bin|comparison\.csv|comparison\.md|sweep\.csv|sensitivity\.csv)$/;

const MAX_MARKER_BYTES = 16 * 2 ** 20;

/** Every file under a folder, relative, in sorted order; a folder is listed as "name/" unless `descend` says to look inside. */
function entriesOf(folder: string, descend: (relative: string) => boolean, prefix = ''): string[] {
  return readdirSync(join(folder, prefix))
    .sort()
    .flatMap((name) => {
      const relative = `${prefix}${name}`;
      const stat = lstatSync(join(folder, relative));
      if (!stat.isDirectory()) return [relative];
      return descend(`${relative}/`) ? entriesOf(folder, descend, `${relative}/`) : [`${relative}/`];
    });
}

/** Writes the marker into a finished staging folder, listing every other file in it. */
export function writeMarker(folder: string): void {
  const files = entriesOf(folder, () => true).filter((f) => f !== OUTPUT_MARKER);
  writeOutputFile(join(folder, OUTPUT_MARKER), `${HEADER}\n${files.map((f) => `${f}\n`).join('')}`);
}

export type FolderOwnership =
  | { readonly kind: 'empty' }
  | { readonly kind: 'ours' }
  | { readonly kind: 'foreign'; readonly reason: string; /** What was found, without what to do: "it holds a file llm-market-sim did not write there: notes.md". */ readonly finding: string };

/** "a, b and 3 more" */
function listSome(items: readonly string[], max = 10): string {
  const shown = items.slice(0, max).join(', ');
  return items.length > max ? `${shown} and ${items.length - max} more` : shown;
}

/**
 * Why the marker of a folder could not be read: the folder cannot be searched (no execute
 * permission; its names can be listed, its files not opened), or the marker itself is not readable.
 */
function unreadableMarker(folder: string, shown: string, cause: string): FolderOwnership {
  const marker = join(shown, OUTPUT_MARKER);
  const start = `${shown} cannot be checked for files llm-market-sim did not write there:`;
  let searchable = true;
  try {
    accessSync(folder, constants.X_OK);
  } catch {
    searchable = false;
  }
  const finding = searchable
    ? `its marker ${marker} cannot be read, ${cause}`
    : `the folder ${shown} can be listed but not searched (it lacks execute permission), so its marker ${marker} cannot be read, ${cause}`;
  const fix = searchable ? `make the marker readable (chmod u+r ${marker})` : `make the folder searchable (chmod u+x ${shown})`;
  return { kind: 'foreign', reason: `${start} ${finding}; ${fix}, or choose another --out folder`, finding };
}

/** Whether a run may replace an existing folder: empty, or holding only what this tool wrote there. */
export function ownership(folder: string, shown: string): FolderOwnership {
  const entries = readdirSync(folder);
  if (entries.length === 0) return { kind: 'empty' };
  if (!entries.includes(OUTPUT_MARKER)) {
    return { kind: 'foreign', reason: `${shown} is not empty and was not written by llm-market-sim; choose another --out folder`, finding: `it holds no ${OUTPUT_MARKER} marker, so it is not an output of llm-market-sim: ${listSome(entries.sort())}` };
  }
  const read = readRegularFile(join(folder, OUTPUT_MARKER), MAX_MARKER_BYTES);
  // A marker that cannot be read for want of access is not a foreign one: the access is what is missing, and said.
  if (!read.success && /\((EACCES|EPERM)\)$/.test(read.reason)) return unreadableMarker(folder, shown, read.reason);
  const text = read.success ? decodeText(read.bytes) : undefined;
  const lines = text?.success ? text.text.split('\n').filter((line) => line !== '') : undefined;
  let written: (relative: string) => boolean;
  if (lines?.[0] === HEADER) {
    const listed = new Set(lines.slice(1));
    written = (relative) => listed.has(relative);
  } else if (lines?.[0] === LEGACY_HEADER) {
    written = (relative) => LEGACY_OUTPUT_FILES.test(relative);
  } else {
    return { kind: 'foreign', reason: `${shown} holds a ${OUTPUT_MARKER} that is not this tool's marker; choose another --out folder`, finding: `its ${OUTPUT_MARKER} is not this tool's marker` };
  }
  const listedFolders = lines.slice(1).filter((l) => l.includes('/'));
  const descend = (relative: string) => listedFolders.some((l) => l.startsWith(relative));
  const foreign = entriesOf(folder, descend).filter((f) => f !== OUTPUT_MARKER && !written(f));
  if (foreign.length === 0) return { kind: 'ours' };
  const one = foreign.length === 1;
  const what = one ? (foreign[0]!.endsWith('/') ? 'a folder' : 'a file') : `${foreign.length} files or folders`;
  return {
    kind: 'foreign',
    reason:
      `${shown} holds ${what} that llm-market-sim did not write there: ${listSome(foreign)}. ` +
      `A new run replaces the whole folder, so it would delete ${one ? 'it' : 'them'}: move ${one ? 'it' : 'them'} out, or choose another --out folder`,
    finding: `it holds ${what} that llm-market-sim did not write there: ${listSome(foreign)}`,
  };
}
