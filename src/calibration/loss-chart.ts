import type { ChartToRender } from '../render/render-configs.js';
import type { ChartConfig } from '../render/chart-definition.js';
import { logCountAxis, positiveExtent } from '../render/log-axis.js';
import type { GenerationResult } from './calibration-plan.js';

/**
 * calibration-loss.png: every point's distance to the targets in the order it ran (grey dots), and
 * the tolerance after each generation (the farthest particle kept), on a log scale: the search
 * narrowing, and where it stopped. Every gridline is labelled, in 1-2-5 steps (0.5, 1, 2, 5) or
 * finer over a narrow range, so that the best points, below 1 or 2, can be read off.
 */
export function lossChart(scenario: string, generations: readonly Pick<GenerationResult, 'generation' | 'distances' | 'state'>[]): ChartToRender {
  const points: { x: number; y: number }[] = [];
  const tolerance: { x: number; y: number }[] = [];
  let evaluated = 0;
  for (const g of generations) {
    for (const d of g.distances) {
      evaluated++;
      // A point whose runs could not measure a target has no distance to draw.
      if (Number.isFinite(d) && d > 0) points.push({ x: evaluated, y: d });
    }
    if (g.state.tolerance > 0) tolerance.push({ x: evaluated, y: g.state.tolerance });
  }
  const config = {
    type: 'scatter',
    data: {
      datasets: [
        { label: 'Point evaluated (mean over its seeds)', data: points, backgroundColor: 'rgba(120,120,120,0.45)', pointRadius: 2.5 },
        { label: 'Tolerance after each generation (farthest particle kept)', data: tolerance, showLine: true, borderColor: '#d62728', backgroundColor: '#d62728', pointRadius: 4, borderWidth: 2 },
      ],
    },
    options: {
      layout: { padding: { left: 8, right: 24, top: 4, bottom: 4 } },
      plugins: {
        title: { display: true, text: `Calibration: distance to the targets — scenario: ${scenario}`, font: { size: 18, weight: 'bold' } },
        subtitle: {
          display: true,
          text: 'Euclidean size of the targets’ deviations, each (figure − band centre) ÷ half the band; 1 is the edge of one band',
          font: { size: 13 },
          color: '#444444',
          padding: { bottom: 10 },
        },
        legend: { display: true, position: 'top', labels: { boxWidth: 28, font: { size: 13 } } },
      },
      scales: {
        x: { type: 'linear', min: 0, title: { display: true, text: 'Points evaluated, in the order they ran', font: { size: 13 } } },
        y: logCountAxis('Distance to the targets (band half-widths)', positiveExtent([points.map((p) => p.y), tolerance.map((p) => p.y)])),
      },
    },
  } as unknown as ChartConfig;
  return { file: 'calibration-loss.png', title: 'Calibration: distance to the targets', description: 'every point’s distance to the targets in the order it ran, and the tolerance after each generation', config };
}
