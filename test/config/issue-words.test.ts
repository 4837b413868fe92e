import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { issueInWords, tightestBounds } from '../../src/config/issue-words.js';

/** zod's default messages said in words, its "Too small: expected number to be >=1" never shown. */
describe('issueInWords', () => {
  const said = (schema: z.ZodType, value: unknown) => {
    const parsed = schema.safeParse(value);
    if (parsed.success) throw new Error('expected a failure');
    return parsed.error.issues.map(issueInWords);
  };

  it.each([
    [z.number().min(1), 0, 'at least 1'],
    [z.number().positive(), 0, 'above 0'],
    [z.number().max(1), 1.5, 'at most 1'],
    [z.number().lt(1), 1, 'below 1'],
    [z.number().int(), 1.5, 'expected a whole number'],
    [z.number().multipleOf(5), 7, 'a multiple of 5'],
    [z.string().min(1), '', 'not empty'],
    [z.string().min(3), 'ab', 'at least 3 characters'],
    [z.string().length(7), 'ab', 'exactly 7 characters'],
    [z.array(z.number()).min(1), [], 'not empty'],
    [z.array(z.number()).max(2), [1, 2, 3], 'at most 2 entries'],
    [z.number(), 'x', 'expected a number'],
    [z.enum(['a', 'b']), 'c', 'one of "a", "b"'],
  ] as const)('%#: says %j as %j', (schema, value, words) => {
    expect(said(schema as z.ZodType, value)).toEqual([words]);
  });

  it('keeps a schema’s own message', () => {
    expect(said(z.number().min(1, 'a vendor at least'), 0)).toEqual(['a vendor at least']);
  });

  it('keeps only the tightest bound on each side of a value', () => {
    const parsed = z.object({ seed: z.int().max(2 ** 32 - 1) }).safeParse({ seed: 1e20 });
    if (parsed.success) throw new Error('expected a failure');
    expect(parsed.error.issues.length).toBe(2);
    expect(tightestBounds(parsed.error.issues).map(issueInWords)).toEqual(['at most 4294967295']);
  });
});
