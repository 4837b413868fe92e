import { describe, expect, it } from 'vitest';
import { closestName, editDistance } from '../../src/config/suggest.js';

describe('editDistance', () => {
  it.each([
    ['base', 'base', 0],
    ['bsae', 'base', 1],
    ['rnus', 'runs', 1],
    ['basline', 'baseline', 1],
    ['abc', 'cba', 2],
    ['', 'abc', 3],
    ['Runs', 'runs', 0],
  ])('%s to %s: %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });

  it('counts two swapped letters as one slip, so a short name swapped gets its guess', () => {
    expect(closestName('--rnus', ['--runs', '--seed', '--out'])).toBe('--runs');
    expect(closestName('gpt5', ['gpt-5', 'o3'])).toBe('gpt-5');
  });
});
