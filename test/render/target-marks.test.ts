import { describe, expect, it } from 'vitest';
import { parseTargetFile } from '../../src/calibration/load-targets-file.js';
import type { Target } from '../../src/calibration/target-file.js';
import { COMPARE_METRICS, overlayLines } from '../../src/jobs/compare/compare-charts.js';
import { singleRun } from '../../src/render/chart-data.js';
import { buildCharts, placeRunTargets } from '../../src/render/build-charts.js';
import { marksOn, sourceName, TARGET_LEGEND, targetLabel } from '../../src/render/target-marks.js';
import { sampleTable } from './sample-table.js';

/** Targets as a targets file gives them (defaults applied), checked by the schema. */
function targets(...raw: Record<string, unknown>[]): Target[] {
  const parsed = parseTargetFile({ targets: raw.map((t) => ({ source: 'Menlo Ventures, mid-2025 update (survey): 32 %', ...t })) });
  if (!parsed.success) throw new Error(JSON.stringify(parsed.problems));
  return parsed.file.targets;
}

const share = { id: 'anthropic-share-2025-06', metric: 'vendor.enterprise_share', entity: 'anthropic', month: '2025-06', band: [0.26, 0.38], value: 0.32 };
const arr = { id: 'openai-arr-2024-12', metric: 'vendor.arr_usd', entity: 'openai', month: '2024-12', band: [3.75e9, 6.25e9], value: 5e9, source: 'Seed article: OpenAI ~$5B ARR' };
const marginWindow = { id: 'margin-late-2024', metric: 'vendor.gross_margin', entity: 'anthropic', from: '2024-09', to: '2024-12', aggregate: 'mean', band: [0.33, 0.43], value: 0.38, source: 'The Information via the seed article: 38 %' };
const highestMargin = { id: 'highest-margin-2024', metric: 'vendor.gross_margin', entity: '*', from: '2024-01', to: '2024-12', aggregate: 'max', band: [null, 0.7], source: 'Seed article: below SaaS' };
const growth = { id: 'spend-growth', metric: 'vendor.arr_usd', entity: 'openai', from: '2024-12', to: '2025-06', aggregate: 'growth', band: [1.8, 3] };
const ratio = { id: 'subscription-share', metric: 'vendor.revenue_subscription_usd', per: 'vendor.revenue_usd', entity: 'openai', from: '2024-01', to: '2024-12', aggregate: 'sum', band: [0.66, 0.8] };
const notModelled = { id: 'weekly-users', metric: 'vendor.weekly_users', entity: 'openai', month: '2025-02', band: [3e8, 5e8], notModelled: 'the model records paying subscribers' };
const openWeights = { id: 'open-weights-2024-12', metric: 'market.open_weights_share', entity: 'market', month: '2024-12', band: [0.13, 0.25], value: 0.19 };

const data = singleRun(sampleTable(24));
const all = targets(share, arr, marginWindow, highestMargin, growth, ratio, notModelled, openWeights);

describe('which targets go on which chart', () => {
  it('puts each target on the charts of its metric and entity, and says why the others are not drawn', () => {
    const placed = Object.fromEntries(placeRunTargets(data, all).map((p) => [p.target.id, p.charts.length > 0 ? p.charts : p.reason]));
    expect(placed).toEqual({
      'anthropic-share-2025-06': ['enterprise-share.png'],
      'openai-arr-2024-12': ['vendor-arr.png'],
      'margin-late-2024': ['vendor-gross-margin.png'],
      'highest-margin-2024': ['vendor-gross-margin.png'],
      'spend-growth': 'a growth (the value at `to` ÷ the value at `from`) has no level to draw',
      'subscription-share': 'a ratio of two metrics (vendor.revenue_subscription_usd ÷ vendor.revenue_usd), which no chart draws',
      'weekly-users': 'not modelled: the model records paying subscribers',
      'open-weights-2024-12': 'no chart of this job draws market.open_weights_share of market',
    });
  });

  it('says no chart was drawn when charts are off (--no-charts)', () => {
    expect(placeRunTargets(data, targets(share), [])[0]!.reason).toBe('no charts were drawn (--no-charts)');
  });

  it('draws a share in the chart’s percent, at its month, in its vendor’s colour', () => {
    const [mark] = marksOn(targets(share), { unit: 'share', lines: [{ metric: 'vendor.enterprise_share', entity: 'anthropic', colour: '#D55E00' }], everyEntity: true }, data.dates);
    expect(mark).toMatchObject({ from: 17, to: 17, window: false, label: 'Menlo Ventures Jun 2025: 32%', colour: '#D55E00' });
    expect(mark!.low).toBeCloseTo(26);
    expect(mark!.high).toBeCloseTo(38);
  });

  it('leaves out a target whose months are not on the chart’s axis', () => {
    const lines = { unit: 'share' as const, lines: [{ metric: 'vendor.enterprise_share', entity: 'anthropic' }], everyEntity: true };
    expect(marksOn(targets(share), lines, data.dates.slice(0, 12))).toEqual([]);
  });

  it('draws a target over every vendor (`*`) only where every vendor is drawn, not on a comparison’s one-vendor chart', () => {
    const margin = COMPARE_METRICS.find((m) => m.metric === 'vendor.gross_margin')!;
    expect(marksOn(targets(highestMargin), overlayLines(margin, 'anthropic'), data.dates)).toEqual([]);
    expect(marksOn(targets(marginWindow), overlayLines(margin, 'anthropic'), data.dates).map((m) => m.id)).toEqual(['margin-late-2024']);
    expect(marksOn(targets(marginWindow), overlayLines(margin, 'openai'), data.dates)).toEqual([]);
  });

  it('draws the open-weights share on a comparison’s market chart', () => {
    const metric = COMPARE_METRICS.find((m) => m.metric === 'market.open_weights_share')!;
    expect(marksOn(targets(openWeights), overlayLines(metric, 'market'), data.dates).map((m) => m.label)).toEqual(['Menlo Ventures Dec 2024: 19%']);
  });
});

describe('labels', () => {
  it('name the source, the months and the figure in the chart’s units', () => {
    const [shareT, arrT, windowT, highestT] = targets(share, arr, marginWindow, highestMargin);
    expect(targetLabel(shareT!, 'share')).toBe('Menlo Ventures Jun 2025: 32%');
    expect(targetLabel(arrT!, 'usd')).toBe('Seed article Dec 2024: $5B');
    expect(targetLabel(windowT!, 'share')).toBe('The Information Sep–Dec 2024: 38%');
    expect(targetLabel(highestT!, 'share')).toBe('Seed article 2024: highest ≤ 70%');
  });

  it('show the reported figure where the source gave one, else the band, never a middle no one reported', () => {
    const deepseek = { id: 'deepseek-2025-06', metric: 'vendor.enterprise_share', entity: 'deepseek', month: '2025-06', band: [0, 0.07], value: 0.01 };
    const range = { id: 'anthropic-arr-mid-2025', metric: 'vendor.arr_usd', entity: 'anthropic', from: '2025-07', to: '2025-08', aggregate: 'mean', band: [3e9, 6.25e9], source: 'Press reports: ~$4–5B' };
    const [deepseekT, rangeT, rangeShareT] = targets(deepseek, range, { ...share, value: undefined });
    expect(targetLabel(deepseekT!, 'share')).toBe('Menlo Ventures Jun 2025: 1%');
    expect(targetLabel(rangeT!, 'usd')).toBe('Press reports Jul–Aug 2025: band $3–6.25B');
    expect(targetLabel(rangeShareT!, 'share')).toBe('Menlo Ventures Jun 2025: band 26–38%');
  });

  it('keep a source to its first two words before any punctuation', () => {
    expect(sourceName('Press reports (Reuters, The Information): Anthropic run-rate')).toBe('Press reports');
    expect(sourceName('OpenAI statements and press: ChatGPT ~400M weekly users')).toBe('OpenAI statements');
    expect(sourceName('a16z (Nov 2024, “LLMflation”)')).toBe('a16z');
  });
});

describe('charts with targets', () => {
  const annotationsOf = (config: unknown) => Object.keys((config as { options: { plugins: { annotation?: { annotations: object } } } }).options.plugins.annotation?.annotations ?? {});
  const legendsOf = (config: unknown) => (config as { data: { datasets: { label?: string }[] } }).data.datasets.map((d) => d.label);

  it('add the marks and a legend entry to the charts of their lines only, and leave every chart as it was without targets', () => {
    const without = buildCharts(data, { scenario: 'sample' });
    const withTargets = buildCharts(data, { scenario: 'sample', targets: all });
    expect(withTargets.map((c) => c.file)).toEqual(without.map((c) => c.file));
    for (const [i, chart] of withTargets.entries()) {
      const marked = ['enterprise-share.png', 'vendor-arr.png', 'vendor-gross-margin.png'].includes(chart.file);
      expect(legendsOf(chart.config).includes(TARGET_LEGEND)).toBe(marked);
      if (!marked) expect(JSON.stringify(chart.config)).toBe(JSON.stringify(without[i]!.config));
    }
    const share = withTargets.find((c) => c.file === 'enterprise-share.png')!;
    expect(annotationsOf(share.config).filter((k) => k.startsWith('target-'))).toEqual([
      'target-anthropic-share-2025-06-bar',
      'target-anthropic-share-2025-06-low',
      'target-anthropic-share-2025-06-high',
      'target-anthropic-share-2025-06-point',
      'target-anthropic-share-2025-06-label',
    ]);
    const margin = withTargets.find((c) => c.file === 'vendor-gross-margin.png')!;
    // A band over a window is a box; one open below is its bound alone, not half the chart shaded.
    expect(annotationsOf(margin.config).filter((k) => k.startsWith('target-'))).toEqual([
      'target-margin-late-2024-box',
      'target-margin-late-2024-figure',
      'target-margin-late-2024-label',
      'target-highest-margin-2024-bound',
      'target-highest-margin-2024-label',
    ]);
  });

  it('put the diamond at the reported figure, inside a band not centred on it, and at the band’s middle without one', () => {
    // A band clipped at 0, as DeepSeek's 1 % in 0–7 %.
    const clipped = { ...share, band: [0, 0.07], value: 0.01 };
    const pointOf = (raw: Record<string, unknown>) => {
      const config = buildCharts(data, { scenario: 'sample', targets: targets(raw) }).find((c) => c.file === 'enterprise-share.png')!.config;
      const annotations = (config.options as { plugins: { annotation: { annotations: Record<string, { yValue: number }> } } }).plugins.annotation.annotations;
      return { point: annotations['target-anthropic-share-2025-06-point']!.yValue, label: annotations['target-anthropic-share-2025-06-label']!.yValue };
    };
    const reported = pointOf(clipped);
    expect(reported.point).toBeCloseTo(1);
    expect(reported.label).toBeCloseTo(1);
    const middle = pointOf({ ...clipped, value: undefined });
    expect(middle.point).toBeCloseTo(3.5);
    expect(middle.label).toBeCloseTo(3.5);
  });

  it('stretch a value axis to a band the lines do not reach', () => {
    const far = targets({ ...arr, band: [4e11, 6e11], value: undefined });
    const chart = buildCharts(data, { scenario: 'sample', targets: far }).find((c) => c.file === 'vendor-arr.png')!;
    expect((chart.config.options as { scales: { y: { suggestedMax?: number } } }).scales.y.suggestedMax).toBe(6e11);
  });
});
