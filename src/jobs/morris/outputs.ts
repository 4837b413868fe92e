import { join } from 'node:path';
import { asRun } from '../../batch/job.js';
import { deriveSeeds } from '../../batch/seeds.js';
import { writeOutputFile } from '../../io/write-output.js';
import { renderConfigs, type ChartToRender } from '../../render/render-configs.js';
import { effectUnit, morrisChart } from '../../render/sweep/morris-chart.js';
import { entityNames, orderKpiKeys, scalarKpis } from '../../report/kpi-catalog.js';
import { describeSeeds, monthName } from '../../report/kpi-format.js';
import { listOf } from '../../report/list-of.js';
import { lastMonthOf } from '../at-month.js';
import { focusNote, focusOf } from '../kpi-focus.js';
import { runValuesByKpi } from '../kpi-noise.js';
import { paramLabels } from '../param-labels.js';
import type { OutputContext } from '../job-kind.js';
import type { MorrisJob } from './job.js';
import { morrisRunsLine } from './command.js';
import { morrisPointCount } from './morris-plan.js';
import { morrisCsv, morrisMd } from './morris-report.js';
import { kpiMorris, muStarBeyondNoise, type KpiMorris } from './morris-results.js';

/** morris's files: morris.csv, a μ*–σ chart per key KPI, and report.md. */
export async function writeMorrisOutputs(ctx: OutputContext<MorrisJob>, job: MorrisJob): Promise<string[]> {
  const scenario = asRun(job, job.scenario);
  const points = morrisPointCount(job);
  const stats = Array.from({ length: points }, (_, i) => ctx.collector.stats(i));
  const seeds = deriveSeeds(scenario.seed, job.runs);
  const keys = orderKpiKeys(new Set(stats.flatMap((s) => [...s.keys()])), scenario);
  const runValues = runValuesByKpi(keys, points, job.runs, (point) => ctx.collector.runKpis(point));
  const results = new Map<string, KpiMorris>(keys.map((key) => [key, kpiMorris(job, stats, runValues.get(key)!, key)]));
  const focus = focusOf(job.focus, stats, scenario);
  const kpis = scalarKpis(focus, entityNames(scenario));
  const at = lastMonthOf(scenario);
  const labels = paramLabels(job.factors);
  const built: ChartToRender[] = !job.charts
    ? []
    : kpis.flatMap((kpi) => {
        const result = results.get(kpi.key);
        if (result === undefined) return [];
        const largest = Math.max(0, ...result.indices.muStar.map((m) => m.estimate).filter(Number.isFinite), ...result.indices.sigma.map((s) => s.estimate).filter(Number.isFinite));
        const when = kpi.key.startsWith('total:') ? `to ${monthName(at)}` : `at ${monthName(at)}`;
        const title = `What matters for ${kpi.label} ${when}`;
        const { unit, scale } = effectUnit(kpi.unit, largest);
        return [
          {
            file: `morris-${kpi.slug}.png`,
            title,
            description: `Morris screening of ${kpi.label} ${when}: each parameter's μ* (importance) against σ (interactions or non-linearity), in ${unit} over its range.`,
            config: morrisChart({
              title,
              of: `Morris screening, ${scenario.name}`,
              subtitle: [
                `Each parameter's mean absolute effect on ${kpi.label} ${when} (μ*) and the spread of its effects (σ), over ${job.factors.length} parameters' ranges`,
                `${job.trajectories} trajectories × ${job.factors.length + 1} points × ${job.runs} run${job.runs === 1 ? '' : 's'} each (${describeSeeds(seeds)}, the same at every point)`,
              ],
              points: job.factors.map((_, i) => ({ label: labels[i]!, muStar: result.indices.muStar[i]!.estimate, sigma: result.indices.sigma[i]!.estimate, beyondNoise: muStarBeyondNoise(result, i) })),
              unit,
              scale,
              noiseFloor: result.noise.muStarFloor,
            }),
          },
        ];
      });
  const charts = [];
  for (const chart of await renderConfigs(built, { width: 1200, height: 800 })) {
    if (ctx.stopped()) return [];
    writeOutputFile(join(ctx.staging, chart.file), chart.png);
    charts.push({ file: chart.file, title: chart.title, description: chart.description });
  }
  writeOutputFile(join(ctx.staging, 'morris.csv'), morrisCsv(job, [...results.values()]));
  writeOutputFile(
    join(ctx.staging, 'report.md'),
    morrisMd({ job, scenario, command: ctx.command, seeds, points, at, results, kpis, focusNote: focusNote(job.focus, focus, scenario, 'on average over the design'), charts }),
  );
  const written = [...(job.charts ? [`${charts.length} charts`] : []), 'report.md', 'morris.csv', 'manifest.json'];
  return [morrisRunsLine(job), `Wrote ${listOf(written)} to ${ctx.outDir}/`];
}
