import type { ChartData } from './chart-data.js';
import { buildCharts, type BuildOptions } from './build-charts.js';
import { renderConfigs, type RenderedFile } from './render-configs.js';

export type RenderedChart = RenderedFile;

export interface RenderOptions extends BuildOptions {
  /** Pixels; 1200 × 700 by default. */
  width?: number;
  height?: number;
}

/** Renders every chart of a run or an ensemble as PNGs in memory; writing them is the caller's job. */
export async function renderCharts(data: ChartData, options: RenderOptions): Promise<RenderedChart[]> {
  return renderConfigs(buildCharts(data, options), { width: options.width ?? 1200, height: options.height ?? 700 });
}
