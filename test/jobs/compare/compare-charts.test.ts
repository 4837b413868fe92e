import { describe, expect, it } from 'vitest';
import { summariseRuns } from '../../../src/ensemble/ensemble-table.js';
import { MetricRecorder, type MetricTable } from '../../../src/metrics/metric-table.js';
import { commonDates, compareCharts, COMPARE_METRICS } from '../../../src/jobs/compare/compare-charts.js';
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
