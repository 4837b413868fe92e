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

/** A value a single field edits: a number, a flag, a string (an enum's member, an id, a month, a note). */
export type Scalar = number | boolean | string;

export function isScalar(value: unknown): value is Scalar {
  return typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string';
}
