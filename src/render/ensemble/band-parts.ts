import type { ScaleOptions } from 'chart.js';
import type { MetricTable } from '../../metrics/metric-table.js';
import type { ChartConfig } from '../chart-definition.js';
import { commonOptions, line, monthAxis, monthLabels, type Dataset } from '../chart-parts.js';
import { logCountAxis, logUsdAxis, positiveExtent } from '../log-axis.js';
import { formatCount, formatPercent, formatUsd } from '../format.js';
import { translucent } from '../palette.js';
import type { AxisUnit } from '../chart-lines.js';

/**
 * Lines with an uncertainty band: the mean of an ensemble's runs, and the 5th–95th percentile of
 * the runs shaded beneath it in the line's colour. The band is two invisible lines, the upper one
 * filled down to the lower; neither appears in the legend.
 */

export interface BandSeries {
  readonly label: string;
  readonly colour: string;
  readonly mean: readonly (number | null)[];
  /** The band's edges; no band when absent (a single run). */
  readonly low?: readonly (number | null)[];
  readonly high?: readonly (number | null)[];
  readonly dashed?: boolean;
  /** A dash pattern of its own (over `dashed`), with its offset in px. */
  readonly dash?: { readonly pattern: readonly number[]; readonly offset: number };
  /** Drawn over every other line (chart.js otherwise draws the first dataset on top). */
  readonly onTop?: boolean;
}

const BAND_OPACITY = 0.16;
const BAND_LABEL = '\u0000band';

/** Whether a dataset is an invisible edge of a band rather than a line a reader sees. */
export function isBandEdge(dataset: { label?: string }): boolean {
  return dataset.label === BAND_LABEL;
}

export function bandDatasets(series: readonly BandSeries[], yAxisID?: string): Dataset[] {
  const axis = yAxisID === undefined ? {} : { yAxisID };
  return series.flatMap((s) => {
    const dash = s.dash ? { borderDash: [...s.dash.pattern], borderDashOffset: s.dash.offset } : s.dashed ? { borderDash: [10, 6] } : {};
    const mean: Dataset = { ...line(s.label, s.colour, [...s.mean]), ...axis, ...dash, ...(s.onTop ? { order: -1 } : {}), clip: 4 };
    if (!s.low || !s.high) return [mean];
    const edge = (data: readonly (number | null)[]): Dataset => ({
      ...line(BAND_LABEL, 'transparent', [...data]),
      ...axis,
      borderWidth: 0,
      pointRadius: 0,
      pointHoverRadius: 0,
    });
    const upper = { ...edge(s.high), fill: '-1', backgroundColor: translucent(s.colour, BAND_OPACITY) } as Dataset;
    // The mean is listed last so that it is drawn over the band.
    return [edge(s.low), upper, mean];
  });
}

/** Legend options that leave out the band edges. */
export function legendWithoutBands(options: ReturnType<typeof commonOptions>): ReturnType<typeof commonOptions> {
  const legend = options.plugins.legend;
  return {
    ...options,
    plugins: {
      ...options.plugins,
      legend: { ...legend, labels: { ...legend.labels, filter: (item: { text: string }) => item.text !== BAND_LABEL } },
    },
  } as ReturnType<typeof commonOptions>;
}

/** A table with only dates, for the month axis helpers. */
export function datesTable(dates: readonly string[]): MetricTable {
  return { dates, metricNames: () => [], series: () => new Map() };
}

/** A line chart over months whose lines may carry bands. */
export function monthlyBandChart(spec: {
  dates: readonly string[];
  title: string;
  /** What the chart is of, shown after the title: "scenario: baseline", "scenarios: baseline vs commoditized". */
  of: string;
  subtitle: string | string[];
  series: readonly BandSeries[];
  extra?: readonly Dataset[];
  y: ScaleOptions<'linear'> | ScaleOptions<'logarithmic'>;
}): ChartConfig {
  const table = datesTable(spec.dates);
  return {
    type: 'line',
    data: { labels: monthLabels(table), datasets: [...bandDatasets(spec.series), ...(spec.extra ?? [])] },
    options: {
      ...headedOptions(spec.title, spec.of, spec.subtitle),
      scales: { x: monthAxis(table), y: spec.y },
    },
  };
}

/** The shared header, legend and padding, titled "<title> — <of>", with band edges left out of the legend. */
export function headedOptions(title: string, of: string, subtitle: string | string[]): ReturnType<typeof commonOptions> {
  const options = legendWithoutBands(commonOptions(title, { scenario: '' }, subtitle));
  return { ...options, plugins: { ...options.plugins, title: { ...options.plugins.title, text: `${title} — ${of}` } } };
}

/** How a value axis labels its ticks. */
export type { AxisUnit };

/** The values of some bands, edges included: what a log axis must span. */
export function bandExtent(series: readonly BandSeries[]): { min: number; max: number } | undefined {
  return positiveExtent(series.flatMap((s) => [s.mean, s.low, s.high]));
}

/**
 * A plain value axis for a unit (shares must already be in percent). A log axis takes its ticks
 * from the series it draws, so that its labels span them.
 */
export function valueAxis(
  unit: AxisUnit,
  title: string,
  range: Pick<ScaleOptions<'linear'>, 'min' | 'max' | 'suggestedMin' | 'suggestedMax' | 'beginAtZero'> = {},
  series: readonly BandSeries[] = [],
): ScaleOptions<'linear'> | ScaleOptions<'logarithmic'> {
  if (unit === 'usd-log') return logUsdAxis(title, bandExtent(series));
  if (unit === 'count-log') return logCountAxis(title, bandExtent(series));
  const suffix = unit === 'share' ? ' (%)' : unit === 'usd' || unit === 'price' ? ' (USD)' : '';
  const format = (v: number) => (unit === 'share' ? formatPercent(v) : unit === 'count' ? formatCount(v) : formatUsd(v));
  return { type: 'linear', ...range, title: { display: true, text: `${title}${suffix}`, font: { size: 13 } }, ticks: { callback: (v) => format(Number(v)) } };
}

/** An axis of changes: "+5 pp", "−$1.2B", "+300", or relative changes "−40%". */
export function changeAxis(unit: AxisUnit | 'relative', title: string): ScaleOptions<'linear'> {
  const signed = (text: string, v: number) => (v > 0 ? `+${text}` : text);
  const format = (v: number) => {
    if (unit === 'share') return signed(`${formatPercent(v).replace('%', '')} pp`, v);
    if (unit === 'relative') return signed(formatPercent(v), v);
    if (unit === 'count' || unit === 'count-log') return signed(formatCount(v).replace('-', '\u2212'), v);
    return signed(formatUsd(v), v);
  };
  const suffix = unit === 'share' ? ' (percentage points)' : unit === 'relative' ? ' (%)' : unit === 'count' || unit === 'count-log' ? '' : ' (USD)';
  return { type: 'linear', title: { display: true, text: `${title}${suffix}`, font: { size: 13 } }, ticks: { callback: (v) => format(Number(v)) } };
}
