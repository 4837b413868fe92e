/**
 * Prints how configs/baseline.json (or the config given) meets each calibration target over
 * seeds 1..10: the min and max across seeds, against the target band.
 */
import { loadScenarioFile } from '../src/config/load-scenario-file.js';
import { CALIBRATION_TARGETS } from '../src/calibration/targets.js';
import { describeBand, formatTarget } from '../src/calibration/target-format.js';
import { runSimulation } from '../src/simulation/run-simulation.js';

const file = process.argv[2] ?? 'configs/baseline.json';
const loaded = loadScenarioFile(file);
if (!loaded.success) {
  for (const p of loaded.problems) console.error(`${p.path}: ${p.message}`);
  process.exit(2);
}
const seeds = Array.from({ length: 10 }, (_, i) => i + 1);
const tables = seeds.map((seed) => runSimulation(loaded.scenario, { seed }).metrics);
let failures = 0;
for (const target of CALIBRATION_TARGETS) {
  const values = tables.map((t) => target.measure(t));
  const min = Math.min(...values);
  const max = Math.max(...values);
  const ok = values.every((v) => v >= target.low && v <= target.high);
  if (!ok) failures++;
  console.log(`${ok ? 'ok  ' : 'MISS'} ${target.name.padEnd(62)} ${formatTarget(min)} .. ${formatTarget(max)}   target ${describeBand(target.low, target.high)}`);
}
console.log(`${CALIBRATION_TARGETS.length - failures} of ${CALIBRATION_TARGETS.length} targets met on every seed`);
