/**
 * Chart rendering: `node --import tsx bench/cases/charts.ts <passes>`. Runs the baseline as shipped
 * once (untimed), then renders all its charts `passes` times with renderCharts, and prints JSON: the
 * charts per pass and the milliseconds of each pass. The first pass also loads fonts and warms up
 * Chart.js; the best later pass is the steady state.
 */
import { singleRun } from '../../src/render/chart-data.js';
import { renderCharts } from '../../src/render/render-charts.js';
import { runSimulation } from '../../src/simulation/run-simulation.js';
import { baselineWith, positiveIntArg } from '../scenario.js';

const passes = positiveIntArg(process.argv[2], 'passes');
const scenario = baselineWith();
const { metrics } = runSimulation(scenario);
const passMs: number[] = [];
let charts = 0;
let pngBytes = 0;
for (let pass = 0; pass < passes; pass++) {
  const started = performance.now();
  const rendered = await renderCharts(singleRun(metrics), { scenario: scenario.name });
  passMs.push(performance.now() - started);
  charts = rendered.length;
  pngBytes = rendered.reduce((sum, chart) => sum + chart.png.length, 0);
}
process.stdout.write(`${JSON.stringify({ charts, passMs, pngBytes })}\n`);
