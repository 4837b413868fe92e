/**
 * Measures the memory a run needs per simulated enterprise, to set the limits in
 * src/config/limits.ts. One measurement per process, so runs do not share a heap:
 *   node --expose-gc --import tsx scripts/measure-memory.ts 100000 12
 * prints JSON: enterprises, months, vendors, the largest live heap + array-buffer bytes seen as a
 * month opens (after a full GC), peak resident set size above the start, and the time per month.
 */
import { loadScenarioFile } from '../src/config/load-scenario-file.js';
import { runSimulation } from '../src/simulation/run-simulation.js';

const gc = (globalThis as { gc?: () => void }).gc;
const [countText = '10000', monthsText = '12', file = 'configs/baseline.json'] = process.argv.slice(2);
const loaded = loadScenarioFile(file);
if (!loaded.success) throw new Error(loaded.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
const count = Number(countText);
const months = Number(monthsText);
const scenario = { ...loaded.scenario, enterprises: { ...loaded.scenario.enterprises, count } };

const used = () => {
  gc?.();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};
const before = used();
const baselineRss = process.memoryUsage().rss;
let events = 0;
let liveBytes = 0;
const started = performance.now();
// The population lives only inside the run: sample live memory as each month opens.
const result = runSimulation(scenario, {
  months,
  onEvent: (event) => {
    events++;
    if (event.type === 'market.month-opened') liveBytes = Math.max(liveBytes, used() - before);
  },
});
const elapsedMs = performance.now() - started;
process.stdout.write(
  `${JSON.stringify({
    enterprises: count,
    months,
    vendors: scenario.vendors.length,
    liveBytes,
    liveBytesPerEnterprise: Math.round(liveBytes / count),
    peakRssAboveStartBytes: process.resourceUsage().maxRSS * 1024 - baselineRss,
    events,
    msPerMonth: Math.round(elapsedMs / months),
    finalTick: result.finalWorld.tick,
  })}\n`,
);
