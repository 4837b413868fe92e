import { splitPath } from '../sweep/param-path.js';
import { withTimesBase } from '../sweep/times-base.js';

/** Leaf names that say little alone: the field they belong to goes with them ("switchingCostUsd.median"). */
const GENERIC_LEAVES = new Set(['median', 'mean', 'sd', 'logSd', 'lo', 'hi', 'mode', 'min', 'max', 'value', 'share']);

/**
 * "anthropic · brandPremium", "enterprises · paybackMonths", "every segment · switchingCostUsd.median":
 * a parameter as a table or chart label; a path with `*` says what it moves together.
 */
export function paramName(path: string): string {
  const split = splitPath(path);
  if (!split.success) return path;
  const parts = split.value;
  const last = parts.at(-1)!;
  const leaf = GENERIC_LEAVES.has(last) && parts.length > 1 ? `${parts.at(-2)}.${last}` : last;
  const star = parts.indexOf('*');
  if (star > 0) return `every ${parts[star - 1]!.replace(/s$/, '')} · ${leaf}`;
  if ((parts[0] === 'vendors' || parts[0] === 'clouds') && parts.length > 2) return `${parts[1]} · ${leaf}`;
  return parts.length > 1 ? `${parts[0]} · ${leaf}` : leaf;
}

/**
 * Labels of the parameters, each unique: the short name, or the whole path where two short names
 * meet; "(× base)" after a parameter moved by factors on each number's own value (times-base.ts).
 */
export function paramLabels(params: readonly { readonly path: string; readonly timesBase?: true }[]): string[] {
  const short = params.map((p) => paramName(p.path));
  return short.map((name, i) => withTimesBase(short.indexOf(name) !== short.lastIndexOf(name) ? params[i]!.path : name, params[i]!.timesBase));
}
