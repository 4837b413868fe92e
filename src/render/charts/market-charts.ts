import type { ChartDefinition } from '../chart-definition.js';
import {
  commonOptions,
  entityLines,
  line,
  logUsdAxis,
  monthAxis,
  monthLabels,
  monthlyLineChart,
  percentAxis,
  referenceLine,
  type Dataset,
} from '../chart-parts.js';
import { formatCount } from '../format.js';
import { SERIES_COLOURS } from '../palette.js';
import { entityValues, positiveOnly, wholeRun } from '../series.js';
import type { MetricTable } from '../../metrics/metric-table.js';

/** Market-wide charts: who wins the enterprise, what a token costs, how concentrated and how sticky the market is. */

const MARKET = 'market';

/** The 2023 US Merger Guidelines call a market with an HHI above 1,800 highly concentrated. */
const HIGHLY_CONCENTRATED_HHI = 1800;

function marketValues(table: MetricTable, metric: string, scale = 1): (number | null)[] {
  return entityValues(table, metric, MARKET, scale);
}

export const enterpriseShare: ChartDefinition = {
  file: 'enterprise-share.png',
  title: 'Enterprise share of token volume',
  describe: "Each vendor's share of the tokens enterprises consume, month by month.",
  requires: ['vendor.enterprise_share'],
  build(table, ctx) {
    return monthlyLineChart({
      table,
      ctx,
      title: this.title,
      subtitle: `Share of enterprise token volume served by each vendor's models, monthly, ${wholeRun(table).period}`,
      datasets: entityLines(table, 'vendor.enterprise_share', 100),
      y: percentAxis('Share of enterprise token volume', { min: 0, max: 100 }),
    });
  },
};

export const tokenPriceHhi: ChartDefinition = {
  file: 'token-price-hhi.png',
  title: 'Token price and market concentration',
  describe:
    'Average price per million tokens (log scale) against the Herfindahl–Hirschman index of token sellers (closed vendors; clouds for hosted open weights).',
  requires: ['market.avg_price_usd_per_mtok', 'market.hhi'],
  build(table, ctx) {
    const hhiThreshold = referenceLine(
      table,
      `HHI ${formatCount(HIGHLY_CONCENTRATED_HHI)}: "highly concentrated" (US Merger Guidelines 2023)`,
      HIGHLY_CONCENTRATED_HHI,
    );
    const price = positiveOnly(marketValues(table, 'market.avg_price_usd_per_mtok'));
    const hhi = marketValues(table, 'market.hhi');
    const datasets: Dataset[] = [
      { ...line('Average token price (left axis)', SERIES_COLOURS[0], price), yAxisID: 'price' },
      { ...line('HHI of token sellers (closed vendors; clouds for hosted open weights) (right axis)', SERIES_COLOURS[2], hhi), yAxisID: 'hhi' },
      { ...hhiThreshold, yAxisID: 'hhi' },
    ];
    return {
      type: 'line',
      data: { labels: monthLabels(table), datasets },
      options: {
        ...commonOptions(this.title, ctx, [
          `Market average price per million tokens and Herfindahl–Hirschman index (HHI), ${wholeRun(table).period}`,
          'HHI = sum of squared shares (in %) of enterprise tokens sold: each closed vendor, and each cloud for the open-weights tokens it hosts; 10,000 is a monopoly',
        ]),
        scales: {
          x: monthAxis(table),
          price: logUsdAxis('Average price per million tokens'),
          hhi: {
            type: 'linear',
            position: 'right',
            min: 0,
            max: 10_000,
            title: { display: true, text: 'HHI (0–10,000 points)', font: { size: 13 } },
            ticks: { callback: (value) => formatCount(Number(value)) },
            grid: { drawOnChartArea: false },
          },
        },
      },
    };
  },
};

export const adoptionSwitching: ChartDefinition = {
  file: 'adoption-switching.png',
  title: 'Enterprise adoption and model switching',
  describe: 'Share of enterprises that adopted LLMs (pilot or production) and in production, and model switches.',
  requires: ['market.adoption_rate', 'market.production_rate', 'market.switches'],
  build(table, ctx) {
    const adopted = marketValues(table, 'market.adoption_rate', 100);
    const inProduction = marketValues(table, 'market.production_rate', 100);
    // Lines first: chart.js draws the first dataset on top, so the bars stay behind them.
    const datasets: Dataset[] = [
      { ...line('Adopted: pilot or production (left axis)', SERIES_COLOURS[0], adopted), yAxisID: 'share' },
      { ...line('In production (left axis)', SERIES_COLOURS[2], inProduction), yAxisID: 'share' },
      {
        type: 'bar',
        label: 'Enterprises that switched model (right axis)',
        data: marketValues(table, 'market.switches'),
        backgroundColor: `${SERIES_COLOURS[1]}99`, // translucent, so the lines read in front of the bars
        yAxisID: 'switches',
      },
    ];
    return {
      type: 'bar',
      data: { labels: monthLabels(table), datasets },
      options: {
        ...commonOptions(
          this.title,
          ctx,
          `Share of simulated enterprises by adoption stage, and model switches per month, ${wholeRun(table).period}`,
        ),
        scales: {
          x: monthAxis(table),
          share: { ...percentAxis('Share of enterprises', { min: 0, max: 100 }), position: 'left' },
          switches: {
            type: 'linear',
            position: 'right',
            beginAtZero: true,
            title: { display: true, text: 'Switches per month (simulated enterprises)', font: { size: 13 } },
            ticks: { precision: 0, callback: (value) => formatCount(Number(value)) },
            grid: { drawOnChartArea: false },
          },
        },
      },
    };
  },
};
