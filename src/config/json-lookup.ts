/**
 * The value at a path of raw JSON (as a schema issue or a problem names it), and whether anything
 * is there at all: what a message quotes back to the user, and how it tells "missing" from "wrong".
 */
export function valueAtPath(input: unknown, path: readonly PropertyKey[]): { present: boolean; value: unknown } {
  let value: unknown = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return { present: false, value: undefined };
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return { present: true, value };
}
