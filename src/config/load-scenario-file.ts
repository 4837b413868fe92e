import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { readJsonFile, type JsonFileLimits } from '../io/read-json-file.js';
import { emptyComposition, mergeScenario, type AppendedEntry, type EventChanges } from './compose.js';
import { id as idSchema } from './field-types.js';
import { LIMIT_REASONS, MAX_CONFIG_FILE_BYTES, MAX_EXTENDS_CHAIN, MAX_JSON_DEPTH } from './limits.js';
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
  | { success: true; scenario: Scenario; files: readonly string[]; chain: readonly FileEvents[] }
  | { success: false; file: string; problems: readonly ConfigProblem[] };

type RawResult = Composed | { success: false; file: string; problems: ConfigProblem[] };

/** A file merged onto its chain of parents, with the parent's own merge kept for a branch. */
interface Composed {
  readonly success: true;
  readonly file: string;
  readonly json: unknown;
  readonly appended: AppendedEntry[];
  /** The files of the chain, this one first. */
  readonly files: string[];
  readonly chain: FileEvents[];
  readonly parent?: Composed;
}

/** What a config file may be: a regular file of at most 10 MB, nested at most 64 levels. */
export const CONFIG_FILE_LIMITS: JsonFileLimits = { limit: MAX_CONFIG_FILE_BYTES, maxDepth: MAX_JSON_DEPTH, tooBig: LIMIT_REASONS.configFile };

/**
 * Reads a scenario file, follows its `extends` chain, and validates the merged result. A missing
 * file, broken JSON, a missing parent or a cycle is a problem, never a throw. On success, `files`
 * are the absolute paths of every file of the chain, the config first.
 */
export function loadScenarioFile(file: string): LoadResult {
  const raw = readComposed(resolve(file), []);
  if (!raw.success) return raw;
  const resolved = resolveScenario(raw, file);
  return resolved.success ? { ...resolved, files: raw.files, chain: raw.chain } : resolved;
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
      const guess = closestName(entry.id.toLowerCase(), entry.parentIds) ?? closestName(entry.id, entry.parentIds);
      const invalid = idSchema.safeParse(entry.id).success ? '' : ' is not a valid id (an id is lower-case letters, digits and dashes, starting with a letter), and it';
      return {
        path: entry.path,
        message:
          `"${entry.id}"${invalid} is not in the parent scenario (${entry.parentIds.join(', ')}), so it was added as a new entry ` +
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
  if (chain.length >= MAX_EXTENDS_CHAIN) {
    return { success: false, file: display(chain[0]!), problems: [{ path: 'extends', message: LIMIT_REASONS.extendsChain([...chain, path].map(display)) }] };
  }
  const read = readJsonFile(path, CONFIG_FILE_LIMITS);
  if (!read.success) {
    if (read.kind === 'json') return { success: false, file: shown, problems: [{ path: '(json)', message: read.reason }] };
    const reason = read.reason.replace(/^no such file or folder \(ENOENT\)$/, 'no such file');
    const child = chain.at(-1);
    if (child === undefined) return { success: false, file: shown, problems: [{ path: '(file)', message: `${shown}: ${reason}` }] };
    // A missing or unreadable parent is the child's mistake: report it in the file that names it.
    return { success: false, file: display(child), problems: [{ path: 'extends', message: `parent scenario ${shown}: ${reason}` }] };
  }
  const json = read.json;
  const parentName = json !== null && typeof json === 'object' && !Array.isArray(json) ? (json as { extends?: unknown }).extends : undefined;
  const ownEvents = json !== null && typeof json === 'object' && Array.isArray((json as { events?: unknown }).events) ? (json as { events: unknown[] }).events : [];
  if (parentName === undefined) {
    const removals = ownEvents.flatMap((event, i) => (event !== null && typeof event === 'object' && (event as { remove?: unknown }).remove === true ? [i] : []));
    if (removals.length > 0) {
      const problems = removals.map((i) => ({ path: `events[${i}]`, message: 'remove takes out an event of the parent scenario, and this file extends none' }));
      return { success: false, file: shown, problems };
    }
    return { success: true, file: shown, json, appended: [], files: [path], chain: [{ file: shown, own: ownEvents.length, changes: null }] };
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
    files: [path, ...parent.files],
    chain: [...parent.chain, { file: shown, own: ownEvents.length, changes: composition.events }],
    parent,
  };
}
