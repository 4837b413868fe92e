import { join } from 'node:path';
import { asRun } from '../../batch/job.js';
import { sweptName, sweptShortName, type SweepJob } from './job.js';
import { deriveSeeds } from '../../batch/seeds.js';
import type { KpiStats } from '../../ensemble/kpi-samples.js';
import type { AxisUnit, BandSeries } from '../../render/ensemble/band-parts.js';
import { entityStyle, SERIES_COLOURS } from '../../render/palette.js';
import { renderConfigs, type ChartToRender } from '../../render/render-configs.js';
import { heatmapChart, kpiLineChart } from '../../render/sweep/sweep-charts.js';
import { entityNames, scalarKpis, type ScalarKpi } from '../../report/kpi-catalog.js';
import { describeSeeds, monthName } from '../../report/kpi-format.js';
import { kpiKey, type KpiKind } from '../../report/kpi-keys.js';
import { sweepCsv, sweepMd } from './sweep-report.js';
import { sweepGrid, type ParamRange } from '../../sweep/param-range.js';
import type { Scenario } from '../../config/parse-scenario.js';
import { axisUnit, focusNote, focusOf } from '../kpi-focus.js';
import type { OutputContext } from '../job-kind.js';
import { listOf } from '../../report/list-of.js';
import { writeOutputFile } from '../../io/write-output.js';

/** KPIs drawn against a swept parameter, one line per entity. */
const SWEEP_CHART_KPIS: readonly { kind: KpiKind; metric: string; of: 'vendor' | 'cloud' | 'market'; title: string; unit: AxisUnit; slug: string }[] = [
  { kind: 'final', metric: 'vendor.enterprise_share', of: 'vendor', title: 'Enterprise share', unit: 'share', slug: 'enterprise-share' },
  { kind: 'final', metric: 'vendor.arr_usd', of: 'vendor', title: 'Vendor ARR', unit: 'usd', slug: 'arr' },
  { kind: 'final', metric: 'vendor.gross_margin', of: 'vendor', title: 'Vendor gross margin', unit: 'share', slug: 'gross-margin' },
  { kind: 'final', metric: 'cloud.ai_revenue_usd', of: 'cloud', title: 'Cloud AI revenue per month', unit: 'usd', slug: 'cloud-ai-revenue' },
  { kind: 'final', metric: 'market.hhi', of: 'market', title: 'HHI of token sellers', unit: 'count', slug: 'market-hhi' },
  { kind: 'final', metric: 'market.avg_price_usd_per_mtok', of: 'market', title: 'Average token price per MTok', unit: 'price', slug: 'avg-token-price' },
  { kind: 'final', metric: 'market.adoption_rate', of: 'market', title: 'Enterprises adopted', unit: 'share', slug: 'adoption' },
  { kind: 'total', metric: 'market.switches', of: 'market', title: 'Model switches', unit: 'count', slug: 'switches' },
];

export async function writeSweepOutputs(ctx: OutputContext<SweepJob>, job: SweepJob): Promise<string[]> {
  const scenario = asRun(job, job.scenario);
  const points = sweepGrid(job.params);
  const stats = points.map((_, i) => ctx.collector.stats(i));
  const seeds = deriveSeeds(scenario.seed, job.runs);
  const focus = focusOf(job.focus, stats, scenario);
  const kpis = scalarKpis(focus, entityNames(scenario));
  const note = focusNote(job.focus, focus, scenario, 'on average over the points');
  const end = monthName(lastMonth(scenario));
  const built: ChartToRender[] = !job.charts
    ? []
    : job.params.length === 1
      ? lineCharts(job, scenario, stats, end)
      : heatmaps(job, scenario, stats, kpis, end);
  const charts = [];
  for (const chart of await renderConfigs(built)) {
    if (ctx.stopped()) return [];
    writeOutputFile(join(ctx.staging, chart.file), chart.png);
    charts.push({ file: chart.file, title: chart.title, description: chart.description });
  }
  writeOutputFile(join(ctx.staging, 'sweep.csv'), sweepCsv({ scenario: scenario, params: job.params, points, stats, runs: job.runs }));
  writeOutputFile(
    join(ctx.staging, 'report.md'),
    sweepMd({ scenario: scenario, configured: job.scenario, command: ctx.command, params: job.params, points, stats, runs: job.runs, seeds, kpis, focusNote: note, charts, ...(job.at !== undefined ? { at: job.at } : {}) }),
  );
  const written = [...(job.charts ? [`${charts.length} charts`] : []), 'report.md', 'sweep.csv', 'manifest.json'];
  return [
    `Swept ${job.params.map((p) => `${sweptName(p)} over ${p.steps} ${p.timesBase ? 'factors' : 'values'}${p.scale === 'log' ? ' (log grid)' : ''}`).join(' × ')}: ${points.length} points × ${job.runs} run${job.runs === 1 ? '' : 's'} (${describeSeeds(seeds)}).`,
    `Wrote ${listOf(written)} to ${ctx.outDir}/`,
  ];
}

/** The month a scenario ends, YYYY-MM. */
function lastMonth(scenario: Scenario): string {
  const [year, month] = scenario.start.split('-').map(Number);
  const index = year! * 12 + (month! - 1) + scenario.months - 1;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

function xValues(range: ParamRange): number[] {
  return sweepGrid([range]).map((point) => point[0]!.value);
}

function lineCharts(job: SweepJob, scenario: Scenario, stats: readonly KpiStats[], end: string): ChartToRender[] {
  const range = job.params[0]!;
  const entities = { vendor: scenario.vendors.map((v) => v.id), cloud: scenario.clouds.map((c) => c.id), market: ['market'] };
  return SWEEP_CHART_KPIS.flatMap((kpi) => {
    const scale = kpi.unit === 'share' ? 100 : 1;
    const series: BandSeries[] = entities[kpi.of].flatMap((entity, i) => {
      const key = kpiKey(kpi.kind, kpi.metric, entity);
      const at = stats.map((s) => s.get(key));
      if (at.every((s) => s === undefined)) return [];
      const pick = (stat: 'mean' | 'p5' | 'p95') => at.map((s) => (s === undefined ? null : s[stat] * scale));
      const style = kpi.of === 'market' ? { label: kpi.title, colour: SERIES_COLOURS[i % SERIES_COLOURS.length]! } : { label: entityStyle(entity).name, colour: entityStyle(entity).colour };
      return [{ ...style, mean: pick('mean'), ...(job.runs > 1 ? { low: pick('p5'), high: pick('p95') } : {}) }];
    });
    if (series.length === 0) return [];
    const when = kpi.kind === 'final' ? `at ${end}` : 'over the whole run';
    const title = `${kpi.title} ${when} against ${sweptShortName(range)}`;
    return [
      {
        file: `sweep-${kpi.slug}.png`,
        title,
        description: `${kpi.title} ${when}, at each of the ${range.steps} values of ${sweptName(range)}${job.runs > 1 ? ', mean of the runs with their 5th–95th percentile band' : ''}.`,
        config: kpiLineChart({
          title,
          of: `sweep of ${scenario.name}`,
          subtitle: [
            `${kpi.title} ${when}, at each value of ${sweptName(range)} (everything else as in the scenario${range.scale === 'log' ? '; values evenly spaced on a log scale' : ''})`,
            ...(job.runs > 1 ? [`Points: mean of ${job.runs} runs per value (the same seeds at every value); shaded: 5th to 95th percentile of the runs`] : []),
          ],
          xTitle: sweptName(range),
          xValues: xValues(range),
          xTimesBase: range.timesBase === true,
          series,
          unit: kpi.unit,
          yTitle: kpi.title,
        }),
      },
    ];
  });
}

function heatmaps(job: SweepJob, scenario: Scenario, stats: readonly KpiStats[], kpis: readonly ScalarKpi[], end: string): ChartToRender[] {
  const [xRange, yRange] = [job.params[0]!, job.params[1]!];
  const xs = xValues(xRange);
  const ys = xValues(yRange);
  return kpis.flatMap((kpi) => {
    const scale = kpi.unit === 'share' ? 100 : 1;
    // Points run the first parameter slowest: point i × |ys| + j is (xs[i], ys[j]).
    const values = ys.map((_, j) => xs.map((_, i) => {
      const s = stats[i * ys.length + j]?.get(kpi.key);
      return s === undefined ? null : s.mean * scale;
    }));
    if (values.flat().every((v) => v === null)) return [];
    const when = kpi.key.startsWith('total:') ? '' : ` at ${end}`;
    const title = `${kpi.label}${when}`;
    return [
      {
        file: `heatmap-${kpi.slug}.png`,
        title,
        description: `${kpi.label}${when} over the grid of ${sweptName(xRange)} and ${sweptName(yRange)}${job.runs > 1 ? ', mean of the runs' : ''}.`,
        config: heatmapChart({
          title,
          of: `sweep of ${scenario.name}`,
          subtitle: [
            `${kpi.label}${when} at each point of ${sweptName(xRange)} (across) × ${sweptName(yRange)} (up)`,
            `Darker is higher${job.runs > 1 ? `; each cell the mean of ${job.runs} runs (the same seeds everywhere)` : ''}`,
          ],
          xTitle: sweptName(xRange),
          yTitle: sweptName(yRange),
          xValues: xs,
          yValues: ys,
          xTimesBase: xRange.timesBase === true,
          yTimesBase: yRange.timesBase === true,
          values,
          unit: axisUnit(kpi.unit),
        }),
      },
    ];
  });
}
