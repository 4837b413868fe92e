import type { Chart, ChartDataset, ScaleOptions } from 'chart.js';
import type { MetricTable } from '../metrics/metric-table.js';
import type { ChartConfig, ChartContext } from './chart-definition.js';
import { formatMonth, formatPercent, formatUsd } from './format.js';
import { entityStyle, REFERENCE_COLOUR, SERIES_COLOURS } from './palette.js';
import { historyAnnotations, historyNote, type EventKind, type RunHistory } from './history-marks.js';
import { entitiesWithValues, entityValues } from './series.js';

/** Building blocks every chart shares: header, legend, axes and datasets, so all charts read alike. */

export type Dataset = ChartDataset<'line' | 'bar', (number | null)[]>;

/** Title with the scenario, subtitle saying what is measured, legend, and room so lines do not touch the edge. */
export function commonOptions(title: string, ctx: ChartContext, subtitle: string | string[]) {
  return {
    layout: { padding: { left: 8, right: 24, top: 4, bottom: 4 } },
    plugins: {
      title: {
        display: true,
        text: `${title} — scenario: ${ctx.scenario}`,
        font: { size: 18, weight: 'bold' as const },
        padding: { top: 6, bottom: 4 },
      },
      subtitle: { display: true, text: subtitle, font: { size: 13 }, color: '#444444', padding: { bottom: 10 } },
      legend: { display: true, position: 'top' as const, labels: { boxWidth: 28, font: { size: 13 } } },
    },
  };
}

/** The monthly x axis: "Jan 2024" labels, thinned to calendar-aligned months so they never overlap. */
export function monthAxis(table: MetricTable): ScaleOptions<'category'> {
  const step = monthLabelStep(table.dates.length);
  return {
    type: 'category',
    title: { display: true, text: 'Month', font: { size: 13 } },
    ticks: {
      autoSkip: false,
      maxRotation: 0,
      callback: (_value, index) => {
        const date = table.dates[index] ?? '';
        return (Number(date.slice(5, 7)) - 1) % step === 0 ? formatMonth(date) : '';
      },
    },
    grid: { display: false },
  };
}

export function monthLabels(table: MetricTable): string[] {
  return table.dates.map(formatMonth);
}

/** 1, 2, 3, 6 or 12 months between labels: the smallest that keeps about a dozen labels. */
function monthLabelStep(months: number): number {
  return [1, 2, 3, 6, 12].find((step) => months / step <= 13) ?? 12 * Math.ceil(months / (12 * 13));
}

/** A value axis in percent; values must already be in percentage points (share × 100). */
export function percentAxis(
  title: string,
  range: Pick<ScaleOptions<'linear'>, 'min' | 'max' | 'suggestedMin' | 'suggestedMax'> = {},
): ScaleOptions<'linear'> {
  return {
    type: 'linear',
    ...range,
    title: { display: true, text: `${title} (%)`, font: { size: 13 } },
    ticks: { callback: (value) => formatPercent(Number(value)) },
  };
}

export function usdAxis(title: string): ScaleOptions<'linear'> {
  return {
    type: 'linear',
    beginAtZero: true,
    title: { display: true, text: `${title} (USD)`, font: { size: 13 } },
    ticks: { callback: (value) => formatUsd(Number(value)) },
  };
}

/** One line per entity that has values for the metric, in its palette colour. */
export function entityLines(table: MetricTable, metric: string, scale = 1): Dataset[] {
  return entitiesWithValues(table, metric).map((id) => {
    const { name, colour } = entityStyle(id);
    return line(name, colour, entityValues(table, metric, id, scale));
  });
}

export function line(label: string, colour: string, data: (number | null)[]): Dataset {
  return {
    type: 'line',
    label,
    data,
    borderColor: colour,
    backgroundColor: colour,
    borderWidth: 2.5,
    pointRadius: 0,
    tension: 0,
    spanGaps: false,
  };
}

/** A dashed horizontal benchmark across the whole run, e.g. an industry norm or a regulatory threshold. */
export function referenceLine(table: MetricTable, label: string, value: number): Dataset {
  return {
    ...line(label, REFERENCE_COLOUR, table.dates.map(() => value)),
    borderWidth: 1.5,
    borderDash: [8, 5],
    backgroundColor: 'transparent',
  };
}

/**
 * A line chart over months with one value axis (id "y"). With the run's history in the context, it
 * shades the scripted months, marks the branch month and the events of the kinds given.
 */
export function monthlyLineChart(spec: {
  table: MetricTable;
  ctx: ChartContext;
  title: string;
  subtitle: string | string[];
  datasets: Dataset[];
  y: ScaleOptions<'linear'> | ScaleOptions<'logarithmic'>;
  marks?: readonly EventKind[];
}): ChartConfig {
  const subtitle = [...(Array.isArray(spec.subtitle) ? spec.subtitle : [spec.subtitle]), ...historyNote(spec.table.dates, spec.ctx.history, spec.marks ?? [])];
  const options = commonOptions(spec.title, spec.ctx, subtitle);
  return {
    type: 'line',
    data: { labels: monthLabels(spec.table), datasets: spec.datasets },
    options: {
      ...withHistory(options, spec.table.dates, spec.ctx.history, spec.marks ?? []),
      scales: { x: monthAxis(spec.table), y: spec.y },
    },
  };
}

/** Chart options with the history's annotations added, when there is any to draw. */
export function withHistory<T extends { plugins: object }>(options: T, dates: readonly string[], history: RunHistory | undefined, marks: readonly EventKind[]): T {
  const annotation = history ? historyAnnotations(dates, history, marks) : null;
  return annotation ? { ...options, plugins: { ...options.plugins, annotation } } : options;
}

/**
 * Legend entries drawn as short line samples instead of filled boxes, for charts that tell lines apart by dash
 * pattern: a box would show the dashes only as a broken border.
 */
export function withLineSamples(chart: ChartConfig): ChartConfig {
  const options = chart.options as ReturnType<typeof commonOptions>;
  const legend = options.plugins.legend;
  return {
    ...chart,
    options: {
      ...options,
      plugins: {
        ...options.plugins,
        legend: {
          ...legend,
          labels: {
            ...legend.labels,
            usePointStyle: true,
            pointStyle: 'line' as const,
            pointStyleWidth: 36,
            // With point styles, chart.js takes the sample's style from the (dashless) points: put the dashes back.
            // The Chart class is the renderer's own (chartjs-node-canvas loads chart.js itself), hence the constructor.
            generateLabels: (chart: Chart) =>
              (chart.constructor as typeof Chart).defaults.plugins.legend.labels.generateLabels(chart).map((item) => ({
                ...item,
                lineDash: (chart.data.datasets[item.datasetIndex ?? -1] as { borderDash?: number[] } | undefined)
                  ?.borderDash,
              })),
          },
        },
      },
    } as ChartConfig['options'],
  };
}

/** Stacked bars, one per category (vendor, cloud), split into named parts. */
export function stackedBarChart(spec: {
  ctx: ChartContext;
  title: string;
  subtitle: string | string[];
  /** One label per bar; an array is drawn as several lines. */
  categories: (string | string[])[];
  parts: { label: string; values: number[] }[];
  xTitle: string;
  y: ScaleOptions<'linear'>;
}): ChartConfig {
  return {
    type: 'bar',
    data: {
      labels: spec.categories,
      datasets: spec.parts.map((part, index) => ({
        label: part.label,
        data: part.values,
        backgroundColor: SERIES_COLOURS[index % SERIES_COLOURS.length],
        stack: 'total',
        maxBarThickness: 120,
      })),
    },
    options: {
      ...commonOptions(spec.title, spec.ctx, spec.subtitle),
      scales: {
        x: {
          stacked: true,
          title: { display: true, text: spec.xTitle, font: { size: 13 } },
          ticks: { font: { size: 13 } },
          grid: { display: false },
        },
        y: { ...spec.y, stacked: true },
      },
    },
  };
}
