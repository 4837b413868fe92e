import { parse as parseTolerant, printParseErrorCode, visit, type ParseError } from 'jsonc-parser';

/**
 * JSON text to a value, or one message saying what is wrong and where: "invalid JSON at line 3,
 * column 5: comments are not allowed in JSON". JSON.parse reads the value (the exact semantics of
 * JSON); when it fails, jsonc-parser, which reports the offset of every error even where V8 gives
 * none, finds the first one. A value nested deeper than `maxDepth` is refused too: everything that
 * walks a config recursively stays within its stack. So is a key given twice in one object, which
 * JSON.parse would resolve silently by keeping the last.
 */

export type JsonTextResult = { readonly success: true; readonly json: unknown } | { readonly success: false; readonly message: string };

/** "line 3, column 5" of an offset into the text, both counted from 1. */
export function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `line ${line}, column ${offset - before.lastIndexOf('\n')}`;
}

/**
 * Text safe to print on a terminal: control characters (C0, DEL, C1), line and paragraph
 * separators and bidirectional overrides as \uXXXX escapes, so a file's bytes never act on it.
 */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * printable for text that must stay on one line, a path above all: a line feed or carriage return
 * in it is escaped too (\u000a, \u000d), so a path holding one prints as the one path it is, never
 * on two lines nor as a space that names another path. printable keeps them, for text of many lines.
 */
export function printableLine(text: string): string {
  return printable(text).replace(/[\n\r]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A path to print: printableLine. */
export const printablePath = printableLine;

/** A token of the text as a message quotes it: escaped, at most 24 characters. */
function quoted(text: string, error: ParseError): string {
  const token = text.slice(error.offset, error.offset + Math.max(1, Math.min(error.length, 24)));
  return printable(JSON.stringify(token));
}

/** The bracket still open at an offset ("{" or "["), strings skipped; undefined at the top level. */
function openBracket(text: string, offset: number): string | undefined {
  const open: string[] = [];
  let inString = false;
  for (let i = 0; i < offset; i++) {
    const c = text[i]!;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') open.push(c);
    else if (c === '}' || c === ']') open.pop();
  }
  return open.at(-1);
}

function previousNonSpace(text: string, offset: number): string {
  const before = text.slice(0, offset).trimEnd();
  return before.at(-1) ?? '';
}

function reasonOf(text: string, error: ParseError): string {
  const at = text.charAt(error.offset);
  const code = printParseErrorCode(error.error);
  switch (code) {
    case 'InvalidCommentToken':
    case 'UnexpectedEndOfComment':
      return 'comments are not allowed in JSON';
    case 'PropertyNameExpected':
    case 'ValueExpected':
      if ((at === '}' || at === ']') && previousNonSpace(text, error.offset) === ',') return `a comma before "${at}" is not allowed in JSON (trailing comma)`;
      if (error.offset >= text.length) return 'the text stops before the JSON value is complete';
      return code === 'ValueExpected' ? `expected a value, found ${quoted(text, error)}` : `expected a property name in double quotes, found ${quoted(text, error)}`;
    case 'InvalidSymbol':
      if (at === "'") return 'strings and property names must be in double quotes, not single quotes';
      return `unexpected ${quoted(text, error)}: expected a JSON value (an object, a list, a string in double quotes, a number, true, false or null)`;
    case 'ColonExpected':
      return `expected ":" after the property name, found ${quoted(text, error)}`;
    case 'CommaExpected':
      return `expected "," or "${openBracket(text, error.offset) === '[' ? ']' : '}'}", found ${quoted(text, error)}`;
    case 'CloseBraceExpected':
      return error.offset >= text.length ? 'the text stops before the object is closed with "}"' : `expected "," or "}", found ${quoted(text, error)}`;
    case 'CloseBracketExpected':
      return error.offset >= text.length ? 'the text stops before the list is closed with "]"' : `expected "," or "]", found ${quoted(text, error)}`;
    case 'EndOfFileExpected':
      return `unexpected ${quoted(text, error)} after the end of the JSON value`;
    case 'UnexpectedEndOfString':
      return 'a string is not closed with a double quote';
    case 'UnexpectedEndOfNumber':
    case 'InvalidNumberFormat':
      return `invalid number ${quoted(text, error)}`;
    case 'InvalidUnicode':
      return 'invalid \\u escape in a string: write four hex digits, e.g. \\u00e9';
    case 'InvalidEscapeCharacter':
      return 'invalid escape in a string: a backslash may only start \\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX';
    case 'InvalidCharacter':
      return 'a string holds a control character (a tab or a line break): escape it, e.g. \\t or \\n';
    default:
      return 'not valid JSON';
  }
}

/** V8's own message, when jsonc-parser finds nothing wrong: with its position if it gives one. */
function v8Message(text: string, error: Error): string {
  const position = /at position (\d+)/.exec(error.message);
  const reason = error.message.replace(/ in JSON at position \d+.*$/s, '').replace(/^JSON\.parse: /, '').replace(/\s*\n\s*/g, ' ');
  return position ? `invalid JSON at ${lineAndColumn(text, Number(position[1]))}: ${reason}` : `invalid JSON: ${reason}`;
}

/** The JSON path of the first value nested deeper than `maxDepth`, shown by its first keys; undefined when none is. */
export function tooDeep(json: unknown, maxDepth: number): string | undefined {
  const stack: { value: unknown; depth: number; path: readonly string[] }[] = [{ value: json, depth: 0, path: [] }];
  while (stack.length > 0) {
    const { value, depth, path } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth >= maxDepth) {
      const shown = path.slice(0, 6).join('');
      return `${shown.replace(/^\./, '') || '(top level)'}${path.length > 6 ? '…' : ''}`;
    }
    const entries = Array.isArray(value) ? value.map((v, i) => [`[${i}]`, v] as const) : Object.entries(value).map(([k, v]) => [`.${k}`, v] as const);
    for (let i = entries.length - 1; i >= 0; i--) stack.push({ value: entries[i]![1], depth: depth + 1, path: [...path, entries[i]![0]] });
  }
  return undefined;
}

/** The first key given twice in one object, where JSON.parse would silently keep the last: its position and name. */
export function duplicateKey(text: string): { offset: number; key: string } | undefined {
  const open: Set<string>[] = [];
  let found: { offset: number; key: string } | undefined;
  visit(text, {
    onObjectBegin: () => {
      open.push(new Set());
    },
    onObjectEnd: () => {
      open.pop();
    },
    onObjectProperty: (key, offset) => {
      const keys = open.at(-1);
      if (found !== undefined || keys === undefined) return;
      if (keys.has(key)) found = { offset, key };
      keys.add(key);
    },
  });
  return found;
}

/** The offset of the first bracket opened deeper than `maxDepth`, strings skipped; undefined when none is. Iterative: any depth. */
function tooDeepAt(text: string, maxDepth: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > maxDepth) return i;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return undefined;
}

export function parseJsonText(text: string, maxDepth: number): JsonTextResult {
  if (text.trim() === '') return { success: false, message: 'the file is empty: expected a JSON object' };
  // Depth first: jsonc-parser, and everything that walks the value, recurse.
  const deepAt = tooDeepAt(text, maxDepth);
  if (deepAt !== undefined) {
    let where = lineAndColumn(text, deepAt);
    try {
      where = tooDeep(JSON.parse(text), maxDepth) ?? where;
    } catch {
      // not JSON either: the position says where
    }
    return { success: false, message: `nesting deeper than ${maxDepth} levels at ${where}: a scenario is about 6 levels deep, and nothing here reads deeper` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const errors: ParseError[] = [];
    parseTolerant(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    const first = errors[0];
    return { success: false, message: first ? `invalid JSON at ${lineAndColumn(text, first.offset)}: ${reasonOf(text, first)}` : v8Message(text, error as Error) };
  }
  const duplicate = duplicateKey(text);
  if (duplicate !== undefined) {
    return {
      success: false,
      message: `invalid JSON at ${lineAndColumn(text, duplicate.offset)}: ${printable(JSON.stringify(duplicate.key))} is given twice in the same object, and JSON would silently keep the last; give it once`,
    };
  }
  return { success: true, json };
}
