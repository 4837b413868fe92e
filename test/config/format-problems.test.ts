import { describe, expect, it } from 'vitest';
import { formatProblemLines, formatProblems, MAX_SHOWN_PROBLEMS, oneLine } from '../../src/config/format-problems.js';

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

  it('reads a message laid out over lines as one sentence: items joined with "; ", no double space, no space before punctuation, nothing dangling', () => {
    expect(oneLine('x.json is not valid (2 problems):\n  a: b\n  c: d\n')).toBe('x.json is not valid (2 problems): a: b; c: d');
    expect(oneLine('first part \n\n second part')).toBe('first part second part');
    expect(oneLine('a list:\n\n  one')).toBe('a list: one');
    expect(oneLine('a value\n  , then more')).toBe('a value, then more');
    expect(oneLine('the causes:\n')).toBe('the causes');
    expect(oneLine('items:\n  one,\n  two')).toBe('items: one, two');
    expect(oneLine('a drive C:')).toBe('a drive C:');
    // A path is escaped where the message names it; a bare line feed left in is escaped, never joined.
    expect(oneLine('cannot read a\nb')).toBe('cannot read a\\u000ab');
  });

  it('keeps a path holding a space and a line feed as the one path it is', () => {
    expect(formatProblems('dir/a \nb.json', [{ path: 'name', message: 'bad' }], )).toBe('dir/a \\u000ab.json is not a valid scenario (1 problem):\n  name: bad\n');
    expect(formatProblems('c.json', [{ path: 'name', message: 'bad', file: 'p \n/q.json' }])).toBe('c.json is not a valid scenario (1 problem):\n  in p \\u000a/q.json, name: bad\n');
  });
});
