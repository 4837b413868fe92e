import { join } from 'node:path';
import { asRun } from '../../batch/job.js';
import { deriveSeeds } from '../../batch/seeds.js';
import { writeOutputFile } from '../../io/write-output.js';
import { renderConfigs, type ChartToRender } from '../../render/render-configs.js';
import { primTrajectoryChart } from '../../render/sweep/prim-chart.js';
import { entityNames } from '../../report/kpi-catalog.js';
import { describeSeeds } from '../../report/kpi-format.js';
import { listOf } from '../../report/list-of.js';
import type { OutputContext } from '../job-kind.js';
import { discoverRunsLine } from './command.js';
import { conditionKey, conditionWords } from './condition.js';
import { discoverSettings, parameterMatrix } from './discover-design.js';
import { boxesCsv, discoverMd, pointsCsv } from './discover-report.js';
import { discover, thresholdNoise } from './discover-results.js';
import { runValuesByKpi } from '../kpi-noise.js';
import type { DiscoverJob } from './job.js';

/** discover's files: points.csv, boxes.csv, the trajectory's chart and report.md. */
export async function writeDiscoverOutputs(ctx: OutputContext<DiscoverJob>, job: DiscoverJob): Promise<string[]> {
  const scenario = asRun(job, job.scenario);
  const seeds = deriveSeeds(scenario.seed, job.runs);
  const parameters = parameterMatrix(discoverSettings(job));
  const key = conditionKey(job.condition);
  const found = discover(job, parameters, (point) => ctx.collector.stats(point).get(key)?.mean);
  const noise = thresholdNoise(job, found.values, runValuesByKpi([key], job.samples, job.runs, (point) => ctx.collector.runKpis(point)).get(key)!);
  const words = conditionWords(job.condition, scenario, entityNames(scenario));
  const chosen = found.trajectory[found.chosen]!;
  const title = `Under which assumptions is ${words.subject} ${words.relation} in ${words.month}?`;
  const built: ChartToRender[] = !job.charts
    ? []
    : [
        {
          file: 'prim-trajectory.png',
          title: 'PRIM peeling trajectory',
          description: `Each box PRIM peeled, at its coverage (share of the ${found.holding} points where the condition holds that it keeps) and its density (share of its points where it holds); the chosen box ringed.`,
          config: primTrajectoryChart({
            title,
            of: `scenario discovery, ${scenario.name}`,
            subtitle: [
              `${job.samples} Latin hypercube points over ${job.factors.length} parameters × ${job.runs} run${job.runs === 1 ? '' : 's'} each (${describeSeeds(seeds)}); it holds at ${found.holding} of them`,
              `Coverage and density are shares from 0 to 1; the box of all points is at coverage 1, density ${(found.holding / job.samples).toFixed(2)}`,
            ],
            steps: found.trajectory,
            chosen: found.chosen,
            chosenLabel: `chosen box, step ${found.chosen} (coverage ${chosen.coverage.toFixed(2)}, density ${chosen.density.toFixed(2)})`,
            minDensity: job.minDensity,
          }),
        },
      ];
  const charts = [];
  for (const chart of await renderConfigs(built, { width: 1200, height: 800 })) {
    if (ctx.stopped()) return [];
    writeOutputFile(join(ctx.staging, chart.file), chart.png);
    charts.push({ file: chart.file, title: chart.title, description: chart.description });
  }
  writeOutputFile(join(ctx.staging, 'points.csv'), pointsCsv(job, parameters, found, noise));
  writeOutputFile(join(ctx.staging, 'boxes.csv'), boxesCsv(job, found));
  writeOutputFile(join(ctx.staging, 'report.md'), discoverMd({ job, scenario, command: ctx.command, seeds, words, found, noise, charts }));
  const written = [...(job.charts ? [`${charts.length} chart${charts.length === 1 ? '' : 's'}`] : []), 'report.md', 'points.csv', 'boxes.csv', 'manifest.json'];
  const share = `${found.holding} of ${job.samples} points`;
  const outcome =
    found.outcome === 'every'
      ? `The condition holds at every point (${share}): no box to find.`
      : found.outcome === 'none'
        ? `The condition holds at no point (0 of ${job.samples}): no box to find.`
        : `The condition holds at ${share}; the chosen box: coverage ${chosen.coverage.toFixed(2)}, density ${chosen.density.toFixed(2)}, ${chosen.restricted.length} parameter${chosen.restricted.length === 1 ? '' : 's'} restricted (report.md).`;
  return [discoverRunsLine(job), outcome, `Wrote ${listOf(written)} to ${ctx.outDir}/`];
}
