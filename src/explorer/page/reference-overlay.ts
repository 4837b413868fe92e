import type { ChartConfig } from '../../render/chart-definition.js';

/**
 * A pinned reference run on a chart built for the current run: the reference's series drawn
 * beside the current ones (dashed, paler, "(reference)" in the legend hidden, one subtitle line
 * naming it), or the difference current − reference in place of each series. Both charts come
 * from the same chart definition, so a series is matched by its label; a bar chart's categories
 * by the first line of their label (the entity), as totals in the rest of it differ between runs.
 */

export type ReferenceMode = 'beside' | 'difference';

type Dataset = Record<string, unknown> & { label?: string; data?: unknown[] };
type Label = string | readonly string[];

const REFERENCE_FLAG = 'explorerReference';

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

export function withReference(current: ChartConfig, reference: ChartConfig | undefined, mode: ReferenceMode, referenceName: string): ChartConfig {
  if (reference === undefined) return current;
  const labels = (current.data.labels ?? []) as Label[];
  const referenceLabels = (reference.data.labels ?? []) as Label[];
  const currentSets = current.data.datasets as unknown as Dataset[];
  const referenceSets = (reference.data.datasets as unknown as Dataset[]).filter(isSeries);
  const options = (current.options ?? {}) as Record<string, any>;
  const subtitle = options.plugins?.subtitle;
  const subtitleLines = subtitle?.text === undefined ? [] : Array.isArray(subtitle.text) ? subtitle.text : [subtitle.text];
  const findReference = (label: string | undefined) => referenceSets.find((r) => r.label === label) ?? referenceSets.find((r) => seriesKey(r.label) === seriesKey(label));
  if (mode === 'difference') {
    const datasets = currentSets.filter(isSeries).flatMap((dataset) => {
      const match = findReference(dataset.label);
      if (match === undefined) return [];
      const theirs = aligned(labels, referenceLabels, match.data!);
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
      options: { ...options, scales, plugins: { ...options.plugins, subtitle: { ...subtitle, display: true, text: [...subtitleLines, `Difference: this run minus the reference (${referenceName})`] } } },
    } as ChartConfig;
  }
  const ghosts = referenceSets.flatMap((dataset) => {
    const mine = currentSets.find((c) => c.label === dataset.label);
    const data = aligned(labels, referenceLabels, dataset.data!);
    // A benchmark line both runs draw alike is drawn once.
    if (mine !== undefined && JSON.stringify(mine.data) === JSON.stringify(data)) return [];
    return [
      {
        ...dataset,
        label: `${dataset.label} (reference)`,
        data,
        borderDash: [6, 4],
        borderWidth: 1.5,
        borderColor: paler(dataset.borderColor),
        backgroundColor: paler(dataset.backgroundColor),
        pointRadius: 0,
        fill: false,
        [REFERENCE_FLAG]: true,
      },
    ];
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
        subtitle: { ...subtitle, display: true, text: [...subtitleLines, `Dashed, paler: the reference run (${referenceName})`] },
        legend: {
          ...legend,
          labels: {
            ...legend.labels,
            filter: (item: { datasetIndex?: number }, data: { datasets: Dataset[] }) =>
              !(item.datasetIndex !== undefined && data.datasets[item.datasetIndex]?.[REFERENCE_FLAG] === true) && (filter === undefined || filter(item, data)),
          },
        },
      },
    },
  } as ChartConfig;
}
