import { describe, expect, it } from 'vitest';
import type { ChartConfig } from '../../src/render/chart-definition.js';
import { referenceName } from '../../src/explorer/page/reference-list.js';
import { REFERENCE_DASHES, referenceDash, SAME_HERE, withReferences } from '../../src/explorer/page/reference-overlay.js';
import { readState, writeState } from '../../src/explorer/page/url-state.js';

function lineChart(series: Record<string, (number | null)[]>, labels = ['2024-01', '2024-02', '2024-03']): ChartConfig {
  return {
    type: 'line',
    data: { labels, datasets: Object.entries(series).map(([label, data]) => ({ label, data, borderColor: '#0072b2' })) },
    options: { plugins: { subtitle: { display: true, text: ['monthly'] } }, scales: { y: { type: 'logarithmic', min: 1 } } },
  } as ChartConfig;
}

const pinned = (config: ChartConfig, name = 'r', pattern = 0) => ({ config, name, pattern });

describe('reference-overlay', () => {
  it('draws a reference paler and dashed beside each series, its series out of the legend and one entry naming it in', () => {
    const drawn = withReferences(lineChart({ OpenAI: [1, 2, 3] }), [pinned(lineChart({ OpenAI: [1, 1, 1] }), 'baseline as loaded')], 'beside');
    const datasets = drawn.data.datasets as { label: string; data: unknown[]; borderDash?: number[] }[];
    expect(datasets.map((d) => d.label)).toEqual(['OpenAI', 'OpenAI (baseline as loaded)', 'baseline as loaded']);
    expect(datasets[1]!.borderDash).toEqual([6, 4]);
    expect(datasets[1]!.data).toEqual([1, 1, 1]);
    expect(datasets[2]!.data).toEqual([null, null, null]);
    const filter = (drawn.options as any).plugins.legend.labels.filter;
    expect([0, 1, 2].map((i) => filter({ datasetIndex: i }, drawn.data))).toEqual([true, false, true]);
    expect((drawn.options as any).plugins.subtitle.text).toEqual(['monthly', 'Paler, broken lines: the reference baseline as loaded']);
  });

  it('draws several references, each in the pattern of its place in the list, each named in the legend', () => {
    const drawn = withReferences(lineChart({ OpenAI: [1, 2, 3] }), [pinned(lineChart({ OpenAI: [1, 1, 1] }), 'as loaded', 0), pinned(lineChart({ OpenAI: [3, 3, 3] }), 'pinned: brandPremium = 0', 2)], 'beside');
    const datasets = drawn.data.datasets as { label: string; borderDash?: number[] }[];
    expect(datasets.map((d) => [d.label, d.borderDash])).toEqual([
      ['OpenAI', undefined],
      ['OpenAI (as loaded)', referenceDash(0)],
      ['as loaded', referenceDash(0)],
      ['OpenAI (pinned: brandPremium = 0)', referenceDash(2)],
      ['pinned: brandPremium = 0', referenceDash(2)],
    ]);
    expect(new Set(REFERENCE_DASHES.map((d) => d.join()))).toHaveProperty('size', REFERENCE_DASHES.length);
    const filter = (drawn.options as any).plugins.legend.labels.filter;
    expect(datasets.map((_, i) => filter({ datasetIndex: i }, drawn.data))).toEqual([true, false, true, false, true]);
  });

  it('draws a benchmark both runs share once', () => {
    const drawn = withReferences(lineChart({ OpenAI: [1, 2, 3], 'SaaS margin': [70, 70, 70] }), [pinned(lineChart({ OpenAI: [1, 1, 1], 'SaaS margin': [70, 70, 70] }))], 'beside');
    expect((drawn.data.datasets as { label: string }[]).map((d) => d.label)).toEqual(['OpenAI', 'SaaS margin', 'OpenAI (r)', 'r']);
  });

  it('names a reference in the legend of a chart where it draws as this run does, saying so', () => {
    const drawn = withReferences(lineChart({ OpenAI: [1, 2, 3] }), [pinned(lineChart({ OpenAI: [1, 2, 3] }), 'as loaded')], 'beside');
    expect((drawn.data.datasets as { label: string }[]).map((d) => d.label)).toEqual(['OpenAI', `as loaded ${SAME_HERE}`]);
  });

  it('draws the difference current − the first reference on a linear axis, matching series by label and bars by their entity', () => {
    const drawn = withReferences(lineChart({ OpenAI: [1, 2, null], xAI: [5, 5, 5] }), [pinned(lineChart({ OpenAI: [1, 1.5, 1] })), pinned(lineChart({ OpenAI: [0, 0, 0] }), 'second', 1)], 'difference');
    expect((drawn.data.datasets as { label: string; data: unknown[] }[]).map((d) => [d.label, d.data])).toEqual([['OpenAI', [0, 0.5, null]]]);
    expect((drawn.options as any).scales.y).toEqual({ type: 'linear', beginAtZero: false });
    const bars = withReferences(lineChart({ API: [3, 4] }, [['OpenAI', '$4B total'], ['Anthropic', '$1B total']] as never), [pinned(lineChart({ API: [1, 5] }, [['Anthropic', '$2B total'], ['OpenAI', '$3B total']] as never))], 'difference');
    expect((bars.data.datasets[0] as { data: unknown[] }).data).toEqual([3 - 5, 4 - 1]);
  });

  it('leaves a chart alone when no reference is pinned', () => {
    const chart = lineChart({ OpenAI: [1, 2, 3] });
    expect(withReferences(chart, [], 'beside')).toBe(chart);
  });
});

describe('reference-list', () => {
  it('names a reference by what it changes, the entity and the field, so a reopened link names it alike', () => {
    expect(referenceName({}, 'baseline')).toBe('baseline as loaded');
    expect(referenceName({ enterprises: { brandPremium: 0 } }, 'baseline')).toBe('pinned: brandPremium = 0');
    expect(referenceName({ vendors: [{ id: 'openai', policies: { funding: { params: { acceptExclusive: false } } } }], months: 12, seed: 3 }, 'baseline')).toBe('pinned: openai acceptExclusive = false, months = 12 and 1 more');
  });
});

describe('url-state', () => {
  it('reads back what it wrote: config, name, changes, month, references, difference, runs', () => {
    const state = { config: 'baseline.json', name: 'cheap-switching', changes: { enterprises: { brandPremium: 0 } }, month: 12, references: [{}, { months: 24 }], difference: true, runs: 8 };
    expect(readState(writeState(state))).toEqual(state);
    // None pinned is said, so that a reopened link does not pin the config as loaded again.
    expect(readState(writeState({ ...state, references: [] })).references).toEqual([]);
  });

  it('reads the one reference of a link made before several could be pinned', () => {
    expect(readState('#config=baseline.json&reference=%7B%22months%22%3A24%7D').references).toEqual([{ months: 24 }]);
  });

  it('ignores what it cannot read rather than fail: broken JSON, a month of 0, an unknown number of runs', () => {
    expect(readState('#config=baseline.json&changes=%7Bnot%20json&month=0&runs=3')).toEqual({ config: 'baseline.json', difference: false });
  });
});
