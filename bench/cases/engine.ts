/**
 * One timing of the full engine: `node --import tsx bench/cases/engine.ts <enterprises> <months>`.
 * Runs the baseline once in this fresh process and prints JSON: wall time of runSimulation
 * (population, every phase, bus and immer included; config loading excluded), the process's peak
 * resident set size and the CPU time of all its threads (start-up included).
 */
import { runSimulation } from '../../src/simulation/run-simulation.js';
import { baselineWith, positiveIntArg } from '../scenario.js';

const enterprises = positiveIntArg(process.argv[2], 'enterprises');
const months = positiveIntArg(process.argv[3], 'months');
const scenario = baselineWith(enterprises);
const started = performance.now();
const result = runSimulation(scenario, { months });
const wallMs = performance.now() - started;
if (result.metrics.dates.length !== months) throw new Error(`ran ${result.metrics.dates.length} months, not ${months}`);
const cpu = process.cpuUsage();
process.stdout.write(
  `${JSON.stringify({ enterprises, months, wallMs, peakRssBytes: process.resourceUsage().maxRSS * 1024, processCpuMs: (cpu.user + cpu.system) / 1000 })}\n`,
);
