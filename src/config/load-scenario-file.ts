import { readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { emptyComposition, mergeScenario, type AppendedEntry, type EventChanges } from './compose.js';
import { LIMIT_REASONS, MAX_CONFIG_FILE_BYTES } from './limits.js';
import type { ConfigProblem } from './references.js';
import { parseScenario, type Scenario } from './parse-scenario.js';
import { closestName } from './suggest.js';

/** What one file of an `extends` chain does to the events it inherits (null for the root, which inherits none). */
export interface FileEvents {
  readonly file: string;
  /** Events of the file's own list, for a root; what it does to its parent's, for a child. */
  readonly own: number;
  readonly changes: EventChanges | null;
}

export type LoadResult =
  | { success: true; scenario: Scenario; chain: readonly FileEvents[] }
  | { success: false; file: string; problems: readonly ConfigProblem[] };

type RawResult = Composed | { success: false; file: string; problems: ConfigProblem[] };

/** A file merged onto its chain of parents, with the parent's own merge kept for a branch. */
interface Composed {
  readonly success: true;
  readonly file: string;
  readonly json: unknown;
  readonly appended: AppendedEntry[];
  readonly chain: FileEvents[];
  readonly parent?: Composed;
}

/**
 * Reads a scenario file, follows its `extends` chain, and validates the merged result. A missing
 * file, broken JSON, a missing parent or a cycle is a problem, never a throw.
 */
export function loadScenarioFile(file: string): LoadResult {
  const raw = readComposed(resolve(file), []);
  if (!raw.success) return raw;
  const resolved = resolveScenario(raw, file);
  return resolved.success ? { ...resolved, chain: raw.chain } : resolved;
}

/**
 * Validates a merged file. A scenario that branches is validated with the scenario it branches
 * from, itself resolved the same way, so a problem in the parent is reported in the parent's file.
 */
function resolveScenario(raw: Composed, shownFile: string): { success: true; scenario: Scenario } | { success: false; file: string; problems: readonly ConfigProblem[] } {
  const branches = (raw.json as { branchesAt?: unknown } | null)?.branchesAt !== undefined;
  let parent: Scenario | undefined;
  if (branches && raw.parent) {
    const resolvedParent = resolveScenario(raw.parent, raw.parent.file);
    if (!resolvedParent.success) return resolvedParent;
    parent = resolvedParent.scenario;
  }
  const parsed = parseScenario(raw.json, parent);
  if (parsed.success) return parsed;
  return { success: false, file: shownFile, problems: [...explainAppended(raw.appended, parsed.problems), ...parsed.problems] };
}

/**
 * An entry whose id the parent lacks is appended as a new entity, so a mistyped id shows up as a
 * list of missing fields; say what happened, and which id was probably meant.
 */
function explainAppended(appended: readonly AppendedEntry[], problems: readonly ConfigProblem[]): ConfigProblem[] {
  return appended
    .filter((entry) => problems.some((p) => p.path === entry.path || p.path.startsWith(`${entry.path}.`) || p.path.startsWith(`${entry.path}[`)))
    .map((entry) => {
      const guess = closestName(entry.id, entry.parentIds);
      return {
        path: entry.path,
        message:
          `"${entry.id}" is not in the parent scenario (${entry.parentIds.join(', ')}), so it was added as a new entry ` +
          `and must be complete${guess ? `; did you mean "${guess}"?` : ''}`,
      };
    });
}

/** A path as the user would write it: relative to the working folder when inside it. */
function display(path: string): string {
  const shown = relative(process.cwd(), path);
  return shown === '' || shown.startsWith('..') || isAbsolute(shown) ? path : shown;
}

function readComposed(path: string, chain: readonly string[]): RawResult {
  const shown = display(path);
  if (chain.includes(path)) {
    const cycle = [...chain, path].map(display).join(' → ');
    return { success: false, file: shown, problems: [{ path: 'extends', message: `extends forms a cycle: ${cycle}` }] };
  }
  let text: string;
  try {
    const bytes = statSync(path).size;
    if (bytes > MAX_CONFIG_FILE_BYTES) {
      return { success: false, file: shown, problems: [{ path: chain.length > 0 ? 'extends' : '(file)', message: `${shown}: ${LIMIT_REASONS.configFile(bytes)}` }] };
    }
    // A byte-order mark is invisible in editors and not JSON; drop it rather than report it.
    text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : (error as Error).message;
    const child = chain.at(-1);
    if (child === undefined) return { success: false, file: shown, problems: [{ path: '(file)', message: `${shown}: ${reason}` }] };
    // A missing parent is the child's mistake: report it in the file that names it.
    const childShown = display(child);
    return { success: false, file: childShown, problems: [{ path: 'extends', message: `parent scenario ${shown}: ${reason}` }] };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { success: false, file: shown, problems: [{ path: '(json)', message: describeJsonError(text, error as Error) }] };
  }
  const parentName = json !== null && typeof json === 'object' && !Array.isArray(json) ? (json as { extends?: unknown }).extends : undefined;
  const ownEvents = json !== null && typeof json === 'object' && Array.isArray((json as { events?: unknown }).events) ? ((json as { events: unknown[] }).events) : [];
  if (parentName === undefined) {
    const removals = ownEvents.flatMap((event, i) => (event !== null && typeof event === 'object' && (event as { remove?: unknown }).remove === true ? [i] : []));
    if (removals.length > 0) {
      const problems = removals.map((i) => ({ path: `events[${i}]`, message: 'remove takes out an event of the parent scenario, and this file extends none' }));
      return { success: false, file: shown, problems };
    }
    return { success: true, file: shown, json, appended: [], chain: [{ file: shown, own: ownEvents.length, changes: null }] };
  }
  if (typeof parentName !== 'string') {
    return { success: false, file: shown, problems: [{ path: 'extends', message: 'must be the path of a parent scenario file' }] };
  }
  const parent = readComposed(resolve(dirname(path), parentName), [...chain, path]);
  if (!parent.success) return parent;
  const composition = emptyComposition();
  const merged = mergeScenario(parent.json, json, composition);
  if (composition.problems.length > 0) return { success: false, file: shown, problems: composition.problems };
  return {
    success: true,
    file: shown,
    json: merged,
    appended: [...parent.appended, ...composition.appended],
    chain: [...parent.chain, { file: shown, own: ownEvents.length, changes: composition.events }],
    parent,
  };
}

/** "line 12, column 5: Expected ',' or '}' after property value" from V8's position-based message. */
export function describeJsonError(text: string, error: Error): string {
  const position = /at position (\d+)/.exec(error.message);
  const offset = position ? Number(position[1]) : text.length;
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  const reason = error.message.replace(/ in JSON at position \d+.*$/s, '').replace(/^JSON\.parse: /, '');
  return `invalid JSON at line ${line}, column ${column}: ${reason}`;
}
