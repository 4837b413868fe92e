import type { ChartConfiguration } from 'chart.js';
import type { ChartData } from './chart-data.js';
import type { Target } from '../calibration/target-file.js';
import type { RunHistory } from './history-marks.js';
import type { ChartLines } from './chart-lines.js';
import { entitiesWithValues } from './series.js';

export interface ChartContext {
  /** Scenario name, shown in every chart title. */
  readonly scenario: string;
  /** Scripted events, branch month and history window, marked on time-series charts. */
  readonly history?: RunHistory;
  /** A targets file's figures (--targets): a chart draws those of the lines it draws. */
  readonly targets?: readonly Target[];
}

/** A chart.js configuration; mixed bar/line charts need the widest chart type. */
export type ChartConfig = ChartConfiguration;

/**
 * One chart: a pure function from a run's (or an ensemble's) data to a chart.js configuration,
 * the same file name and the same drawing for both; the PNG renderer draws what it returns.
 */
export interface ChartDefinition {
  /** Output file name, e.g. "enterprise-share.png". */
  readonly file: string;
  readonly title: string;
  /** One sentence on what the chart shows, for reports and indexes. */
  readonly describe: string;
  /** Metrics the chart needs; the chart is skipped when any of them has no value in the run. */
  readonly requires: readonly string[];
  /** Null when the run has nothing to draw, e.g. no vendor earned revenue. */
  build(data: ChartData, ctx: ChartContext): ChartConfig | null;
  /** The lines a monthly chart draws, which targets of its metric are drawn on; none for other charts. */
  lines?(data: ChartData): ChartLines;
}

export function canBuild(chart: ChartDefinition, data: ChartData): boolean {
  return chart.requires.every((metric) => entitiesWithValues(data.lines, metric).length > 0);
}
