import { describe, expect, it } from 'vitest';
import { NOISE_GREYS, tornadoChart } from '../../src/render/sweep/tornado-chart.js';
import { decimalsForStep, formatTick } from '../../src/render/format.js';
import { SCENARIO_COLOURS } from '../../src/render/palette.js';

const spec = (unit: 'share' | 'usd') =>
  tornadoChart({
    title: 't',
    of: 'o',
    subtitle: [],
    unit,
    kpiTitle: 'k',
    base: 10,
    rows: [
      { label: 'opposite', low: 8, high: 13 },
      { label: 'agree', low: 13, high: 14 },
      { label: 'noise', low: 9.9, high: 10.1, withinNoise: true },
      { label: 'one side', high: 11 },
    ],
    lowLabel: 'parameter low',
    highLabel: 'parameter high',
  });

describe('the tornado chart spec', () => {
  const chart = spec('share');
  const datasets = chart.data.datasets as unknown as { label: string; data: (number[] | null)[]; grouped: boolean; backgroundColor: string[] }[];

  it('draws sides that move the KPI opposite ways on the row’s line, and sides that agree one over the other', () => {
    expect(datasets.map((d) => [d.label, d.grouped])).toEqual([
      ['parameter low', false],
      ['parameter high', false],
      ['parameter low', true],
      ['parameter high', true],
    ]);
    expect(datasets[0]!.data).toEqual([[10, 8], null, [10, 9.9], null]);
    expect(datasets[1]!.data).toEqual([[10, 13], null, [10, 10.1], [10, 11]]);
    // Both raise it: grouped, so the raised bar (to 14) does not hide the lowered one (to 13).
    expect(datasets[2]!.data).toEqual([null, [10, 13], null, null]);
    expect(datasets[3]!.data).toEqual([null, [10, 14], null, null]);
  });

  it('greys a row within seed noise, bars and label, and says so in the legend', () => {
    expect(datasets[0]!.backgroundColor).toEqual([SCENARIO_COLOURS[0], SCENARIO_COLOURS[0], NOISE_GREYS.low, SCENARIO_COLOURS[0]]);
    expect(datasets[1]!.backgroundColor[2]).toBe(NOISE_GREYS.high);
    const options = chart.options as unknown as { scales: { y: { ticks: { color: string[] } }; x: { ticks: { callback: (v: number, i: number, all: { value: number }[]) => string } } }; plugins: { legend: { labels: { generateLabels: () => { text: string }[] } } } };
    expect(options.scales.y.ticks.color[2]).toBe(NOISE_GREYS.high);
    expect(options.scales.y.ticks.color[0]).not.toBe(NOISE_GREYS.high);
    expect(options.plugins.legend.labels.generateLabels().map((item) => item.text)).toEqual(['parameter low', 'parameter high', 'within seed noise']);
  });

  it('labels the value axis with the decimals its step needs', () => {
    const x = (chart.options as unknown as { scales: { x: { ticks: { callback: (v: number, i: number, all: { value: number }[]) => string } } } }).scales.x.ticks;
    const ticks = [31.2, 31.4, 31.6].map((value) => ({ value }));
    expect(ticks.map((t, i) => x.callback(t.value, i, ticks))).toEqual(['31.2%', '31.4%', '31.6%']);
    const usd = (spec('usd').options as unknown as typeof chart.options & { scales: { x: { ticks: { callback: (v: number, i: number, all: { value: number }[]) => string } } } }).scales.x.ticks;
    const money = [1.2e9, 1.25e9, 1.3e9].map((value) => ({ value }));
    expect(money.map((t, i) => usd.callback(t.value, i, money))).toEqual(['$1.20B', '$1.25B', '$1.30B']);
  });
});

describe('tick formats', () => {
  it('gives as many decimals as a step needs, and no more', () => {
    expect([5, 1, 0.2, 0.25, 0.005, 0.1 + 0.2].map(decimalsForStep)).toEqual([0, 0, 1, 2, 3, 1]);
    expect(formatTick(-0.5, 0.25, 1, 'share')).toBe('−0.50%');
    expect(formatTick(1500, 250, 2000, 'count')).toBe('1,500');
    expect(formatTick(1500.5, 0.5, 2000, 'count')).toBe('1,500.5');
    expect(formatTick(350e6, 50e6, 400e6, 'usd')).toBe('$350M');
  });
});
