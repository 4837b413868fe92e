import { join } from 'node:path';
import { asRun } from '../../batch/job.js';
import type { SimulateJob } from './job.js';
import { deriveSeeds } from '../../batch/seeds.js';
import { summariseRuns } from '../../ensemble/ensemble-table.js';
import { ensembleOfRuns, singleRun, type ChartData } from '../../render/chart-data.js';
import { historyOf } from '../../render/history-marks.js';
import { placeRunTargets } from '../../render/build-charts.js';
import { renderCharts } from '../../render/render-charts.js';
import { targetsSection } from '../../report/targets-report.js';
import { targetsOfJob } from '../job-targets.js';
import { buildEnsembleSummary, type EnsembleSummary } from '../../report/ensemble-outputs.js';
import { runHeadlines } from '../../report/run-headlines.js';
import { ensembleMetricsCsv, metricsCsv } from '../../report/metrics-csv.js';
import { runReportMd, type ChartEntry } from '../../report/run-report.js';
import { buildSummary, type Summary } from '../../report/summary.js';
import type { OutputContext } from '../job-kind.js';
import { listOf } from '../../report/list-of.js';
import { writeOutputFile } from '../../io/write-output.js';
import { describeRunsSpread, uncertainDrawsCsv, uncertainSection, uncertainSummary, UNCERTAIN_DRAWS_CSV, type UncertainParameterRecord } from '../../report/uncertain-runs.js';
import type { ParamSetting } from '../../sweep/param-range.js';
import { uncertainRuns } from './uncertain-runs.js';

/** The uncertain parameters of an --uncertain job and each run's draw of them, as the runs took them. */
function drawsOfRuns(job: SimulateJob, runs: number): { parameters: UncertainParameterRecord[]; draws: (readonly ParamSetting[])[] } {
  const { factors, drawOf } = uncertainRuns(job.scenario);
  return {
    parameters: factors.map(({ path, distribution, source }) => ({ path, distribution, source })),
    draws: Array.from({ length: runs }, (_, run) => drawOf(run)),
  };
}

/**
 * simulate's files. One run: metrics.csv, summary.json and charts exactly as ever, plus report.md.
 * An ensemble: the same files with statistics over the runs (see report/ensemble-outputs.ts), the
 * same charts with bands, and events.jsonl of the first seed's run only (the runs' logs would add
 * nothing but size).
 */
export async function writeSimulateOutputs(ctx: OutputContext<SimulateJob>, job: SimulateJob): Promise<string[]> {
  const { staging } = ctx;
  const scenario = asRun(job, job.scenario);
  const runs = ctx.collector.runs(0);
  const uncertain = job.uncertain ? drawsOfRuns(job, runs.length) : undefined;
  const write = (file: string, content: string | Buffer) => writeOutputFile(join(staging, file), content);
  const charts: ChartEntry[] = [];
  let summary: Summary | EnsembleSummary;
  let data: ChartData;
  if (runs.length === 1) {
    const table = runs[0]!;
    summary = buildSummary(scenario, table);
    write('metrics.csv', metricsCsv(table));
    data = singleRun(table);
  } else {
    const seeds = deriveSeeds(scenario.seed, runs.length);
    const ensemble = summariseRuns(runs);
    summary = buildEnsembleSummary(scenario, runs, seeds);
    if (uncertain !== undefined) {
      summary = { ...summary, uncertain: uncertainSummary(uncertain.parameters) };
      write(UNCERTAIN_DRAWS_CSV, uncertainDrawsCsv(seeds, uncertain.draws));
    }
    write('metrics.csv', ensembleMetricsCsv(ensemble));
    data = ensembleOfRuns(ensemble, `${runs.length} runs (${describeRunsSpread(seeds, uncertain?.parameters.length)})`);
  }
  write('summary.json', `${JSON.stringify(summary, null, 2)}\n`);
  const targets = targetsOfJob(job.targets);
  if (job.charts) {
    for (const chart of await renderCharts(data, { scenario: scenario.name, history: historyOf(scenario), targets })) {
      if (ctx.stopped()) return [];
      write(chart.file, chart.png);
      charts.push({ file: chart.file, title: chart.title, description: chart.description });
    }
  }
  const files: [string, string][] = [
    ['metrics.csv', runs.length === 1 ? 'every metric, month by month: tick,date,metric,entity,value' : 'every metric, month by month, over the runs: tick,date,metric,entity,mean,p5,p50,p95,runs'],
    ['summary.json', runs.length === 1 ? 'final and whole-run KPIs' : 'final and whole-run KPIs as { mean, p5, p50, p95 }, and the seeds'],
    ['events.jsonl', runs.length === 1 ? 'every event of the run, in order' : `every event of the first run (seed ${scenario.seed}), in order`],
    ...(uncertain !== undefined ? [[UNCERTAIN_DRAWS_CSV, 'each run’s seed and the value it drew of each uncertain parameter: run,seed,<parameter>,…'] as [string, string]] : []),
    ['manifest.json', 'the resolved config, seeds and versions; `npm run simulate -- manifest.json` runs it again'],
  ];
  const targetsMd =
    job.targets === undefined
      ? undefined
      : targetsSection({
          file: job.targets.file,
          sha256: job.targets.sha256,
          placements: placeRunTargets(data, targets, job.charts ? undefined : []),
          columns: [{ label: scenario.name, runs }],
        });
  const uncertainMd = uncertain === undefined ? undefined : uncertainSection(uncertain.parameters, uncertain.draws);
  write(
    'report.md',
    runReportMd({ scenario, configured: job.scenario, summary, table: data.lines, charts, files, ...(targetsMd !== undefined && { targets: targetsMd }), ...(uncertainMd !== undefined && { uncertain: uncertainMd }) }),
  );
  const written = [...(job.charts ? [`${charts.length} charts`] : []), 'report.md', 'metrics.csv', 'summary.json', 'events.jsonl', ...(uncertain !== undefined ? [UNCERTAIN_DRAWS_CSV] : []), 'manifest.json'];
  return [...runHeadlines(summary), `Wrote ${listOf(written)} to ${ctx.outDir}/`];
}
