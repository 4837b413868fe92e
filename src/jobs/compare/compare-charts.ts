import { pairedDifferences, type EnsembleTable } from '../../ensemble/ensemble-table.js';
import type { MetricTable } from '../../metrics/metric-table.js';
import { referenceLine, withLineSamples } from '../../render/chart-parts.js';
import type { ChartConfig } from '../../render/chart-definition.js';
import { formatPeriod } from '../../render/format.js';
import { NO_HISTORY, type EventKind, type RunHistory } from '../../render/history-marks.js';
import { entityStyle, scenarioColour, SCENARIO_COLOURS } from '../../render/palette.js';
import type { ChartToRender } from '../../render/render-configs.js';
import { changeAxis, datesTable, monthlyBandChart, valueAxis, type AxisUnit, type BandSeries } from '../../render/ensemble/band-parts.js';
import type { Target } from '../../calibration/target-file.js';
import { marksOn, targetExtent, TARGET_COLOUR, withTargetMarks, type ChartLines } from '../../render/target-marks.js';
import { chartEntity, courseNotes, type ChartEntity } from './chart-focus.js';
import { coincidences, dashOf, type AxisShape, type Coincidence } from './coinciding-lines.js';
import { comparisonAnnotations, comparisonHistoryNote, type ComparedHistory } from './compare-marks.js';
import type { ScenarioParting } from './scenario-parting.js';

/**
 * Comparison charts: for each key metric, one line per scenario (each scenario in the same colour
 * on every chart), and the change of every other scenario against the first. Metrics of a vendor
 * or a cloud follow one entity, the focus, unless it does not move (chart-focus.ts). A branch's
 * line starts where it parts from the first, marked with its own events (compare-marks.ts); a line
 * lying on another is drawn over it, dashed (coinciding-lines.ts).
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
  /** The vendor and cloud charts follow, and whether --vendor and --cloud asked for them (else a chart may follow another, see chart-focus.ts). */
  readonly focus: { readonly vendor: string; readonly cloud: string; readonly asked?: { readonly vendor?: boolean; readonly cloud?: boolean } };
  /** "8 runs, seeds 1–8 per scenario" */
  readonly runsNote: string;
  /**
   * Where each scenario parts from the first, in order (scenario-parting.ts): its line starts
   * there (the months before are the first's, drawn once), marked with its own events.
   */
  readonly partings?: readonly ScenarioParting[];
  /** The first scenario's scripted events and history window, marked on every chart. */
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
  /** Why the chart follows another entity than the focus, for comparison.md. */
  readonly followsInstead?: string;
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

/**
 * Lines that lie on an earlier one drawn over it, dashed, and named in the legend ("commoditized
 * (same as baseline)"); `same` says what to add to a label.
 */
function withCoincidences(series: readonly BandSeries[], axis: AxisShape, same: (i: number, c: Coincidence) => string | undefined): BandSeries[] {
  const found = coincidences(series.map((s) => s.mean), axis);
  return series.map((s, i) => {
    const c = found[i];
    if (c === undefined) return s;
    const { dash, dashOffset } = dashOf(c);
    const note = same(i, c);
    return { ...s, label: note === undefined ? s.label : `${s.label} (${note})`, dash: { pattern: dash, offset: dashOffset }, onTop: true };
  });
}

/** Legend samples as lines when some line is dashed, listed in the scenarios' order whatever is drawn on top. */
function withLegendForDashes(config: ChartConfig, series: readonly BandSeries[]): ChartConfig {
  if (!series.some((s) => s.dashed || s.dash)) return config;
  const sampled = withLineSamples(config);
  const options = sampled.options as { plugins: { legend: { labels: object } } };
  const sort = (a: { datasetIndex?: number }, b: { datasetIndex?: number }) => (a.datasetIndex ?? 0) - (b.datasetIndex ?? 0);
  return {
    ...sampled,
    options: { ...options, plugins: { ...options.plugins, legend: { ...options.plugins.legend, labels: { ...options.plugins.legend.labels, sort } } } } as ChartConfig['options'],
  };
}

export function compareCharts(input: CompareChartsInput): CompareChart[] {
  const dates = commonDates(input.ensembles);
  const period = dates.length > 0 ? formatPeriod(dates[0]!, dates.at(-1)!) : '';
  const multi = input.ensembles.some((e) => e.runs > 1);
  const of = `scenarios: ${input.labels.join(' vs ')}`;
  const first = input.labels[0]!;
  const bandNote = multi ? [`Lines: mean of ${input.runsNote}; shaded: 5th to 95th percentile of the runs`] : [];
  const partings = input.partings ?? [];
  // A scenario's line starts where it parts from the first (from the month before, to join it); the months before are the first's.
  const startOf = input.labels.map((_, i) => {
    const at = partings[i]?.partsAt === undefined ? -1 : dates.indexOf(partings[i]!.partsAt!);
    return at > 0 ? at - 1 : 0;
  });
  const compared: ComparedHistory = {
    first,
    history: input.history ?? NO_HISTORY,
    others: input.labels.slice(1).map((label, j) => ({ label, colour: scenarioColour(j + 1), parting: partings[j + 1] ?? { own: [] } })),
  };
  const marksNote = comparisonHistoryNote(dates, compared, COMPARE_MARKS);
  const annotation = comparisonAnnotations(dates, compared, COMPARE_MARKS);
  const marked = (config: ChartConfig): ChartConfig => {
    if (!annotation) return config;
    const options = config.options as { plugins: object };
    return { ...config, options: { ...options, plugins: { ...options.plugins, annotation } } as ChartConfig['options'] };
  };
  const charts: CompareChart[] = [];
  for (const metric of COMPARE_METRICS) {
    const focus = entityOf(metric, input.focus);
    const chosen: ChartEntity =
      metric.of === 'market' ? { entity: focus } : chartEntity({ ensembles: input.ensembles, metric: metric.metric, focus, asked: input.focus.asked?.[metric.of] === true });
    const entity = chosen.entity;
    const { chart: course, report: followsInstead } = metric.of === 'market' ? {} : courseNotes({ chosen, focus, metricTitle: metric.title, unit: metric.unit, kind: metric.of });
    const flat = chosen.insteadOf === undefined && chosen.focusCourse?.kind === 'flat' ? chosen.focusCourse.value : undefined;
    const name = metric.of === 'market' ? '' : `${entityStyle(entity).name} `;
    const title = `${name}${metric.title}`.replace(/^./, (c) => c.toUpperCase());
    const scale = metric.unit === 'share' ? 100 : 1;
    const positive = metric.unit === 'usd-log';
    const levels: BandSeries[] = input.ensembles.map((ensemble, i) => {
      const stats = ensemble.series(metric.metric).get(entity);
      const own = (values: (number | null)[]) => values.map((v, t) => (t < startOf[i]! ? null : v));
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
    if (!levels.some((s) => s.mean.some((v) => v !== null))) continue;
    const series = withCoincidences(levels, { log: positive, fromZero: metric.unit === 'share' || flat !== undefined }, (_, c) => (c.exact ? `same as ${input.labels[c.on]}` : `within a line's width of ${input.labels[c.on]}`));
    const lines = overlayLines(metric, entity);
    const marks = marksOn(input.targets ?? [], lines, dates);
    // A value the same throughout gets an axis from 0 (to 100 % for a share), not chart.js's ±1 around it.
    const range = flat !== undefined && flat >= 0 && metric.unit !== 'usd-log' ? (metric.unit === 'share' && flat <= 1 ? { min: 0, max: 100 } : { beginAtZero: true }) : {};
    charts.push({
      metric,
      entity,
      kind: 'overlay',
      lines,
      file: compareFile(metric, entity, 'overlay'),
      title,
      description: `${title}, monthly, one line per scenario.`,
      ...(followsInstead !== undefined && { followsInstead }),
      config: withLegendForDashes(withTargetMarks(marked(
        monthlyBandChart({
          dates,
          title,
          of,
          subtitle: [
            `${title}, monthly, ${period}; one line per scenario`,
            ...(metric.note ? [metric.note] : []),
            ...(course ? [course] : []),
            ...marksNote,
            ...bandNote,
          ],
          series,
          y: valueAxis(metric.unit, title.length > 48 ? metric.title : title, metric.unit === 'share' ? { suggestedMin: 0, ...range } : range, [...series, ...targetExtent(marks)]),
        }),
      ), marks, dates.length), series),
    });
    if (input.ensembles.length < 2) continue;
    // Prices move by factors (a fall from $10 to $5 matters as much as one from $2 to $1): their change is relative.
    const relative = metric.unit === 'usd-log';
    const changes: BandSeries[] = input.ensembles.slice(1).map((_, j) => {
      const i = j + 1;
      const differences = pairedDifferences({ base: input.runs[0]!, other: input.runs[i]!, metric: metric.metric, entity, dates, change: relative ? 'relative' : 'difference' });
      // No change before a scenario parts from the first: that stretch is left undrawn rather than drawn as zero.
      const scaled = (column: Float64Array) => Array.from(column, (v, t) => (Number.isNaN(v) || t < startOf[i]! ? null : v * (relative ? 100 : scale)));
      return {
        label: relative ? `${input.labels[i]} against ${first}` : `${input.labels[i]} − ${first}`,
        colour: scenarioColour(i),
        dashed: i >= SCENARIO_COLOURS.length,
        mean: scaled(differences.mean),
        ...(multi ? { low: scaled(differences.p5), high: scaled(differences.p95) } : {}),
      };
    });
    if (!changes.some((s) => s.mean.some((v) => v !== null))) continue;
    const none = changes.map((s) => s.mean.every((v) => v === null || v === 0));
    const deltas = withCoincidences(
      changes.map((s, j) => (none[j] ? { ...s, label: `${s.label} (no change)` } : s)),
      { fromZero: true },
      (j, c) => (none[j] ? undefined : `${c.exact ? 'same as' : "within a line's width of"} ${input.labels[c.on + 1]}'s change`),
    );
    const deltaTitle = `Change against ${first}: ${title}`;
    charts.push({
      metric,
      entity,
      kind: 'delta',
      file: compareFile(metric, entity, 'delta'),
      title: deltaTitle,
      description: `${title}: each scenario ${relative ? `relative to ${first} (%)` : `minus ${first}`}, month by month${multi ? ', run by run (seed i against seed i)' : ''}.`,
      config: withLegendForDashes(marked(monthlyBandChart({
        dates,
        title: deltaTitle,
        of,
        subtitle: [
          relative
            ? `Each scenario relative to ${first} (scenario / ${first} − 1, in %), monthly, ${period}; above 0: higher than in ${first}`
            : `Each scenario minus ${first}, monthly, ${period}${metric.unit === 'share' ? ', in percentage points' : ''}; above 0: higher than in ${first}`,
          ...(course ? [course] : []),
          ...(none.every(Boolean) ? [`No scenario changes it in any month`] : []),
          ...marksNote,
          ...(multi ? [`Lines: mean of the run-by-run changes (seed i against seed i); shaded: their 5th to 95th percentile`] : []),
        ],
        series: deltas,
        extra: [{ ...referenceLine(datesTable(dates), `No change from ${first}`, 0) }],
        y: changeAxis(relative ? 'relative' : metric.unit, `Change in ${metric.of === 'market' ? lowerFirstWord(title) : metric.title}`),
      })), deltas),
    });
  }
  return charts;
}

/** "Average token price" → "average token price", but "HHI of token sellers" stays: acronyms keep their case. */
function lowerFirstWord(text: string): string {
  const first = text.split(' ')[0] ?? '';
  return first === first.toUpperCase() ? text : text.charAt(0).toLowerCase() + text.slice(1);
}
