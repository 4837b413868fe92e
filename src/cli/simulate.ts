import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenarioFile } from '../config/load-scenario-file.js';
import type { Scenario } from '../config/parse-scenario.js';
import type { MetricTable } from '../metrics/metric-table.js';
import { renderCharts } from '../render/render-charts.js';
import { metricsCsv } from '../report/metrics-csv.js';
import { commitOutput, discardOutput, prepareOutput } from '../report/output-folder.js';
import { buildSummary, type Summary } from '../report/summary.js';
import { formatProblems, oneLine } from './format-problems.js';
import { onInterrupt } from './interrupt.js';
import { startSimulation, type SimulationRun } from './run-in-worker.js';
import { parseSimulateArgs, SIMULATE_USAGE } from './simulate-args.js';

const EXIT_RUN_FAILED = 1;
const EXIT_BAD_INPUT = 2;

/** Never settles: the interrupt handler is ending the process, nothing else may happen meanwhile. */
const STOPPING = new Promise<never>(() => {});

async function main(argv: readonly string[]): Promise<number> {
  const parsedArgs = parseSimulateArgs(argv);
  if (!parsedArgs.success) {
    process.stderr.write(`error: ${parsedArgs.message}\n\n${SIMULATE_USAGE}`);
    return EXIT_BAD_INPUT;
  }
  const args = parsedArgs.args;
  if (args.help) {
    process.stdout.write(SIMULATE_USAGE);
    return 0;
  }

  const loaded = loadScenarioFile(args.config);
  if (!loaded.success) {
    process.stderr.write(`error: ${formatProblems(loaded.file, loaded.problems)}`);
    return EXIT_BAD_INPUT;
  }
  const resolved: Scenario = {
    ...loaded.scenario,
    seed: args.seed ?? loaded.scenario.seed,
    months: args.ticks ?? loaded.scenario.months,
  };
  const outDir = args.out ?? join('output', resolved.name);
  const untouched = existsSync(outDir) ? `${outDir} is unchanged` : `nothing was written to ${outDir}`;

  // Ctrl-C or a kill stops the run, removes the staging folder and leaves the previous output as
  // it was. Once the output is moving into place the run is done: a signal then is ignored (it is
  // handled only after the synchronous move, and the process is about to end anyway).
  let staging: string | undefined;
  let run: SimulationRun | undefined;
  let interrupted = false;
  let committing = false;
  const restoreSignals = onInterrupt((signal, exitCode) => {
    if (committing) return;
    interrupted = true;
    void (run?.stop() ?? Promise.resolve()).finally(() => {
      if (staging !== undefined) discardOutput(staging);
      process.stderr.write(`interrupted by ${signal}: the run stopped and ${untouched}\n`);
      process.exit(exitCode);
    });
  });

  const prepared = prepareOutput(outDir, String(process.pid));
  if (!prepared.success) {
    restoreSignals();
    process.stderr.write(`error: ${prepared.reason}\n`);
    return EXIT_BAD_INPUT;
  }
  staging = prepared.staging;

  let summary: Summary;
  let charts = 0;
  try {
    if (interrupted) return STOPPING;
    run = startSimulation({ scenario: resolved, eventsFile: join(staging, 'events.jsonl') });
    const outcome = await run.outcome;
    if (interrupted) return STOPPING;
    if (!outcome.success) throw new Error(outcome.message);
    const metrics: MetricTable = outcome.metrics;
    summary = buildSummary(resolved, metrics);
    writeFileSync(join(staging, 'metrics.csv'), metricsCsv(metrics));
    writeFileSync(join(staging, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
    if (args.charts) {
      for (const chart of await renderCharts(metrics, { scenario: resolved.name })) {
        if (interrupted) return STOPPING;
        writeFileSync(join(staging, chart.file), chart.png);
        charts++;
      }
    }
    if (interrupted) return STOPPING;
    committing = true;
    commitOutput(staging, outDir);
    restoreSignals();
  } catch (error) {
    if (interrupted) return STOPPING;
    restoreSignals();
    discardOutput(staging);
    process.stderr.write(`error: the run failed and ${untouched}: ${oneLine((error as Error).message)}\n`);
    return EXIT_RUN_FAILED;
  }

  if (!args.quiet) process.stdout.write(describeRun(summary, outDir, charts));
  return 0;
}

function describeRun(summary: Summary, outDir: string, charts: number): string {
  const share = summary.final['vendor.enterprise_share'] ?? {};
  const arr = summary.final['vendor.arr_usd'] ?? {};
  const leaders = Object.entries(share)
    .sort(([, a], [, b]) => b - a)
    .slice(0, 3)
    .map(([vendor, s]) => `${vendor} ${(100 * s).toFixed(0)}%`)
    .join(', ');
  const topArr = Object.entries(arr)
    .sort(([, a], [, b]) => b - a)
    .slice(0, 3)
    .map(([vendor, a]) => `${vendor} $${(a / 1e9).toFixed(2)}B`)
    .join(', ');
  const market = (metric: string) => summary.final[metric]?.market ?? Number.NaN;
  return [
    `${summary.scenario}: ${summary.ticks} months from ${summary.start} to ${summary.end}, seed ${summary.seed}`,
    `  enterprise share at ${summary.end}: ${leaders}`,
    `  ARR at ${summary.end}: ${topArr}`,
    `  average token price $${market('market.avg_price_usd_per_mtok').toFixed(2)}/MTok, HHI ${market('market.hhi').toFixed(0)}, adoption ${(100 * market('market.adoption_rate')).toFixed(0)}%`,
    `Wrote ${charts} charts, metrics.csv, summary.json and events.jsonl to ${outDir}/`,
    '',
  ].join('\n');
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`error: ${oneLine(error instanceof Error ? error.message : String(error))}\n`);
    process.exitCode = EXIT_RUN_FAILED;
  },
);
