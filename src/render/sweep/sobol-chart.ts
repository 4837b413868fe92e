import type { Chart, Plugin } from 'chart.js';
import type { ChartConfig } from '../chart-definition.js';
import { headedOptions } from '../ensemble/band-parts.js';
import { REFERENCE_COLOUR, SCENARIO_COLOURS } from '../palette.js';

/**
 * Sobol' indices of one KPI: for each parameter, a bar of its first-order index S1 and one of its
 * total-order index ST, each with its interval as a whisker, largest ST on top; a dashed line marks
 * the ST a parameter without effect would show from seed noise alone, when it is known.
 */

export interface SobolChartRow {
  readonly label: string;
  readonly first: { readonly estimate: number; readonly low: number; readonly high: number };
  readonly total: { readonly estimate: number; readonly low: number; readonly high: number };
}

const FIRST_COLOUR = SCENARIO_COLOURS[0];
const TOTAL_COLOUR = SCENARIO_COLOURS[1];
const WHISKER_COLOUR = '#222222';

export function sobolChart(spec: { title: string; of: string; subtitle: string[]; rows: readonly SobolChartRow[]; noiseFloor?: number; intervalLabel: string }): ChartConfig {
  const finite = (v: number) => (Number.isFinite(v) ? v : null);
  const bars = [
    { type: 'bar' as const, label: 'S1, first order (alone)', data: spec.rows.map((r) => finite(r.first.estimate)), backgroundColor: FIRST_COLOUR, barPercentage: 0.9, categoryPercentage: 0.8 },
    { type: 'bar' as const, label: 'ST, total order (with interactions)', data: spec.rows.map((r) => finite(r.total.estimate)), backgroundColor: TOTAL_COLOUR, barPercentage: 0.9, categoryPercentage: 0.8 },
  ];
  const noise = spec.noiseFloor !== undefined && Number.isFinite(spec.noiseFloor) ? spec.noiseFloor : undefined;
  // A legend entry for the noise line, which the plugin below draws across the plot.
  const noiseEntry = noise === undefined ? [] : [{ type: 'line' as const, label: 'ST from seed noise alone', data: [] as number[], borderColor: REFERENCE_COLOUR, borderDash: [6, 4], borderWidth: 1.5, pointRadius: 0 }];
  const whiskers: Plugin = {
    id: 'sobolWhiskers',
    afterDatasetsDraw(chart: Chart) {
      const { ctx, chartArea } = chart;
      const x = chart.scales.x!;
      ctx.save();
      ctx.strokeStyle = WHISKER_COLOUR;
      ctx.lineWidth = 1.5;
      [0, 1].forEach((dataset) => {
        const meta = chart.getDatasetMeta(dataset);
        spec.rows.forEach((row, i) => {
          const index = dataset === 0 ? row.first : row.total;
          const bar = meta.data[i] as unknown as { y: number; height: number } | undefined;
          if (bar === undefined || !Number.isFinite(index.low) || !Number.isFinite(index.high)) return;
          const [left, right] = [x.getPixelForValue(index.low), x.getPixelForValue(index.high)].map((px) => Math.min(Math.max(px, chartArea.left), chartArea.right));
          const cap = Math.min(6, bar.height / 3);
          ctx.beginPath();
          ctx.moveTo(left!, bar.y);
          ctx.lineTo(right!, bar.y);
          ctx.moveTo(left!, bar.y - cap);
          ctx.lineTo(left!, bar.y + cap);
          ctx.moveTo(right!, bar.y - cap);
          ctx.lineTo(right!, bar.y + cap);
          ctx.stroke();
        });
      });
      if (noise !== undefined) {
        const px = x.getPixelForValue(noise);
        if (px >= chartArea.left && px <= chartArea.right) {
          ctx.strokeStyle = REFERENCE_COLOUR;
          ctx.setLineDash([6, 4]);
          ctx.beginPath();
          ctx.moveTo(px, chartArea.top);
          ctx.lineTo(px, chartArea.bottom);
          ctx.stroke();
        }
      }
      ctx.restore();
    },
  };
  // The axis spans 0 to 1 and any estimate or interval beyond, on round steps.
  const values = spec.rows.flatMap((r) => [r.first.low, r.first.high, r.first.estimate, r.total.low, r.total.high, r.total.estimate]).filter(Number.isFinite);
  const [lowest, highest] = [Math.min(0, ...values), Math.max(1, ...values)];
  const step = highest - lowest <= 1.5 ? 0.1 : highest - lowest <= 3 ? 0.25 : 0.5;
  const [axisMin, axisMax] = [Math.floor(lowest / step - 1e-9) * step, Math.ceil(highest / step - 1e-9) * step];
  const options = headedOptions(spec.title, spec.of, [...spec.subtitle, `Whiskers: ${spec.intervalLabel}${noise !== undefined ? `; dashed line: the ST a parameter without effect shows from seed noise alone (${noise.toFixed(3)})` : ''}`]);
  return {
    type: 'bar',
    data: { labels: spec.rows.map((r) => r.label), datasets: [...bars, ...noiseEntry] as never },
    options: {
      ...options,
      indexAxis: 'y',
      scales: {
        x: {
          type: 'linear',
          min: Number(axisMin.toFixed(2)),
          max: Number(axisMax.toFixed(2)),
          title: { display: true, text: "Sobol' index, share of the KPI's variance (index 0–1)", font: { size: 13 } },
          ticks: { stepSize: step, callback: (v: number | string) => (step < 0.25 ? Number(v).toFixed(1) : Number(v).toFixed(2)) },
        },
        y: { type: 'category', title: { display: true, text: 'Parameter', font: { size: 13 } }, ticks: { autoSkip: false, font: { size: 12 } }, grid: { display: false } },
      },
    } as ChartConfig['options'],
    plugins: [whiskers],
  } as ChartConfig;
}
