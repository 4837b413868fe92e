import type { Scenario } from '../config/parse-scenario.js';
import { resolvePath, withValueAt, type PathResult, type Segment } from '../sweep/param-path.js';

type Json = Record<string, unknown>;

/**
 * fitted.json: a scenario that `extends` the calibrated config and states only the fitted values,
 * so `npm run simulate -- fitted.json` runs the fit. Each value is written where the `extends`
 * merge rules put it (src/config/compose.ts): objects key by key, entries of an id-keyed list as
 * `{ "id": …, … }`; a list without ids is replaced whole, so it is written whole, the value set in it.
 */
export function fittedConfig(
  scenario: Scenario,
  extendsPath: string,
  settings: readonly { readonly path: string; readonly value: number }[],
  schemaPath?: string,
): PathResult<Json> {
  let override: Json = {};
  for (const setting of settings) {
    const resolved = resolvePath(scenario, setting.path);
    if (!resolved.success) return resolved;
    override = placed(override, scenario, resolved.value.segments, setting.value);
  }
  return { success: true, value: { ...(schemaPath ? { $schema: schemaPath } : {}), extends: extendsPath, ...override } };
}

/** `override` with `value` placed at `segments` of `source`, in the shape the merge expects. */
function placed(override: unknown, source: unknown, segments: readonly Segment[], value: number): Json {
  if (segments.length === 0) return value as unknown as Json;
  const [head, ...rest] = segments;
  const into: Json = isObject(override) ? { ...override } : {};
  if (typeof head !== 'string') throw new Error('a path into a scenario starts at a key');
  const child = (source as Json)[head];
  if (Array.isArray(child) && rest.length > 0 && typeof rest[0] === 'number') {
    const index = rest[0];
    const entry = child[index] as unknown;
    const id = isObject(entry) && typeof entry.id === 'string' ? entry.id : undefined;
    if (id === undefined) {
      // No id to merge on: the child's list replaces the parent's, so write it whole.
      const whole = Array.isArray(into[head]) ? (into[head] as unknown[]) : child;
      into[head] = withValueAt(whole, rest, value);
      return into;
    }
    const list = Array.isArray(into[head]) ? [...(into[head] as Json[])] : [];
    const at = list.findIndex((e) => e.id === id);
    const existing = at >= 0 ? list[at] : { id };
    const merged = { id, ...placed(existing, entry, rest.slice(1), value) };
    if (at >= 0) list[at] = merged;
    else list.push(merged);
    into[head] = list;
    return into;
  }
  into[head] = rest.length === 0 ? value : placed(into[head], child, rest, value);
  return into;
}

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A fitted value as written: 4 significant digits, which is finer than any interval it comes with. */
export function roundFitted(value: number): number {
  return Number(value.toPrecision(4));
}
