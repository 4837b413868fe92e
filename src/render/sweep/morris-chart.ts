import type { Chart, Plugin } from 'chart.js';
import type { ChartConfig } from '../chart-definition.js';
import { headedOptions } from '../ensemble/band-parts.js';
import { REFERENCE_COLOUR, SCENARIO_COLOURS } from '../palette.js';

/**
 * Morris screening of one KPI: each parameter a point at its μ* (importance, across) and σ (spread
 * of its effects: interactions or non-linearity, up), labelled with its name; parameters near the
 * origin can be fixed, those far right matter, those high up matter through interactions. A dashed
 * line marks the μ* a parameter without effect shows from seed noise alone, when it is known;
 * points left of it are drawn hollow.
 */

export interface MorrisChartPoint {
  readonly label: string;
  readonly muStar: number;
  readonly sigma: number;
  /** Whether μ*'s interval lies above the noise floor; undefined when the noise is not measured. */
  readonly beyondNoise: boolean | undefined;
}

const POINT_COLOUR = SCENARIO_COLOURS[0];
const LABEL_COLOUR = '#222222';

export function morrisChart(spec: {
  title: string;
  of: string;
  subtitle: string[];
  points: readonly MorrisChartPoint[];
  /** The axes' unit, e.g. "percentage points", "$M": what μ* and σ are counted in. */
  unit: string;
  /** Values are divided by this before they are drawn (1e6 for $M, 0.01 for percentage points). */
  scale: number;
  noiseFloor?: number;
}): ChartConfig {
  const scaled = (v: number) => (Number.isFinite(v) ? v / spec.scale : null);
  const noise = spec.noiseFloor !== undefined && Number.isFinite(spec.noiseFloor) ? spec.noiseFloor / spec.scale : undefined;
  const data = spec.points.map((p) => ({ x: scaled(p.muStar), y: scaled(Number.isFinite(p.sigma) ? p.sigma : 0) }));
  const noiseEntry = noise === undefined ? [] : [{ type: 'line' as const, label: 'μ* from seed noise alone', data: [] as number[], borderColor: REFERENCE_COLOUR, borderDash: [6, 4], borderWidth: 1.5, pointRadius: 0 }];
  const labels: Plugin = {
    id: 'morrisLabels',
    afterDatasetsDraw(chart: Chart) {
      const { ctx, chartArea } = chart;
      const meta = chart.getDatasetMeta(0);
      ctx.save();
      ctx.font = '12px sans-serif';
      ctx.fillStyle = LABEL_COLOUR;
      ctx.textBaseline = 'middle';
      spec.points.forEach((point, i) => {
        const element = meta.data[i] as unknown as { x: number; y: number } | undefined;
        if (element === undefined || data[i]!.x === null) return;
        const width = ctx.measureText(point.label).width;
        const right = element.x + 8 + width <= chartArea.right;
        ctx.textAlign = right ? 'left' : 'right';
        ctx.fillText(point.label, element.x + (right ? 8 : -8), element.y - 8 * ((i % 3) - 1));
      });
      if (noise !== undefined) {
        const x = chart.scales.x!.getPixelForValue(noise);
        if (x >= chartArea.left && x <= chartArea.right) {
          ctx.strokeStyle = REFERENCE_COLOUR;
          ctx.setLineDash([6, 4]);
          ctx.beginPath();
          ctx.moveTo(x, chartArea.top);
          ctx.lineTo(x, chartArea.bottom);
          ctx.stroke();
        }
      }
      ctx.restore();
    },
  };
  const hollow = spec.points.map((p) => p.beyondNoise === false);
  const options = headedOptions(spec.title, spec.of, [
    ...spec.subtitle,
    noise !== undefined
      ? `Filled: μ* beyond seed noise; hollow: within it; dashed line: the μ* a parameter without effect shows from seed noise alone (${Number(noise.toPrecision(3))} ${spec.unit})`
      : 'Seed noise not measured (one run a point): no effect is told apart from it',
  ]);
  const xs = data.map((d) => d.x).filter((v): v is number => v !== null);
  const ys = data.map((d) => d.y).filter((v): v is number => v !== null);
  const top = Math.max(1e-9, ...xs, ...ys, noise ?? 0) * 1.1;
  return {
    type: 'scatter',
    data: {
      datasets: [
        {
          type: 'scatter' as const,
          label: 'parameter (μ*, σ)',
          data,
          backgroundColor: hollow.map((h) => (h ? 'rgba(0,0,0,0)' : POINT_COLOUR)),
          borderColor: POINT_COLOUR,
          borderWidth: 2,
          pointRadius: 6,
        },
        ...noiseEntry,
      ] as never,
    },
    options: {
      ...options,
      scales: {
        x: { type: 'linear', min: 0, suggestedMax: top, title: { display: true, text: `μ*, mean absolute effect over the parameter's range (${spec.unit})`, font: { size: 13 } } },
        y: { type: 'linear', min: 0, suggestedMax: top, title: { display: true, text: `σ, spread of the effects (${spec.unit})`, font: { size: 13 } } },
      },
    } as ChartConfig['options'],
    plugins: [labels],
  } as ChartConfig;
}

/** The unit and divisor an axis counts a KPI's effects in. */
export function effectUnit(unit: 'share' | 'usd' | 'price' | 'count', largest: number): { unit: string; scale: number } {
  switch (unit) {
    case 'share':
      return { unit: 'percentage points', scale: 0.01 };
    case 'usd':
      return largest >= 1e9 ? { unit: '$B', scale: 1e9 } : largest >= 1e6 ? { unit: '$M', scale: 1e6 } : { unit: '$', scale: 1 };
    case 'price':
      return { unit: '$ per MTok', scale: 1 };
    case 'count':
      return { unit: 'count', scale: 1 };
  }
}
