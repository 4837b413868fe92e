import type { ChartConfiguration } from 'chart.js';
import type { MetricTable } from '../metrics/metric-table.js';
import { entitiesWithValues } from './series.js';

export interface ChartContext {
  /** Scenario name, shown in every chart title. */
  readonly scenario: string;
}

/** A chart.js configuration; mixed bar/line charts need the widest chart type. */
export type ChartConfig = ChartConfiguration;

/** One chart the renderer can produce: a pure function from the run's metrics to a chart.js configuration. */
export interface ChartDefinition {
  /** Output file name, e.g. "enterprise-share.png". */
  readonly file: string;
  readonly title: string;
  /** One sentence on what the chart shows, for reports and indexes. */
  readonly describe: string;
  /** Metrics the chart needs; the chart is skipped when any of them has no value in the run. */
  readonly requires: readonly string[];
  /** Null when the run has nothing to draw, e.g. no vendor earned revenue. */
  build(table: MetricTable, ctx: ChartContext): ChartConfig | null;
}

export function canBuild(chart: ChartDefinition, table: MetricTable): boolean {
  return chart.requires.every((metric) => entitiesWithValues(table, metric).length > 0);
}
