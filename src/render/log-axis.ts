import type { ScaleOptions } from 'chart.js';
import { formatCount, formatUsd } from './format.js';

/**
 * A log-scale USD axis whose labelled ticks span the data: its ends are the nice values just below
 * and above the data (a line ending at $1.47 sits above a labelled $1, not among unlabelled
 * gridlines), and every tick is labelled. The ticks are 1 × 10ⁿ, 1-2-5 × 10ⁿ, or every integer
 * mantissa, whichever is the sparsest set that still gives MIN_TICKS ticks; a range narrower than
 * a factor of 2 or so steps by tenths of a mantissa (1.4, 1.5, 1.6).
 */

const MIN_TICKS = 5;

const MANTISSA_SETS: readonly (readonly number[])[] = [
  [1],
  [1, 2, 5],
  [1, 2, 3, 4, 5, 6, 7, 8, 9],
  Array.from({ length: 90 }, (_, i) => 1 + i / 10),
];

/** m × 10ⁿ without the float noise of the product (0.30000000000000004). */
function niceValue(mantissa: number, exponent: number): number {
  return Number((mantissa * 10 ** exponent).toPrecision(12));
}

function ticksFrom(mantissas: readonly number[], low: number, high: number): number[] {
  const values: number[] = [];
  for (let exponent = Math.floor(Math.log10(low)) - 1; exponent <= Math.ceil(Math.log10(high)) + 1; exponent++) {
    for (const m of mantissas) values.push(niceValue(m, exponent));
  }
  const tolerance = 1e-9;
  const bottom = values.filter((v) => v <= low * (1 + tolerance)).at(-1)!;
  const top = values.find((v) => v >= high * (1 - tolerance))!;
  return values.filter((v) => v >= bottom && v <= top);
}

/** The ticks of a log axis over [min, max] (both > 0), lowest first; none for no data. */
export function logTicks(min: number, max: number): number[] {
  if (!(min > 0) || !(max >= min) || !Number.isFinite(max)) return [];
  // A flat line would get a single tick: leave it room above and below.
  const [low, high] = max / min < 1.05 ? [min / 1.5, max * 1.5] : [min, max];
  for (const mantissas of MANTISSA_SETS) {
    const ticks = ticksFrom(mantissas, low, high);
    if (ticks.length >= MIN_TICKS || mantissas === MANTISSA_SETS.at(-1)) return ticks;
  }
  return [];
}

/** The smallest and largest positive value of some series, or undefined when none has one. */
export function positiveExtent(series: Iterable<readonly (number | null)[] | undefined>): { min: number; max: number } | undefined {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const values of series) {
    for (const v of values ?? []) {
      if (v !== null && v > 0 && Number.isFinite(v)) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
  }
  return min <= max ? { min, max } : undefined;
}

export function logUsdAxis(title: string, extent: { min: number; max: number } | undefined): ScaleOptions<'logarithmic'> {
  return logAxis(`${title} (USD, log scale)`, extent, formatUsd);
}

/** The same for counts (people, tokens): ticks labelled as counts, the unit in the title. */
export function logCountAxis(title: string, extent: { min: number; max: number } | undefined): ScaleOptions<'logarithmic'> {
  return logAxis(`${title.replace(/\)$/, ', log scale)')}`, extent, formatCount);
}

function logAxis(text: string, extent: { min: number; max: number } | undefined, format: (value: number) => string): ScaleOptions<'logarithmic'> {
  const ticks = extent ? logTicks(extent.min, extent.max) : [];
  return {
    type: 'logarithmic',
    ...(ticks.length > 0
      ? {
          min: ticks[0],
          max: ticks.at(-1),
          // chart.js would add the data's raw ends and minor steps of its own: the axis takes these ticks only.
          afterBuildTicks: (scale: { ticks: { value: number }[] }) => {
            scale.ticks = ticks.map((value) => ({ value }));
          },
        }
      : {}),
    title: { display: true, text, font: { size: 13 } },
    ticks: { autoSkip: false, callback: (value) => format(Number(value)) },
  } as ScaleOptions<'logarithmic'>;
}
