import type { Chart, Plugin } from 'chart.js';
import type { MetricTable } from '../../metrics/metric-table.js';
import { meanNote } from '../chart-data.js';
import type { ChartConfig, ChartDefinition } from '../chart-definition.js';
import { commonOptions, line, monthlyLineChart, percentAxis, usdAxis, withLineSamples, type Dataset } from '../chart-parts.js';
import { formatMonth, formatMTok, formatPercent, formatUsd } from '../format.js';
import { distinctStyles, entityStyle, inPaletteOrder, investmentName, pairName, splitPair } from '../palette.js';
import { entitiesWithValues, entityValues, wholeRun } from '../series.js';
import { timeSeriesChart } from '../time-series-chart.js';

/** Who is tied to whom: the compute each vendor holds with each cloud, and the money clouds have put into vendors. */

const CAPACITY = 'contract.capacity_mtok';
const INVESTED = 'deal.invested_usd';

/** Segments narrower than this (in pixels) get no percentage label: it would not fit. */
const MIN_LABELLED_SEGMENT_PX = 40;
/** Room right of the bars for each bar's total capacity. */
const CAPACITY_LABEL_WIDTH_PX = 130;

/** How the subtitle names the snapshots, by how many there are. */
const SNAPSHOTS = ['in', 'at the start and end of', 'at the start, middle and end of'] as const;
const SNAPSHOT_AXIS = ['the only month of the run', 'start and end of the run', 'start, middle and end of the run'] as const;

/** Start, middle and end of the run (fewer on runs of one or two months). */
export function snapshotTicks(months: number): number[] {
  return [...new Set([0, Math.floor((months - 1) / 2), months - 1])].filter((tick) => tick >= 0);
}

/** A pair's capacity at a tick; no value (no active contract) is no capacity. */
function capacityAt(table: MetricTable, pair: string, tick: number): number {
  const value = table.series(CAPACITY).get(pair)?.[tick] ?? Number.NaN;
  return Number.isNaN(value) ? 0 : value;
}

interface TieBar {
  /** Tick label; the vendor's name only on its first bar. */
  label: string;
  firstOfVendor: boolean;
  totalMTok: number;
  /** Cloud id → share of the vendor's capacity, 0..1. */
  shares: Map<string, number>;
}

export const computeTies: ChartDefinition = {
  file: 'compute-ties.png',
  title: 'Compute ties: which clouds each vendor runs on',
  describe:
    "Share of each vendor's contracted compute capacity held with each cloud, at the start, middle and end of the run.",
  requires: [CAPACITY],
  build(data, ctx) {
    const table = data.sums;
    const pairs = entitiesWithValues(table, CAPACITY).filter((pair) =>
      entityValues(table, CAPACITY, pair).some((v) => v !== null && v > 0),
    );
    if (pairs.length === 0) return null;
    const ticks = snapshotTicks(table.dates.length);
    // A vendor whose ties all began and ended between snapshots would get only empty bars: the subtitle names it.
    const vendors = inPaletteOrder(new Set(pairs.map((p) => splitPair(p).vendor))).filter((vendor) =>
      pairs.some((p) => splitPair(p).vendor === vendor && ticks.some((tick) => capacityAt(table, p, tick) > 0)),
    );
    if (vendors.length === 0) return null;

    // One group of bars per vendor, a blank row between groups.
    const rows: (TieBar | null)[] = [];
    for (const vendor of vendors) {
      const mine = pairs.filter((p) => splitPair(p).vendor === vendor);
      if (rows.length > 0) rows.push(null);
      ticks.forEach((tick, index) => {
        const byCloud = new Map(mine.map((p) => [splitPair(p).cloud, capacityAt(table, p, tick)] as const));
        const totalMTok = [...byCloud.values()].reduce((a, b) => a + b, 0);
        const month = formatMonth(table.dates[tick]!);
        rows.push({
          label: index === 0 ? `${entityStyle(vendor).name} · ${month}` : month,
          firstOfVendor: index === 0,
          totalMTok,
          shares: new Map([...byCloud].map(([cloud, mtok]) => [cloud, totalMTok > 0 ? mtok / totalMTok : 0])),
        });
      });
    }
    const bars = rows.filter((row): row is TieBar => row !== null);
    const clouds = inPaletteOrder(new Set(pairs.map((p) => splitPair(p).cloud))).filter((cloud) =>
      bars.some((bar) => (bar.shares.get(cloud) ?? 0) > 0),
    );
    const styles = distinctStyles(clouds);

    const datasets = clouds.map((cloud) => ({
      type: 'bar' as const,
      label: styles.get(cloud)!.name,
      data: rows.map((row) => (row ? 100 * (row.shares.get(cloud) ?? 0) : null)),
      backgroundColor: styles.get(cloud)!.colour,
      borderColor: '#ffffff',
      borderWidth: 1,
      stack: 'share',
      categoryPercentage: 1,
      barPercentage: 0.8,
      maxBarThickness: 48,
    }));

    const groupStarts = new Set(rows.flatMap((row, index) => (row?.firstOfVendor ? [index] : [])));
    const common = commonOptions(this.title, ctx, [
      `Share of each vendor's contracted inference capacity held with each cloud, ${SNAPSHOTS[ticks.length - 1]} ${wholeRun(table).period}`,
      "Right of each bar: the vendor's total contracted capacity at that month, MTok (million tokens) per month",
      ...betweenSnapshots(table, pairs, ticks),
      ...meanNote(data),
    ]);
    return {
      type: 'bar',
      data: { labels: rows.map((row) => row?.label ?? ''), datasets },
      options: {
        ...common,
        indexAxis: 'y',
        layout: { padding: { ...common.layout.padding, right: CAPACITY_LABEL_WIDTH_PX } },
        scales: {
          x: { ...percentAxis("Share of the vendor's contracted capacity", { min: 0, max: 100 }), stacked: true },
          y: {
            type: 'category',
            stacked: true,
            title: { display: true, text: `Vendor and month (${SNAPSHOT_AXIS[ticks.length - 1]})`, font: { size: 13 } },
            ticks: {
              autoSkip: false,
              // The vendor's name is on the first bar of its group only: bold, so the groups read at a glance.
              font: (tick: { index: number }) => ({ size: 13, weight: groupStarts.has(tick.index) ? 'bold' : 'normal' }),
            },
            grid: { display: false },
          },
        },
      },
      plugins: [segmentPercentages(), rowTotals(rows.map((row) => (row ? totalLabel(row.totalMTok) : '')))],
    } as ChartConfig;
  },
};

function totalLabel(mtok: number): string {
  return mtok > 0 ? formatMTok(mtok) : 'no contracts';
}

/** Ties that the three snapshots miss, because they began and ended between them. */
function betweenSnapshots(table: MetricTable, pairs: string[], ticks: number[]): string[] {
  const missed = pairs.flatMap((pair) => {
    if (ticks.some((tick) => capacityAt(table, pair, tick) > 0)) return [];
    const held = table.dates.map((_, tick) => capacityAt(table, pair, tick) > 0);
    const from = held.indexOf(true);
    const to = held.lastIndexOf(true);
    return [`${pairName(pair)} (${formatMonth(table.dates[from]!)} – ${formatMonth(table.dates[to]!)})`];
  });
  return missed.length > 0 ? [`Also held between these months, not shown: ${missed.join('; ')}`] : [];
}

/** The percentage inside each segment wide enough to hold it, dark or light to contrast with the segment. */
function segmentPercentages(): Plugin<'bar'> {
  return {
    id: 'segmentPercentages',
    afterDatasetsDraw(chart: Chart<'bar'>) {
      const { ctx } = chart;
      ctx.save();
      ctx.font = "bold 12px 'DejaVu Sans', sans-serif";
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      chart.data.datasets.forEach((dataset, index) => {
        const meta = chart.getDatasetMeta(index);
        meta.data.forEach((bar, row) => {
          const value = dataset.data[row];
          if (typeof value !== 'number' || value <= 0) return;
          const { x, y, base } = bar.getProps(['x', 'y', 'base'], true) as { x: number; y: number; base: number };
          if (Math.abs(x - base) < MIN_LABELLED_SEGMENT_PX) return;
          ctx.fillStyle = textColourOn(String(dataset.backgroundColor));
          ctx.fillText(formatPercent(value), (x + base) / 2, y);
        });
      });
      ctx.restore();
    },
  };
}

/** A label right of each bar, level with it. */
function rowTotals(labels: string[]): Plugin<'bar'> {
  return {
    id: 'rowTotals',
    afterDatasetsDraw(chart: Chart<'bar'>) {
      const { ctx, chartArea } = chart;
      const y = chart.scales.y!;
      ctx.save();
      ctx.font = "13px 'DejaVu Sans', sans-serif";
      ctx.fillStyle = '#222222';
      ctx.textAlign = 'left';
      ctx.textBaseline = 'middle';
      labels.forEach((label, row) => {
        if (label !== '') ctx.fillText(label, chartArea.right + 8, y.getPixelForValue(row));
      });
      ctx.restore();
    },
  };
}

/** Black on light colours, white on dark ones (relative luminance of a "#rrggbb" colour). */
export function textColourOn(hex: string): string {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})/i.exec(hex);
  if (!match) return '#000000';
  const [r, g, b] = match.slice(1).map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.25 ? '#000000' : '#ffffff';
}

export const investments: ChartDefinition = {
  file: 'investments.png',
  title: 'Cloud investments in model vendors',
  describe: 'Cumulative amount each cloud has invested in each model vendor.',
  requires: [INVESTED],
  build(data, ctx) {
    const table = data.sums;
    const pairs = entitiesWithValues(table, INVESTED).filter((pair) =>
      entityValues(table, INVESTED, pair).some((v) => v !== null && v > 0),
    );
    if (pairs.length === 0) return null;
    // Colour by investor; a second vendor of the same cloud gets a dashed line.
    const clouds = inPaletteOrder(new Set(pairs.map((p) => splitPair(p).cloud)));
    const styles = distinctStyles(clouds);
    const seen = new Map<string, number>();
    const ordered = [...pairs].sort(
      (a, b) => clouds.indexOf(splitPair(a).cloud) - clouds.indexOf(splitPair(b).cloud),
    );
    const datasets: Dataset[] = ordered.map((pair) => {
      const { cloud } = splitPair(pair);
      const nth = seen.get(cloud) ?? 0;
      seen.set(cloud, nth + 1);
      const values = cumulativeFromZero(entityValues(table, INVESTED, pair));
      const last = [...values].reverse().find((v) => v !== null) ?? 0;
      return {
        ...line(`${investmentName(pair)}: ${formatUsd(last)}`, styles.get(cloud)!.colour, values),
        // chart.js 'before': the old total holds up to the month the deal closes, which steps up to the new one.
        stepped: 'before' as const,
        borderDash: DASHES[nth % DASHES.length],
        clip: 4,
      };
    });
    return withLineSamples(monthlyLineChart({
      table,
      ctx,
      title: this.title,
      subtitle: [
        `Cumulative investment by each cloud in each model vendor, ${wholeRun(table).period}`,
        'Legend: investor → vendor: total invested by the end of the run',
        ...meanNote(data),
      ],
      datasets,
      y: usdAxis('Invested to date'),
    }));
  },
};

const DASHES: number[][] = [[], [10, 5], [3, 4], [12, 4, 3, 4]];

/** A running total is 0 before its first value: nothing had been invested yet. */
function cumulativeFromZero(values: (number | null)[]): (number | null)[] {
  const first = values.findIndex((v) => v !== null);
  return values.map((v, tick) => (tick < first ? 0 : v));
}

export const primaryCloudShare: ChartDefinition = timeSeriesChart({
  file: 'primary-cloud-share.png',
  marks: ['deal-amendment', 'compute-contract', 'compute-commitment', 'merger'],
  title: 'Dependence on one cloud',
  describe: "Share of each vendor's compute spend that goes to the cloud it spends most with.",
  lines: { metric: 'vendor.primary_cloud_share' },
  measured: "Share of each vendor's compute spend (inference and training) with the one cloud it spends most with",
  notes: ['100% = a single cloud. Spend includes training, so the largest cloud may not hold most inference capacity (compute-ties.png)'],
  unit: 'share',
  yTitle: 'Compute spend with the largest cloud',
  // The largest of a vendor's clouds rarely has less than half its spend; a 0–100 axis would squash the lines.
  range: { suggestedMin: 50, max: 100 },
  flat: [{ at: 1, meaning: 'A single cloud' }],
});
