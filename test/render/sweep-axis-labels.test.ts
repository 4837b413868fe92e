import { describe, expect, it } from 'vitest';
import { formatParamValue, heatmapChart, kpiLineChart } from '../../src/render/sweep/sweep-charts.js';

/**
 * A sweep by factors on each number's own value (×LO:×HI) labels its ticks as factors, so "0.1"
 * beside a switching-cost axis is not read as a tenth of a dollar; a sweep of values keeps its
 * plain labels (and so its bytes).
 */
describe('sweep axis labels', () => {
  it('marks factors with × and leaves values as they were', () => {
    expect([0.1, 1, 10, 150_000].map((v) => formatParamValue(v, true))).toEqual(['×0.1', '×1', '×10', '×150K']);
    expect([0.1, 1, 10].map((v) => formatParamValue(v))).toEqual(['0.1', '1', '10']);
  });

  it('labels the category axis of a line chart and both axes of a heatmap by what each parameter is', () => {
    const line = kpiLineChart({ title: 't', of: 'o', subtitle: [], xTitle: 'x (× base)', xValues: [0.1, 1, 10], xTimesBase: true, series: [], unit: 'share', yTitle: 'y' });
    expect(line.data.labels).toEqual(['×0.1', '×1', '×10']);
    const heat = heatmapChart({ title: 't', of: 'o', subtitle: [], xTitle: 'x', yTitle: 'y (× base)', xValues: [1, 2], yValues: [0.5, 2], yTimesBase: true, values: [[1, 2], [3, 4]], unit: 'share' });
    const scales = heat.options!.scales as Record<string, { labels?: string[] }>;
    expect(scales.x!.labels).toEqual(['1', '2']);
    expect(scales.y!.labels).toEqual(['×0.5', '×2']);
  });
});
