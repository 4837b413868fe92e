/**
 * `extends`: a scenario can name a parent file and state only what differs. Merge rules:
 * - objects merge key by key, recursively;
 * - arrays of objects that all carry an `id` (clouds, vendors, segments) merge entry by entry on
 *   `id`: an entry with a known id merges into the parent's, a new id is appended, order kept;
 * - any other array, and any scalar, replaces the parent's value.
 * The `extends` key itself is not inherited.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isObject(value: unknown): value is Record<string, Json> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isIdList(value: unknown): value is Record<string, Json>[] {
  return Array.isArray(value) && value.every((v) => isObject(v) && typeof v.id === 'string');
}

export function mergeScenario(parent: unknown, child: unknown): unknown {
  if (isObject(parent) && isObject(child)) {
    const merged: Record<string, unknown> = { ...parent };
    delete merged.extends;
    for (const [key, value] of Object.entries(child)) {
      if (key === 'extends') continue;
      merged[key] = key in parent ? mergeScenario(parent[key], value) : value;
    }
    return merged;
  }
  if (isIdList(parent) && isIdList(child)) {
    const merged = parent.map((entry) => {
      const override = child.find((c) => c.id === entry.id);
      return override ? mergeScenario(entry, override) : entry;
    });
    for (const entry of child) if (!parent.some((p) => p.id === entry.id)) merged.push(entry);
    return merged;
  }
  return child;
}
