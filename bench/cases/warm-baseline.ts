/**
 * What a warm baseline run costs: `node --import tsx bench/cases/warm-baseline.ts [runs]` (6 by
 * default). Runs `runSimulation` of configs/baseline.json as shipped `runs` times in this one
 * process, as a worker of an ensemble or an analysis does, and prints JSON: each run's wall and CPU
 * time (every thread of the process, V8's helpers included), and the best of them after the first,
 * which pays for compiling the code. Loading the config is not timed. The unit of issue 15: an
 * analysis of thousands of runs costs their count times this.
 */
import { runSimulation } from '../../src/simulation/run-simulation.js';
import { baselineWith, positiveIntArg } from '../scenario.js';

const runs = positiveIntArg(process.argv[2] ?? '6', 'runs');
if (runs < 2) throw new Error('runs must be at least 2: the first is the cold one');
const scenario = baselineWith();
const wallMs: number[] = [];
const cpuMs: number[] = [];
for (let k = 0; k < runs; k++) {
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  runSimulation(scenario);
  wallMs.push(performance.now() - started);
  const cpu = process.cpuUsage(cpuBefore);
  cpuMs.push((cpu.user + cpu.system) / 1000);
}
const round = (ms: number) => Math.round(ms);
process.stdout.write(
  `${JSON.stringify({
    runs,
    wallMs: wallMs.map(round),
    cpuMs: cpuMs.map(round),
    bestWarmWallMs: round(Math.min(...wallMs.slice(1))),
    bestWarmCpuMs: round(Math.min(...cpuMs.slice(1))),
  })}\n`,
);
