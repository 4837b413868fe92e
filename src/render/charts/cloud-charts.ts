import { meanNote } from '../chart-data.js';
import type { ChartDefinition } from '../chart-definition.js';
import { stackedBarChart, usdAxis } from '../chart-parts.js';
import { formatUsd } from '../format.js';
import { entityStyle, inPaletteOrder } from '../palette.js';
import { sumOver, trailingWindow } from '../series.js';
import { timeSeriesChart } from '../time-series-chart.js';

/** Cloud hyperscalers: how much AI earns them, from what, and how much of it runs on their own chips. */

const REVENUE_MIX_MONTHS = 12;

const REVENUE_PARTS = [
  { metric: 'cloud.vendor_compute_revenue_usd', label: 'Compute sold to model vendors' },
  { metric: 'cloud.marketplace_revenue_usd', label: "Share kept on vendors' marketplace sales" },
  { metric: 'cloud.hosting_revenue_usd', label: 'Open-weights tokens hosted and sold to enterprises' },
] as const;

export const cloudAiRevenue: ChartDefinition = timeSeriesChart({
  file: 'cloud-ai-revenue.png',
  marks: ['compute-contract', 'compute-commitment', 'listing', 'merger'],
  title: 'Cloud AI revenue',
  describe: "Each cloud's AI revenue per month.",
  lines: { metric: 'cloud.ai_revenue_usd' },
  measured: 'AI revenue of each cloud provider',
  notes: ['AI revenue = compute sold to model vendors + share kept on marketplace sales + open-weights tokens hosted'],
  unit: 'usd',
  yTitle: 'AI revenue per month',
  range: { beginAtZero: true },
});

export const cloudAiRevenueMix: ChartDefinition = {
  file: 'cloud-ai-revenue-mix.png',
  title: 'Cloud AI revenue by source',
  describe: "Each cloud's AI revenue over the last 12 months: compute sold to vendors, marketplace share, hosting.",
  requires: REVENUE_PARTS.map((part) => part.metric),
  build(data, ctx) {
    const table = data.sums;
    const window = trailingWindow(table, REVENUE_MIX_MONTHS);
    const cloudIds = new Set(this.requires.flatMap((metric) => [...table.series(metric).keys()]));
    const clouds = inPaletteOrder(cloudIds)
      .map((id) => ({
        name: entityStyle(id).name,
        parts: REVENUE_PARTS.map((part) => sumOver(table, part.metric, id, window)),
      }))
      .map((cloud) => ({ ...cloud, total: cloud.parts.reduce((a, b) => a + b, 0) }))
      .filter((cloud) => cloud.total > 0)
      .sort((a, b) => b.total - a.total);
    if (clouds.length === 0) return null;

    return stackedBarChart({
      ctx,
      title: this.title,
      subtitle: [
        `AI revenue per cloud provider by source, summed over ${window.period} (${window.months} months)`,
        'Infrastructure revenue = compute sold to model vendors + open-weights hosting; the marketplace share is a fee on top',
        ...meanNote(data),
      ],
      categories: clouds.map((cloud) => [cloud.name, `${formatUsd(cloud.total)} total`]),
      parts: REVENUE_PARTS.map((part, index) => ({
        label: part.label,
        values: clouds.map((cloud) => cloud.parts[index]!),
      })),
      xTitle: 'Cloud provider (total AI revenue over the period)',
      y: usdAxis(`AI revenue over ${window.months} months`),
    });
  },
};

export const cloudAsicShare: ChartDefinition = timeSeriesChart({
  file: 'cloud-asic-share.png',
  marks: ['compute-contract', 'capacity-shock'],
  title: 'Own-ASIC share of cloud AI capacity',
  describe: "Share of each cloud's AI fleet capacity that runs on its own chips rather than bought GPUs.",
  lines: { metric: 'cloud.asic_share' },
  measured: "Share of each cloud's AI fleet capacity on its own ASICs (TPU, Trainium…)",
  unit: 'share',
  yTitle: 'Share of AI fleet capacity on own ASICs',
  range: { min: 0, max: 100 },
});
