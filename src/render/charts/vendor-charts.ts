import { meanNote } from '../chart-data.js';
import type { ChartDefinition } from '../chart-definition.js';
import { stackedBarChart, usdAxis } from '../chart-parts.js';
import { formatPercent, formatUsd } from '../format.js';
import { entityStyle, inPaletteOrder } from '../palette.js';
import { sumOver, trailingWindow } from '../series.js';
import { timeSeriesChart } from '../time-series-chart.js';

/** Vendor economics: what they earn and from where, what it costs to serve, what a token sells for. */

const REVENUE_MIX_MONTHS = 12;

export const vendorArr: ChartDefinition = timeSeriesChart({
  file: 'vendor-arr.png',
  marks: ['model-release', 'investment'],
  title: 'Vendor annualised revenue (ARR)',
  describe: "Each closed vendor's ARR: 12 × the month's revenue, API and subscriptions.",
  lines: { metric: 'vendor.arr_usd' },
  measured: "ARR of each closed vendor = 12 × the month's revenue (API and subscriptions)",
  unit: 'usd',
  yTitle: 'ARR',
  range: { beginAtZero: true },
});

export const vendorRevenueMix: ChartDefinition = {
  file: 'vendor-revenue-mix.png',
  title: 'Vendor revenue by channel',
  describe: 'Revenue per vendor over the last 12 months: direct API, API via cloud marketplaces, subscriptions.',
  requires: ['vendor.revenue_api_usd', 'vendor.revenue_marketplace_usd', 'vendor.revenue_subscription_usd'],
  build(data, ctx) {
    const table = data.sums;
    const window = trailingWindow(table, REVENUE_MIX_MONTHS);
    const vendorIds = new Set(this.requires.flatMap((metric) => [...table.series(metric).keys()]));
    const vendors = inPaletteOrder(vendorIds).map((id) => {
      // revenue_api_usd includes what was sold through cloud marketplaces.
      const api = sumOver(table, 'vendor.revenue_api_usd', id, window);
      const marketplace = sumOver(table, 'vendor.revenue_marketplace_usd', id, window);
      const subscription = sumOver(table, 'vendor.revenue_subscription_usd', id, window);
      const total = api + subscription;
      return { name: entityStyle(id).name, direct: api - marketplace, marketplace, subscription, total };
    });
    const shown = vendors.filter((v) => v.total > 0).sort((a, b) => b.total - a.total);
    const unearning = vendors.filter((v) => v.total <= 0).map((v) => v.name);
    if (shown.length === 0) return null;

    return stackedBarChart({
      ctx,
      title: this.title,
      subtitle: [
        `Revenue per vendor by channel, summed over ${window.period} (${window.months} months)`,
        ...(unearning.length > 0 ? [`Not shown, no revenue in the period: ${unearning.join(', ')}`] : []),
        ...meanNote(data),
      ],
      categories: shown.map((v) => [
        v.name,
        `${formatUsd(v.total)} total`,
        `${formatPercent((100 * v.subscription) / v.total)} from subscriptions`,
      ]),
      parts: [
        { label: 'API, direct', values: shown.map((v) => v.direct) },
        { label: 'API via cloud marketplaces', values: shown.map((v) => v.marketplace) },
        { label: 'Subscriptions', values: shown.map((v) => v.subscription) },
      ],
      xTitle: 'Vendor (total revenue and subscription share over the period)',
      y: usdAxis(`Revenue over ${window.months} months`),
    });
  },
};

export const vendorGrossMargin: ChartDefinition = timeSeriesChart({
  file: 'vendor-gross-margin.png',
  marks: ['compute-contract', 'listing', 'merger', 'deal-amendment'],
  title: 'Vendor gross margin',
  describe: "Each vendor's gross margin per month, against the 70–90% gross margin typical of SaaS.",
  lines: { metric: 'vendor.gross_margin' },
  measured: 'Gross margin per vendor',
  notes: [
    '(revenue − inference compute, used and idle − revenue share paid to cloud marketplaces) / revenue; gaps where a vendor had no revenue',
  ],
  missing: 'Not shown, no revenue in the run',
  unit: 'share',
  yTitle: 'Gross margin',
  range: { suggestedMin: 0, suggestedMax: 100 },
  references: [{ label: 'SaaS gross margin (70–90%)', value: 70, bandTo: 90 }],
});

export const vendorPrice: ChartDefinition = timeSeriesChart({
  file: 'vendor-price.png',
  marks: ['model-release'],
  title: 'Vendor token price',
  describe: 'Price per million tokens charged by each vendor, on a log scale.',
  lines: { metric: 'vendor.price_usd_per_mtok' },
  measured: 'API list price per million tokens of each vendor',
  notes: ['Log scale: equal vertical steps are equal percentage changes'],
  missing: 'Not shown, price 0 throughout (free per token)',
  unit: 'usd-log',
  yTitle: 'Price per million tokens',
});

export const vendorQuality: ChartDefinition = timeSeriesChart({
  file: 'vendor-quality.png',
  marks: ['model-release'],
  title: 'Model quality',
  describe: "Each vendor's capability index: scripted releases to the end of the history, then what its training compute supports.",
  lines: { metric: 'vendor.quality_index' },
  measured: 'Capability index of each vendor’s current model (GPT-4, March 2023 = 1), from its LMArena text Elo',
  notes: [
    'After the scripted history, a release comes when the vendor’s training stock supports a better model (capital-plan: quality ∝ stock^α)',
    'Enterprises also weigh coding (SWE-bench Verified, enterprises.codingShare), so the enterprise share can follow a vendor behind on this index',
  ],
  unit: 'count',
  yTitle: 'Capability index (GPT-4 = 1)',
});

export const vendorTraining: ChartDefinition = timeSeriesChart({
  file: 'vendor-training.png',
  marks: ['investment'],
  title: 'Vendor training spend',
  describe: 'Training compute each vendor paid for per month (contracts and bought by the month; open weights in their own data centres), on a log scale.',
  lines: { metric: 'vendor.training_spend_usd' },
  measured: 'Training spend of each vendor per month',
  notes: ['Log scale: equal vertical steps are equal percentage changes; compare with vendor-arr.png (ARR ÷ 12 is a month’s revenue)'],
  missing: 'Not shown, no training spend in the run',
  unit: 'usd-log',
  yTitle: 'Training spend per month',
});

export const vendorAppUsers: ChartDefinition = timeSeriesChart({
  file: 'vendor-app-users.png',
  marks: ['model-release'],
  title: 'Consumer app users',
  describe: "Each consumer app's weekly users, paying and free; its free users are the weekly users less its subscribers.",
  lines: { metric: 'vendor.weekly_users' },
  measured: 'People using each vendor’s chat app in a week, paying and free',
  notes: [
    'Log scale: equal vertical steps are equal percentage changes. Free users pay nothing and are served on the vendor’s capacity: a cost in its gross margin (vendor.free_users, vendor.free_user_cost_usd in metrics.csv)',
  ],
  unit: 'count-log',
  yTitle: 'Weekly users (people)',
});
