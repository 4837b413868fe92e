import { pairedDifferences, type EnsembleTable } from '../../ensemble/ensemble-table.js';
import type { MetricTable } from '../../metrics/metric-table.js';
import { referenceLine } from '../../render/chart-parts.js';
import type { ChartConfig } from '../../render/chart-definition.js';
import { withHistory } from '../../render/chart-parts.js';
import { formatMonth, formatPeriod } from '../../render/format.js';
import { historyNote, NO_HISTORY, type EventKind, type RunHistory } from '../../render/history-marks.js';
import { entityStyle, scenarioColour, SCENARIO_COLOURS } from '../../render/palette.js';
import type { ChartToRender } from '../../render/render-configs.js';
import { changeAxis, datesTable, monthlyBandChart, valueAxis, type AxisUnit, type BandSeries } from '../../render/ensemble/band-parts.js';
import type { Target } from '../../calibration/target-file.js';
import { marksOn, targetExtent, TARGET_COLOUR, withTargetMarks, type ChartLines } from '../../render/target-marks.js';

/**
 * Comparison charts: for each key metric, one line per scenario (each scenario in the same colour
 * on every chart), and the change of every other scenario against the first. Metrics of a vendor
 * or a cloud follow one entity, the focus.
 */

export interface CompareMetric {
  readonly metric: string;
  readonly of: 'vendor' | 'cloud' | 'market';
  readonly title: string;
  readonly unit: AxisUnit;
  /** File-name stem before the entity: "enterprise-share" → enterprise-share-openai.png. */
  readonly stem: string;
  /** What the metric is, when its name does not say, for the subtitle. */
  readonly note?: string;
}

export const COMPARE_METRICS: readonly CompareMetric[] = [
  { metric: 'vendor.enterprise_share', of: 'vendor', title: 'enterprise share of token volume', unit: 'share', stem: 'enterprise-share' },
  { metric: 'vendor.arr_usd', of: 'vendor', title: 'ARR', unit: 'usd', stem: 'arr', note: 'ARR = 12 × the month’s revenue, API and subscriptions' },
  { metric: 'vendor.gross_margin', of: 'vendor', title: 'gross margin', unit: 'share', stem: 'gross-margin', note: 'Gross margin = (revenue − inference compute, used and idle − revenue share paid to clouds) / revenue' },
  { metric: 'vendor.price_usd_per_mtok', of: 'vendor', title: 'API price per million tokens', unit: 'usd-log', stem: 'price' },
  { metric: 'cloud.ai_revenue_usd', of: 'cloud', title: 'AI revenue per month', unit: 'usd', stem: 'cloud-ai-revenue', note: 'AI revenue = compute sold to vendors + share kept on marketplace sales + open weights hosted' },
  { metric: 'cloud.asic_share', of: 'cloud', title: 'own-ASIC share of AI fleet', unit: 'share', stem: 'asic-share' },
  { metric: 'market.hhi', of: 'market', title: 'HHI of token sellers', unit: 'count', stem: 'market-hhi', note: 'Herfindahl–Hirschman index: sum of squared shares (in %) of enterprise tokens sold; 10,000 is a monopoly' },
  { metric: 'market.avg_price_usd_per_mtok', of: 'market', title: 'Average token price per million tokens', unit: 'usd-log', stem: 'avg-token-price' },
  { metric: 'market.adoption_rate', of: 'market', title: 'Enterprises adopted (pilot or production)', unit: 'share', stem: 'adoption' },
  { metric: 'market.open_weights_share', of: 'market', title: 'Open-weights share of enterprise tokens', unit: 'share', stem: 'open-weights-share' },
];

/** Comparison charts mark the events that shape most of their metrics. */
const COMPARE_MARKS: readonly EventKind[] = ['model-release', 'merger', 'capacity-shock'];

export interface CompareChartsInput {
  readonly labels: readonly string[];
  readonly ensembles: readonly EnsembleTable[];
  /** Each scenario's runs in seed order, for run-by-run differences. */
  readonly runs: readonly (readonly MetricTable[])[];
  readonly focus: { readonly vendor: string; readonly cloud: string };
  /** "8 runs, seeds 1–8 per scenario" */
  readonly runsNote: string;
  /**
   * The first month the scenarios may part, when all are branches of one history: the months
   * before are drawn once, as the first scenario's line.
   */
  readonly sharedUntil?: string;
  /** The first scenario's scripted events, history window and the branch month, marked on every chart. */
  readonly history?: RunHistory;
  /** --targets: figures drawn on the overlay charts of the metric and entity they measure. */
  readonly targets?: readonly Target[];
}

export interface CompareChart extends ChartToRender {
  readonly metric: CompareMetric;
  readonly entity: string;
  readonly kind: 'overlay' | 'delta';
  /** What an overlay chart draws, which targets are matched to; a chart of changes draws no target. */
  readonly lines?: ChartLines;
}

/**
 * What an overlay chart draws, for targets: its one entity's metric (a line per scenario, so a
 * target takes no scenario's colour); only the market's charts draw all there is of a metric.
 */
export function overlayLines(metric: CompareMetric, entity: string): ChartLines {
  return { unit: metric.unit, lines: [{ metric: metric.metric, entity, colour: TARGET_COLOUR }], everyEntity: metric.of === 'market' };
}

/** All scenarios' months, in order (scenarios may start or end at different months). */
export function commonDates(tables: readonly { dates: readonly string[] }[]): string[] {
  return [...new Set(tables.flatMap((t) => t.dates))].sort();
}

function onAxis(ensemble: EnsembleTable, column: Float64Array | undefined, dates: readonly string[], scale: number, positive: boolean): (number | null)[] {
  const index = new Map(ensemble.dates.map((d, i) => [d, i]));
  return dates.map((date) => {
    const tick = index.get(date);
    const value = tick === undefined || !column ? Number.NaN : column[tick]!;
    return Number.isNaN(value) || (positive && value <= 0) ? null : value * scale;
  });
}

export function entityOf(metric: CompareMetric, focus: CompareChartsInput['focus']): string {
  return metric.of === 'vendor' ? focus.vendor : metric.of === 'cloud' ? focus.cloud : 'market';
}

export function compareFile(metric: CompareMetric, entity: string, kind: 'overlay' | 'delta'): string {
  const stem = metric.of === 'market' ? metric.stem : `${metric.stem}-${entity}`;
  return `${kind === 'delta' ? 'delta-' : ''}${stem}.png`;
}

export function compareCharts(input: CompareChartsInput): CompareChart[] {
  const dates = commonDates(input.ensembles);
  const period = dates.length > 0 ? formatPeriod(dates[0]!, dates.at(-1)!) : '';
  const multi = input.ensembles.some((e) => e.runs > 1);
  const of = `scenarios: ${input.labels.join(' vs ')}`;
  const bandNote = multi ? [`Lines: mean of ${input.runsNote}; shaded: 5th to 95th percentile of the runs`] : [];
  const sharedFrom = input.sharedUntil === undefined ? 0 : Math.max(0, dates.indexOf(input.sharedUntil));
  const sharedNote =
    sharedFrom > 0
      ? [`Before ${formatMonth(input.sharedUntil!)} every scenario is the same history, drawn once in ${input.labels[0]}'s colour; the others part from it there`]
      : [];
  const history = input.history ?? NO_HISTORY;
  const marked = (config: ChartConfig): ChartConfig => {
    const options = config.options as { plugins: object };
    return { ...config, options: withHistory(options, dates, history, COMPARE_MARKS) as ChartConfig['options'] };
  };
  const charts: CompareChart[] = [];
  for (const metric of COMPARE_METRICS) {
    const entity = entityOf(metric, input.focus);
    const name = metric.of === 'market' ? '' : `${entityStyle(entity).name} `;
    const title = `${name}${metric.title}`.replace(/^./, (c) => c.toUpperCase());
    const scale = metric.unit === 'share' ? 100 : 1;
    const positive = metric.unit === 'usd-log';
    const series: BandSeries[] = input.ensembles.map((ensemble, i) => {
      const stats = ensemble.series(metric.metric).get(entity);
      // The shared months are the first scenario's: the others start where they part (from the month before, to join it).
      const own = (values: (number | null)[]) => (i === 0 ? values : values.map((v, t) => (t < sharedFrom - 1 ? null : v)));
      return {
        label: input.labels[i]!,
        colour: scenarioColour(i),
        dashed: i >= SCENARIO_COLOURS.length,
        mean: own(onAxis(ensemble, stats?.mean, dates, scale, positive)),
        ...(ensemble.runs > 1
          ? { low: own(onAxis(ensemble, stats?.p5, dates, scale, positive)), high: own(onAxis(ensemble, stats?.p95, dates, scale, positive)) }
          : {}),
      };
    });
    if (!series.some((s) => s.mean.some((v) => v !== null))) continue;
    const lines = overlayLines(metric, entity);
    const marks = marksOn(input.targets ?? [], lines, dates);
    charts.push({
      metric,
      entity,
      kind: 'overlay',
      lines,
      file: compareFile(metric, entity, 'overlay'),
      title,
      description: `${title}, monthly, one line per scenario.`,
      config: withTargetMarks(marked(
        monthlyBandChart({
          dates,
          title,
          of,
          subtitle: [
            `${title}, monthly, ${period}; one line per scenario`,
            ...(metric.note ? [metric.note] : []),
            ...sharedNote,
            ...historyNote(dates, history, COMPARE_MARKS),
            ...bandNote,
          ],
          series,
          y: valueAxis(metric.unit, title.length > 48 ? metric.title : title, metric.unit === 'share' ? { suggestedMin: 0 } : {}, [...series, ...targetExtent(marks)]),
        }),
      ), marks, dates.length),
    });
    if (input.ensembles.length < 2) continue;
    // Prices move by factors (a fall from $10 to $5 matters as much as one from $2 to $1): their change is relative.
    const relative = metric.unit === 'usd-log';
    const deltas: BandSeries[] = input.ensembles.slice(1).map((_, j) => {
      const i = j + 1;
      const differences = pairedDifferences({ base: input.runs[0]!, other: input.runs[i]!, metric: metric.metric, entity, dates, change: relative ? 'relative' : 'difference' });
      // No change before the scenarios part: that stretch is left undrawn rather than drawn as zero.
      const scaled = (column: Float64Array) => Array.from(column, (v, t) => (Number.isNaN(v) || t < sharedFrom - 1 ? null : v * (relative ? 100 : scale)));
      return {
        label: relative ? `${input.labels[i]} against ${input.labels[0]}` : `${input.labels[i]} − ${input.labels[0]}`,
        colour: scenarioColour(i),
        dashed: i >= SCENARIO_COLOURS.length,
        mean: scaled(differences.mean),
        ...(multi ? { low: scaled(differences.p5), high: scaled(differences.p95) } : {}),
      };
    });
    if (!deltas.some((s) => s.mean.some((v) => v !== null))) continue;
    const deltaTitle = `Change against ${input.labels[0]}: ${title}`;
    charts.push({
      metric,
      entity,
      kind: 'delta',
      file: compareFile(metric, entity, 'delta'),
      title: deltaTitle,
      description: `${title}: each scenario ${relative ? `relative to ${input.labels[0]} (%)` : `minus ${input.labels[0]}`}, month by month${multi ? ', run by run (seed i against seed i)' : ''}.`,
      config: marked(monthlyBandChart({
        dates,
        title: deltaTitle,
        of,
        subtitle: [
          relative
            ? `Each scenario relative to ${input.labels[0]} (scenario / ${input.labels[0]} − 1, in %), monthly, ${period}; above 0: higher than in ${input.labels[0]}`
            : `Each scenario minus ${input.labels[0]}, monthly, ${period}${metric.unit === 'share' ? ', in percentage points' : ''}; above 0: higher than in ${input.labels[0]}`,
          ...(sharedFrom > 0 ? [`No change before ${formatMonth(input.sharedUntil!)}, where the scenarios part: not drawn`] : []),
          ...historyNote(dates, history, COMPARE_MARKS),
          ...(multi ? [`Lines: mean of the run-by-run changes (seed i against seed i); shaded: their 5th to 95th percentile`] : []),
        ],
        series: deltas,
        extra: [{ ...referenceLine(datesTable(dates), `No change from ${input.labels[0]}`, 0) }],
        y: changeAxis(relative ? 'relative' : metric.unit, `Change in ${metric.of === 'market' ? lowerFirstWord(title) : metric.title}`),
      })),
    });
  }
  return charts;
}

/** "Average token price" → "average token price", but "HHI of token sellers" stays: acronyms keep their case. */
function lowerFirstWord(text: string): string {
  const first = text.split(' ')[0] ?? '';
  return first === first.toUpperCase() ? text : text.charAt(0).toLowerCase() + text.slice(1);
}
