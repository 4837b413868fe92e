import type { Chart, ScaleOptions } from 'chart.js';
import { targetWindow, type Target } from '../calibration/target-file.js';
import type { ChartConfig } from './chart-definition.js';
import type { AxisUnit, ChartLines } from './chart-lines.js';
import type { BandSeries } from './ensemble/band-parts.js';
import { formatCount, formatMonth, formatPercent, formatUsd } from './format.js';
import { LABEL_OFFSET, layoutLabels, type LabelPlace } from './label-layout.js';
import { translucent } from './palette.js';

/**
 * A targets file's figures on the charts of the metrics they measure (simulate and compare
 * --targets): a figure at one month is a diamond at the figure its source reported (`value`), or
 * at the middle of its band when the source gave a range, with the band as an error bar; a mean or
 * a highest/lowest over a window is its band as a box over those months, with a line at the same
 * figure. Each is labelled with its source, its months and, in the chart's units, the reported
 * figure ("Menlo Ventures Jun 2025: 32%") or else the band ("Press reports Jul–Aug 2025: band
 * $3–6.25B"), never a middle the source did not report. What a target cannot be drawn as (a growth,
 * a ratio of two metrics, a sum over months) is said in words by placeTargets, for the report.
 */

export type { ChartLines } from './chart-lines.js';

export interface TargetMark {
  readonly id: string;
  /** First and last month on the chart's axis (indices of its dates); equal for a figure at one month. */
  readonly from: number;
  readonly to: number;
  readonly window: boolean;
  /** The band in the chart's units (shares in %); an open end is ±Infinity. */
  readonly low: number;
  readonly high: number;
  /** The figure the source reported, in the chart's units, when it gave one and the axis can show it. */
  readonly reported?: number;
  readonly label: string;
  readonly colour: string;
}

/** Targets over every entity, or of a chart without a line per entity, are drawn in this. */
export const TARGET_COLOUR = '#333333';

export const TARGET_LEGEND = 'Targets: ◆ reported figure (else the band’s middle), bar or box: the band';

/** Why a target cannot be drawn on any chart, whatever the charts are; undefined when it can. */
export function notDrawable(target: Target): string | undefined {
  if (target.notModelled !== undefined) return `not modelled: ${target.notModelled}`;
  if (target.aggregate === 'growth') return 'a growth (the value at `to` ÷ the value at `from`) has no level to draw';
  if (target.per !== undefined) return `a ratio of two metrics (${target.metric} ÷ ${target.per}), which no chart draws`;
  if (target.aggregate === 'sum') return 'a sum over months is not on the scale of a monthly chart';
  return undefined;
}

/** The chart's line a target is about, if it draws one. */
function lineOf(target: Target, chart: ChartLines): { colour: string } | undefined {
  if (target.entity === '*') return chart.everyEntity && chart.lines.some((l) => l.metric === target.metric) ? { colour: TARGET_COLOUR } : undefined;
  const line = chart.lines.find((l) => l.metric === target.metric && l.entity === target.entity);
  return line === undefined ? undefined : { colour: line.colour ?? TARGET_COLOUR };
}

/** The targets a chart draws, in the file's order: those of its lines whose months are on its axis. */
export function marksOn(targets: readonly Target[], chart: ChartLines, dates: readonly string[]): TargetMark[] {
  const index = new Map(dates.map((d, i) => [d, i]));
  const scale = chart.unit === 'share' ? 100 : 1;
  return targets.flatMap((target) => {
    if (notDrawable(target) !== undefined) return [];
    const line = lineOf(target, chart);
    const { from, to } = targetWindow(target);
    const [first, last] = [index.get(from), index.get(to)];
    if (line === undefined || first === undefined || last === undefined) return [];
    // A log axis has no 0: a band from 0 is open below there, and a reported 0 has no place on it.
    const log = chart.unit === 'usd-log' || chart.unit === 'count-log';
    const low = log && target.band[0] <= 0 ? Number.NEGATIVE_INFINITY : target.band[0] * scale;
    const reported = target.value === undefined || (log && target.value <= 0) ? undefined : target.value * scale;
    return [
      {
        id: target.id, from: first, to: last, window: first !== last, low, high: target.band[1] * scale,
        ...(reported !== undefined && { reported }), label: targetLabel(target, chart.unit), colour: line.colour,
      },
    ];
  });
}

export interface TargetPlacement {
  readonly target: Target;
  /** The charts that draw it, in their order. */
  readonly charts: readonly string[];
  /** Why no chart draws it. */
  readonly reason?: string;
}

/** Which charts draw each target, or why none does: what the report says of each. */
export function placeTargets(targets: readonly Target[], charts: readonly { readonly file: string; readonly lines: ChartLines; readonly dates: readonly string[] }[]): TargetPlacement[] {
  return targets.map((target) => {
    const reason = notDrawable(target);
    if (reason !== undefined) return { target, charts: [], reason };
    const files = charts.filter((chart) => marksOn([target], chart.lines, chart.dates).length > 0).map((chart) => chart.file);
    if (files.length > 0) return { target, charts: files };
    const entity = target.entity === '*' ? 'every entity' : target.entity;
    return { target, charts: [], reason: charts.length === 0 ? 'no charts were drawn (--no-charts)' : `no chart of this job draws ${target.metric} of ${entity}` };
  });
}

/** "Menlo Ventures Jun 2025: 32%": the source's name, the months, the reported figure (or the band) in the chart's units. */
export function targetLabel(target: Target, unit: AxisUnit): string {
  return `${sourceName(target.source)} ${describeMonths(target)}: ${describeFigure(target, unit)}`;
}

/** "Menlo Ventures, mid-2025 update (survey …): …" → "Menlo Ventures": the first two words before any punctuation. */
export function sourceName(source: string): string {
  const head = source.split(/[,:;(–—]| via /)[0]!.trim();
  return head.split(/\s+/).slice(0, 2).join(' ');
}

/** "Jun 2025", "2024" for a calendar year, "Sep–Dec 2024", "Dec 2024–Jun 2025". */
function describeMonths(target: Target): string {
  const { from, to } = targetWindow(target);
  if (from === to) return formatMonth(from);
  const [fromYear, fromMonth] = from.split('-');
  const [toYear, toMonth] = to.split('-');
  if (fromYear === toYear && fromMonth === '01' && toMonth === '12') return fromYear!;
  return fromYear === toYear ? `${formatMonth(from).slice(0, 3)}–${formatMonth(to)}` : `${formatMonth(from)}–${formatMonth(to)}`;
}

/**
 * The reported figure ("32%"), else the band ("band 26–38%") or its one end ("≤ 70%"), in the
 * chart's units; "highest"/"lowest" for max and min. A band's middle is not a figure anyone
 * reported (Anthropic's "~$4–5B" is not $4.63B), so a label never shows it.
 */
function describeFigure(target: Target, unit: AxisUnit): string {
  const format = (value: number) => (unit === 'share' ? formatPercent(100 * value) : unit === 'count' || unit === 'count-log' ? formatCount(value) : formatUsd(value));
  const [low, high] = target.band;
  const prefix = target.aggregate === 'max' ? 'highest ' : target.aggregate === 'min' ? 'lowest ' : '';
  if (target.value !== undefined) return `${prefix}${format(target.value)}`;
  if (Number.isFinite(low) && Number.isFinite(high)) return `${prefix}band ${describeRange(format(low), format(high))}`;
  return Number.isFinite(high) ? `${prefix}≤ ${format(high)}` : `${prefix}≥ ${format(low)}`;
}

/** "26–38%", "$3–6.25B": a unit and a currency written once when both ends share them. */
function describeRange(low: string, high: string): string {
  const suffix = (text: string) => /[%KMBT]$/.exec(text)?.[0];
  const from = suffix(low) !== undefined && suffix(low) === suffix(high) ? low.slice(0, -1) : low;
  const to = low.startsWith('$') && high.startsWith('$') ? high.slice(1) : high;
  return `${from}–${to}`;
}

/** Finite ends of the marks' bands, as a series a value axis must span (a log axis takes its ticks from them). */
export function targetExtent(marks: readonly TargetMark[]): BandSeries[] {
  const ends = marks.flatMap((m) => [m.low, m.high, ...(figureOf(m) === undefined ? [] : [figureOf(m)!])]).filter(Number.isFinite);
  return ends.length === 0 ? [] : [{ label: '', colour: TARGET_COLOUR, mean: ends }];
}

const LABEL_FONT = 10;
/** DejaVu Sans averages about 0.6 em a character; padding and border add the rest. */
const labelWidth = (label: string) => label.length * 0.6 * LABEL_FONT + 8;
/** Months between the bars of one month's targets, so that overlapping bands stay apart. */
const BAR_SPACING = 0.4;

/** Where the diamond (or a window's line) goes: the reported figure, else the middle of a band closed at both ends. */
export function figureOf(mark: TargetMark): number | undefined {
  if (mark.reported !== undefined) return mark.reported;
  return Number.isFinite(mark.low) && Number.isFinite(mark.high) ? (mark.low + mark.high) / 2 : undefined;
}

/** Where a label is pinned: its height in the chart's units (the diamond's, or the band's one end). */
function anchorOf(mark: TargetMark): number {
  return figureOf(mark) ?? (Number.isFinite(mark.high) ? mark.high : mark.low);
}

/** The bar of the k-th of n targets at one month, spread about the month. */
function barAt(month: number, k: number, n: number): number {
  return month + (k - (n - 1) / 2) * BAR_SPACING;
}

/** chart.js annotations (chartjs-plugin-annotation) drawing the marks on a monthly chart of `months` months. */
export function targetAnnotations(marks: readonly TargetMark[], months: number): Record<string, unknown> {
  const annotations: Record<string, unknown> = {};
  const finite = (v: number) => (Number.isFinite(v) ? v : undefined);
  const groupKeys = [...new Set(marks.map((m) => `${m.from}-${m.to}`))];
  const groupOf = (mark: TargetMark) => groupKeys.indexOf(`${mark.from}-${mark.to}`);
  const xsOf = marks.map((mark) => {
    // A window's box spans its months' half-months either side, within the axis: annotations are not clipped.
    if (mark.window) return { left: Math.max(0, mark.from - 0.5), right: Math.min(months - 1, mark.to + 0.5), bar: undefined };
    const group = marks.filter((m) => groupOf(m) === groupOf(mark));
    const bar = barAt(mark.from, group.indexOf(mark), group.length);
    return { left: barAt(mark.from, 0, group.length) - 0.3, right: barAt(mark.from, group.length - 1, group.length) + 0.3, bar };
  });
  // Laid out from the chart's scales each time the plugin reads its options: only the last time, once the chart is laid out, draws.
  const layout = (chart: Chart): LabelPlace[] => {
    const [x, y] = [chart.scales.x, chart.scales.y];
    // Options are also read before the chart is laid out: labels go right until it is.
    if (x === undefined || y === undefined || chart.chartArea === undefined) return marks.map(() => ({ side: 'right', x: 0, dy: 0 }));
    const placed = layoutLabels(
      marks.map((mark, i) => ({
        left: x.getPixelForValue(xsOf[i]!.left),
        right: x.getPixelForValue(xsOf[i]!.right),
        y: y.getPixelForValue(anchorOf(mark)),
        width: labelWidth(mark.label),
        group: groupOf(mark),
      })),
      // Labels are not clipped: one may reach into the padding right of the plot, not past the canvas.
      { left: chart.chartArea.left, right: chart.width - 4, top: chart.chartArea.top, bottom: chart.chartArea.bottom },
    );
    return placed;
  };
  marks.forEach((mark, i) => {
    const key = `target-${mark.id}`;
    const [low, high] = [finite(mark.low), finite(mark.high)];
    const figure = figureOf(mark);
    const { left, right, bar } = xsOf[i]!;
    if (bar === undefined) {
      if (low !== undefined && high !== undefined) {
        annotations[`${key}-box`] = {
          type: 'box', xMin: left, xMax: right, yMin: low, yMax: high,
          backgroundColor: translucent(mark.colour, 0.14), borderColor: mark.colour, borderWidth: 1.5, borderDash: [5, 3], drawTime: 'beforeDatasetsDraw',
        };
        annotations[`${key}-figure`] = { type: 'line', xMin: left, xMax: right, yMin: figure, yMax: figure, borderColor: mark.colour, borderWidth: 2.5, drawTime: 'afterDatasetsDraw' };
      } else {
        // A band open on one side: its bound over the window, without shading half the chart.
        const bound = low ?? high;
        annotations[`${key}-bound`] = { type: 'line', xMin: left, xMax: right, yMin: bound, yMax: bound, borderColor: mark.colour, borderWidth: 2.5, borderDash: [6, 3], drawTime: 'afterDatasetsDraw' };
        if (figure !== undefined) annotations[`${key}-figure`] = { type: 'line', xMin: left, xMax: right, yMin: figure, yMax: figure, borderColor: mark.colour, borderWidth: 2.5, drawTime: 'afterDatasetsDraw' };
      }
    } else {
      annotations[`${key}-bar`] = { type: 'line', xMin: bar, xMax: bar, yMin: low, yMax: high, borderColor: mark.colour, borderWidth: 2, drawTime: 'afterDatasetsDraw' };
      for (const [end, value] of [['low', low], ['high', high]] as const) {
        if (value !== undefined) annotations[`${key}-${end}`] = { type: 'line', xMin: bar - 0.25, xMax: bar + 0.25, yMin: value, yMax: value, borderColor: mark.colour, borderWidth: 2, drawTime: 'afterDatasetsDraw' };
      }
      if (figure !== undefined) {
        annotations[`${key}-point`] = {
          type: 'point', xValue: bar, yValue: figure, pointStyle: 'rectRot', radius: 6,
          backgroundColor: mark.colour, borderColor: '#ffffff', borderWidth: 1.5, drawTime: 'afterDatasetsDraw',
        };
      }
    }
    annotations[`${key}-label`] = {
      type: 'label',
      xValue: ({ chart }: { chart: Chart }) => (layout(chart)[i]!.side === 'right' ? right : left),
      xAdjust: ({ chart }: { chart: Chart }) => (layout(chart)[i]!.side === 'right' ? LABEL_OFFSET : -LABEL_OFFSET),
      yValue: anchorOf(mark),
      content: mark.label,
      position: ({ chart }: { chart: Chart }) => ({ x: layout(chart)[i]!.side === 'right' ? 'start' : 'end', y: 'center' }),
      yAdjust: ({ chart }: { chart: Chart }) => layout(chart)[i]!.dy,
      color: '#222222',
      backgroundColor: 'rgba(255, 255, 255, 0.85)',
      borderColor: mark.colour,
      borderWidth: 1,
      borderRadius: 2,
      font: { size: LABEL_FONT },
      padding: { top: 1, bottom: 1, left: 3, right: 3 },
      drawTime: 'afterDatasetsDraw',
    };
  });
  return annotations;
}

/**
 * A monthly chart with the marks drawn over it: their annotations beside the chart's own (history,
 * branch), an entry in the legend saying what they are, and a linear value axis stretched to their
 * bands (a log axis is given them by targetExtent when built). The chart as it was without marks.
 */
export function withTargetMarks(config: ChartConfig, marks: readonly TargetMark[], months: number): ChartConfig {
  if (marks.length === 0) return config;
  const options = config.options as { plugins: { annotation?: { annotations: Record<string, unknown> } }; scales: { y: ScaleOptions<'linear'> } };
  const y = options.scales.y;
  const ends = targetExtent(marks).flatMap((s) => s.mean.filter((v): v is number => v !== null));
  const stretched =
    y.type === 'linear' && ends.length > 0
      ? {
          ...(y.min === undefined && { suggestedMin: Math.min(y.suggestedMin === undefined ? Number.POSITIVE_INFINITY : Number(y.suggestedMin), ...ends) }),
          ...(y.max === undefined && { suggestedMax: Math.max(y.suggestedMax === undefined ? Number.NEGATIVE_INFINITY : Number(y.suggestedMax), ...ends) }),
        }
      : {};
  const legend = {
    type: 'line' as const,
    label: TARGET_LEGEND,
    data: Array.from({ length: months }, () => null),
    borderColor: TARGET_COLOUR,
    backgroundColor: translucent(TARGET_COLOUR, 0.14),
    borderWidth: 2,
    pointRadius: 0,
    showLine: false,
  };
  return {
    ...config,
    data: { ...config.data, datasets: [...config.data.datasets, legend] },
    options: {
      ...options,
      // Unclipped, so that a target at the first or last month is drawn whole.
      plugins: { ...options.plugins, annotation: { clip: false, annotations: { ...(options.plugins.annotation?.annotations ?? {}), ...targetAnnotations(marks, months) } } },
      scales: { ...options.scales, y: { ...y, ...stretched } },
    },
  } as ChartConfig;
}
