import type { ChartConfig } from '../chart-definition.js';
import { headedOptions } from '../ensemble/band-parts.js';
import { SCENARIO_COLOURS } from '../palette.js';

/**
 * PRIM's peeling trajectory (scenario discovery): each box a point at its coverage (across: the
 * share of the points where the condition holds that the box holds) and its density (up: the
 * share of the box's points where it holds), from the box of all points at coverage 1, bottom
 * right, to small dense boxes, top left; pasted boxes after the peeled ones; the chosen box ringed.
 */

export interface PrimChartStep {
  readonly coverage: number;
  readonly density: number;
  readonly phase: 'start' | 'peel' | 'paste';
}

const TRAJECTORY_COLOUR = SCENARIO_COLOURS[0];
const PASTE_COLOUR = SCENARIO_COLOURS[2];
const CHOSEN_COLOUR = SCENARIO_COLOURS[1];

export function primTrajectoryChart(spec: {
  title: string;
  of: string;
  subtitle: string[];
  steps: readonly PrimChartStep[];
  chosen: number;
  chosenLabel: string;
  minDensity: number;
}): ChartConfig {
  const point = (s: PrimChartStep) => ({ x: s.coverage, y: s.density });
  const peeled = spec.steps.filter((s) => s.phase !== 'paste').map(point);
  const pasted = spec.steps.filter((s) => s.phase === 'paste').map(point);
  const last = spec.steps.filter((s) => s.phase !== 'paste').at(-1);
  const chosen = spec.steps[spec.chosen]!;
  const datasets = [
    { type: 'line' as const, label: 'peeling trajectory (one point a box)', data: peeled, borderColor: TRAJECTORY_COLOUR, backgroundColor: TRAJECTORY_COLOUR, borderWidth: 1.5, pointRadius: 3, showLine: true, clip: false },
    ...(pasted.length > 0
      ? [{ type: 'line' as const, label: 'pasting (widening the last box)', data: [...(last !== undefined ? [point(last)] : []), ...pasted], borderColor: PASTE_COLOUR, backgroundColor: PASTE_COLOUR, borderWidth: 1.5, borderDash: [4, 3], pointRadius: 3, showLine: true, clip: false }]
      : []),
    { type: 'scatter' as const, label: spec.chosenLabel, data: [point(chosen)], borderColor: CHOSEN_COLOUR, backgroundColor: 'rgba(0,0,0,0)', borderWidth: 3, pointRadius: 10, clip: false },
    { type: 'line' as const, label: `density asked for (${spec.minDensity})`, data: [{ x: 0, y: spec.minDensity }, { x: 1, y: spec.minDensity }], borderColor: '#555555', borderDash: [6, 4], borderWidth: 1, pointRadius: 0, showLine: true },
  ];
  const options = headedOptions(spec.title, spec.of, spec.subtitle);
  return {
    type: 'scatter',
    data: { datasets: datasets as never },
    options: {
      ...options,
      scales: {
        x: { type: 'linear', min: 0, max: 1, title: { display: true, text: 'coverage: share of the points where the condition holds that lie in the box (0–1)', font: { size: 13 } } },
        y: { type: 'linear', min: 0, max: 1, title: { display: true, text: 'density: share of the box\'s points where the condition holds (0–1)', font: { size: 13 } } },
      },
    } as ChartConfig['options'],
  } as ChartConfig;
}
