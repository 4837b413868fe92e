import type { ChartConfig } from './chart-definition.js';

/** A chart ready to draw: its file name, title, one sentence on it, and its chart.js configuration. */
export interface ChartToRender {
  readonly file: string;
  readonly title: string;
  readonly description: string;
  readonly config: ChartConfig;
}
