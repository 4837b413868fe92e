import type { ChartDefinition } from '../chart-definition.js';
import { formatCount } from '../format.js';
import { timeSeriesChart } from '../time-series-chart.js';

/** Market-wide charts: who wins the enterprise, what a token costs, how concentrated and how sticky the market is. */

/** The 2023 US Merger Guidelines call a market with an HHI above 1,800 highly concentrated. */
const HIGHLY_CONCENTRATED_HHI = 1800;

export const enterpriseShare: ChartDefinition = timeSeriesChart({
  file: 'enterprise-share.png',
  marks: ['model-release', 'listing', 'delisting', 'merger'],
  title: 'Enterprise share of token volume',
  describe: "Each vendor's share of the tokens enterprises consume, month by month.",
  lines: { metric: 'vendor.enterprise_share' },
  measured: "Share of enterprise token volume served by each vendor's models",
  unit: 'share',
  yTitle: 'Share of enterprise token volume',
  range: { min: 0, max: 100 },
});

export const tokenPrice: ChartDefinition = timeSeriesChart({
  file: 'token-price.png',
  marks: ['model-release', 'listing'],
  title: 'Token price',
  describe:
    'What enterprises pay per million tokens, averaged over all their tokens, closed and open weights, and the price of a given capability: the cheapest model at each quality level, chained month to month (log scale).',
  lines: {
    market: [
      { metric: 'market.avg_price_usd_per_mtok', label: 'Average price enterprises pay per million tokens' },
      { metric: 'market.price_at_constant_quality_usd_per_mtok', label: 'Price at constant quality (cheapest model at each quality level, chained)' },
    ],
  },
  measured: 'Average price enterprises pay per million tokens, over all their tokens, and the price of a fixed capability',
  notes: ['Log scale: equal vertical steps are equal percentage changes; the record has the price of a fixed capability falling about 10× a year (a16z, Epoch AI)'],
  unit: 'usd-log',
  yTitle: 'Price per million tokens',
});

export const marketHhi: ChartDefinition = timeSeriesChart({
  file: 'market-hhi.png',
  marks: ['model-release', 'listing', 'merger'],
  title: 'Market concentration (HHI)',
  describe:
    'Herfindahl–Hirschman index of the sellers of enterprise tokens (closed vendors; clouds for hosted open weights), against the "highly concentrated" threshold.',
  lines: { market: [{ metric: 'market.hhi', label: 'HHI of token sellers (closed vendors; clouds for hosted open weights)' }] },
  measured: 'Herfindahl–Hirschman index (HHI) of the sellers of enterprise tokens',
  notes: ['HHI = sum of squared shares (in %) of enterprise tokens sold: each closed vendor, and each cloud for the open-weights tokens it hosts; 10,000 is a monopoly'],
  unit: 'count',
  yTitle: 'HHI (0–10,000 points)',
  range: { min: 0, max: 10_000 },
  references: [{ label: `HHI ${formatCount(HIGHLY_CONCENTRATED_HHI)}: "highly concentrated" (US Merger Guidelines 2023)`, value: HIGHLY_CONCENTRATED_HHI }],
});

export const adoption: ChartDefinition = timeSeriesChart({
  file: 'adoption.png',
  marks: ['listing', 'delisting'],
  title: 'Enterprise adoption',
  describe: 'Share of enterprises that adopted LLMs (pilot or production), and of those in production.',
  lines: {
    market: [
      { metric: 'market.adoption_rate', label: 'Adopted: pilot or production' },
      { metric: 'market.production_rate', label: 'In production' },
    ],
  },
  measured: 'Share of simulated enterprises by adoption stage',
  unit: 'share',
  yTitle: 'Share of enterprises',
  range: { min: 0, max: 100 },
});

export const modelSwitches: ChartDefinition = timeSeriesChart({
  file: 'model-switches.png',
  marks: ['model-release', 'listing', 'delisting'],
  title: 'Model switches',
  describe: 'Simulated enterprises that switched model each month.',
  lines: { market: [{ metric: 'market.switches', label: 'Enterprises that switched model' }] },
  measured: 'Simulated enterprises that switched model',
  unit: 'count',
  yTitle: 'Switches per month (simulated enterprises)',
  range: { suggestedMin: 0 },
});

export const switchRate: ChartDefinition = timeSeriesChart({
  file: 'switch-rate.png',
  marks: ['model-release', 'listing', 'delisting'],
  title: 'Adopters that changed vendor or upgraded in a year, and that use several',
  describe:
    'Share of the month’s adopters whose primary vendor changed in the 12 months to that month, and that moved to a newer model of their vendor without changing it, as enterprise surveys ask it (Menlo Ventures 2025: 11 % and 66 % in the year to mid-2025), and share with models of two vendors or more in production (a16z 2025: most large enterprises use 3 or more model families).',
  lines: {
    market: [
      { metric: 'market.switch_rate_12m', label: 'Changed primary vendor in the last 12 months' },
      { metric: 'market.upgrade_rate_12m', label: 'Upgraded within their vendor, no change of vendor' },
      { metric: 'market.multi_vendor_share', label: 'Use two vendors or more' },
    ],
  },
  measured: 'Share of adopters',
  unit: 'share',
  yTitle: 'Share of adopters',
  range: { min: 0, suggestedMax: 20 },
});
