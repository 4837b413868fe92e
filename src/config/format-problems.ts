import type { ConfigProblem } from './references.js';
import { printableLine, printablePath } from '../io/json-text.js';

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
 *     months: at least 1; found -3
 *     vendors[0].computeClouds[0]: unknown cloud "azrue"; known clouds: azure, aws, gcp, oracle
 * Each path is in the file the user wrote; one in another file of its extends chain is prefixed
 * "in <that file>, ".
 */
export function formatProblems(file: string, problems: readonly (ConfigProblem & { readonly file?: string })[]): string {
  // A problem in another file of the extends chain (a parent the file's changes break) names that file.
  const lines = problems.map((p) => `${p.file !== undefined && p.file !== file ? `in ${printablePath(p.file)}, ` : ''}${p.path}: ${p.message}`);
  return formatProblemLines(`${printablePath(file)} is not a valid scenario`, lines);
}

/** A heading with its problems' count, then the problems one a line, the first MAX_SHOWN_PROBLEMS of them. */
export function formatProblemLines(heading: string, problems: readonly string[]): string {
  const shown = problems.slice(0, MAX_SHOWN_PROBLEMS).map((p) => `  ${oneLine(p)}`);
  const more = problems.length - shown.length;
  const tail = more > 0 ? [`  … and ${more.toLocaleString('en-US')} more ${more === 1 ? 'problem' : 'problems'}, not shown: fix these first`] : [];
  return `${oneLine(heading)} (${countProblems(problems.length)}):\n${[...shown, ...tail].join('\n')}\n`;
}

/**
 * A break in a message's formatting: a blank line, or a line break with a space or a tab at its
 * side. The indentation of the line it opens is captured. A bare line feed is no formatting: it is
 * part of what the message quotes (a path, a value), and is escaped.
 */
const FORMATTING_BREAK = /[ \t]*(?:\r?\n[ \t]*){2,}|[ \t]*\r?\n([ \t]+)|[ \t]+\r?\n[ \t]*/;

/**
 * Messages are shown one a line (a stray newline would break that), and never with a control
 * character that would act on the terminal. A message laid out over lines reads as one sentence:
 * a wrapped line goes on after a space; the indented items under a line ending in ":" are joined
 * with "; " (as the problems of a report under its heading); a blank line is one space. No double
 * spaces, no space before punctuation, nothing left dangling at the end (a ":" whose list is empty).
 * Any other line feed or carriage return is part of what the message names and is escaped
 * (\u000a), never shown as a space that names another path: paths are escaped where a message
 * names them (printablePath), so what is left to join here is the message's own layout.
 */
export function oneLine(text: string): string {
  const parts = text.trim().split(new RegExp(`(${FORMATTING_BREAK.source})`));
  let line = parts[0]!;
  /** The indentation of the items of a list being joined, after a line ending in ":". */
  let items: string | undefined;
  for (let k = 1; k + 1 < parts.length; k += 3) {
    const indent = parts[k + 1] ?? '';
    const next = parts[k + 2]!;
    if (indent !== '' && line.endsWith(':')) items = indent;
    else if (indent === '' || (items !== undefined && indent.length < items.length)) items = undefined;
    const item = items !== undefined && indent === items && !line.endsWith(':');
    const glue = /^[,.;:!?)\]]/.test(next) || next === '' ? '' : item && !/[;,.]$/.test(line) ? '; ' : ' ';
    line = `${line}${glue}${next}`;
  }
  // A heading whose list came out empty ("cause:\n") loses its colon; a colon ending the text itself is kept.
  const dangling = /[:;,][ \t]*(?:\r?\n[ \t]*)+$/.test(text);
  return printableLine(dangling ? line.replace(/[:;,]$/, '') : line);
}
