import { splitPath } from '../sweep/param-path.js';

/** "anthropic · brandPremium", "enterprises · paybackMonths": a parameter as a table or chart label. */
export function paramName(path: string): string {
  const split = splitPath(path);
  if (!split.success) return path;
  const parts = split.value;
  const last = parts.at(-1)!;
  if ((parts[0] === 'vendors' || parts[0] === 'clouds') && parts.length > 2) return `${parts[1]} · ${last}`;
  return parts.length > 1 ? `${parts[0]} · ${last}` : last;
}

/** Labels of the parameters, each unique: the short name, or the whole path where two short names meet. */
export function paramLabels(params: readonly { readonly path: string }[]): string[] {
  const short = params.map((p) => paramName(p.path));
  return short.map((name, i) => (short.indexOf(name) !== short.lastIndexOf(name) ? params[i]!.path : name));
}
