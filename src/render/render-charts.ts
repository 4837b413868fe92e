import type { ChartData } from './chart-data.js';
import { canBuild, type ChartDefinition } from './chart-definition.js';
import { chartDefinitions } from './chart-specs.js';
import type { RunHistory } from './history-marks.js';
import { renderConfigs, type ChartToRender, type RenderedFile } from './render-configs.js';
import type { Target } from '../calibration/target-file.js';
import { placeTargets, type TargetPlacement } from './target-marks.js';

export type RenderedChart = RenderedFile;

export interface RenderOptions {
  scenario: string;
  /** Pixels; 1200 × 700 by default. */
  width?: number;
  height?: number;
  /** The charts to draw; all of chartDefinitions by default. */
  charts?: readonly ChartDefinition[];
  /** The run's scripted events, branch and history window, marked on time-series charts. */
  history?: RunHistory;
  /** A targets file's figures, drawn on the charts of the lines they are about. */
  targets?: readonly Target[];
}

/** The chart.js configurations of every chart whose metrics the run recorded and that has something to draw. */
export function buildCharts(data: ChartData, options: Pick<RenderOptions, 'scenario' | 'charts' | 'history' | 'targets'>): ChartToRender[] {
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

/** Renders every chart of a run or an ensemble as PNGs in memory; writing them is the caller's job. */
export async function renderCharts(data: ChartData, options: RenderOptions): Promise<RenderedChart[]> {
  return renderConfigs(buildCharts(data, options), { width: options.width ?? 1200, height: options.height ?? 700 });
}

/** Which charts of a run (or an ensemble) draw each target, or why none does. */
export function placeRunTargets(data: ChartData, targets: readonly Target[], charts: readonly ChartDefinition[] = chartDefinitions): TargetPlacement[] {
  const drawn = charts.flatMap((chart) => (chart.lines !== undefined && canBuild(chart, data) ? [{ file: chart.file, lines: chart.lines(data), dates: data.dates }] : []));
  return placeTargets(targets, drawn);
}
