/**
 * What a monthly chart draws, as a targets file's figures are matched to it (render/target-marks.ts):
 * its lines' metrics and entities, and the unit of its value axis. Kept apart so that a chart
 * definition can declare it without importing the drawing of targets.
 */

/** How a value axis labels its ticks; shares are drawn in percent. */
export type AxisUnit = 'share' | 'usd' | 'usd-log' | 'count' | 'count-log' | 'price';

export interface ChartLines {
  readonly unit: AxisUnit;
  /** Each line's metric and entity, and the colour a target of that entity takes (the line's own). */
  readonly lines: readonly { readonly metric: string; readonly entity: string; readonly colour?: string }[];
  /** Whether the chart draws every entity that has its metric: a target over all of them (entity `*`) belongs there. */
  readonly everyEntity: boolean;
}
