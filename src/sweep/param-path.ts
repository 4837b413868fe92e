import { closestName } from '../config/suggest.js';

/**
 * Paths into a resolved scenario, as sweeps and sensitivity name a parameter:
 * `vendors.openai.policies.pricing.params.markup`, `enterprises.policies.switching.params.paybackMonths`.
 * A segment after an array is an entry's `id` or its index (`vendors.0` or `vendors[0]`).
 */

export type Segment = string | number;

export type PathResult<T> = { success: true; value: T } | { success: false; message: string };

/** "vendors[0].policies" → ["vendors", "0", "policies"]; empty segments are an error. */
export function splitPath(path: string): PathResult<string[]> {
  const segments = path.replace(/\[(\d+)\]/g, '.$1').split('.');
  if (path.trim() === '' || segments.some((segment) => segment === '')) {
    return { success: false, message: `"${path}" is not a path: write keys and ids separated by dots, e.g. vendors.openai.policies.pricing.params.markup` };
  }
  return { success: true, value: segments };
}

/** The path as shown back to the user: keys and ids with dots, indices in brackets. */
export function formatSegments(segments: readonly Segment[]): string {
  return segments.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('') || '(top level)';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function describeKind(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value} (${JSON.stringify(value)})`;
}

/** What may follow at this value: an object's keys, a list's ids and indices. */
function availableAt(value: unknown): { names: string[]; text: string } {
  if (Array.isArray(value)) {
    const ids = value.flatMap((entry) => (isObject(entry) && typeof entry.id === 'string' ? [entry.id] : []));
    const indices = value.length === 0 ? 'none, the list is empty' : `indices 0–${value.length - 1}`;
    return { names: ids, text: ids.length > 0 ? `${ids.join(', ')} (ids) or ${indices}` : indices };
  }
  if (isObject(value)) {
    const keys = Object.keys(value);
    return { names: keys, text: keys.length > 0 ? keys.join(', ') : 'nothing, the object is empty' };
  }
  return { names: [], text: `nothing: it is ${describeKind(value)}` };
}

/**
 * Follows a path through the scenario. On success, the segments with list entries named by index
 * (what withValueAt takes); otherwise a message naming the deepest valid prefix and what it holds.
 */
export function resolvePath(root: unknown, path: string): PathResult<{ segments: Segment[]; value: unknown }> {
  const split = splitPath(path);
  if (!split.success) return split;
  const segments: Segment[] = [];
  let value = root;
  for (const name of split.value) {
    let next: { segment: Segment; value: unknown } | undefined;
    if (Array.isArray(value)) {
      const index = /^\d+$/.test(name) ? Number(name) : value.findIndex((entry) => isObject(entry) && entry.id === name);
      if (index >= 0 && index < value.length) next = { segment: index, value: value[index] };
    } else if (isObject(value) && Object.hasOwn(value, name)) {
      next = { segment: name, value: value[name] };
    }
    if (!next) {
      const at = formatSegments(segments);
      const available = availableAt(value);
      const guess = closestName(name, available.names);
      return {
        success: false,
        message: `${path}: no "${name}" at ${at}${guess ? ` (did you mean "${guess}"?)` : ''}; available: ${available.text}`,
      };
    }
    segments.push(next.segment);
    value = next.value;
  }
  return { success: true, value: { segments, value } };
}

/**
 * The one spelling of the value a path names, whichever way it was written: list entries by
 * their id where they have one that cannot be read as an index (`vendors[0].quality` and
 * `vendors.0.quality` are `vendors.openai.quality`), by index otherwise (`enterprises.segments[1]`
 * for an entry without an id). Two paths name the same value exactly when their canonical paths
 * are equal. A path with `*` keeps it (`enterprises.segments.*.switchingCostUsd.median`), the part
 * before it canonical, once it reaches some number.
 */
export function canonicalPath(root: unknown, path: string): PathResult<string> {
  return hasWildcard(path) ? canonicalWildcardPath(root, path) : canonicalConcretePath(root, path);
}

function canonicalConcretePath(root: unknown, path: string): PathResult<string> {
  const resolved = resolvePath(root, path);
  if (!resolved.success) return resolved;
  let value = root;
  const named: Segment[] = [];
  for (const segment of resolved.value.segments) {
    if (typeof segment === 'number' && Array.isArray(value)) {
      const entry = value[segment];
      const id = isObject(entry) && typeof entry.id === 'string' && !/^\d+$/.test(entry.id) && entry.id.length > 0 ? entry.id : undefined;
      named.push(id ?? segment);
      value = entry;
    } else {
      named.push(segment);
      value = isObject(value) ? value[segment as string] : undefined;
    }
  }
  return { success: true, value: formatSegments(named) };
}

/** The number at a path, or a message saying why there is none. */
export function numberAtPath(root: unknown, path: string): PathResult<{ segments: Segment[]; value: number }> {
  const resolved = resolvePath(root, path);
  if (!resolved.success) return resolved;
  const { segments, value } = resolved.value;
  if (typeof value !== 'number') {
    const inside = isObject(value) || Array.isArray(value) ? `; it holds ${availableAt(value).text}` : '';
    return { success: false, message: `${path} is ${describeKind(value)}, not a number${inside}` };
  }
  return { success: true, value: { segments, value } };
}

/** A copy of `root` with `value` at `segments` (as resolvePath returned them); only the path is copied. */
export function withValueAt(root: unknown, segments: readonly Segment[], value: unknown): unknown {
  if (segments.length === 0) return value;
  const [head, ...rest] = segments;
  if (Array.isArray(root) && typeof head === 'number') {
    const copy = [...root];
    copy[head] = withValueAt(root[head], rest, value);
    return copy;
  }
  if (isObject(root) && typeof head === 'string') return { ...root, [head]: withValueAt(root[head], rest, value) };
  throw new Error(`cannot set ${formatSegments(segments)}: the path does not match the value`);
}

/**
 * `*` in a path stands for every entry of a list (or key of an object) there, so that one path
 * names several numbers that move together as one factor: `enterprises.segments.*.switchingCostUsd.median`
 * is each segment's median switching cost, set to the same value.
 */
export const WILDCARD = '*';

export function hasWildcard(path: string): boolean {
  const split = splitPath(path);
  return split.success && split.value.includes(WILDCARD);
}

/** One number a path names: its canonical path, its segments (as resolvePath gives them) and its value. */
export interface NamedNumber {
  readonly path: string;
  readonly segments: Segment[];
  readonly value: number;
}

/** The concrete paths a path with `*` stands for, before checking what they hold. */
function expandWildcards(root: unknown, segments: readonly string[]): string[][] {
  const star = segments.indexOf(WILDCARD);
  if (star < 0) return [[...segments]];
  let at: unknown = root;
  if (star > 0) {
    const resolved = resolvePath(root, segments.slice(0, star).join('.'));
    at = resolved.success ? resolved.value.value : undefined;
  }
  const names = Array.isArray(at) ? at.map((_, i) => String(i)) : isObject(at) ? Object.keys(at) : [];
  return names.flatMap((name) => expandWildcards(root, [...segments.slice(0, star), name, ...segments.slice(star + 1)]));
}

/**
 * Every number a path names, each once, in the scenario's order: the one number of a path
 * without `*`, or each that a path with `*` reaches (entries that lack the rest of the path are
 * passed over: `vendors.*.policies.pricing.params.markup` names the markup of each vendor that
 * prices). A message when it names none, or reaches something that is not a number.
 */
export function numbersAtPath(root: unknown, path: string): PathResult<NamedNumber[]> {
  const split = splitPath(path);
  if (!split.success) return split;
  if (!split.value.includes(WILDCARD)) {
    const target = numberAtPath(root, path);
    const canonical = canonicalConcretePath(root, path);
    if (!target.success) return target;
    if (!canonical.success) return canonical;
    return { success: true, value: [{ path: canonical.value, segments: target.value.segments, value: target.value.value }] };
  }
  const found: NamedNumber[] = [];
  let firstProblem: string | undefined;
  for (const concrete of expandWildcards(root, split.value)) {
    const text = concrete.join('.');
    const resolved = resolvePath(root, text);
    if (!resolved.success) {
      firstProblem ??= resolved.message;
      continue;
    }
    const target = numberAtPath(root, text);
    if (!target.success) return { success: false, message: `${path}: ${target.message}; "*" must reach numbers only` };
    const canonical = canonicalConcretePath(root, text);
    if (!canonical.success) return canonical;
    found.push({ path: canonical.value, segments: target.value.segments, value: target.value.value });
  }
  if (found.length === 0) return { success: false, message: firstProblem === undefined ? `${path}: "*" reaches nothing (an empty list or object)` : `${path}: "*" reaches no number: ${firstProblem}` };
  return { success: true, value: found };
}

/** The one spelling of a path with `*`: the part before the first `*` canonical, the rest as written. */
function canonicalWildcardPath(root: unknown, path: string): PathResult<string> {
  const split = splitPath(path);
  if (!split.success) return split;
  const star = split.value.indexOf(WILDCARD);
  if (star < 0) return canonicalPath(root, path);
  const reached = numbersAtPath(root, path);
  if (!reached.success) return reached;
  const prefix = star === 0 ? { success: true as const, value: '' } : canonicalConcretePath(root, split.value.slice(0, star).join('.'));
  if (!prefix.success) return prefix;
  const rest = formatSegments(split.value.slice(star).map((s) => (/^\d+$/.test(s) ? Number(s) : s)));
  return { success: true, value: prefix.value === '' ? rest : `${prefix.value}${rest.startsWith('[') ? '' : '.'}${rest}` };
}
