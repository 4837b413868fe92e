import type { ChartData } from './chart-data.js';
import { canBuild, type ChartDefinition } from './chart-definition.js';
import { chartDefinitions } from './chart-specs.js';
import type { RunHistory } from './history-marks.js';
import type { ChartToRender } from './chart-to-render.js';
import type { Target } from '../calibration/target-file.js';
import { placeTargets, type TargetPlacement } from './target-marks.js';

/**
 * A run's charts as chart.js configurations, built from the one definition of each chart
 * (chart-specs.ts). The PNG renderer (render-charts.ts) draws them on a Node canvas, the explorer
 * page (src/explorer/page) in the browser: this file imports nothing that needs Node.
 */

export interface BuildOptions {
  readonly scenario: string;
  /** The charts to draw; all of chartDefinitions by default. */
  readonly charts?: readonly ChartDefinition[];
  /** The run's scripted events, branch and history window, marked on time-series charts. */
  readonly history?: RunHistory;
  /** A targets file's figures, drawn on the charts of the lines they are about. */
  readonly targets?: readonly Target[];
}

/** The chart.js configurations of every chart whose metrics the run recorded and that has something to draw. */
export function buildCharts(data: ChartData, options: BuildOptions): ChartToRender[] {
  return (options.charts ?? chartDefinitions).flatMap((chart) => {
    if (!canBuild(chart, data)) return [];
    const config = chart.build(data, {
      scenario: options.scenario,
      ...(options.history && { history: options.history }),
      ...(options.targets && options.targets.length > 0 && { targets: options.targets }),
    });
    return config ? [{ file: chart.file, title: chart.title, description: chart.describe, config }] : [];
  });
}

/** Which charts of a run (or an ensemble) draw each target, or why none does. */
export function placeRunTargets(data: ChartData, targets: readonly Target[], charts: readonly ChartDefinition[] = chartDefinitions): TargetPlacement[] {
  const drawn = charts.flatMap((chart) => (chart.lines !== undefined && canBuild(chart, data) ? [{ file: chart.file, lines: chart.lines(data), dates: data.dates }] : []));
  return placeTargets(targets, drawn);
}
