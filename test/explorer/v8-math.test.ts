import { describe, expect, it } from 'vitest';
import { cos, exp, log, pow, tanh } from '../../src/explorer/page/v8-math.js';

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
  it("computes exp, log, pow, tanh and cos bit for bit as Node's Math, where the core calls them", () => {
    const bases = argumentsIn(50_000, 1e-3, 20);
    const exponents = argumentsIn(50_000, -12, 12).reverse();
    expect(bases.filter((x, i) => !Object.is(pow(x, exponents[i]!), Math.pow(x, exponents[i]!)))).toEqual([]);
    // Subnormal results, negative bases with integer exponents, and powers of two.
    expect(argumentsIn(5_000, 1e-300, 1e-299).filter((x) => !Object.is(pow(x, 1.03), Math.pow(x, 1.03)))).toEqual([]);
    expect(argumentsIn(5_000, -10, -0.1).filter((x) => !Object.is(pow(x, 7), Math.pow(x, 7)) || !Object.is(pow(x, -6), Math.pow(x, -6)))).toEqual([]);
    expect([...Array(2200).keys()].map((k) => k - 1100).filter((k) => !Object.is(pow(2, k), Math.pow(2, k)))).toEqual([]);
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
      for (const y of [0, -0, 1, -1, 2, 0.5, -0.5, 3, -3, Infinity, -Infinity, NaN]) expect(pow(x, y)).toBe(Math.pow(x, y));
    }
  });
});
