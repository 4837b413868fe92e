import { quote } from './quote.js';

/**
 * "did you mean ...?" for a mistyped name: the closest valid name by edit distance, when it is
 * close enough to be the likely intent (about one edit in every two or three letters).
 */

/**
 * Edit distance, case-insensitive: insertions, deletions, substitutions and swaps of two adjacent
 * letters (bsae for base is one slip, not two), as optimal string alignment counts them.
 */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  let before: number[] = [];
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const current = [i];
    for (let j = 1; j <= t.length; j++) {
      const substitution = previous[j - 1]! + (s[i - 1] === t[j - 1] ? 0 : 1);
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) best = Math.min(best, before[j - 2]! + 1);
      current.push(best);
    }
    before = previous;
    previous = current;
  }
  return previous[t.length]!;
}

/** The valid name closest to `name`, or undefined when none is plausibly what was meant. */
export function closestName(name: string, valid: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of valid) {
    const distance = editDistance(name, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const tolerance = Math.max(1, Math.round(name.length / 2.5));
  return best !== undefined && bestDistance <= tolerance ? best : undefined;
}

/**
 * Past this many names, a list is not given beside a guess: "did you mean "gpt-5"?" says what a page
 * of the parent's 65 event ids would hide. Without a guess the list is what the user needs.
 */
export const LONG_LIST = 12;

/** Whether to list `valid` beside `guess`: always without a guess, and only when short with one. */
export function listBeside(guess: string | undefined, valid: readonly string[]): boolean {
  return guess === undefined || valid.length <= LONG_LIST;
}

/** `unknown field "colds" (did you mean "clouds"?); valid fields: ...` */
export function unknownNames(kind: string, names: readonly string[], valid: readonly string[]): string {
  const quoted = names.map((name) => {
    const guess = closestName(name, valid);
    return guess === undefined ? quote(name) : `${quote(name)} (did you mean "${guess}"?)`;
  });
  const list = valid.length > 0 ? `; valid ${kind}s: ${valid.join(', ')}` : `; this object takes no ${kind}s`;
  return `unknown ${kind}${names.length > 1 ? 's' : ''} ${quoted.join(', ')}${list}`;
}
