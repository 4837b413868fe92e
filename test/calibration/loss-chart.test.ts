import { describe, expect, it } from 'vitest';
import { lossChart } from '../../src/calibration/loss-chart.js';
import type { ApmcState } from '../../src/calibration/apmc.js';

/** A generation as the chart reads it: its points' distances and the tolerance after it. */
function generation(index: number, distances: number[], tolerance: number) {
  const state: ApmcState = { generation: index, particles: [], tolerance, acceptance: 0.5 };
  return { generation: index, distances, state };
}

interface YAxis {
  readonly type: string;
  readonly min: number;
  readonly max: number;
  readonly afterBuildTicks: (scale: { ticks: { value: number }[] }) => void;
  readonly ticks: { callback: (value: number) => string };
}

describe('lossChart', () => {
  it('labels every gridline of its log axis in 1-2-5 steps, down among the best points below 1', () => {
    // A search narrowing from distances near 40 to the best points near 0.6, as a refit's does.
    const chart = lossChart('baseline', [generation(0, [38, 12, 3.1, Number.POSITIVE_INFINITY], 12), generation(1, [2.4, 0.93, 0.62, 0.71], 0.93)]);
    const y = (chart.config.options as unknown as { scales: { y: YAxis } }).scales.y;
    expect(y.type).toBe('logarithmic');
    const scale = { ticks: [] as { value: number }[] };
    y.afterBuildTicks(scale);
    expect(scale.ticks.map((t) => y.ticks.callback(t.value))).toEqual(['0.5', '1', '2', '5', '10', '20', '50']);
    expect([y.min, y.max]).toEqual([0.5, 50]);
  });
});
