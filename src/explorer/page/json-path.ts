/** Values in a scenario's JSON by path: ["vendors", 2, "policies", "pricing", "params", "markup"]. */

export type Segment = string | number;
export type Path = readonly Segment[];

export function getAt(json: unknown, path: Path): unknown {
  let node = json;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

export function setAt(json: unknown, path: Path, value: unknown): void {
  const parent = getAt(json, path.slice(0, -1));
  if (parent === null || typeof parent !== 'object') throw new Error(`no ${formatPath(path.slice(0, -1))} in the scenario`);
  (parent as Record<string | number, unknown>)[path.at(-1)!] = value;
}

/** "vendors[2].policies.pricing.params.markup", as the CLI writes paths. */
export function formatPath(path: Path): string {
  return path.reduce<string>((text, segment) => (typeof segment === 'number' ? `${text}[${segment}]` : text === '' ? segment : `${text}.${segment}`), '');
}

/** Every number in the JSON, with its path, skipping the subtrees named in `skip` (events, uncertain...). */
export function numericLeaves(json: unknown, skip: ReadonlySet<string>, path: Segment[] = []): Path[] {
  if (typeof json === 'number') return [[...path]];
  if (json === null || typeof json !== 'object') return [];
  const entries = Array.isArray(json) ? json.map((v, i) => [i, v] as const) : Object.entries(json);
  return entries.flatMap(([key, value]) => (path.length === 0 && skip.has(String(key)) ? [] : numericLeaves(value, skip, [...path, key])));
}
