import type { ConfigProblem } from './references.js';
import { printable, printableLine } from '../io/json-text.js';

/** Problems shown of one file; the rest are counted. Fix the first and the next ones often go with them. */
export const MAX_SHOWN_PROBLEMS = 50;

/** "3 problems" / "1 problem". */
export function countProblems(count: number): string {
  return `${count.toLocaleString('en-US')} problem${count === 1 ? '' : 's'}`;
}

/**
 * A file's problems as the command line shows them, one a line, each with its JSON path, at most
 * MAX_SHOWN_PROBLEMS of them and the count of the others:
 *   configs/bad.json is not a valid scenario (2 problems):
 *     months: Too small: expected number to be >=1; found -3
 *     vendors[0].computeClouds[0]: unknown cloud "azrue"; known clouds: azure, aws, gcp, oracle
 * Each path is in the file the user wrote; one in another file of its extends chain is prefixed
 * "in <that file>, ".
 */
export function formatProblems(file: string, problems: readonly (ConfigProblem & { readonly file?: string })[]): string {
  // A problem in another file of the extends chain (a parent the file's changes break) names that file.
  const lines = problems.map((p) => `${p.file !== undefined && p.file !== file ? `in ${p.file}, ` : ''}${p.path}: ${p.message}`);
  return formatProblemLines(`${file} is not a valid scenario`, lines);
}

/** A heading with its problems' count, then the problems one a line, the first MAX_SHOWN_PROBLEMS of them. */
export function formatProblemLines(heading: string, problems: readonly string[]): string {
  const shown = problems.slice(0, MAX_SHOWN_PROBLEMS).map((p) => `  ${oneLine(p)}`);
  const more = problems.length - shown.length;
  const tail = more > 0 ? [`  … and ${more.toLocaleString('en-US')} more ${more === 1 ? 'problem' : 'problems'}, not shown: fix these first`] : [];
  return `${oneLine(heading)} (${countProblems(problems.length)}):\n${[...shown, ...tail].join('\n')}\n`;
}

/**
 * Messages are shown one a line (a stray newline would break that), and never with a control
 * character that would act on the terminal. A message wrapped over lines (a line break with spaces
 * at its side) is joined with a space; any other line feed or carriage return is part of what the
 * message names (a path, a value) and is escaped (\u000a), never shown as a space that names another path.
 */
export function oneLine(text: string): string {
  return printableLine(text.replace(/[ \t]*\r?\n[ \t]+|[ \t]+\r?\n[ \t]*/g, ' ').trim());
}
