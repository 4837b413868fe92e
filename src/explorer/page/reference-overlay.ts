import type { ChartConfig } from '../../render/chart-definition.js';

/**
 * Pinned reference runs on a chart built for the current run: each reference's series drawn
 * beside the current ones, paler, in a line pattern of its own (dashed, dotted, dash-dot...), with
 * one legend entry per reference naming it in that pattern (its per-series lines stay out of the
 * legend, which would otherwise list every series once per reference); or the difference
 * current − the first reference in place of each series. Every chart comes from the same chart
 * definition, so a series is matched by its label; a bar chart's categories by the first line of
 * their label (the entity), as totals in the rest of it differ between runs.
 */

export type ReferenceMode = 'beside' | 'difference';

type Dataset = Record<string, unknown> & { label?: string; data?: unknown[] };
type Label = string | readonly string[];

export interface PinnedChart {
  /** The same chart, built for the reference run. */
  readonly config: ChartConfig;
  /** What the legend calls the reference. */
  readonly name: string;
  /** Its place in the list of references, which gives its line pattern (referenceDash). */
  readonly pattern: number;
}

/** A reference series, kept out of the legend; its reference's legend entry is kept in. */
const REFERENCE_FLAG = 'explorerReference';
const LEGEND_FLAG = 'explorerReferenceLegend';

/** Added to a reference's legend entry on a chart where every line of it is this run's. */
export const SAME_HERE = '(as this run here)';

/** The line pattern of the reference pinned n-th: told apart from each other and from the current run's solid lines. */
export const REFERENCE_DASHES: readonly (readonly number[])[] = [[6, 4], [2, 3], [12, 4, 2, 4], [1, 5], [16, 6]];

export function referenceDash(index: number): number[] {
  return [...REFERENCE_DASHES[index % REFERENCE_DASHES.length]!];
}

function keyOf(label: unknown): string {
  return Array.isArray(label) ? String(label[0]) : String(label);
}

/** Reference data re-indexed onto the current chart's categories; null where the reference has none. */
function aligned(currentLabels: readonly Label[], referenceLabels: readonly Label[], data: readonly unknown[]): unknown[] {
  const at = new Map(referenceLabels.map((label, i) => [keyOf(label), i]));
  return currentLabels.map((label) => {
    const i = at.get(keyOf(label));
    return i === undefined ? null : (data[i] ?? null);
  });
}

/** "Azure → OpenAI: $13B" and "Azure → OpenAI: $9B" are one series. */
function seriesKey(label: string | undefined): string {
  return (label ?? '').replace(/:\s.*$/, '');
}

function isSeries(dataset: Dataset): boolean {
  return Array.isArray(dataset.data) && typeof dataset.label === 'string' && dataset.data.every((v) => v === null || typeof v === 'number');
}

function paler(colour: unknown): unknown {
  if (typeof colour !== 'string') return colour;
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
  if (hex) return `rgba(${parseInt(hex[1]!, 16)}, ${parseInt(hex[2]!, 16)}, ${parseInt(hex[3]!, 16)}, 0.55)`;
  return colour;
}

export function withReferences(current: ChartConfig, references: readonly PinnedChart[], mode: ReferenceMode): ChartConfig {
  if (references.length === 0) return current;
  const labels = (current.data.labels ?? []) as Label[];
  const currentSets = current.data.datasets as unknown as Dataset[];
  const options = (current.options ?? {}) as Record<string, any>;
  const subtitle = options.plugins?.subtitle;
  const subtitleLines = subtitle?.text === undefined ? [] : Array.isArray(subtitle.text) ? subtitle.text : [subtitle.text];
  const seriesOf = (reference: PinnedChart) => (reference.config.data.datasets as unknown as Dataset[]).filter(isSeries);
  const labelsOf = (reference: PinnedChart) => (reference.config.data.labels ?? []) as Label[];
  if (mode === 'difference') {
    const first = references[0]!;
    const referenceSets = seriesOf(first);
    const findReference = (label: string | undefined) => referenceSets.find((r) => r.label === label) ?? referenceSets.find((r) => seriesKey(r.label) === seriesKey(label));
    const datasets = currentSets.filter(isSeries).flatMap((dataset) => {
      const match = findReference(dataset.label);
      if (match === undefined) return [];
      const theirs = aligned(labels, labelsOf(first), match.data!);
      const data = dataset.data!.map((v, i) => (typeof v === 'number' && typeof theirs[i] === 'number' ? v - (theirs[i] as number) : null));
      return [{ ...dataset, data, fill: false }];
    });
    const scales = Object.fromEntries(
      Object.entries((options.scales ?? {}) as Record<string, Record<string, unknown>>).map(([axis, scale]) => {
        if (axis !== 'y') return [axis, scale];
        const { min: _min, max: _max, suggestedMin: _smin, suggestedMax: _smax, type: _type, ...rest } = scale;
        return [axis, { ...rest, type: 'linear', beginAtZero: false }];
      }),
    );
    return {
      ...current,
      data: { ...current.data, datasets: datasets as never },
      options: { ...options, scales, plugins: { ...options.plugins, subtitle: { ...subtitle, display: true, text: [...subtitleLines, `Difference: this run minus the reference ${first.name}`] } } },
    } as ChartConfig;
  }
  const ghosts = references.flatMap((reference) => {
    const dash = referenceDash(reference.pattern);
    const theirs = seriesOf(reference);
    if (theirs.length === 0) return [];
    const series = theirs.flatMap((dataset) => {
      const mine = currentSets.find((c) => c.label === dataset.label);
      const data = aligned(labels, labelsOf(reference), dataset.data!);
      // A line the reference draws as this run does (a benchmark, or a lever that does not reach this chart) is drawn once.
      if (mine !== undefined && JSON.stringify(mine.data) === JSON.stringify(data)) return [];
      return [{ ...dataset, label: `${dataset.label} (${reference.name})`, data, borderDash: dash, borderWidth: 1.5, borderColor: paler(dataset.borderColor), backgroundColor: paler(dataset.backgroundColor), pointRadius: 0, fill: false, [REFERENCE_FLAG]: true }];
    });
    // The legend's entry for the reference: no data, its pattern in grey; it says so when none of its lines differs here.
    const name = series.length === 0 ? `${reference.name} ${SAME_HERE}` : reference.name;
    const entry = { type: 'line', label: name, data: labels.map(() => null), borderDash: dash, borderWidth: 1.5, borderColor: '#666666', backgroundColor: 'rgba(0, 0, 0, 0)', pointRadius: 0, fill: false, [LEGEND_FLAG]: true };
    return [...series, entry];
  });
  const legend = options.plugins?.legend ?? {};
  const filter = legend.labels?.filter as ((item: { datasetIndex?: number }, data: { datasets: Dataset[] }) => boolean) | undefined;
  return {
    ...current,
    data: { ...current.data, datasets: [...currentSets, ...ghosts] as never },
    options: {
      ...options,
      plugins: {
        ...options.plugins,
        subtitle: { ...subtitle, display: true, text: [...subtitleLines, `Paler, broken lines: the reference${references.length > 1 ? 's' : ''} ${references.map((r) => r.name).join('; ')}`] },
        legend: {
          ...legend,
          labels: {
            ...legend.labels,
            filter: (item: { datasetIndex?: number }, data: { datasets: Dataset[] }) => {
              const dataset = item.datasetIndex === undefined ? undefined : data.datasets[item.datasetIndex];
              if (dataset?.[LEGEND_FLAG] === true) return true;
              return dataset?.[REFERENCE_FLAG] !== true && (filter === undefined || filter(item, data));
            },
          },
        },
      },
    },
  } as ChartConfig;
}
