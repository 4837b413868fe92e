/**
 * `extends`: a scenario can name a parent file and state only what differs. Merge rules:
 * - objects merge key by key, recursively;
 * - arrays of objects that all carry an `id` (clouds, vendors, segments) merge entry by entry on
 *   `id`: an entry with a known id merges into the parent's, a new id is appended, order kept;
 * - `events` append to the parent's; an event whose `id` is the parent's replaces it whole, and
 *   `{ "id": ..., "remove": true }` removes it;
 * - `marketplace` listings merge on their (cloud, vendor) pair: a known pair merges into the
 *   parent's listing, a new one is appended, `{ "cloud", "vendor", "remove": true }` removes one;
 * - a policy (an object with a `type`) that names another type than its parent's replaces it
 *   whole: the parent's params belong to the old type and would be unknown to the new one;
 * - any other array, and any scalar, replaces the parent's value.
 * An id (or pair) given twice in one of the child's lists is an error: the second would silently
 * win. The `extends` key itself is not inherited.
 */

import type { ConfigProblem } from './references.js';
import { closestName, listBeside } from './suggest.js';
import { quote } from './quote.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Entry = Record<string, Json>;

/** An entry a child appended to an id-keyed list of its parent: a new entity, or a mistyped id. */
export interface AppendedEntry {
  /** JSON path of the entry in the merged scenario, e.g. "vendors[6]". */
  readonly path: string;
  readonly id: string;
  /** The ids the parent's list already had. */
  readonly parentIds: readonly string[];
}

/** What a child does to its parent's events. */
export interface EventChanges {
  inherits: number;
  adds: number;
  replaces: number;
  removes: number;
}

/** Where an entry of a merged list comes from: its index in the parent's list, in the child's, or both (merged). */
export interface EntryOrigin {
  readonly parent?: number;
  readonly child?: number;
}

/** What merging one child into its parent found: appended entries, mistakes, the events' fate. */
export interface Composition {
  readonly appended: AppendedEntry[];
  /** Mistakes of the child's, each with its path in the child file. */
  readonly problems: ConfigProblem[];
  readonly events: EventChanges;
  /** For each list merged entry by entry, by its path in the merged config: where each entry comes from. */
  readonly origins: Map<string, EntryOrigin[]>;
  /** Parent events the child removes: their id and the place of the removal in the child's list. */
  readonly removed: { readonly id: string; readonly index: number }[];
}

export function emptyComposition(): Composition {
  return { appended: [], problems: [], events: { inherits: 0, adds: 0, replaces: 0, removes: 0 }, origins: new Map(), removed: [] };
}

function isObject(value: unknown): value is Entry {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isIdList(value: unknown): value is Entry[] {
  return Array.isArray(value) && value.every((v) => isObject(v) && typeof v.id === 'string');
}

function isPolicyChange(parent: Entry, child: Entry): boolean {
  return typeof parent.type === 'string' && typeof child.type === 'string' && parent.type !== child.type;
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

/** Reports a key given twice in one of the child's lists, at the second place. */
function checkUnique(entries: readonly Entry[], keyOf: (entry: Entry) => string | undefined, what: string, path: string, problems: ConfigProblem[]): void {
  const first = new Map<string, number>();
  entries.forEach((entry, i) => {
    const key = keyOf(entry);
    if (key === undefined) return;
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, i);
    else problems.push({ path: `${path}[${i}]`, message: `${what} ${quote(key)} is given twice, here and at ${path}[${earlier}]; merge them into one entry` });
  });
}

/**
 * The child applied on top of the parent. What the merge finds goes into `composition`: entries
 * appended to id-keyed lists (so a mistyped id can be told apart from a new entity), mistakes,
 * and what became of the parent's events.
 */
export function mergeScenario(parent: unknown, child: unknown, composition: Composition = emptyComposition(), path = ''): unknown {
  if (isObject(parent) && isObject(child)) {
    if (isPolicyChange(parent, child)) return child;
    const merged: Record<string, unknown> = { ...parent };
    delete merged.extends;
    for (const [key, value] of Object.entries(child)) {
      if (key === 'extends') continue;
      const at = join(path, key);
      if (path === '' && key === 'events' && Array.isArray(parent.events) && Array.isArray(value)) {
        merged.events = mergeEvents(parent.events, value, composition);
      } else if (path === '' && key === 'marketplace' && Array.isArray(parent.marketplace) && Array.isArray(value)) {
        merged.marketplace = mergeListings(parent.marketplace, value, composition);
      } else {
        merged[key] = key in parent ? mergeScenario(parent[key], value, composition, at) : value;
      }
    }
    if (path === '' && !('events' in child) && Array.isArray(parent.events)) composition.events.inherits = parent.events.length;
    return merged;
  }
  // An entry without an id in a list merged by id would have the child's list replace the parent's
  // whole (dozens of problems, blamed on the parent): say what is wrong with it, merge the others.
  if (isIdList(parent) && parent.length > 0 && Array.isArray(child) && child.length > 0 && child.every(isObject) && !isIdList(child)) {
    const entries = child as readonly Record<string, unknown>[];
    const ids = parent.map((entry) => entry.id as string).join(', ');
    entries.forEach((entry, i) => {
      if (typeof entry.id === 'string') return;
      const found = entry.id === undefined ? 'this one has none' : `found ${JSON.stringify(entry.id)?.slice(0, 80)}`;
      composition.problems.push({ path: `${path}[${i}].id`, message: `an entry of ${path} names by its id, a string, the parent's entry it changes (${ids}) or a new one; ${found}` });
    });
    return mergeScenario(parent, entries.filter((entry) => typeof entry.id === 'string'), composition, path);
  }
  if (isIdList(parent) && isIdList(child)) {
    checkUnique(child, (e) => e.id as string, 'id', path, composition.problems);
    const origins: EntryOrigin[] = [];
    const merged = parent.map((entry, i) => {
      const c = child.findIndex((candidate) => candidate.id === entry.id);
      origins.push(c < 0 ? { parent: i } : { parent: i, child: c });
      return c < 0 ? entry : mergeScenario(entry, child[c], composition, `${path}[${i}]`);
    });
    const parentIds = parent.map((p) => p.id as string);
    const added = new Set<string>();
    child.forEach((entry, c) => {
      const id = entry.id as string;
      if (parentIds.includes(id) || added.has(id)) return;
      added.add(id);
      composition.appended.push({ path: `${path}[${merged.length}]`, id, parentIds });
      origins.push({ child: c });
      merged.push(entry);
    });
    composition.origins.set(path, origins);
    return merged;
  }
  return child;
}

function isRemoval(entry: unknown): entry is Entry & { remove: true } {
  return isObject(entry) && entry.remove === true;
}

/** `"remove": false` (or any value but true) is a mistake, said in words rather than left to the schema. */
function badRemoval(entry: unknown, what: string, path: string, problems: ConfigProblem[]): boolean {
  if (!isObject(entry) || !('remove' in entry) || entry.remove === true) return false;
  problems.push({
    path: `${path}.remove`,
    message: `"remove" takes only true, to take ${what} out of the parent's list; found ${JSON.stringify(entry.remove)}: to keep it as the parent has it, leave this entry out`,
  });
  return true;
}

/**
 * What a file's own events state wrongly whatever its parent holds, for when the parent cannot be
 * read: a `remove` that is not true, a removal without an id or with more than id and remove. Returns
 * those, and the indices of the entries that are removals (or mistaken ones): every other entry
 * replaces a parent's event whole or is appended, so it is a complete event and checked as one.
 */
export function ownEventProblems(events: readonly unknown[]): { problems: ConfigProblem[]; notEvents: Set<number> } {
  const problems: ConfigProblem[] = [];
  const notEvents = new Set<number>();
  events.forEach((event, i) => {
    const id = isObject(event) && typeof event.id === 'string' ? event.id : undefined;
    if (badRemoval(event, id === undefined ? 'an event' : `the event ${quote(id)}`, `events[${i}]`, problems)) notEvents.add(i);
    else if (isRemoval(event)) {
      notEvents.add(i);
      const extra = Object.keys(event).filter((key) => key !== 'id' && key !== 'remove');
      if (id === undefined) problems.push({ path: `events[${i}]`, message: 'a removal names the parent’s event by its id: { "id": "...", "remove": true }' });
      else if (extra.length > 0) problems.push({ path: `events[${i}]`, message: `a removal holds only id and remove; found also ${extra.join(', ')}` });
    }
  });
  return { problems, notEvents };
}

/** The parent's events with the child's replacements in place and removals gone, then the child's new events. */
function mergeEvents(parent: readonly Json[], child: readonly Json[], composition: Composition): Json[] {
  const { problems, events } = composition;
  const idOf = (event: Json): string | undefined => (isObject(event) && typeof event.id === 'string' ? event.id : undefined);
  checkUnique(child.filter(isObject), idOf, 'event id', 'events', problems);
  const parentIds = parent.map(idOf).filter((id): id is string => id !== undefined);
  const byId = new Map<string, { event: Json; index: number }>();
  const removed = new Set<string>();
  const added: { event: Json; index: number }[] = [];
  child.forEach((event, i) => {
    const id = idOf(event);
    if (badRemoval(event, id === undefined ? 'an event' : `the event ${quote(id)}`, `events[${i}]`, problems)) return;
    if (isRemoval(event)) {
      const extra = Object.keys(event).filter((key) => key !== 'id' && key !== 'remove');
      if (id === undefined) problems.push({ path: `events[${i}]`, message: 'a removal names the parent’s event by its id: { "id": "...", "remove": true }' });
      else if (!parentIds.includes(id)) {
        const guess = closestName(id, parentIds);
        const list = listBeside(guess, parentIds) ? `; its event ids: ${parentIds.join(', ') || 'none'}` : `; it has ${parentIds.length} events`;
        problems.push({ path: `events[${i}].id`, message: `no event ${quote(id)} in the parent to remove${guess ? ` (did you mean "${guess}"?)` : ''}${list}` });
      }
      else if (extra.length > 0) problems.push({ path: `events[${i}]`, message: `a removal holds only id and remove; found also ${extra.join(', ')}` });
      else {
        removed.add(id);
        composition.removed.push({ id, index: i });
      }
      return;
    }
    if (id !== undefined && parentIds.includes(id)) byId.set(id, { event, index: i });
    else added.push({ event, index: i });
  });
  const merged: Json[] = [];
  const origins: EntryOrigin[] = [];
  parent.forEach((event, p) => {
    const id = idOf(event);
    if (id !== undefined && removed.has(id)) {
      events.removes++;
      return;
    }
    const replacement = id === undefined ? undefined : byId.get(id);
    if (replacement !== undefined) events.replaces++;
    else events.inherits++;
    merged.push(replacement?.event ?? event);
    // A replacement is the child's whole: nothing of the parent's event is left in it.
    origins.push(replacement === undefined ? { parent: p } : { child: replacement.index });
  });
  events.adds += added.length;
  // A new event whose id is a typo of the parent's was most likely meant to replace that one.
  added.forEach(({ event }, k) => {
    const id = idOf(event);
    if (id !== undefined && closestName(id, parentIds) !== undefined) composition.appended.push({ path: `events[${merged.length + k}]`, id, parentIds });
  });
  composition.origins.set('events', [...origins, ...added.map(({ index }) => ({ child: index }))]);
  return [...merged, ...added.map(({ event }) => event)];
}

/** Listings keyed by their (cloud, vendor) pair. */
function mergeListings(parent: readonly Json[], child: readonly Json[], composition: Composition): Json[] {
  const pairOf = (listing: Json): string | undefined =>
    isObject(listing) && typeof listing.cloud === 'string' && typeof listing.vendor === 'string' ? `${listing.vendor} on ${listing.cloud}` : undefined;
  checkUnique(child.filter(isObject), pairOf, 'listing', 'marketplace', composition.problems);
  const parentPairs = parent.map(pairOf);
  const mistaken = new Set(child.filter((listing, i) => badRemoval(listing, `the listing of ${pairOf(listing) ?? 'this pair'}`, `marketplace[${i}]`, composition.problems)));
  const merged: Json[] = [];
  const origins: EntryOrigin[] = [];
  parent.forEach((listing, p) => {
    const pair = pairOf(listing);
    const c = child.findIndex((candidate) => pair !== undefined && pairOf(candidate) === pair && !mistaken.has(candidate));
    const override = c < 0 ? undefined : child[c];
    if (isRemoval(override)) return;
    merged.push(override === undefined ? listing : (mergeScenario(listing, override, composition) as Json));
    origins.push(c < 0 ? { parent: p } : { parent: p, child: c });
  });
  child.forEach((listing, i) => {
    const pair = pairOf(listing);
    if ((pair !== undefined && parentPairs.includes(pair)) || mistaken.has(listing)) return;
    if (isRemoval(listing)) {
      const pairs = parentPairs.filter((p): p is string => p !== undefined);
      const guess = pair === undefined ? undefined : closestName(pair, pairs);
      const list = listBeside(guess, pairs) ? `; its listings: ${pairs.join(', ') || 'none'}` : `; it has ${pairs.length} listings`;
      composition.problems.push({ path: `marketplace[${i}]`, message: `no listing of ${pair ?? 'this pair'} in the parent to remove${guess ? ` (did you mean ${guess}?)` : ''}${list}` });
      return;
    }
    merged.push(listing);
    origins.push({ child: i });
  });
  composition.origins.set('marketplace', origins);
  return merged;
}
