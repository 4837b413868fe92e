import { describe, expect, it } from 'vitest';
import { formatProblemLines, formatProblems, MAX_SHOWN_PROBLEMS } from '../../src/config/format-problems.js';

describe('problems as the command line shows them', () => {
  it('counts one problem as "1 problem"', () => {
    expect(formatProblems('a.json', [{ path: 'months', message: 'too many' }])).toBe('a.json is not a valid scenario (1 problem):\n  months: too many\n');
    expect(formatProblemLines('m.json is not a valid manifest', ['jobHash: edited'])).toBe('m.json is not a valid manifest (1 problem):\n  jobHash: edited\n');
  });

  it('shows the first 50 of 230,000 problems and counts the rest, in a few kilobytes', () => {
    const problems = Array.from({ length: 230_000 }, (_, i) => ({ path: `events[${i}].date`, message: 'a month as YYYY-MM, e.g. 2024-01; found "x"' }));
    const text = formatProblems('big.json', problems);
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe('big.json is not a valid scenario (230,000 problems):');
    expect(lines).toHaveLength(1 + MAX_SHOWN_PROBLEMS + 1);
    expect(lines.at(-1)).toBe('  … and 229,950 more problems, not shown: fix these first');
    expect(text.length).toBeLessThan(5000);
  });

  it('prints no control character of a file, and one problem a line', () => {
    // A message wrapped over lines is joined with a space; a bare line feed is part of what it quotes (a path, a value), escaped.
    const text = formatProblems('a\nb.json', [{ path: 'name', message: 'found "\u001b[2J\u0007"\nand more,\n  wrapped' }]);
    expect(text).toBe('a\\u000ab.json is not a valid scenario (1 problem):\n  name: found "\\u001b[2J\\u0007"\\u000aand more, wrapped\n');
  });
});
