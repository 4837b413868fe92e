import { describe, expect, it } from 'vitest';
import { logTicks, logUsdAxis, positiveExtent } from '../../src/render/log-axis.js';

describe('log axis ticks', () => {
  it('span the data with labelled ends: a price falling from $7.70 to $1.47 gets $1 to $8, every dollar', () => {
    expect(logTicks(1.47, 7.7)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('step 1-2-5 over several decades, 1 × 10ⁿ over many', () => {
    expect(logTicks(0.33, 38)).toEqual([0.2, 0.5, 1, 2, 5, 10, 20, 50]);
    expect(logTicks(0.0004, 3e4)).toEqual([0.0001, 0.001, 0.01, 0.1, 1, 10, 100, 1000, 10_000, 100_000]);
  });

  it('step by tenths over a narrow range, and leave a flat line room above and below', () => {
    expect(logTicks(1.42, 1.61)).toEqual([1.4, 1.5, 1.6, 1.7]);
    const flat = logTicks(10, 10);
    expect(flat[0]).toBeLessThan(10);
    expect(flat.at(-1)).toBeGreaterThan(10);
    expect(flat.length).toBeGreaterThanOrEqual(5);
  });

  it('never leaves a value outside the ticks, whatever the range', () => {
    for (const [min, max] of [[0.013, 0.049], [2.2, 2.2], [0.99, 1.01], [5e-7, 3e9], [7.9, 80.1], [0.1, 1], [1, 10]] as const) {
      const ticks = logTicks(min, max);
      expect(ticks[0]!, `${min}..${max}`).toBeLessThanOrEqual(min);
      expect(ticks.at(-1)!, `${min}..${max}`).toBeGreaterThanOrEqual(max);
      expect(ticks.length, `${min}..${max}`).toBeGreaterThanOrEqual(3);
    }
  });

  it('has no ticks without positive data', () => {
    expect(logTicks(0, 5)).toEqual([]);
    expect(logTicks(Number.NaN, 5)).toEqual([]);
    expect(positiveExtent([[0, null, -1], undefined])).toBeUndefined();
    expect(positiveExtent([[0, 2, null], [0.5, 9]])).toEqual({ min: 0.5, max: 9 });
  });

  it('makes an axis from the first tick to the last, labelling every one in USD', () => {
    const axis = logUsdAxis('Price', { min: 1.47, max: 7.7 }) as unknown as {
      min: number;
      max: number;
      afterBuildTicks: (scale: { ticks: { value: number }[] }) => void;
      ticks: { callback: (v: number) => string };
    };
    expect([axis.min, axis.max]).toEqual([1, 8]);
    const scale = { ticks: [{ value: 1.47 }, { value: 1.5 }] };
    axis.afterBuildTicks(scale);
    expect(scale.ticks.map((t) => axis.ticks.callback(t.value))).toEqual(['$1', '$2', '$3', '$4', '$5', '$6', '$7', '$8']);
  });
});
