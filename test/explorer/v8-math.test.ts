import { describe, expect, it } from 'vitest';
import { cos, exp, log, tanh } from '../../src/explorer/page/v8-math.js';

/** Arguments from a fixed linear congruential sequence: the same ones on every run. */
function argumentsIn(count: number, low: number, high: number): number[] {
  let state = 20231201;
  return Array.from({ length: count }, () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    const fine = (state * 1103515245 + 12345) % 2147483648;
    return low + (high - low) * (state / 2147483648 + fine / 2147483648 ** 2);
  });
}

function mismatches(mine: (x: number) => number, node: (x: number) => number, args: readonly number[]): number[] {
  return args.filter((x) => !Object.is(mine(x), node(x)));
}

describe('v8-math', () => {
  it("computes exp, log, tanh and cos bit for bit as Node's Math, where the core calls them", () => {
    expect(mismatches(exp, Math.exp, argumentsIn(50_000, -50, 50))).toEqual([]);
    expect(mismatches(log, Math.log, argumentsIn(50_000, 1e-6, 1e6))).toEqual([]);
    expect(mismatches(tanh, Math.tanh, argumentsIn(50_000, -30, 30))).toEqual([]);
    // The Box-Muller draw (engine/rng.ts) takes the cosine of 2π·u; wider arguments reduce the same way.
    expect(mismatches(cos, Math.cos, argumentsIn(50_000, 0, 2 * Math.PI))).toEqual([]);
    expect(mismatches(cos, Math.cos, argumentsIn(20_000, -1e7, 1e7))).toEqual([]);
  });

  it('keeps the special values', () => {
    for (const x of [0, -0, Infinity, -Infinity, NaN, 1e-310, -1e-310, 710, -745.2]) {
      expect(exp(x)).toBe(Math.exp(x));
      expect(tanh(x)).toBe(Math.tanh(x));
      expect(cos(x)).toBe(Math.cos(x));
      expect(log(Math.abs(x))).toBe(Math.log(Math.abs(x)));
    }
  });
});
