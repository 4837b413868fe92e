import { ChartJSNodeCanvas } from 'chartjs-node-canvas';
import type { ChartConfig } from './chart-definition.js';
import type { ChartToRender } from './chart-to-render.js';

/**
 * Renders ready-made chart.js configurations to PNG: the comparison, ensemble, sweep and
 * sensitivity charts, which are built from more than one run's table. Same canvas, font and
 * background as renderCharts, plus chartjs-chart-matrix for heatmaps.
 */

export type { ChartToRender };

export interface RenderedFile {
  readonly file: string;
  readonly title: string;
  readonly description: string;
  readonly png: Buffer;
}

export async function renderConfigs(charts: readonly ChartToRender[], size = { width: 1200, height: 700 }): Promise<RenderedFile[]> {
  if (charts.length === 0) return [];
  const canvas = new ChartJSNodeCanvas({
    width: size.width,
    height: size.height,
    backgroundColour: 'white',
    // Loaded into the renderer's own chart.js instance (chartjs-node-canvas keeps a fresh one).
    plugins: { modern: ['chartjs-chart-matrix', 'chartjs-plugin-annotation'] },
    chartCallback: (chartJs) => {
      chartJs.defaults.font.family = "'DejaVu Sans', sans-serif";
      chartJs.defaults.color = '#222222';
    },
  });
  const rendered: RenderedFile[] = [];
  for (const chart of charts) {
    const config = { ...chart.config, options: { ...chart.config.options, animation: false, responsive: false, devicePixelRatio: 1 } } as ChartConfig;
    rendered.push({ file: chart.file, title: chart.title, description: chart.description, png: await canvas.renderToBuffer(config) });
  }
  return rendered;
}
