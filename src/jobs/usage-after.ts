import { UNKNOWN_OPTION } from './job-options.js';

/**
 * A command-line mistake said in one go: an option missing its value says what kind of value it
 * takes, as the usage describes it, and a message that says all there is to say (a mistyped
 * option, a missing value) is followed by one line pointing at --help rather than by the whole
 * usage, so that the sentence that matters is not lost above a page.
 */

/** `--runs N` and "seeds per scenario, 1 to 10000 (default 1)" as the usage shows --runs, or undefined. */
export function optionHelp(usage: string, flag: string): { synopsis: string; meaning: string } | undefined {
  const lines = usage.split('\n');
  const at = lines.findIndex((line) => new RegExp(`^\\s+(?:-\\w, )?${flag.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=\\s|$)`).test(line));
  if (at < 0) return undefined;
  const entry = /^\s+(?:-\w, )?(\S+(?: [^\s-]\S*)?)\s+(.*)$/.exec(lines[at]!);
  if (entry === null) return undefined;
  const indent = lines[at]!.length - lines[at]!.trimStart().length;
  let meaning = entry[2]!;
  // Continuation lines are indented further and start with no option of their own.
  for (let i = at + 1; i < lines.length; i++) {
    const line = lines[i]!;
    const lineIndent = line.length - line.trimStart().length;
    if (line.trim() === '' || lineIndent <= indent || /^-/.test(line.trimStart())) break;
    meaning += ` ${line.trim()}`;
  }
  return { synopsis: entry[1]!, meaning: firstClause(meaning) };
}

/** The text up to its first colon or semicolon outside parentheses. */
function firstClause(text: string): string {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && (c === ';' || (c === ':' && text[i + 1] === ' '))) return text.slice(0, i);
  }
  return text;
}

/** What to print for a bad command line: the message, completed from the usage, and what follows it. */
export function explainArgs(message: string, usage: string): { message: string; after: string } {
  const command = /^Usage: (npm run [\w-]+)/i.exec(usage)?.[1];
  const pointer = command === undefined ? `\n${usage}` : `  ${command} -- --help lists the options\n`;
  if (message.startsWith(UNKNOWN_OPTION) || / takes no value: write /.test(message)) return { message, after: pointer };
  const missing = /^(--?[\w-]+) needs a value(.*)$/s.exec(message);
  if (missing === null) return { message, after: `\n${usage}` };
  const help = optionHelp(usage, missing[1]!);
  const kind = help === undefined ? '' : `, as in ${help.synopsis}: ${help.meaning}`;
  const rest = kind === '' ? missing[2]! : missing[2]!.replace(/^, and /, '; ');
  return { message: `${missing[1]} needs a value${kind}${rest}`, after: pointer };
}
