import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenarioFile } from '../config/load-scenario-file.js';
import type { Scenario } from '../config/parse-scenario.js';
import { renderCharts } from '../render/render-charts.js';
import { EventLogWriter } from '../report/event-log.js';
import { metricsCsv } from '../report/metrics-csv.js';
import { commitOutput, discardOutput, prepareOutput } from '../report/output-folder.js';
import { buildSummary, type Summary } from '../report/summary.js';
import { runSimulation } from '../simulation/run-simulation.js';
import { parseSimulateArgs, SIMULATE_USAGE } from './simulate-args.js';

const EXIT_RUN_FAILED = 1;
const EXIT_BAD_INPUT = 2;

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
    const lines = loaded.problems.map((p) => `  ${p.path}: ${p.message}`);
    process.stderr.write(`error: ${loaded.file} is not a valid scenario (${loaded.problems.length} problem${loaded.problems.length > 1 ? 's' : ''}):\n${lines.join('\n')}\n`);
    return EXIT_BAD_INPUT;
  }
  const resolved: Scenario = {
    ...loaded.scenario,
    seed: args.seed ?? loaded.scenario.seed,
    months: args.ticks ?? loaded.scenario.months,
  };
  const outDir = args.out ?? join('output', resolved.name);
  const prepared = prepareOutput(outDir, String(process.pid));
  if (!prepared.success) {
    process.stderr.write(`error: ${prepared.reason}\n`);
    return EXIT_BAD_INPUT;
  }

  const staging = prepared.staging;
  let summary: Summary;
  let charts = 0;
  try {
    const events = new EventLogWriter(join(staging, 'events.jsonl'));
    const result = runSimulation(resolved, { onEvent: (event) => events.write(event) });
    events.close();
    summary = buildSummary(resolved, result.metrics);
    writeFileSync(join(staging, 'metrics.csv'), metricsCsv(result.metrics));
    writeFileSync(join(staging, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
    if (args.charts) {
      for (const chart of await renderCharts(result.metrics, { scenario: resolved.name })) {
        writeFileSync(join(staging, chart.file), chart.png);
        charts++;
      }
    }
    commitOutput(staging, outDir);
  } catch (error) {
    discardOutput(staging);
    process.stderr.write(`error: the run failed and wrote nothing: ${(error as Error).message}\n`);
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
    process.stderr.write(`error: ${(error as Error).message}\n`);
    process.exitCode = EXIT_RUN_FAILED;
  },
);
