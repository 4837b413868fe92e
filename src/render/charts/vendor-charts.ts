import type { ChartDefinition } from '../chart-definition.js';
import {
  entityLines,
  logUsdAxis,
  monthlyLineChart,
  percentAxis,
  referenceLine,
  stackedBarChart,
  usdAxis,
} from '../chart-parts.js';
import { formatPercent, formatUsd } from '../format.js';
import { entityStyle, inPaletteOrder, REFERENCE_BAND_COLOUR } from '../palette.js';
import { entitiesWithoutValues, positiveOnly, sumOver, trailingWindow, wholeRun } from '../series.js';

/** Vendor economics: where the revenue comes from, what it costs to serve, what a token sells for. */

const REVENUE_MIX_MONTHS = 12;

export const vendorRevenueMix: ChartDefinition = {
  file: 'vendor-revenue-mix.png',
  title: 'Vendor revenue by channel',
  describe: 'Revenue per vendor over the last 12 months: direct API, API via cloud marketplaces, subscriptions.',
  requires: ['vendor.revenue_api_usd', 'vendor.revenue_marketplace_usd', 'vendor.revenue_subscription_usd'],
  build(table, ctx) {
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

export const vendorGrossMargin: ChartDefinition = {
  file: 'vendor-gross-margin.png',
  title: 'Vendor gross margin',
  describe: "Each vendor's gross margin per month, against the 70–90% gross margin typical of SaaS.",
  requires: ['vendor.gross_margin'],
  build(table, ctx) {
    const saasBand = {
      ...referenceLine(table, 'SaaS gross margin (70–90%)', 70),
      fill: { value: 90 },
      backgroundColor: REFERENCE_BAND_COLOUR,
    };
    const unearning = entitiesWithoutValues(table, 'vendor.gross_margin').map((id) => entityStyle(id).name);
    return monthlyLineChart({
      table,
      ctx,
      title: this.title,
      subtitle: [
        `Gross margin per vendor, monthly, ${wholeRun(table).period}; gaps where a vendor had no revenue`,
        '(revenue − inference compute − revenue share paid to cloud marketplaces) / revenue',
        ...(unearning.length > 0 ? [`Not shown, no revenue in the run: ${unearning.join(', ')}`] : []),
      ],
      datasets: [...entityLines(table, 'vendor.gross_margin', 100), saasBand],
      y: percentAxis('Gross margin', { suggestedMin: 0, suggestedMax: 100 }),
    });
  },
};

export const vendorPrice: ChartDefinition = {
  file: 'vendor-price.png',
  title: 'Vendor token price',
  describe: 'Price per million tokens charged by each vendor, on a log scale.',
  requires: ['vendor.price_usd_per_mtok'],
  build(table, ctx) {
    const lines = entityLines(table, 'vendor.price_usd_per_mtok').map((d) => ({ ...d, data: positiveOnly(d.data) }));
    const priced = lines.filter((d) => d.data.some((v) => v !== null));
    const free = lines.filter((d) => !priced.includes(d)).map((d) => d.label);
    if (priced.length === 0) return null;
    return monthlyLineChart({
      table,
      ctx,
      title: this.title,
      subtitle: [
        `API list price per million tokens of each vendor, monthly, ${wholeRun(table).period}`,
        'Log scale: equal vertical steps are equal percentage changes',
        ...(free.length > 0 ? [`Not shown, price 0 throughout (free per token): ${free.join(', ')}`] : []),
      ],
      datasets: priced,
      y: logUsdAxis('Price per million tokens'),
    });
  },
};
