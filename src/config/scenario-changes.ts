/**
 * What a scenario changes from the one it extends: the inverse of compose.ts's merge. Given the
 * parent as merged JSON and an edited copy of it, `scenarioChanges` returns the smallest child
 * (without `extends`) that mergeScenario(parent, child) turns back into the edited copy:
 * - objects hold only the keys whose values differ, recursively;
 * - lists of entries with an `id` (clouds, vendors, segments) hold only the entries that differ,
 *   each as its id and what differs, and the new entries whole;
 * - `events` hold each changed event whole (its id replaces the parent's), `{ id, remove: true }`
 *   for one taken out, and the new ones;
 * - `marketplace` listings are keyed by their (cloud, vendor) pair, as the merge keys them;
 * - a policy whose type changed is given whole; any other list or scalar that differs, whole.
 * A key the edit deleted from an object cannot be said by `extends` and is not: the explorer never
 * deletes one (a policy's params go with its type, which is given whole).
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Entry = { [key: string]: Json };

function isObject(value: unknown): value is Entry {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isIdList(value: unknown): value is Entry[] {
  return Array.isArray(value) && value.length > 0 && value.every((v) => isObject(v) && typeof v.id === 'string');
}

export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((v, i) => sameJson(v, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => k in b && sameJson(a[k], b[k]));
  }
  return false;
}

/** The child scenario holding only what `edited` changes from `parent`; an empty object when nothing does. */
export function scenarioChanges(parent: unknown, edited: unknown): Record<string, unknown> {
  const changes = changesOf(parent, edited, '');
  return isObject(changes) ? changes : {};
}

function changesOf(parent: unknown, edited: unknown, path: string): Json | undefined {
  if (sameJson(parent, edited)) return undefined;
  if (isObject(parent) && isObject(edited)) {
    if (typeof parent.type === 'string' && typeof edited.type === 'string' && parent.type !== edited.type) return edited;
    const out: Entry = {};
    for (const [key, value] of Object.entries(edited)) {
      if (key === 'extends') continue;
      const change =
        path === '' && key === 'events' && Array.isArray(parent.events) && Array.isArray(value)
          ? eventChanges(parent.events, value)
          : path === '' && key === 'marketplace' && Array.isArray(parent.marketplace) && Array.isArray(value)
            ? listingChanges(parent.marketplace, value)
            : key in parent
              ? changesOf(parent[key], value, path === '' ? key : `${path}.${key}`)
              : value;
      if (change !== undefined) out[key] = change;
    }
    return Object.keys(out).length > 0 ? out : undefined;
  }
  if (isIdList(parent) && isIdList(edited)) {
    const out: Json[] = [];
    for (const entry of edited) {
      const before = parent.find((p) => p.id === entry.id);
      if (before === undefined) out.push(entry);
      else {
        const change = changesOf(before, entry, `${path}[]`);
        if (isObject(change)) out.push({ id: entry.id!, ...change });
      }
    }
    return out.length > 0 ? out : undefined;
  }
  return edited as Json;
}

function eventChanges(parent: readonly Json[], edited: readonly Json[]): Json[] | undefined {
  const idOf = (event: Json): string | undefined => (isObject(event) && typeof event.id === 'string' ? event.id : undefined);
  const editedIds = new Set(edited.map(idOf).filter((id) => id !== undefined));
  const out: Json[] = [];
  for (const event of parent) {
    const id = idOf(event);
    if (id !== undefined && !editedIds.has(id)) out.push({ id, remove: true });
  }
  for (const event of edited) {
    const id = idOf(event);
    const before = id === undefined ? undefined : parent.find((p) => idOf(p) === id);
    if (before === undefined || !sameJson(before, event)) out.push(event);
  }
  return out.length > 0 ? out : undefined;
}

function listingChanges(parent: readonly Json[], edited: readonly Json[]): Json[] | undefined {
  const pairOf = (listing: Json): string | undefined => (isObject(listing) && typeof listing.cloud === 'string' && typeof listing.vendor === 'string' ? `${listing.vendor} on ${listing.cloud}` : undefined);
  const editedPairs = new Set(edited.map(pairOf));
  const out: Json[] = [];
  for (const listing of parent) {
    if (isObject(listing) && !editedPairs.has(pairOf(listing))) out.push({ cloud: listing.cloud!, vendor: listing.vendor!, remove: true });
  }
  for (const listing of edited) {
    const before = parent.find((p) => pairOf(p) === pairOf(listing));
    if (before === undefined) out.push(listing);
    else {
      const change = changesOf(before, listing, 'marketplace[]');
      if (isObject(change) && isObject(listing)) out.push({ cloud: listing.cloud!, vendor: listing.vendor!, ...change });
    }
  }
  return out.length > 0 ? out : undefined;
}
