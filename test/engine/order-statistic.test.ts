import { describe, expect, it } from 'vitest';
import { lastInOrder, selectInPlace, sortsBefore } from '../../src/engine/order-statistic.js';
import { createRng, type Rng } from '../../src/engine/rng.js';

/** Arrays of the shapes that trouble a selection: ties, zeros of both signs, NaN, runs already in order. */
function arrays(rng: Rng): Float64Array[] {
  const out: Float64Array[] = [];
  for (const n of [1, 2, 3, 4, 5, 8, 17, 100, 1001]) {
    out.push(Float64Array.from({ length: n }, () => rng.next() * 4 - 1));
    out.push(Float64Array.from({ length: n }, () => Math.floor(rng.next() * 3) - 1));
    out.push(Float64Array.from({ length: n }, () => [0, -0, 1, -1, NaN, Infinity, -Infinity][Math.floor(rng.next() * 7)]!));
    out.push(Float64Array.from({ length: n }, (_, k) => k));
    out.push(Float64Array.from({ length: n }, (_, k) => n - k));
    out.push(new Float64Array(n).fill(2));
  }
  return out;
}

describe('order statistics', () => {
  it('selects at every index the very value sorting puts there, sign of zero and NaN included', () => {
    const rng = createRng(7, 'order-statistic');
    for (const values of arrays(rng)) {
      const sorted = Float64Array.from(values).sort();
      for (let k = 0; k < values.length; k += Math.max(1, Math.floor(values.length / 13))) {
        const work = Float64Array.from(values);
        expect(Object.is(selectInPlace(work, k), sorted[k])).toBe(true);
        // What lies before k sorts no later than it: the value before it in sorted order is the last of them.
        if (k > 0) expect(Object.is(lastInOrder(work.subarray(0, k)), sorted[k - 1])).toBe(true);
      }
      expect(Object.is(lastInOrder(values), sorted[values.length - 1])).toBe(true);
    }
  });

  it('orders as a Float64Array sorts: −0 before +0, NaN after everything', () => {
    expect(sortsBefore(-0, 0)).toBe(true);
    expect(sortsBefore(0, -0)).toBe(false);
    expect(sortsBefore(Infinity, NaN)).toBe(true);
    expect(sortsBefore(NaN, Infinity)).toBe(false);
    expect(sortsBefore(NaN, NaN)).toBe(false);
    expect(sortsBefore(1, 1)).toBe(false);
  });
});
