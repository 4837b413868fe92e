import { describe, expect, it } from 'vitest';
import { summariseRuns } from '../../../src/ensemble/ensemble-table.js';
import { MetricRecorder, type MetricTable } from '../../../src/metrics/metric-table.js';
import { commonDates, compareCharts, COMPARE_METRICS, type CompareChart } from '../../../src/jobs/compare/compare-charts.js';
import type { ScheduledEvent } from '../../../src/config/schedule-schema.js';
import type { Dataset } from '../../../src/render/chart-parts.js';
import { scenarioColour } from '../../../src/render/palette.js';

function run(start: number, share: number, months = 3): MetricTable {
  const recorder = new MetricRecorder(months);
  for (let tick = 0; tick < months; tick++) {
    recorder.beginTick(`2024-0${start + tick}`);
    recorder.record('vendor.enterprise_share', 'openai', share);
    recorder.record('market.hhi', 'market', 2000 + share * 1000);
  }
  return recorder;
}

describe('compareCharts', () => {
  const runs = [[run(1, 0.5)], [run(1, 0.3)], [run(2, 0.4)]];
  const charts = compareCharts({
    labels: ['base', 'cheap', 'late'],
    ensembles: runs.map((r) => summariseRuns(r)),
    runs,
    focus: { vendor: 'openai', cloud: 'azure' },
    runsNote: '1 run',
  });

  it('draws a chart of levels and one of changes for each metric the runs recorded, files named for the entity', () => {
    expect(charts.map((c) => c.file)).toEqual(['enterprise-share-openai.png', 'delta-enterprise-share-openai.png', 'market-hhi.png', 'delta-market-hhi.png']);
    expect(COMPARE_METRICS.length).toBeGreaterThanOrEqual(8);
  });

  it('gives each scenario its own colour, the same on every chart', () => {
    for (const chart of charts.filter((c) => c.kind === 'overlay')) {
      const lines = chart.config.data.datasets.filter((d) => !String(d.label).startsWith('\u0000'));
      expect(lines.map((d) => d.borderColor)).toEqual([0, 1, 2].map(scenarioColour));
    }
    const delta = charts.find((c) => c.kind === 'delta')!;
    expect(delta.config.data.datasets[0]!.borderColor).toBe(scenarioColour(1));
  });

  it('aligns scenarios on their months, leaving gaps where one did not run', () => {
    expect(commonDates(runs.flat())).toEqual(['2024-01', '2024-02', '2024-03', '2024-04']);
    const overlay = charts[0]!.config.data.datasets;
    expect(overlay[2]!.data).toEqual([null, 40, 40, 40]);
    const change = charts[1]!.config.data.datasets.find((d) => d.label === 'cheap − base')!;
    expect(change.data.map((v) => (v === null ? null : Math.round(Number(v) * 10) / 10))).toEqual([-20, -20, -20, null]);
  });
});

/** A run over 2024-01..2024-06 with an enterprise share per month and the clouds' own-ASIC shares. */
function monthly(shares: readonly number[], asic: { oracle: number; aws: (tick: number) => number } = { oracle: 0, aws: (t) => 0.1 * t }): MetricTable {
  const recorder = new MetricRecorder(shares.length);
  shares.forEach((share, tick) => {
    recorder.beginTick(`2024-0${tick + 1}`);
    recorder.record('vendor.enterprise_share', 'openai', share);
    recorder.record('cloud.asic_share', 'oracle', asic.oracle);
    recorder.record('cloud.asic_share', 'aws', asic.aws(tick));
    recorder.record('cloud.asic_share', 'azure', 0.05);
  });
  return recorder;
}

type Annotation = { type: string; xMin: number; borderColor: string; label: { content: string; backgroundColor: string } };

function annotationsOf(chart: CompareChart): Annotation[] {
  const plugins = (chart.config.options as { plugins: { annotation?: { annotations: Record<string, Annotation> } } }).plugins;
  return Object.values(plugins.annotation?.annotations ?? {});
}

function subtitleOf(chart: CompareChart): string[] {
  return (chart.config.options as { plugins: { subtitle: { text: string[] } } }).plugins.subtitle.text;
}

function linesOf(chart: CompareChart) {
  return chart.config.data.datasets.filter((d) => !String(d.label).startsWith('\u0000')) as (Dataset & { borderDash?: number[]; borderDashOffset?: number; order?: number })[];
}

describe('compareCharts of branches', () => {
  const base = [0.5, 0.5, 0.5, 0.5, 0.5, 0.5];
  const runs = [[monthly(base)], [monthly([0.5, 0.5, 0.5, 0.5, 0.3, 0.2])], [monthly([0.5, 0.5, 0.4, 0.4, 0.4, 0.4])]];
  const shock: ScheduledEvent = { id: 'shock', date: '2024-05', type: 'capacity-shock', cloud: 'azure', gpuChange: -0.35 } as ScheduledEvent;
  const merger: ScheduledEvent = { id: 'merger', date: '2024-04', type: 'merger', cloud: 'aws', vendor: 'anthropic' } as ScheduledEvent;
  const input = {
    labels: ['base', 'late', 'early'],
    ensembles: runs.map((r) => summariseRuns(r)),
    runs,
    focus: { vendor: 'openai', cloud: 'oracle' },
    runsNote: '1 run',
    partings: [{ own: [] }, { partsAt: '2024-05', own: [{ event: shock, change: 'adds' as const }] }, { partsAt: '2024-03', own: [{ event: merger, change: 'drops' as const }] }],
  };
  const charts = compareCharts(input);
  const share = charts.find((c) => c.file === 'enterprise-share-openai.png')!;

  it('marks every scenario’s branch month in its colour, labelled with its name, and starts its line there', () => {
    const branches = annotationsOf(share).filter((a) => a.label.content.includes('branches'));
    expect(branches.map((a) => [a.xMin, a.label.content, a.borderColor])).toEqual([
      [1.5, 'early branches Mar 2024', scenarioColour(2)],
      [3.5, 'late branches May 2024', scenarioColour(1)],
    ]);
    const [, late, early] = linesOf(share);
    expect(late!.data).toEqual([null, null, null, 50, 30, 20]);
    expect(early!.data.slice(0, 2)).toEqual([null, 50]);
    const delta = charts.find((c) => c.file === 'delta-enterprise-share-openai.png')!;
    expect(linesOf(delta)[0]!.data.slice(0, 4)).toEqual([null, null, null, 0]);
    expect(subtitleOf(share).join('\n')).toContain("Dashed, in a scenario's colour: the month it branches from base");
  });

  it('names several scenarios branching in one month on one line', () => {
    const same = compareCharts({ ...input, partings: [{ own: [] }, { partsAt: '2024-03', own: [] }, { partsAt: '2024-03', own: [] }] });
    const labels = annotationsOf(same[0]!).map((a) => a.label.content);
    expect(labels).toEqual(['late and early branch Mar 2024']);
  });

  it('marks each scenario’s own events, of any kind, in its colour: added ones by their label, dropped ones as "no …"', () => {
    const own = annotationsOf(share).filter((a) => !a.label.content.includes('branches'));
    expect(own.map((a) => [a.xMin, a.label.content, a.label.backgroundColor])).toEqual([
      [3, 'no AWS buys Anthropic', scenarioColour(2)],
      [4, 'Azure capacity shock', scenarioColour(1)],
    ]);
    expect(subtitleOf(share).join('\n')).toContain('Tags in a scenario\'s colour: its own events, added or changed against base ("no …": one of base\'s it drops)');
  });
});

describe('compareCharts of lines on one another', () => {
  const runs = [[monthly([0.5, 0.4, 0.3])], [monthly([0.5, 0.4, 0.3])], [monthly([0.5, 0.4, 0.3])], [monthly([0.5, 0.45, 0.2])]];
  const charts = compareCharts({ labels: ['base', 'same', 'again', 'other'], ensembles: runs.map((r) => summariseRuns(r)), runs, focus: { vendor: 'openai', cloud: 'aws' }, runsNote: '1 run' });

  it('draws a scenario identical to an earlier one over it, dashed so both colours show, and says so in the legend', () => {
    const [base, same, again, other] = linesOf(charts.find((c) => c.file === 'enterprise-share-openai.png')!);
    expect(base!.borderDash).toBeUndefined();
    expect([same!.label, again!.label, other!.label]).toEqual(['same (same as base)', 'again (same as base)', 'other']);
    // Three lines on one course: each dashed line shows in its own third of the pattern.
    expect([same!.borderDash, same!.borderDashOffset, again!.borderDash, again!.borderDashOffset]).toEqual([[8, 16], 16, [8, 16], 8]);
    expect([same!.order, again!.order, other!.order]).toEqual([-1, -1, undefined]);
  });

  it('says in the legend of the changes which scenario changes nothing', () => {
    const delta = linesOf(charts.find((c) => c.file === 'delta-enterprise-share-openai.png')!);
    expect(delta.map((d) => d.label)).toEqual(['same − base (no change)', 'again − base (no change)', 'other − base', 'No change from base']);
    expect(delta[1]!.borderDash).toEqual([8, 8]);
  });

  it('leaves lines apart by more than a line’s width solid', () => {
    const apart = [[monthly([0.5, 0.4, 0.3])], [monthly([0.5, 0.4, 0.25])]];
    const chart = compareCharts({ labels: ['a', 'b'], ensembles: apart.map((r) => summariseRuns(r)), runs: apart, focus: { vendor: 'openai', cloud: 'aws' }, runsNote: '1 run' })[0]!;
    expect(linesOf(chart).map((d) => [d.label, d.borderDash])).toEqual([['a', undefined], ['b', undefined]]);
  });
});

describe('the entity a comparison chart of a cloud follows', () => {
  const runs = [[monthly([0.5, 0.4, 0.3])], [monthly([0.5, 0.4, 0.35])]];
  const input = { labels: ['base', 'other'], ensembles: runs.map((r) => summariseRuns(r)), runs, focus: { vendor: 'openai', cloud: 'oracle' }, runsNote: '1 run' };

  it('follows the cloud whose value ends highest when the focus cloud’s is the same throughout, and says why', () => {
    const charts = compareCharts(input);
    const asic = charts.find((c) => c.metric.metric === 'cloud.asic_share' && c.kind === 'overlay')!;
    expect(asic.file).toBe('asic-share-aws.png');
    expect(charts.map((c) => c.file)).not.toContain('asic-share-oracle.png');
    expect(subtitleOf(asic)).toContain("Oracle's own-ASIC share of AI fleet is 0% in every month of every scenario: this chart follows AWS instead, the cloud whose own-ASIC share of AI fleet ends highest");
    expect(asic.followsInstead).toBe("The charts of own-ASIC share of AI fleet follow AWS instead, the cloud whose own-ASIC share of AI fleet ends highest: Oracle's own-ASIC share of AI fleet is 0% in every month of every scenario.");
  });

  it('keeps the cloud asked for, saying its value is the same throughout, on an axis from 0 % to 100 %, not ±1 % around it', () => {
    const charts = compareCharts({ ...input, focus: { ...input.focus, asked: { cloud: true } } });
    const asic = charts.find((c) => c.file === 'asic-share-oracle.png')!;
    expect(asic.followsInstead).toBeUndefined();
    expect(subtitleOf(asic)).toContain("Oracle's own-ASIC share of AI fleet is 0% in every month of every scenario");
    expect(asic.config.options?.scales?.y).toMatchObject({ min: 0, max: 100 });
  });

  it('keeps a focus whose value moves', () => {
    const moving = [[monthly([0.5], { oracle: 0.1, aws: () => 0.9 })], [monthly([0.5], { oracle: 0.2, aws: () => 0.9 })]];
    const charts = compareCharts({ ...input, ensembles: moving.map((r) => summariseRuns(r)), runs: moving });
    expect(charts.map((c) => c.file)).toContain('asic-share-oracle.png');
  });
});
