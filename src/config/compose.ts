/**
 * `extends`: a scenario can name a parent file and state only what differs. Merge rules:
 * - objects merge key by key, recursively;
 * - arrays of objects that all carry an `id` (clouds, vendors, segments) merge entry by entry on
 *   `id`: an entry with a known id merges into the parent's, a new id is appended, order kept;
 * - a policy (an object with a `type`) that names another type than its parent's replaces it
 *   whole: the parent's params belong to the old type and would be unknown to the new one;
 * - any other array, and any scalar, replaces the parent's value.
 * The `extends` key itself is not inherited.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** An entry a child appended to an id-keyed list of its parent: a new entity, or a mistyped id. */
export interface AppendedEntry {
  /** JSON path of the entry in the merged scenario, e.g. "vendors[6]". */
  readonly path: string;
  readonly id: string;
  /** The ids the parent's list already had. */
  readonly parentIds: readonly string[];
}

function isObject(value: unknown): value is Record<string, Json> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isIdList(value: unknown): value is Record<string, Json>[] {
  return Array.isArray(value) && value.every((v) => isObject(v) && typeof v.id === 'string');
}

function isPolicyChange(parent: Record<string, Json>, child: Record<string, Json>): boolean {
  return typeof parent.type === 'string' && typeof child.type === 'string' && parent.type !== child.type;
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

/**
 * The child applied on top of the parent. Entries appended to id-keyed lists are reported to
 * `appended`, so that a mistyped id can be told apart from a new entity when validation fails.
 */
export function mergeScenario(parent: unknown, child: unknown, appended: AppendedEntry[] = [], path = ''): unknown {
  if (isObject(parent) && isObject(child)) {
    if (isPolicyChange(parent, child)) return child;
    const merged: Record<string, unknown> = { ...parent };
    delete merged.extends;
    for (const [key, value] of Object.entries(child)) {
      if (key === 'extends') continue;
      merged[key] = key in parent ? mergeScenario(parent[key], value, appended, join(path, key)) : value;
    }
    return merged;
  }
  if (isIdList(parent) && isIdList(child)) {
    const merged = parent.map((entry, i) => {
      const override = child.find((c) => c.id === entry.id);
      return override ? mergeScenario(entry, override, appended, `${path}[${i}]`) : entry;
    });
    const parentIds = parent.map((p) => p.id as string);
    for (const entry of child) {
      if (parentIds.includes(entry.id as string)) continue;
      appended.push({ path: `${path}[${merged.length}]`, id: entry.id as string, parentIds });
      merged.push(entry);
    }
    return merged;
  }
  return child;
}
