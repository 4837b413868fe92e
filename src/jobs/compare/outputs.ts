import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { asRun } from '../../batch/job.js';
import type { CompareJob } from './job.js';
import { deriveSeeds } from '../../batch/seeds.js';
import { reduceRuns } from '../../ensemble/kpi-samples.js';
import { summariseRuns } from '../../ensemble/ensemble-table.js';
import { commonDates, compareCharts } from './compare-charts.js';
import { historyOf } from '../../render/history-marks.js';
import { scenarioPartings } from './scenario-parting.js';
import { entityStyle } from '../../render/palette.js';
import { renderConfigs } from '../../render/render-configs.js';
import { changesWithinNoise, comparisonCsv, comparisonMd, describeRunsPerScenario, SINGLE_SEED_CAVEAT, type ComparedScenario } from './comparison-report.js';
import { comparisonFocus } from './comparison-focus.js';
import { kpiValues } from '../../report/kpi-keys.js';
import { buildSummary } from '../../report/summary.js';
import type { OutputContext } from '../job-kind.js';
import { listOf } from '../../report/list-of.js';
import { placeTargets, type TargetPlacement } from '../../render/target-marks.js';
import { targetsSection } from '../../report/targets-report.js';
import { targetsOfJob } from '../job-targets.js';

/** compare's files: an overlay and a change chart per key metric, comparison.csv and comparison.md. */
export async function writeCompareOutputs(ctx: OutputContext<CompareJob>, job: CompareJob): Promise<string[]> {
  const { plan } = ctx;
  const labels = Array.from({ length: plan.variants }, (_, i) => plan.variant(i).label);
  const runs = Array.from({ length: plan.variants }, (_, i) => ctx.collector.runs(i));
  const compared: ComparedScenario[] = job.scenarios.map((s) => asRun(job, s)).map((scenario, i) => {
    const seeds = deriveSeeds(scenario.seed, job.runs);
    const perRun = runs[i]!.map((table, run) => kpiValues(buildSummary({ ...scenario, seed: seeds[run]! }, table)));
    const longest = runs[i]!.reduce((a, b) => (b.dates.length > a.dates.length ? b : a));
    return { label: labels[i]!, scenario, seeds, end: longest.dates.at(-1) ?? scenario.start, perRun, stats: reduceRuns(perRun) };
  });
  const focus = comparisonFocus(job.focus, compared);
  const written: string[] = [];
  const charts = [];
  const followsInstead: string[] = [];
  const otherEntities: string[] = [];
  const targets = targetsOfJob(job.targets);
  let placements: TargetPlacement[] = placeTargets(targets, []);
  if (job.charts) {
    const ensembles = runs.map((r) => summariseRuns(r));
    const runsNote = describeRunsPerScenario(job.runs, compared.map((c) => c.seeds));
    const scenarios = compared.map((c) => c.scenario);
    const asked = { vendor: job.focus.vendor !== undefined, cloud: job.focus.cloud !== undefined };
    const built = compareCharts({
      labels,
      ensembles,
      runs,
      focus: { vendor: focus.vendor, cloud: focus.cloud, asked },
      runsNote,
      partings: scenarioPartings(scenarios),
      history: historyOf(scenarios[0]!),
      targets,
    });
    const switched = built.filter((chart) => chart.kind === 'overlay' && chart.followsInstead !== undefined);
    followsInstead.push(...switched.map((chart) => chart.followsInstead!));
    otherEntities.push(...switched.map((chart) => `${chart.metric.title}: ${entityStyle(chart.entity).name}`));
    placements = placeTargets(targets, built.flatMap((chart) => (chart.lines ? [{ file: chart.file, lines: chart.lines, dates: commonDates(ensembles) }] : [])));
    for (const chart of await renderConfigs(built)) {
      if (ctx.stopped()) return [];
      writeFileSync(join(ctx.staging, chart.file), chart.png);
      charts.push({ file: chart.file, title: chart.title, description: chart.description });
    }
    written.push(`${charts.length} charts`);
  }
  writeFileSync(join(ctx.staging, 'comparison.csv'), comparisonCsv(compared));
  const targetsMd =
    job.targets === undefined
      ? undefined
      : targetsSection({ file: job.targets.file, sha256: job.targets.sha256, placements, columns: compared.map((c, i) => ({ label: c.label, runs: runs[i]! })) });
  writeFileSync(
    join(ctx.staging, 'comparison.md'),
    comparisonMd({ scenarios: compared, command: ctx.command, charts, focusNote: [focus.note, ...followsInstead].join(' '), ...(targetsMd !== undefined && { targets: targetsMd }) }),
  );
  written.push('comparison.md', 'comparison.csv', 'manifest.json');
  const noise = changesWithinNoise(compared);
  return [
    `Compared ${listOf(labels)}: ${job.runs} run${job.runs === 1 ? '' : 's'} each; charts follow ${focus.vendorName} and ${focus.cloudName}${otherEntities.length > 0 ? ` (${otherEntities.join('; ')})` : ''}.`,
    job.runs === 1 ? SINGLE_SEED_CAVEAT : `${noise.within} of ${noise.of} changes against ${labels[0]} are within the runs' noise (marked * in comparison.md).`,
    `Wrote ${listOf(written)} to ${ctx.outDir}/`,
  ];
}
