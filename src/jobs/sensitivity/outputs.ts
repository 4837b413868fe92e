import { join } from 'node:path';
import { asRun } from '../../batch/job.js';
import type { SensitivityJob } from './job.js';
import { deriveSeeds } from '../../batch/seeds.js';
import type { KpiStats } from '../../ensemble/kpi-samples.js';
import { renderConfigs, type ChartToRender } from '../../render/render-configs.js';
import { sensitivityPlan } from '../../sweep/sensitivity-plan.js';
import { tornadoChart } from '../../render/sweep/tornado-chart.js';
import { formatValue } from '../../render/sweep/sweep-charts.js';
import { entityNames, orderKpiKeys, scalarKpis } from '../../report/kpi-catalog.js';
import { runValuesByKpi } from '../kpi-noise.js';
import { sensitivityNoise } from './sensitivity-noise.js';
import { describeSeeds, monthName } from '../../report/kpi-format.js';
import { sensitivityCsv, sensitivityMd, swingLabel, swings, type SensitivityResults } from './sensitivity-report.js';
import { axisUnit, focusNote, focusOf } from '../kpi-focus.js';
import type { OutputContext } from '../job-kind.js';
import { listOf } from '../../report/list-of.js';
import { writeOutputFile } from '../../io/write-output.js';

/** Parameters a tornado shows at most, largest swing first. */
const TORNADO_ROWS = 20;

/** sensitivity's files: a tornado chart per key KPI, sensitivity.csv and report.md. */
export async function writeSensitivityOutputs(ctx: OutputContext<SensitivityJob>, job: SensitivityJob): Promise<string[]> {
  const plan = sensitivityPlan(job.scenario, job.change, job.only, job.params);
  const scenario = asRun(job, job.scenario);
  const base = ctx.collector.stats(0);
  const sides = new Map<string, { low?: KpiStats; high?: KpiStats }>();
  plan.cases.forEach((c, i) => sides.set(c.path, { ...sides.get(c.path), [c.side]: ctx.collector.stats(i + 1) }));
  const cases = 1 + plan.cases.length;
  const keys = orderKpiKeys(base.keys(), scenario);
  const runValues = runValuesByKpi(keys, cases, job.runs, (i) => ctx.collector.runKpis(i));
  const noise = new Map(keys.map((key) => [key, sensitivityNoise(runValues.get(key)!, cases, job.runs)]));
  const results: SensitivityResults = { plan, change: job.change, base, sides, noise };
  const seeds = deriveSeeds(scenario.seed, job.runs);
  const focus = focusOf(job.focus, [base], scenario);
  const kpis = scalarKpis(focus, entityNames(scenario));
  const factor = Number((1 + job.change).toPrecision(12));
  const declared = plan.params.filter((p) => p.declared !== undefined).length;
  const moved = 'at the low (blue) or high (red) end of its range';
  const derived = `derived from its valid range for ${declared === 0 ? 'each' : 'the others'}, its distance from its bounds ÷/× ${factor}`;
  const given = job.params !== undefined && job.params.length > 0;
  const rangesNote = given
    ? ['Ranges: the --param intervals (report.md, Ranges)']
    : [`Ranges: ${declared === 0 ? '' : `declared for the ${declared} parameter${declared === 1 ? '' : 's'} the scenario declares uncertain, `}${derived} (report.md, Ranges)`];
  const built: ChartToRender[] = !job.charts
    ? []
    : kpis.flatMap((kpi) => {
        const at = base.get(kpi.key);
        const all = swings(results, kpi.key);
        if (at === undefined || all.length === 0) return [];
        const scale = kpi.unit === 'share' ? 100 : 1;
        const shown = all.slice(0, TORNADO_ROWS);
        const floor = noise.get(kpi.key)?.swingFloor;
        const noiseNote =
          job.runs < 2
            ? 'Seed noise not measured (one run per case): no row is told apart from luck'
            : floor !== undefined && Number.isFinite(floor)
              ? `Grey: a swing within seed noise (below ${formatValue(floor * scale, axisUnit(kpi.unit))}, 1.96 × √2 × the seed × case noise / √${job.runs})`
              : 'Seed noise could not be measured (a run had no value)';
        const title = `${kpi.label}: what moves it most`;
        return [
          {
            file: `tornado-${kpi.slug}.png`,
            title,
            description: `${kpi.label} with each ${given ? '' : 'policy '}parameter at the low and high end of its range, largest swing first.`,
            config: tornadoChart({
              title,
              of: `sensitivity of ${scenario.name}`,
              subtitle: [
                `${kpi.label} ${job.at === undefined ? 'at the end of the run' : `${kpi.key.startsWith('total:') ? 'to' : 'at'} ${monthName(job.at)} (--at)`} with one ${given ? '' : 'policy '}parameter ${moved}, everything else as in the scenario`,
                ...rangesNote,
                `${shown.length} of the ${all.length} parameters that move it, largest swing first; ${plan.params.length - all.length} of ${plan.params.length} moved leave it unchanged${job.runs > 1 ? `; means of ${job.runs} runs on the same seeds` : ''}`,
                noiseNote,
              ],
              unit: axisUnit(kpi.unit),
              kpiTitle: kpi.label,
              base: at.mean * scale,
              rows: shown.map((s) => ({
                label: swingLabel(s),
                ...(s.low !== undefined ? { low: s.low * scale } : {}),
                ...(s.high !== undefined ? { high: s.high * scale } : {}),
                ...(s.beyondNoise === false ? { withinNoise: true } : {}),
              })),
              lowLabel: 'parameter low',
              highLabel: 'parameter high',
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
  writeOutputFile(join(ctx.staging, 'sensitivity.csv'), sensitivityCsv(results, scenario));
  writeOutputFile(
    join(ctx.staging, 'report.md'),
    sensitivityMd({
      scenario: scenario,
      command: ctx.command,
      change: job.change,
      runs: job.runs,
      seeds,
      results,
      kpis,
      focusNote: focusNote(job.focus, focus, scenario, 'at the base'),
      charts,
      ...(job.at !== undefined ? { at: job.at } : {}),
    }),
  );
  const written = [...(job.charts ? [`${charts.length} tornado charts`] : []), 'report.md', 'sensitivity.csv', 'manifest.json'];
  return [
    `Moved ${given ? `${plan.params.length} parameters to the ends of their --param intervals` : `${plan.params.length} policy parameters ${declared === 0 ? `over ranges derived from their valid ranges (÷/× ${factor})` : `(${declared} over their declared ranges, the others over ranges derived from their valid ranges, ÷/× ${factor})`}`} one at a time: ${ctx.plan.variants} cases × ${job.runs} run${job.runs === 1 ? '' : 's'} (${describeSeeds(seeds)})${plan.skipped.length > 0 ? `; ${plan.skipped.length} left out, see report.md` : ''}.`,
    `Wrote ${listOf(written)} to ${ctx.outDir}/`,
  ];
}
