import type { Chart, Plugin } from 'chart.js';
import type { ChartConfig } from '../chart-definition.js';
import { headedOptions, valueAxis, type AxisUnit } from '../ensemble/band-parts.js';
import { REFERENCE_COLOUR, SCENARIO_COLOURS } from '../palette.js';
import { formatValue } from './sweep-charts.js';

/**
 * A tornado chart: for each parameter, a bar from the KPI at the base to the KPI with the parameter
 * lowered, another to the KPI with it raised, largest swing on top; a line marks the base value.
 */

export interface TornadoRow {
  readonly label: string;
  /** The KPI with the parameter lowered / raised; undefined where that side could not move. */
  readonly low?: number;
  readonly high?: number;
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
  const bar = (label: string, colour: string, side: 'low' | 'high') => ({
    type: 'bar' as const,
    label,
    data: spec.rows.map((row) => (row[side] === undefined ? null : [spec.base, row[side]!])) as unknown as number[],
    backgroundColor: colour,
    grouped: false,
    barPercentage: 0.8,
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
  const options = headedOptions(spec.title, spec.of, [...spec.subtitle, `Dashed line: the base, ${formatValue(spec.base, spec.unit)}`]);
  // Bars start at the base, not at 0: the axis spans the values drawn, with a margin.
  const values = [spec.base, ...spec.rows.flatMap((r) => [r.low, r.high].filter((v): v is number => v !== undefined))];
  const [low, high] = [Math.min(...values), Math.max(...values)];
  const margin = (high - low || Math.abs(spec.base) || 1) * 0.08;
  const axis = valueAxis(spec.unit === 'usd-log' ? 'usd' : spec.unit === 'count-log' ? 'count' : spec.unit, spec.kpiTitle, { suggestedMin: low - margin, suggestedMax: high + margin });
  return {
    type: 'bar',
    data: { labels: spec.rows.map((r) => r.label), datasets: [bar(spec.lowLabel, SCENARIO_COLOURS[0], 'low'), bar(spec.highLabel, SCENARIO_COLOURS[1], 'high')] },
    options: {
      ...options,
      indexAxis: 'y',
      scales: {
        x: { ...axis, beginAtZero: false } as never,
        y: { type: 'category', ticks: { autoSkip: false, font: { size: 12 } }, grid: { display: false } },
      },
    } as ChartConfig['options'],
    plugins: [baseLine],
  } as ChartConfig;
}
