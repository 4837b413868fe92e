import { join } from 'node:path';
import { asRun } from '../../batch/job.js';
import { deriveSeeds } from '../../batch/seeds.js';
import { writeOutputFile } from '../../io/write-output.js';
import { renderConfigs, type ChartToRender } from '../../render/render-configs.js';
import { sobolChart } from '../../render/sweep/sobol-chart.js';
import { entityNames, orderKpiKeys, scalarKpis } from '../../report/kpi-catalog.js';
import { describeSeeds, monthName } from '../../report/kpi-format.js';
import { listOf } from '../../report/list-of.js';
import { focusNote, focusOf } from '../kpi-focus.js';
import type { OutputContext } from '../job-kind.js';
import { lastMonthOf } from '../at-month.js';
import { runValuesByKpi } from '../kpi-noise.js';
import { paramLabels } from '../param-labels.js';
import type { SobolJob } from './job.js';
import { CONFIDENCE_LEVEL, sobolPointCount } from './sobol-design.js';
import { sobolCsv, sobolMd } from './sobol-report.js';
import { kpiSobol, rankByTotalOrder, type KpiSobol } from './sobol-results.js';

/** sobol's files: sobol.csv, a chart of S1 and ST per key KPI, and report.md. */
export async function writeSobolOutputs(ctx: OutputContext<SobolJob>, job: SobolJob): Promise<string[]> {
  const scenario = asRun(job, job.scenario);
  const points = sobolPointCount(job);
  const stats = Array.from({ length: points }, (_, i) => ctx.collector.stats(i));
  const seeds = deriveSeeds(scenario.seed, job.runs);
  const keys = orderKpiKeys(new Set(stats.flatMap((s) => [...s.keys()])), scenario);
  const runValues = runValuesByKpi(keys, points, job.runs, (point) => ctx.collector.runKpis(point));
  const results = new Map<string, KpiSobol>(keys.map((key) => [key, kpiSobol(job, stats, runValues.get(key)!, key)]));
  const focus = focusOf(job.focus, stats, scenario);
  const kpis = scalarKpis(focus, entityNames(scenario));
  const at = lastMonthOf(scenario);
  const labels = paramLabels(job.params);
  const percent = `${Math.round(CONFIDENCE_LEVEL * 100)}%`;
  const built: ChartToRender[] = !job.charts
    ? []
    : kpis.flatMap((kpi) => {
        const result = results.get(kpi.key);
        if (result === undefined || !(result.indices.outputVariance > 0)) return [];
        const order = rankByTotalOrder(result);
        const when = kpi.key.startsWith('total:') ? `to ${monthName(at)}` : `at ${monthName(at)}`;
        const title = `What drives ${kpi.label} ${when}`;
        return [
          {
            file: `sobol-${kpi.slug}.png`,
            title,
            description: `First- and total-order Sobol' indices of ${kpi.label} ${when} for each parameter, largest total order on top, with ${percent} bootstrap intervals.`,
            config: sobolChart({
              title,
              of: `Sobol' indices, ${scenario.name}`,
              subtitle: [
                `Share of the variance of ${kpi.label} ${when} each parameter explains alone (S1) and with its interactions (ST), over ${job.params.length} parameters' intervals`,
                `${points.toLocaleString('en-US')} design points (N = ${job.samples}) × ${job.runs} run${job.runs === 1 ? '' : 's'} each (${describeSeeds(seeds)}, the same at every point)`,
              ],
              rows: order.map((i) => ({ label: labels[i]!, first: result.indices.firstOrder[i]!, total: result.indices.totalOrder[i]! })),
              noiseFloor: result.noise.totalOrderFloor,
              intervalLabel: `${percent} bootstrap interval over the design's base rows`,
            }),
          },
        ];
      });
  const charts = [];
  for (const chart of await renderConfigs(built, { width: 1200, height: 700 })) {
    if (ctx.stopped()) return [];
    writeOutputFile(join(ctx.staging, chart.file), chart.png);
    charts.push({ file: chart.file, title: chart.title, description: chart.description });
  }
  writeOutputFile(join(ctx.staging, 'sobol.csv'), sobolCsv(job, [...results.values()]));
  writeOutputFile(
    join(ctx.staging, 'report.md'),
    sobolMd({ job, scenario, command: ctx.command, seeds, points, at, results, kpis, focusNote: focusNote(job.focus, focus, scenario, 'on average over the design'), charts }),
  );
  const written = [...(job.charts ? [`${charts.length} charts`] : []), 'report.md', 'sobol.csv', 'manifest.json'];
  return [
    `Sobol' indices of ${job.params.length} parameters: ${points.toLocaleString('en-US')} design points × ${job.runs} run${job.runs === 1 ? '' : 's'} (${describeSeeds(seeds)}) = ${(points * job.runs).toLocaleString('en-US')} runs.`,
    `Wrote ${listOf(written)} to ${ctx.outDir}/`,
  ];
}
