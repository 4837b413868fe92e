import { describe, expect, it } from 'vitest';
import { lineAndColumn, parseJsonText, printable } from '../../src/io/json-text.js';

const message = (text: string, maxDepth = 64) => {
  const parsed = parseJsonText(text, maxDepth);
  return parsed.success ? 'parsed' : parsed.message;
};

describe('JSON text with the position and reason of its first error', () => {
  it('reads valid JSON as JSON.parse does', () => {
    expect(parseJsonText('{"a": [1, 2.5e3, null, "é"]}', 64)).toEqual({ success: true, json: { a: [1, 2500, null, 'é'] } });
  });

  it.each([
    ['// c\n{"a": 1}', 'invalid JSON at line 1, column 1: comments are not allowed in JSON'],
    ['{"a": 1 /* c */}', 'invalid JSON at line 1, column 9: comments are not allowed in JSON'],
    ['{\n  "a": 1,\n}', 'invalid JSON at line 3, column 1: a comma before "}" is not allowed in JSON (trailing comma)'],
    ['[1, 2,]', 'invalid JSON at line 1, column 7: a comma before "]" is not allowed in JSON (trailing comma)'],
    ["{'a': 1}", 'invalid JSON at line 1, column 2: strings and property names must be in double quotes, not single quotes'],
    ['{"a" 1}', 'invalid JSON at line 1, column 6: expected ":" after the property name, found "1"'],
    ['{\n "a": [1, 2\n}', 'invalid JSON at line 3, column 1: expected "," or "]", found "}"'],
    ['{"a": 1 "b": 2}', 'invalid JSON at line 1, column 9: expected "," or "}", found "\\"b\\""'],
    ['{"a": tru}', 'invalid JSON at line 1, column 7: unexpected "tru": expected a JSON value (an object, a list, a string in double quotes, a number, true, false or null)'],
    ['{"a": "x\ty"}', 'invalid JSON at line 1, column 7: a string holds a control character (a tab or a line break): escape it, e.g. \\t or \\n'],
    ['{"a": 1}}', 'invalid JSON at line 1, column 9: unexpected "}" after the end of the JSON value'],
    ['{"a": {"b": 1', 'invalid JSON at line 1, column 14: the text stops before the object is closed with "}"'],
    ['  \n', 'the file is empty: expected a JSON object'],
    ['{"months": 12, "name": "x", "months": 24}', 'invalid JSON at line 1, column 29: "months" is given twice in the same object, and JSON would silently keep the last; give it once'],
  ])('%j: %s', (text, expected) => {
    expect(message(text)).toBe(expected);
  });

  it('lets the same key appear in different objects', () => {
    expect(message('{"a": {"id": 1}, "b": {"id": 2}, "c": [{"id": 3}, {"id": 4}]}')).toBe('parsed');
  });

  it('refuses nesting deeper than the limit, naming where, without overflowing the stack', () => {
    expect(message('{"a": {"b": [[1]]}}', 3)).toBe('nesting deeper than 3 levels at a.b[0]: a scenario is about 6 levels deep, and nothing here reads deeper');
    expect(message(`${'['.repeat(100_000)}${']'.repeat(100_000)}`)).toMatch(/^nesting deeper than 64 levels at \[0\]\[0\]\[0\]\[0\]\[0\]\[0\]…/);
  });

  it('counts lines and columns from 1', () => {
    expect(lineAndColumn('ab\ncd', 0)).toBe('line 1, column 1');
    expect(lineAndColumn('ab\ncd', 4)).toBe('line 2, column 2');
  });

  it('escapes what would act on a terminal', () => {
    expect(printable('a\u001b[2Jb\u007f\u202e')).toBe('a\\u001b[2Jb\\u007f\\u202e');
    expect(printable('plain – text → ok')).toBe('plain – text → ok');
  });
});

describe('nesting of text that is not JSON', () => {
  it('is bounded too, by position', () => {
    expect(message(`{"a": ${'['.repeat(100_000)}`)).toBe('nesting deeper than 64 levels at line 1, column 70: a scenario is about 6 levels deep, and nothing here reads deeper');
    expect(message('{"a": "[[[[[[[[[[[[[[[[[[[[[["}', 3)).toBe('parsed');
  });
});
