import type { Chart, Plugin } from 'chart.js';
import type { ChartConfig } from '../chart-definition.js';
import { bandDatasets, headedOptions, isBandEdge, valueAxis, type AxisUnit, type BandSeries } from '../ensemble/band-parts.js';
import { formatCount, formatPercent, formatUsd } from '../format.js';

/**
 * Sweep charts: a KPI against the swept parameter (one line per entity, with a 5th–95th percentile
 * band when each point ran several seeds), and a heatmap of a KPI over a grid of two parameters.
 */

/** A parameter value as an axis label: "0.25", "12", "1.5e+9" → "1.5B"; a factor on each number's own value "×0.1". */
export function formatParamValue(value: number, timesBase = false): string {
  const text = Math.abs(value) >= 1e4 ? formatUsd(value).replace('$', '') : String(Number(value.toPrecision(4)));
  return timesBase ? `×${text}` : text;
}

/** A KPI value in a unit, shares given in percent. */
export function formatValue(value: number, unit: AxisUnit): string {
  if (unit === 'share') return formatPercent(value);
  if (unit === 'count') return formatCount(value);
  return formatUsd(value);
}

export function kpiLineChart(spec: {
  title: string;
  of: string;
  subtitle: string[];
  xTitle: string;
  xValues: readonly number[];
  /** Whether the values are factors on each number's own value (labelled "×0.1"). */
  xTimesBase?: boolean;
  series: readonly BandSeries[];
  unit: AxisUnit;
  yTitle: string;
}): ChartConfig {
  // Points mark the values swept; the lines between them are only a guide.
  const datasets = bandDatasets(spec.series).map((d) => (isBandEdge(d) ? d : { ...d, pointRadius: 4 }));
  const y = valueAxis(spec.unit, spec.yTitle, spec.unit === 'share' || spec.unit === 'usd' ? { suggestedMin: 0 } : {}, spec.series);
  return {
    type: 'line',
    data: { labels: spec.xValues.map((v) => formatParamValue(v, spec.xTimesBase)), datasets },
    options: {
      ...headedOptions(spec.title, spec.of, spec.subtitle),
      scales: {
        x: { type: 'category', offset: true, title: { display: true, text: spec.xTitle, font: { size: 13 } }, grid: { display: false } },
        y,
      },
    },
  };
}

/** Light to dark blue (ColorBrewer "Blues"): darker is higher. */
const HEAT_STOPS = ['#f7fbff', '#c6dbef', '#6baed6', '#2171b5', '#08306b'];

function hexToRgb(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

/** The colour of a position 0..1 along the scale. */
export function heatColour(position: number): string {
  const t = Math.min(1, Math.max(0, Number.isFinite(position) ? position : 0)) * (HEAT_STOPS.length - 1);
  const i = Math.min(Math.floor(t), HEAT_STOPS.length - 2);
  const [a, b] = [hexToRgb(HEAT_STOPS[i]!), hexToRgb(HEAT_STOPS[i + 1]!)];
  const mix = a.map((c, k) => Math.round(c + (t - i) * (b[k]! - c)));
  return `rgb(${mix[0]}, ${mix[1]}, ${mix[2]})`;
}

const COLOUR_BAR_WIDTH_PX = 18;
const COLOUR_BAR_ROOM_PX = 110;
/** Above this many cells a side, values are not printed in the cells (they would not fit). */
const MAX_LABELLED_CELLS = 16;

interface Cell {
  readonly x: string;
  readonly y: string;
  readonly v: number | null;
}

/** values[j][i]: the KPI at the i-th value of the x parameter and the j-th of the y parameter. */
export function heatmapChart(spec: {
  title: string;
  of: string;
  subtitle: string[];
  xTitle: string;
  yTitle: string;
  xValues: readonly number[];
  yValues: readonly number[];
  /** Whether each axis's values are factors on each number's own value. */
  xTimesBase?: boolean;
  yTimesBase?: boolean;
  values: readonly (readonly (number | null)[])[];
  unit: AxisUnit;
}): ChartConfig {
  const xLabels = spec.xValues.map((v) => formatParamValue(v, spec.xTimesBase));
  const yLabels = spec.yValues.map((v) => formatParamValue(v, spec.yTimesBase));
  const finite = spec.values.flat().filter((v): v is number => v !== null && Number.isFinite(v));
  const min = finite.length > 0 ? Math.min(...finite) : 0;
  const max = finite.length > 0 ? Math.max(...finite) : 1;
  const position = (v: number) => (max === min ? 0.5 : (v - min) / (max - min));
  // Shares print to a tenth of a point, in cells and on the colour bar alike: neighbouring cells
  // often differ by less than one.
  const cellText = (v: number) => (spec.unit === 'share' ? `${v.toFixed(1)}%` : formatValue(v, spec.unit));
  const data: Cell[] = spec.values.flatMap((row, j) => row.map((v, i) => ({ x: xLabels[i]!, y: yLabels[j]!, v })));
  const labelled = xLabels.length <= MAX_LABELLED_CELLS && yLabels.length <= MAX_LABELLED_CELLS;
  const labels: Plugin = {
    id: 'heatmapLabels',
    afterDatasetsDraw(chart: Chart) {
      const { ctx, chartArea } = chart;
      const meta = chart.getDatasetMeta(0);
      ctx.save();
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.font = "13px 'DejaVu Sans', sans-serif";
      if (labelled) {
        meta.data.forEach((element, index) => {
          const cell = data[index]!;
          if (cell.v === null) return;
          const { x, y, width, height } = element.getProps(['x', 'y', 'width', 'height'], true) as unknown as { x: number; y: number; width: number; height: number };
          ctx.fillStyle = position(cell.v) > 0.55 ? '#ffffff' : '#222222';
          ctx.fillText(cellText(cell.v), x + width / 2, y + height / 2);
        });
      }
      // Colour bar right of the plot: the scale from the lowest to the highest value.
      const left = chartArea.right + 24;
      const top = chartArea.top;
      const height = chartArea.bottom - chartArea.top;
      const gradient = ctx.createLinearGradient(0, top + height, 0, top);
      HEAT_STOPS.forEach((stop, k) => gradient.addColorStop(k / (HEAT_STOPS.length - 1), stop));
      ctx.fillStyle = gradient;
      ctx.fillRect(left, top, COLOUR_BAR_WIDTH_PX, height);
      ctx.strokeStyle = '#888888';
      ctx.strokeRect(left, top, COLOUR_BAR_WIDTH_PX, height);
      ctx.fillStyle = '#222222';
      ctx.textAlign = 'left';
      ctx.fillText(cellText(max), left + COLOUR_BAR_WIDTH_PX + 6, top + 6);
      ctx.fillText(cellText(min), left + COLOUR_BAR_WIDTH_PX + 6, top + height - 6);
      ctx.restore();
    },
  };
  const options = headedOptions(spec.title, spec.of, spec.subtitle);
  return {
    type: 'matrix' as 'bar',
    data: {
      datasets: [
        {
          label: spec.title,
          data: data as unknown as number[],
          backgroundColor: (context: { raw?: unknown }) => {
            const v = (context.raw as Cell | undefined)?.v;
            return v === null || v === undefined ? '#eeeeee' : heatColour(position(v));
          },
          borderColor: '#ffffff',
          borderWidth: 1,
          width: ({ chart }: { chart: Chart }) => (chart.chartArea?.width ?? 0) / xLabels.length - 1,
          height: ({ chart }: { chart: Chart }) => (chart.chartArea?.height ?? 0) / yLabels.length - 1,
        } as never,
      ],
    },
    options: {
      ...options,
      layout: { padding: { ...options.layout.padding, right: COLOUR_BAR_ROOM_PX } },
      plugins: { ...options.plugins, legend: { ...options.plugins.legend, display: false }, tooltip: { enabled: false } },
      scales: {
        x: { type: 'category', labels: xLabels, offset: true, title: { display: true, text: spec.xTitle, font: { size: 13 } }, grid: { display: false } },
        // The matrix controller draws the first label at the bottom, so the y values rise upwards as listed.
        y: { type: 'category', labels: yLabels, offset: true, title: { display: true, text: spec.yTitle, font: { size: 13 } }, grid: { display: false } },
      },
    } as ChartConfig['options'],
    plugins: [labels],
  } as ChartConfig;
}
