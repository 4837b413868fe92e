import type { z } from 'zod';

/**
 * zod's default messages in the words of the rest of the tool: "Too small: expected number to be
 * >=1" is "at least 1", "Too big: expected array to have <=8 items" is "at most 8 entries",
 * "Invalid input: expected number, received string" is "expected a number". A schema's own
 * message (.min(1, 'a vendor at least')) is kept as written.
 */

const TYPE_WORDS: Readonly<Record<string, string>> = {
  number: 'a number',
  string: 'a string in double quotes',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  int: 'a whole number',
};

const UNITS: Readonly<Record<string, [one: string, many: string]>> = {
  string: ['character', 'characters'],
  array: ['entry', 'entries'],
  set: ['entry', 'entries'],
};

/** "at least 1", "above 0", "at most 8 entries", "exactly 7 characters". */
function bound(origin: string, limit: number | bigint, inclusive: boolean | undefined, exact: boolean | undefined, side: 'min' | 'max'): string {
  const unit = UNITS[origin];
  const count = unit === undefined ? '' : ` ${Number(limit) === 1 ? unit[0] : unit[1]}`;
  if (exact) return `exactly ${limit}${count}`;
  if (unit !== undefined && side === 'min' && Number(limit) === 1 && inclusive !== false) return 'not empty';
  const word = side === 'min' ? (inclusive === false ? 'above' : 'at least') : inclusive === false ? 'below' : 'at most';
  return `${word} ${limit}${count}`;
}

/** zod's name of a type ("number", "int") in words: "a number", "a whole number". */
export function typeInWords(type: string): string {
  return TYPE_WORDS[type] ?? type;
}

export function issueInWords(issue: z.core.$ZodIssue): string {
  const { message } = issue;
  if (issue.code === 'too_small' && message.startsWith('Too small')) return bound(issue.origin, issue.minimum, issue.inclusive, issue.exact, 'min');
  if (issue.code === 'too_big' && message.startsWith('Too big')) return bound(issue.origin, issue.maximum, issue.inclusive, issue.exact, 'max');
  if (issue.code === 'not_multiple_of' && message.startsWith('Invalid number')) return `a multiple of ${issue.divisor}`;
  const type = /^Invalid input: expected (\w+), received \w+$/.exec(message)?.[1];
  if (type !== undefined) return `expected ${typeInWords(type)}`;
  const options = /^Invalid option: expected one of (.*)$/.exec(message)?.[1];
  return options === undefined ? message : `one of ${options.split('|').join(', ')}`;
}

/**
 * The issues with, of several bounds on one side of one value, only the tightest: an integer's own
 * safe-integer limit says nothing beside the field's ("seed: at most 4294967295" alone, not also
 * "at most 9007199254740991").
 */
export function tightestBounds<I extends z.core.$ZodIssue>(issues: readonly I[]): I[] {
  const key = (issue: I) => `${issue.code}\u0000${issue.path.map(String).join('\u0000')}`;
  const limit = (issue: I) => (issue.code === 'too_big' ? Number(issue.maximum) : issue.code === 'too_small' ? -Number(issue.minimum) : 0);
  return issues.filter((issue) => {
    if (issue.code !== 'too_big' && issue.code !== 'too_small') return true;
    return !issues.some((other) => other !== issue && key(other) === key(issue) && limit(other) < limit(issue));
  });
}
