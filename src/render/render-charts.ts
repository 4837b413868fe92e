import { ChartJSNodeCanvas } from 'chartjs-node-canvas';
import type { MetricTable } from '../metrics/metric-table.js';
import { canBuild, type ChartConfig, type ChartDefinition } from './chart-definition.js';
import { chartDefinitions } from './chart-specs.js';

export interface RenderedChart {
  /** File name to write it under, e.g. "enterprise-share.png". */
  file: string;
  title: string;
  description: string;
  png: Buffer;
}

export interface RenderOptions {
  scenario: string;
  /** Pixels; 1200 × 700 by default. */
  width?: number;
  height?: number;
  /** The charts to draw; all of chartDefinitions by default. */
  charts?: readonly ChartDefinition[];
}

/** Renders every chart whose metrics the run recorded, as PNGs in memory; writing them is the caller's job. */
export async function renderCharts(table: MetricTable, options: RenderOptions): Promise<RenderedChart[]> {
  const canvas = new ChartJSNodeCanvas({
    width: options.width ?? 1200,
    height: options.height ?? 700,
    backgroundColour: 'white',
    chartCallback: (chartJs) => {
      // Pin the font to one that is installed, so text metrics and layout do not depend on fontconfig fallbacks.
      chartJs.defaults.font.family = "'DejaVu Sans', sans-serif";
      chartJs.defaults.color = '#222222';
    },
  });
  const rendered: RenderedChart[] = [];
  for (const chart of options.charts ?? chartDefinitions) {
    if (!canBuild(chart, table)) continue;
    const config = chart.build(table, { scenario: options.scenario });
    if (!config) continue;
    const png = await canvas.renderToBuffer(forStillImage(config));
    rendered.push({ file: chart.file, title: chart.title, description: chart.describe, png });
  }
  return rendered;
}

function forStillImage(config: ChartConfig): ChartConfig {
  return { ...config, options: { ...config.options, animation: false, responsive: false, devicePixelRatio: 1 } };
}
