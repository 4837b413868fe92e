import { describe, expect, it } from 'vitest';
import type { ChartConfig } from '../../src/render/chart-definition.js';
import { withReference } from '../../src/explorer/page/reference-overlay.js';
import { readState, writeState } from '../../src/explorer/page/url-state.js';

function lineChart(series: Record<string, (number | null)[]>, labels = ['2024-01', '2024-02', '2024-03']): ChartConfig {
  return {
    type: 'line',
    data: { labels, datasets: Object.entries(series).map(([label, data]) => ({ label, data, borderColor: '#0072b2' })) },
    options: { plugins: { subtitle: { display: true, text: ['monthly'] } }, scales: { y: { type: 'logarithmic', min: 1 } } },
  } as ChartConfig;
}

describe('reference-overlay', () => {
  it('draws the reference dashed beside each series, out of the legend, named in the subtitle', () => {
    const drawn = withReference(lineChart({ OpenAI: [1, 2, 3] }), lineChart({ OpenAI: [1, 1, 1] }), 'beside', 'baseline as loaded');
    const datasets = drawn.data.datasets as { label: string; data: unknown[]; borderDash?: number[] }[];
    expect(datasets.map((d) => d.label)).toEqual(['OpenAI', 'OpenAI (reference)']);
    expect(datasets[1]!.borderDash).toEqual([6, 4]);
    expect(datasets[1]!.data).toEqual([1, 1, 1]);
    const filter = (drawn.options as any).plugins.legend.labels.filter;
    expect(filter({ datasetIndex: 1 }, drawn.data)).toBe(false);
    expect(filter({ datasetIndex: 0 }, drawn.data)).toBe(true);
    expect((drawn.options as any).plugins.subtitle.text).toEqual(['monthly', 'Dashed, paler: the reference run (baseline as loaded)']);
  });

  it('draws a benchmark both runs share once', () => {
    const drawn = withReference(lineChart({ OpenAI: [1, 2, 3], 'SaaS margin': [70, 70, 70] }), lineChart({ OpenAI: [1, 1, 1], 'SaaS margin': [70, 70, 70] }), 'beside', 'r');
    expect((drawn.data.datasets as { label: string }[]).map((d) => d.label)).toEqual(['OpenAI', 'SaaS margin', 'OpenAI (reference)']);
  });

  it('draws the difference current − reference on a linear axis, matching series by label and bars by their entity', () => {
    const drawn = withReference(lineChart({ OpenAI: [1, 2, null], xAI: [5, 5, 5] }), lineChart({ OpenAI: [1, 1.5, 1] }), 'difference', 'r');
    expect((drawn.data.datasets as { label: string; data: unknown[] }[]).map((d) => [d.label, d.data])).toEqual([['OpenAI', [0, 0.5, null]]]);
    expect((drawn.options as any).scales.y).toEqual({ type: 'linear', beginAtZero: false });
    const bars = withReference(lineChart({ API: [3, 4] }, [['OpenAI', '$4B total'], ['Anthropic', '$1B total']] as never), lineChart({ API: [1, 5] }, [['Anthropic', '$2B total'], ['OpenAI', '$3B total']] as never), 'difference', 'r');
    expect((bars.data.datasets[0] as { data: unknown[] }).data).toEqual([3 - 5, 4 - 1]);
  });

  it('leaves a chart alone when there is no reference', () => {
    const chart = lineChart({ OpenAI: [1, 2, 3] });
    expect(withReference(chart, undefined, 'beside', 'r')).toBe(chart);
  });
});

describe('url-state', () => {
  it('reads back what it wrote: config, name, changes, month, reference, difference, runs', () => {
    const state = { config: 'baseline.json', name: 'cheap-switching', changes: { enterprises: { brandPremium: 0 } }, month: 12, reference: {}, difference: true, runs: 8 };
    expect(readState(writeState(state))).toEqual(state);
  });

  it('ignores what it cannot read rather than fail: broken JSON, a month of 0, an unknown number of runs', () => {
    expect(readState('#config=baseline.json&changes=%7Bnot%20json&month=0&runs=3')).toEqual({ config: 'baseline.json', difference: false });
  });
});
