import { describe, expect, it } from 'vitest';
import { MetricRecorder } from '../../src/metrics/metric-table.js';
import type { ChartDefinition } from '../../src/render/chart-definition.js';
import { singleRun } from '../../src/render/chart-data.js';
import { monthlyLineChart, entityLines, percentAxis } from '../../src/render/chart-parts.js';
import { chartDefinitions } from '../../src/render/chart-specs.js';
import { renderCharts } from '../../src/render/render-charts.js';
import { sampleTable } from './sample-table.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from the PNG's IHDR chunk, which must come first. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
  expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('renderCharts', () => {
  it('renders every chart as a 1200×700 PNG when the run recorded all metrics', async () => {
    const charts = await renderCharts(singleRun(sampleTable(15)), { scenario: 'baseline' });

    expect(charts.map((c) => c.file)).toEqual([
      'enterprise-share.png',
      'vendor-arr.png',
      'vendor-revenue-mix.png',
      'vendor-gross-margin.png',
      'vendor-price.png',
      'vendor-quality.png',
      'vendor-training.png',
      'vendor-app-users.png',
      'cloud-ai-revenue.png',
      'cloud-ai-revenue-mix.png',
      'cloud-asic-share.png',
      'token-price.png',
      'market-hhi.png',
      'adoption.png',
      'model-switches.png',
      'switch-rate.png',
      'compute-ties.png',
      'investments.png',
      'compute-shortfall.png',
      'primary-cloud-share.png',
      'asic-lock-in.png',
      'nvidia-dependence.png',
    ]);
    for (const chart of charts) {
      expect(pngSize(chart.png)).toEqual({ width: 1200, height: 700 });
      expect(chart.title).not.toBe('');
      expect(chart.description).not.toBe('');
    }
  });

  it('honours a custom size', async () => {
    const [chart] = await renderCharts(singleRun(sampleTable(6)), { scenario: 's', width: 640, height: 360 });
    expect(pngSize(chart!.png)).toEqual({ width: 640, height: 360 });
  });

  it('skips charts whose metrics the run did not record, instead of failing', async () => {
    const table = sampleTable(6, ['cloud.vendor_compute_revenue_usd', 'market.hhi', 'market.switches']);
    const files = (await renderCharts(singleRun(table), { scenario: 's' })).map((c) => c.file);

    expect(files).not.toContain('cloud-ai-revenue-mix.png');
    expect(files).not.toContain('market-hhi.png');
    expect(files).not.toContain('model-switches.png');
    expect(files).toContain('token-price.png');
    expect(files).toContain('adoption.png');
    expect(files).toContain('cloud-ai-revenue.png');
    expect(files).toContain('vendor-price.png');
  });

  it('skips each compute-tie chart whose metric the run did not record', async () => {
    const tieMetrics = {
      'compute-ties.png': 'contract.capacity_mtok',
      'investments.png': 'deal.invested_usd',
      'compute-shortfall.png': 'vendor.capacity_shortfall',
      'primary-cloud-share.png': 'vendor.primary_cloud_share',
      'asic-lock-in.png': 'vendor.asic_share',
      'nvidia-dependence.png': 'cloud.nvidia_dependence',
    };
    const without = await renderCharts(singleRun(sampleTable(6, Object.values(tieMetrics))), { scenario: 's' });
    const files = without.map((c) => c.file);
    for (const file of Object.keys(tieMetrics)) expect(files).not.toContain(file);
    expect(files).toContain('enterprise-share.png');

    // One missing metric takes out only its own chart.
    const noDeals = await renderCharts(singleRun(sampleTable(6, ['deal.invested_usd'])), { scenario: 's' });
    expect(noDeals.map((c) => c.file)).not.toContain('investments.png');
    expect(noDeals.map((c) => c.file)).toContain('compute-ties.png');
  });

  it('renders ties and investments between vendors and clouds it has no name or colour for', async () => {
    const table = new MetricRecorder(3);
    for (const date of ['2024-01', '2024-02', '2024-03']) {
      table.beginTick(date);
      table.record('contract.capacity_mtok', 'deepseek@coreweave', 10);
      table.record('contract.capacity_mtok', 'deepseek@lambda', 5);
      table.record('contract.capacity_mtok', 'openai@coreweave', 20);
      table.record('contract.capacity_mtok', 'noclouds', 1);
      table.record('deal.invested_usd', 'deepseek@coreweave', 1e9);
    }
    const charts = await renderCharts(singleRun(table), { scenario: 's' });
    expect(charts.map((c) => c.file)).toEqual(['compute-ties.png', 'investments.png']);
    for (const chart of charts) expect(pngSize(chart.png)).toEqual({ width: 1200, height: 700 });
  });

  it('skips a metric recorded only as NaN, and an empty run entirely', async () => {
    const allNaN = new MetricRecorder(3);
    for (const date of ['2024-01', '2024-02', '2024-03']) {
      allNaN.beginTick(date);
      allNaN.record('vendor.gross_margin', 'meta', Number.NaN);
      allNaN.record('cloud.asic_share', 'gcp', 0.5);
    }
    expect((await renderCharts(singleRun(allNaN), { scenario: 's' })).map((c) => c.file)).toEqual(['cloud-asic-share.png']);
    expect(await renderCharts(singleRun(new MetricRecorder(12)), { scenario: 's' })).toEqual([]);
  });

  it('skips the revenue mix when no vendor earned anything', async () => {
    const table = new MetricRecorder(2);
    for (const date of ['2024-01', '2024-02']) {
      table.beginTick(date);
      table.record('vendor.revenue_api_usd', 'meta', 0);
      table.record('vendor.revenue_marketplace_usd', 'meta', 0);
      table.record('vendor.revenue_subscription_usd', 'meta', 0);
    }
    expect(await renderCharts(singleRun(table), { scenario: 's' })).toEqual([]);
  });

  it('renders charts added to the list by later code', async () => {
    const extra: ChartDefinition = {
      file: 'extra-chart.png',
      title: 'Extra chart',
      describe: 'Share of demanded compute that could not be served.',
      requires: ['vendor.enterprise_share'],
      build: ({ lines: table }, ctx) =>
        monthlyLineChart({
          table,
          ctx,
          title: 'Compute shortfall',
          subtitle: 'test',
          datasets: entityLines(table, 'vendor.enterprise_share', 100),
          y: percentAxis('Unserved demand'),
        }),
    };
    const charts = await renderCharts(singleRun(sampleTable(4)), { scenario: 's', charts: [...chartDefinitions, extra] });
    expect(charts.at(-1)?.file).toBe('extra-chart.png');
  });
});
