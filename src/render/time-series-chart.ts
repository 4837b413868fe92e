import type { ScaleOptions } from 'chart.js';
import { bandNote, type ChartData } from './chart-data.js';
import type { ChartDefinition } from './chart-definition.js';
import { monthlyLineChart, referenceLine, withLineSamples, type Dataset } from './chart-parts.js';
import { bandDatasets, legendWithoutBands, valueAxis, type BandSeries } from './ensemble/band-parts.js';
import { formatPercent } from './format.js';
import type { EventKind } from './history-marks.js';
import { entityStyle, REFERENCE_BAND_COLOUR, SERIES_COLOURS } from './palette.js';
import { entitiesConstantAt, entitiesWithoutValues, entitiesWithValues, entityValues, wholeRun } from './series.js';
import { marksOn, targetExtent, withTargetMarks, type ChartLines } from './target-marks.js';

/**
 * A monthly line chart as data: what it draws, in what unit, with which notes. One spec draws a
 * single run (its values) and an ensemble (the runs' mean, their 5th–95th percentile shaded) under
 * the same file name; timeSeriesChart turns it into the chart definition the renderer takes.
 */

export type TimeSeriesUnit = 'share' | 'usd' | 'usd-log' | 'count' | 'count-log';

export type AxisRange = Pick<ScaleOptions<'linear'>, 'min' | 'max' | 'suggestedMin' | 'suggestedMax' | 'beginAtZero'>;

export interface TimeSeriesSpec {
  readonly file: string;
  readonly title: string;
  /** One sentence on what the chart shows, for reports. */
  readonly describe: string;
  /** One line per entity that has values for a metric, in its colour; or named market-wide lines. */
  readonly lines: { readonly metric: string } | { readonly market: readonly { readonly metric: string; readonly label: string }[] };
  /** What is measured; ", monthly, <period>" is appended for the subtitle's first line. */
  readonly measured: string;
  /** Further subtitle lines. */
  readonly notes?: readonly string[];
  /** Shares are recorded 0..1 and drawn in percent; usd-log is a log axis, which cannot show 0. */
  readonly unit: TimeSeriesUnit;
  readonly yTitle: string;
  readonly range?: AxisRange;
  /**
   * Recorded values (0..1 for a share) at which an entity that sits there throughout is dashed,
   * so that lines beneath show through, and named, with what that means.
   */
  readonly flat?: readonly { readonly at: number; readonly meaning: string }[];
  /** Entities recorded without a value to draw (none, or none positive on a log axis) are named after this. */
  readonly missing?: string;
  /** Benchmarks: a dashed line at a value (in the drawn unit), shading up to `bandTo` when given. */
  readonly references?: readonly { readonly label: string; readonly value: number; readonly bandTo?: number }[];
  /** Kinds of scripted event this chart marks at their month (model releases on a share chart, contracts on a compute one). */
  readonly marks?: readonly EventKind[];
}

function drawable(values: readonly (number | null)[], positive: boolean): (number | null)[] {
  return values.map((v) => (v === null || (positive && v <= 0) ? null : v));
}

function scaled(column: Float64Array, length: number, scale: number, positive: boolean): (number | null)[] {
  return Array.from(column.subarray(0, length), (v) => (Number.isNaN(v) || (positive && v <= 0) ? null : v * scale));
}

/** The spec's lines as bands (a single run's have none), and the entities left out for want of values. */
function seriesOf(spec: TimeSeriesSpec, data: ChartData): { series: BandSeries[]; missing: string[] } {
  const scale = spec.unit === 'share' ? 100 : 1;
  const positive = spec.unit === 'usd-log' || spec.unit === 'count-log';
  const length = data.dates.length;
  const one = (metric: string, entity: string, style: { label: string; colour: string }, dashed: boolean): BandSeries => {
    const band = data.band(metric, entity);
    return {
      ...style,
      mean: drawable(entityValues(data.lines, metric, entity, scale), positive),
      ...(band ? { low: scaled(band.low, length, scale, positive), high: scaled(band.high, length, scale, positive) } : {}),
      ...(dashed ? { dashed } : {}),
    };
  };
  const hasValues = (s: BandSeries) => s.mean.some((v) => v !== null);
  if ('market' in spec.lines) {
    const series = spec.lines.market.map((l, i) => one(l.metric, 'market', { label: l.label, colour: marketLineColour(i) }, false));
    return { series: series.filter(hasValues), missing: [] };
  }
  const metric = spec.lines.metric;
  const flatIds = new Set((spec.flat ?? []).flatMap(({ at }) => entitiesConstantAt(data.lines, metric, at)));
  const drawn = entitiesWithValues(data.lines, metric).map((id) => ({
    id,
    series: one(metric, id, { label: entityStyle(id).name, colour: entityStyle(id).colour }, flatIds.has(id)),
  }));
  const missing = [...entitiesWithoutValues(data.lines, metric), ...drawn.filter((d) => !hasValues(d.series)).map((d) => d.id)];
  return { series: drawn.map((d) => d.series).filter(hasValues), missing: missing.map((id) => entityStyle(id).name) };
}

/** "Never short of compute (0% throughout, dashed): Anthropic, xAI", for each flat value some entity sits at. */
function flatNotes(spec: TimeSeriesSpec, data: ChartData): string[] {
  if (!('metric' in spec.lines)) return [];
  const metric = spec.lines.metric;
  return (spec.flat ?? []).flatMap(({ at, meaning }) => {
    const ids = entitiesConstantAt(data.lines, metric, at);
    if (ids.length === 0) return [];
    const shown = spec.unit === 'share' ? formatPercent(100 * at) : String(at);
    return [`${meaning} (${shown} throughout, dashed): ${ids.map((id) => entityStyle(id).name).join(', ')}`];
  });
}

function referenceDatasets(spec: TimeSeriesSpec, data: ChartData): Dataset[] {
  return (spec.references ?? []).map((ref) => ({
    ...referenceLine(data.lines, ref.label, ref.value),
    ...(ref.bandTo !== undefined ? { fill: { value: ref.bandTo }, backgroundColor: REFERENCE_BAND_COLOUR } : {}),
  }));
}

/** The lines a spec draws of a run: each entity with values in its colour, or the market's named lines. */
function linesOf(spec: TimeSeriesSpec, data: ChartData): ChartLines {
  const lines =
    'market' in spec.lines
      ? spec.lines.market.map((l, i) => ({ metric: l.metric, entity: 'market', colour: marketLineColour(i) }))
      : entitiesWithValues(data.lines, spec.lines.metric).map((id) => ({ metric: (spec.lines as { metric: string }).metric, entity: id, colour: entityStyle(id).colour }));
  return { unit: spec.unit, lines, everyEntity: true };
}

export function timeSeriesChart(spec: TimeSeriesSpec): ChartDefinition {
  const requires = 'metric' in spec.lines ? [spec.lines.metric] : spec.lines.market.map((l) => l.metric);
  return {
    file: spec.file,
    title: spec.title,
    describe: spec.describe,
    requires,
    lines: (data) => linesOf(spec, data),
    build(data, ctx) {
      const { series, missing } = seriesOf(spec, data);
      if (series.length === 0) return null;
      const marks = ctx.targets === undefined ? [] : marksOn(ctx.targets, linesOf(spec, data), data.dates);
      const flat = flatNotes(spec, data);
      const chart = monthlyLineChart({
        table: data.lines,
        ctx,
        title: spec.title,
        subtitle: [
          `${spec.measured}, monthly, ${wholeRun(data.lines).period}`,
          ...(spec.notes ?? []),
          ...(missing.length > 0 && spec.missing !== undefined ? [`${spec.missing}: ${missing.join(', ')}`] : []),
          ...flat,
          ...bandNote(data),
        ],
        datasets: [...bandDatasets(series), ...referenceDatasets(spec, data)],
        y: valueAxis(spec.unit, spec.yTitle, spec.range ?? {}, [...series, ...targetExtent(marks)]),
        ...(spec.marks !== undefined && { marks: spec.marks }),
      });
      const withoutBands = { ...chart, options: legendWithoutBands(chart.options as Parameters<typeof legendWithoutBands>[0]) } as typeof chart;
      const drawn = withTargetMarks(withoutBands, marks, data.dates.length);
      return flat.length > 0 ? withLineSamples(drawn) : drawn;
    },
  };
}

/** The i-th market line's colour: blue, then red, then the light blue, so two lines keep the strongest contrast. */
function marketLineColour(i: number): string {
  return SERIES_COLOURS[[0, 2, 1][i % 3]!]!;
}
