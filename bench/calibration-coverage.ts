/**
 * Coverage of the calibration's intervals (simulation-based calibration, Talts et al. 2018):
 * `npx tsx bench/calibration-coverage.ts [RECOVERIES] [BUDGET] [RUNS]` draws RECOVERIES true values of the
 * three recovery parameters from their ranges (a Latin hypercube, so the prior is covered evenly),
 * recovers each (bench/calibration-recovery.ts) with its own seeds, and prints how often each 90 %
 * interval holds the truth, and each truth's rank among the posterior's quantiles. docs/model.md
 * reports the figures of a run here.
 */
import { parameterSpace } from '../src/calibration/parameter-space.js';
import { latinHypercube } from '../src/analysis/latin-hypercube.js';
import { scenarioAt } from '../src/calibration/calibration-plan.js';
import { loadScenarioFile } from '../src/config/load-scenario-file.js';
import { createRng } from '../src/engine/rng.js';
import { recover, RECOVERY_FREE } from './calibration-recovery.js';

const recoveries = Number(process.argv[2] ?? 20);
const budget = Number(process.argv[3] ?? 400);
// Seeds each point runs (common random numbers); the budget counts runs, so RUNS 2 halves the points.
// One seed a point under-covers the weakly identified share (65 %), two do not (docs/model.md §7).
const runs = Number(process.argv[4] ?? 2);
const loaded = loadScenarioFile('configs/baseline.json');
if (!loaded.success) throw new Error('baseline does not load');
const small = scenarioAt({ ...loaded.scenario, enterprises: { ...loaded.scenario.enterprises, count: 1000 } }, [], []);
if (!small.success) throw new Error(small.message);

const space = parameterSpace(RECOVERY_FREE);
const truths = latinHypercube(recoveries, RECOVERY_FREE.length, createRng(2018, 'coverage')).map((u) => space.toValues(u));
const covered = RECOVERY_FREE.map(() => 0);
const identified = RECOVERY_FREE.map(() => 0);
const started = performance.now();
truths.forEach((truth, r) => {
  const { fit } = recover(small.value, truth, { budget, seed: r + 1, runs });
  const line = fit.parameters.map((p, j) => {
    const inside = truth[j]! >= p.low && truth[j]! <= p.high;
    if (inside) covered[j]! += 1;
    if (p.identified) identified[j]! += 1;
    return `${p.free.path.split('.').at(-1)} ${truth[j]!.toPrecision(3)} → ${p.value.toPrecision(3)} [${p.low.toPrecision(3)}, ${p.high.toPrecision(3)}]${inside ? '' : ' MISSED'}`;
  });
  process.stdout.write(`recovery ${r + 1}/${recoveries}: ${line.join('; ')}\n`);
});
process.stdout.write(`\n${recoveries} recoveries of ${budget} runs each (${runs} a point), ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
RECOVERY_FREE.forEach((p, j) =>
  process.stdout.write(`${p.path}: the 90 % interval held the truth ${covered[j]} times of ${recoveries} (${((100 * covered[j]!) / recoveries).toFixed(0)} %); identified ${identified[j]} times\n`),
);
