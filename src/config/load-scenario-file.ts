import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { valueAtPath } from './json-lookup.js';
import { readJsonFile, type JsonFileLimits } from '../io/read-json-file.js';
import { printablePath } from '../io/json-text.js';
import { siblingJsonFiles } from '../io/sibling-json-files.js';
import { kilobytes, shippedFileBytes } from '../io/shipped-file.js';
import { emptyComposition, mergeScenario, type AppendedEntry, type EntryOrigin, type EventChanges } from './compose.js';
import { id as idSchema } from './field-types.js';
import { LIMIT_REASONS, MAX_CONFIG_FILE_BYTES, MAX_EXTENDS_CHAIN, MAX_JSON_DEPTH } from './limits.js';
import type { ConfigProblem } from './references.js';
import { isOwnFileProblem } from './branch-rules.js';
import { checkFieldsAlone, formatPath, NO_PARENT, parseScenario, splitUnknownFields, type PartialScenario, type Scenario } from './parse-scenario.js';
import { closestName, editDistance, listBeside } from './suggest.js';
import { notAScenario, otherFile } from './other-file.js';
import { quote } from './quote.js';

/** What one file of an `extends` chain does to the events it inherits (null for the root, which inherits none). */
export interface FileEvents {
  readonly file: string;
  /** Events of the file's own list, for a root; what it does to its parent's, for a child. */
  readonly own: number;
  readonly changes: EventChanges | null;
}

/** A problem at its place in the file the user wrote: the file of the chain, and the path in it. */
export interface LocatedProblem extends ConfigProblem {
  readonly file: string;
}

export type LoadResult =
  | { success: true; scenario: Scenario; files: readonly string[]; chain: readonly FileEvents[]; /** The file merged onto its parents, as JSON. */ json: unknown }
  | { success: false; file: string; problems: readonly LocatedProblem[] };

/**
 * A chain that could not be read whole: `problems` say why; `below` are the files that could be
 * read on the way to the failure, each with its own JSON, the parent-most first, to be checked alone.
 */
type Refused = { success: false; file: string; problems: LocatedProblem[]; below?: readonly { readonly file: string; readonly json: unknown }[] };
type RawResult = Composed | Refused;

/** A file merged onto its chain of parents, with the parent's own merge kept for a branch. */
interface Composed {
  readonly success: true;
  readonly file: string;
  readonly json: unknown;
  /** The file's own JSON, before its parent was merged in. */
  readonly own: unknown;
  readonly appended: AppendedEntry[];
  /** Where the entries of lists merged entry by entry come from (see Composition.origins). */
  readonly origins: ReadonlyMap<string, readonly EntryOrigin[]>;
  /** Parent events this file removes, with the place of each removal in its list. */
  readonly removed: readonly { readonly id: string; readonly index: number }[];
  /** Mistakes found in merging this file onto its parent, in this file's own paths. */
  readonly mergeProblems: readonly ConfigProblem[];
  /** The files of the chain, this one first. */
  readonly files: string[];
  readonly chain: FileEvents[];
  readonly parent?: Composed;
}

function refused(file: string, problems: readonly ConfigProblem[]): Refused {
  return { success: false, file, problems: problems.map((p) => ({ ...p, file })) };
}

/** What a config file may be: a regular file of at most 10 MB, nested at most 64 levels. */
export const CONFIG_FILE_LIMITS: JsonFileLimits = {
  limit: MAX_CONFIG_FILE_BYTES,
  maxDepth: MAX_JSON_DEPTH,
  tooBig: (bytes) => {
    const baseline = shippedFileBytes('configs/baseline.json');
    return LIMIT_REASONS.configFile(bytes, baseline === undefined ? undefined : kilobytes(baseline));
  },
};

/**
 * Reads a scenario file, follows its `extends` chain, and validates the merged result. A missing
 * file, broken JSON, a missing parent or a cycle is a problem, never a throw. On success, `files`
 * are the absolute paths of every file of the chain, the config first.
 */
export function loadScenarioFile(file: string): LoadResult {
  return loadComposed(file, undefined);
}

/**
 * A scenario not yet written: `json` read as if it were the file `file` (its `extends` followed
 * from that file's folder), with the same problems, in the same words, as loadScenarioFile gives
 * once it is written. The explorer checks its drafts with it.
 */
export function loadScenarioDraft(file: string, json: unknown): LoadResult {
  return loadComposed(file, { json });
}

function loadComposed(file: string, draft: Draft | undefined): LoadResult {
  const raw = readComposed(resolve(file), [], draft);
  // The heading names the file the user gave, whichever file of its chain the problems are in; that file's own are said without its name.
  const own = display(resolve(file));
  const asGiven = (problems: readonly LocatedProblem[]) => problems.map((p) => (p.file === own ? { ...p, file } : p));
  if (!raw.success) {
    // A parent that cannot be read: what each file read on the way states wrongly on its own is said too.
    const alone = (raw.below ?? []).flatMap((read) => checkFieldsAlone(read.json).map((p) => ({ ...p, file: read.file })));
    return { success: false, file, problems: asGiven(dedupe([...raw.problems, ...alone])) };
  }
  const resolved = resolveScenario(raw, file);
  return resolved.success ? { ...resolved, files: raw.files, chain: raw.chain, json: raw.json } : { success: false, file, problems: asGiven(resolved.problems) };
}

function dedupe(problems: readonly LocatedProblem[]): LocatedProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.file}\u0000${p.path}\u0000${p.message}`;
    return !seen.has(key) && seen.add(key) !== undefined;
  });
}

/** What the first file of a chain holds when it is not read from disk. */
interface Draft {
  readonly json: unknown;
}

/**
 * Validates a merged file. A scenario that branches is validated with the scenario it branches
 * from, itself resolved the same way, so a problem in the parent is reported in the parent's file.
 */
function resolveScenario(raw: Composed, shownFile: string): { success: true; scenario: Scenario } | (Refused & { partial?: PartialScenario }) {
  const branches = (raw.json as { branchesAt?: unknown } | null)?.branchesAt !== undefined;
  let parent: Scenario | undefined;
  let partialParent: PartialScenario | undefined;
  let parentProblems: readonly LocatedProblem[] = [];
  // A child that extends without branching runs as it stands; the file it extends, when valid on
  // its own, is kept beside it to measure its changes from should a run stop on a NaN. When it is
  // not, what of it parses stands in for the child's invalid fields, so the child's own rules are
  // checked whatever state its parent is in (a branch of it is then checked against that).
  let extended: Scenario | undefined;
  let extendedPartial: PartialScenario | undefined;
  if (raw.parent) {
    const resolvedParent = resolveScenario(raw.parent, raw.parent.file);
    if (resolvedParent.success) {
      if (branches) parent = resolvedParent.scenario;
      else extended = resolvedParent.scenario;
    } else if (branches) {
      parentProblems = resolvedParent.problems;
      partialParent = resolvedParent.partial;
    } else {
      extendedPartial = resolvedParent.partial;
    }
  }
  const removedEvents = raw.removed.map(({ id, index }) => ({ id, path: `events[${index}]` }));
  const parsed = parseScenario(raw.json, parent, {
    removedEvents,
    ...(extended ? { extended } : {}),
    ...(partialParent ? { partialParent } : {}),
    ...(extendedPartial ? { extendedPartial } : {}),
  });
  if (parsed.success && raw.mergeProblems.length === 0 && parentProblems.length === 0) return parsed;
  // Without a valid parent the branch rules cannot be checked: the parent's problems say why.
  const parentInvalid = raw.parent !== undefined && parentProblems.length > 0;
  const found = parsed.success ? [] : [...explainAppended(raw.appended, parsed.problems), ...parsed.problems].filter((p) => !(parentInvalid && p.path === 'branchesAt' && p.message.startsWith(NO_PARENT)));
  // A removal is named in this file already; the rest are paths in the merged config, put back in the file they come from.
  // Unknown fields each in the file that gives them: a parent's top-level field is the parent's, not its child's.
  const located = found.flatMap((p) =>
    isOwnFileProblem(p) ? [{ path: p.path, message: p.message, file: raw.file }] : (splitUnknownFields(p, (field) => locate(raw, { path: field, message: p.message })) ?? [relocate(raw, p)]),
  );
  const merging = raw.mergeProblems.map((p) => ({ ...p, file: raw.file }));
  // What the merge already refused (an entry it left out, a removal with nothing to remove) is said once, by the merge.
  const within = (p: LocatedProblem, outer: LocatedProblem) => p.file === outer.file && (p.path === outer.path || p.path.startsWith(`${outer.path}.`) || p.path.startsWith(`${outer.path}[`));
  // A problem in a parent that is valid on its own is one this file's changes make (a list it gives whole replacing the parent's, say).
  const parentValid = parent !== undefined || extended !== undefined;
  const made = (p: LocatedProblem) => (parentValid && p.file !== raw.file ? { ...p, message: `${p.message}; ${printablePath(p.file)} is valid without ${printablePath(raw.file)}: a change ${printablePath(raw.file)} makes causes this` } : p);
  const rest = located.filter((p) => !merging.some((m) => within(p, m))).map(made);
  const seen = new Set<string>();
  const all = [...parentProblems, ...merging, ...rest].filter((p) => {
    const key = `${p.file}\u0000${p.path}\u0000${p.message}`;
    return !seen.has(key) && seen.add(key) !== undefined;
  });
  const partial = parsed.success ? { shape: parsed.scenario, substituted: new Set<string>() } : parsed.partial;
  return { success: false, file: shownFile, problems: all, ...(partial ? { partial } : {}) };
}

/** A path as segments: "events[3].vendor" → ["events", 3, "vendor"]; "(json)" and the like are no path. */
function segmentsOf(path: string): (string | number)[] | undefined {
  if (path.startsWith('(')) return path === '(top level)' ? [] : undefined;
  return [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]!));
}

function has(json: unknown, segments: readonly (string | number)[]): boolean {
  return valueAtPath(json, segments).present;
}

/**
 * A problem found in the merged config, at its place in the file of the chain it comes from: the
 * file that holds the value (or the entry it adds), with the index the entry has in that file.
 */
function locate(node: Composed, problem: ConfigProblem): LocatedProblem {
  const segments = segmentsOf(problem.path);
  if (segments === undefined || node.parent === undefined) return { ...problem, file: node.file };
  const mine: (string | number)[] = [];
  const theirs: (string | number)[] = [];
  let inMine = true;
  let inTheirs = true;
  /** Whether the path runs through an entry only this file has (so what is missing there is this file's to give). */
  let addedHere = false;
  segments.forEach((segment, k) => {
    if (typeof segment === 'number') {
      const origins = node.origins.get(formatPath(segments.slice(0, k)));
      // A list not merged entry by entry is the child's whole when the child gives it, else the parent's.
      const childGives = inMine && has(node.own, mine);
      const fromMine: number | undefined = origins ? origins[segment]?.child : childGives ? segment : undefined;
      const fromTheirs: number | undefined = origins ? origins[segment]?.parent : childGives ? undefined : segment;
      if (fromMine !== undefined && fromTheirs === undefined) addedHere = true;
      inMine = inMine && fromMine !== undefined;
      inTheirs = inTheirs && fromTheirs !== undefined;
      mine.push(fromMine ?? segment);
      theirs.push(fromTheirs ?? segment);
    } else {
      mine.push(segment);
      theirs.push(segment);
    }
  });
  if (inMine && (has(node.own, mine) || addedHere || !inTheirs)) return { ...problem, path: formatPath(mine), file: node.file };
  if (inTheirs) return locate(node.parent, { ...problem, path: formatPath(theirs) });
  return { ...problem, file: node.file }; // no entry of either file: the path as found, in this file
}

/** An entry of a list a message may name another by: "events[65]", as the merged config numbers it. */
const ENTRY_REFERENCE = /\b(?:events|marketplace|vendors|clouds|dealsAtStart)\[\d+\]/g;

/**
 * A problem located (see locate), with the entries its message names put in the user's files too:
 * an event without an id is named by its index in the merged config ("events[65] merges ..."), which
 * the user's file of 1 event does not have. The problem's own entry is "this event" (and a message
 * that starts by naming it loses the name, which its path already gives); one in another file of the
 * chain is named with that file.
 */
function relocate(node: Composed, problem: ConfigProblem): LocatedProblem {
  const located = locate(node, problem);
  const own = /^[^.]*?\[\d+\]/.exec(problem.path)?.[0];
  const message = problem.message
    .replace(own === undefined ? /$^/ : new RegExp(`^${own.replace(/[[\]]/g, '\\$&')}: `), '')
    .replace(ENTRY_REFERENCE, (reference) => {
      if (reference === own) return reference.startsWith('events') ? 'this event' : 'this entry';
      const at = locate(node, { path: reference, message: '' });
      return at.file === located.file ? at.path : `${at.path} of ${printablePath(at.file)}`;
    });
  return { ...located, message };
}

/**
 * An entry whose id the parent lacks is appended as a new entity, so a mistyped id shows up as a
 * list of missing fields; say what happened, and which id was probably meant.
 */
function explainAppended(appended: readonly AppendedEntry[], problems: readonly ConfigProblem[]): ConfigProblem[] {
  return appended
    // A new event is told apart from a typo by a field it lacks; a rule it breaks is no sign of either.
    .filter((entry) => problems.some((p) => (p.path === entry.path && !entry.path.startsWith('events[')) || p.path.startsWith(`${entry.path}.`) || p.path.startsWith(`${entry.path}[`)))
    .map((entry) => {
      const guess = closestName(entry.id.toLowerCase(), entry.parentIds) ?? closestName(entry.id, entry.parentIds);
      const invalid = idSchema.safeParse(entry.id).success ? '' : ' is not a valid id (an id is lower-case letters, digits and dashes, starting with a letter), and it';
      return {
        path: entry.path,
        message:
          `${quote(entry.id)}${invalid} is not in the parent scenario${listBeside(guess, entry.parentIds) ? ` (${entry.parentIds.join(', ')})` : ''}, so it was added as a new entry ` +
          `and must be complete${guess ? `; did you mean "${guess}"?` : ''}`,
      };
    });
}

/** A path as the user would write it: relative to the working folder when inside it. */
function display(path: string): string {
  const shown = relative(process.cwd(), path);
  return shown === '' || shown.startsWith('..') || isAbsolute(shown) ? path : shown;
}

/**
 * The JSON file beside a missing path that it is a typo of (basline.json → baseline.json): at most
 * two edits away, and fewer in a short name; a name merely alike (no-such-parent, bad-parent) is none.
 */
function mistypedFile(path: string): string | undefined {
  const stem = (name: string) => name.replace(/\.json$/i, '').toLowerCase();
  const typed = stem(basename(path));
  const most = Math.min(2, Math.ceil(typed.length / 4));
  let best: { name: string; distance: number } | undefined;
  for (const name of siblingJsonFiles(path)) {
    const distance = editDistance(typed, stem(name));
    if (distance <= most && (best === undefined || distance < best.distance)) best = { name, distance };
  }
  return best?.name;
}

/**
 * `written` is the parent's path as its child's extends gives it, so that a guess at a mistyped
 * one is the value to write there (relative to the child), not where it resolves to.
 */
function readComposed(path: string, chain: readonly string[], draft?: Draft, written?: string): RawResult {
  const shown = display(path);
  if (chain.includes(path)) {
    const cycle = [...chain, path].map((file) => printablePath(display(file))).join(' → ');
    return refused(shown, [{ path: 'extends', message: `extends forms a cycle: ${cycle}` }]);
  }
  if (chain.length >= MAX_EXTENDS_CHAIN) {
    return refused(display(chain[0]!), [{ path: 'extends', message: LIMIT_REASONS.extendsChain([...chain, path].map((file) => printablePath(display(file)))) }]);
  }
  const read = draft !== undefined ? { success: true as const, json: draft.json } : readJsonFile(path, CONFIG_FILE_LIMITS);
  if (!read.success) {
    if (read.kind === 'json') return refused(shown, [{ path: '(json)', message: read.reason }]);
    const missing = /^no such file or folder \(ENOENT\)$/.test(read.reason);
    // A mistyped name (configs/basline.json) gets the file of its folder it was probably meant to be.
    const guess = missing ? mistypedFile(path) : undefined;
    const meant =
      guess === undefined
        ? ''
        : written === undefined
          ? `; did you mean ${printablePath(join(dirname(shown), guess))}?`
          : `; did you mean "extends": ${printablePath(JSON.stringify(`${written.slice(0, written.length - basename(written).length)}${guess}`))}?`;
    const reason = missing ? `no such file${meant}` : read.reason;
    const child = chain.at(-1);
    if (child === undefined) return refused(shown, [{ path: '(file)', message: `${printablePath(shown)}: ${reason}` }]);
    // A missing or unreadable parent is the child's mistake: report it in the file that names it.
    return refused(display(child), [{ path: 'extends', message: `parent scenario ${printablePath(shown)}: ${reason}` }]);
  }
  const json = read.json;
  // A run's manifest, a targets file, the configs' JSON Schema: one sentence saying so, not a dozen missing fields.
  const output = otherFile(json);
  if (output !== undefined) {
    const child = chain.at(-1);
    if (child === undefined) return refused(shown, [{ path: '(file)', message: printablePath(notAScenario(shown, output)) }]);
    return refused(display(child), [{ path: 'extends', message: `parent scenario ${printablePath(notAScenario(shown, output))}` }]);
  }
  const parentName = json !== null && typeof json === 'object' && !Array.isArray(json) ? (json as { extends?: unknown }).extends : undefined;
  const ownEvents = json !== null && typeof json === 'object' && Array.isArray((json as { events?: unknown }).events) ? (json as { events: unknown[] }).events : [];
  if (parentName === undefined) {
    const removals = ownEvents.flatMap((event, i) => (event !== null && typeof event === 'object' && (event as { remove?: unknown }).remove === true ? [i] : []));
    const mergeProblems = removals.map((i) => ({ path: `events[${i}]`, message: 'remove takes out an event of the parent scenario, and this file extends none' }));
    return {
      success: true,
      file: shown,
      json,
      own: json,
      appended: [],
      origins: new Map(),
      removed: [],
      mergeProblems,
      files: [path],
      chain: [{ file: shown, own: ownEvents.length, changes: null }],
    };
  }
  if (typeof parentName !== 'string') {
    return { ...refused(shown, [{ path: 'extends', message: 'must be the path of a parent scenario file' }]), below: [{ file: shown, json }] };
  }
  const parent = readComposed(resolve(dirname(path), parentName), [...chain, path], undefined, parentName);
  if (!parent.success) return { ...parent, below: [...(parent.below ?? []), { file: shown, json }] };
  const composition = emptyComposition();
  const merged = mergeScenario(parent.json, json, composition);
  return {
    success: true,
    file: shown,
    json: merged,
    own: json,
    origins: composition.origins,
    removed: composition.removed,
    mergeProblems: composition.problems,
    appended: [...parent.appended, ...composition.appended],
    files: [path, ...parent.files],
    chain: [...parent.chain, { file: shown, own: ownEvents.length, changes: composition.events }],
    parent,
  };
}
