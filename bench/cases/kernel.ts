/**
 * One timing of the hand-written kernel: `node --import tsx bench/cases/kernel.ts <trajectory.json>`.
 * Replays a recorded trajectory in this fresh process and prints JSON: wall time (population
 * included, as in the engine), peak RSS, and whether every month's decisions match the engine's.
 */
import { readFileSync } from 'node:fs';
import type { CatalogueTrajectory } from '../catalogue-trajectory.js';
import { firstMismatch, flattenTrajectory, kernelRules, runKernel } from '../kernel.js';
import { baselineWith } from '../scenario.js';

const file = process.argv[2];
if (!file) throw new Error('usage: kernel.ts <trajectory.json>');
const trajectory = JSON.parse(readFileSync(file, 'utf8')) as CatalogueTrajectory;
const scenario = baselineWith(trajectory.enterprises);
const rules = kernelRules(scenario);
const catalogue = flattenTrajectory(trajectory, rules);
const started = performance.now();
const result = runKernel(scenario, scenario.seed, catalogue, rules);
const wallMs = performance.now() - started;
const cpu = process.cpuUsage();
process.stdout.write(
  `${JSON.stringify({
    enterprises: trajectory.enterprises,
    months: trajectory.months,
    wallMs,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
    mismatch: firstMismatch(trajectory.engineDecisions, result.decisions),
    totalMTok: result.totalMTok,
    processCpuMs: (cpu.user + cpu.system) / 1000,
  })}\n`,
);
