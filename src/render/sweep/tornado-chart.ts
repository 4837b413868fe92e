import type { Chart, Plugin } from 'chart.js';
import type { ChartConfig } from '../chart-definition.js';
import { headedOptions, valueAxis, type AxisUnit } from '../ensemble/band-parts.js';
import { REFERENCE_COLOUR, SCENARIO_COLOURS } from '../palette.js';
import { formatTick } from '../format.js';
import { formatValue } from './sweep-charts.js';

/**
 * A tornado chart: for each parameter, a bar from the KPI at the base to the KPI with the parameter
 * lowered, another to the KPI with it raised, largest swing on top; a line marks the base value.
 * Both bars always show: where both sides move the KPI the same way (one bar would hide the
 * other), the row holds them one over the other, lowered above raised; a side that leaves the KPI
 * at the base is a sliver at the line. A row whose swing cannot be told from seed noise is grey,
 * bars and label. The value axis's ticks carry the decimals its step needs.
 */

export interface TornadoRow {
  readonly label: string;
  /** The KPI with the parameter lowered / raised; undefined where that side could not move. */
  readonly low?: number;
  readonly high?: number;
  /** The swing is within seed noise: the row is drawn grey. */
  readonly withinNoise?: boolean;
}

/** Grey for a row within noise: lighter for the lowered side, darker for the raised. */
export const NOISE_GREYS = { low: '#C8C8C8', high: '#969696' } as const;
const LABEL_COLOUR = '#222222';

/** Whether both sides move the KPI away from the base in the same direction. */
export function sidesAgree(row: TornadoRow, base: number): boolean {
  if (row.low === undefined || row.high === undefined) return false;
  return Math.sign(row.low - base) === Math.sign(row.high - base) && row.low !== base;
}

export function tornadoChart(spec: {
  title: string;
  of: string;
  subtitle: string[];
  unit: AxisUnit;
  kpiTitle: string;
  base: number;
  rows: readonly TornadoRow[];
  lowLabel: string;
  highLabel: string;
}): ChartConfig {
  const colours = { low: SCENARIO_COLOURS[0], high: SCENARIO_COLOURS[1] };
  // Four datasets: rows whose sides go opposite ways draw both on the row's line (not grouped);
  // rows whose sides agree draw them grouped, one over the other (null elsewhere, skipped).
  const bar = (label: string, side: 'low' | 'high', agreeing: boolean) => ({
    type: 'bar' as const,
    label,
    data: spec.rows.map((row) => (row[side] === undefined || sidesAgree(row, spec.base) !== agreeing ? null : [spec.base, row[side]!])) as unknown as number[],
    backgroundColor: spec.rows.map((row) => (row.withinNoise ? NOISE_GREYS[side] : colours[side])),
    grouped: agreeing,
    skipNull: true,
    minBarLength: 2,
    barPercentage: agreeing ? 0.9 : 0.8,
    categoryPercentage: 0.9,
  });
  const baseLine: Plugin = {
    id: 'tornadoBase',
    afterDatasetsDraw(chart: Chart) {
      const x = chart.scales.x!.getPixelForValue(spec.base);
      const { ctx, chartArea } = chart;
      ctx.save();
      ctx.strokeStyle = REFERENCE_COLOUR;
      ctx.lineWidth = 1.5;
      ctx.setLineDash([6, 4]);
      ctx.beginPath();
      ctx.moveTo(x, chartArea.top);
      ctx.lineTo(x, chartArea.bottom);
      ctx.stroke();
      ctx.restore();
    },
  };
  const greyed = spec.rows.some((row) => row.withinNoise);
  const options = headedOptions(spec.title, spec.of, [...spec.subtitle, `Dashed line: the base, ${formatValue(spec.base, spec.unit)}`]);
  // Bars start at the base, not at 0: the axis spans the values drawn, with a margin.
  const values = [spec.base, ...spec.rows.flatMap((r) => [r.low, r.high].filter((v): v is number => v !== undefined))];
  const [low, high] = [Math.min(...values), Math.max(...values)];
  const margin = (high - low || Math.abs(spec.base) || 1) * 0.08;
  const unit = spec.unit === 'usd-log' ? 'usd' : spec.unit === 'count-log' ? 'count' : spec.unit;
  const axis = valueAxis(unit, spec.kpiTitle, { suggestedMin: low - margin, suggestedMax: high + margin });
  const ticks = {
    ...(axis.ticks as object),
    callback: (value: number | string, _index: number, all: readonly { value: number }[]) => {
      const step = all.length > 1 ? Math.abs(all[1]!.value - all[0]!.value) : 0;
      const largest = Math.max(...all.map((t) => Math.abs(t.value)));
      return formatTick(Number(value), step, largest, unit);
    },
  };
  const legendItem = (text: string, colour: string, datasetIndex: number) => ({ text, fillStyle: colour, strokeStyle: colour, lineWidth: 0, hidden: false, datasetIndex });
  const legend = {
    ...options.plugins.legend,
    labels: {
      ...options.plugins.legend.labels,
      // One entry per side, whichever dataset draws it, and the grey of rows within noise.
      generateLabels: () => [
        legendItem(spec.lowLabel, colours.low, 0),
        legendItem(spec.highLabel, colours.high, 1),
        ...(greyed ? [legendItem('within seed noise', NOISE_GREYS.high, 2)] : []),
      ],
    },
  };
  return {
    type: 'bar',
    data: {
      labels: spec.rows.map((r) => r.label),
      datasets: [bar(spec.lowLabel, 'low', false), bar(spec.highLabel, 'high', false), bar(spec.lowLabel, 'low', true), bar(spec.highLabel, 'high', true)],
    },
    options: {
      ...options,
      plugins: { ...options.plugins, legend },
      indexAxis: 'y',
      scales: {
        x: { ...axis, ticks, beginAtZero: false } as never,
        y: { type: 'category', ticks: { autoSkip: false, font: { size: 12 }, color: spec.rows.map((row) => (row.withinNoise ? NOISE_GREYS.high : LABEL_COLOUR)) }, grid: { display: false } },
      },
    } as ChartConfig['options'],
    plugins: [baseLine],
  } as ChartConfig;
}
