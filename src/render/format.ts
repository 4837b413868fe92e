/** Number and date formats shared by every chart: axis ticks, labels and subtitles. */

/** The typographic minus: a hyphen reads as a dash next to axis ticks. */
const MINUS = '\u2212';

const UNITS: readonly (readonly [number, string])[] = [
  [1e12, 'T'],
  [1e9, 'B'],
  [1e6, 'M'],
  [1e3, 'K'],
];

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2024-01" → "Jan 2024". */
export function formatMonth(date: string): string {
  const [year, month] = date.split('-');
  return `${MONTHS[Number(month) - 1] ?? month} ${year}`;
}

/** "Jan 2025 – Dec 2025", or a single month. */
export function formatPeriod(from: string, to: string): string {
  return from === to ? formatMonth(from) : `${formatMonth(from)} – ${formatMonth(to)}`;
}

/** $1.2B, $350M, $12K, $0.15: three significant digits at most, no trailing zeros. */
export function formatUsd(value: number): string {
  return withUnit(value, '$');
}

/** Token volumes already in MTok: "1.6B MTok", "350M MTok", "120 MTok". */
export function formatMTok(value: number): string {
  return `${withUnit(value, '')} MTok`;
}

/** A K/M/B/T suffix and three significant digits at most, after `prefix` (e.g. "$"). */
function withUnit(value: number, prefix: string): string {
  // Round before picking the unit, so 999,999 reads "$1M", not "$1000K".
  const magnitude = Number(Math.abs(value).toPrecision(3));
  const [divisor, suffix] = UNITS.find(([divisor]) => magnitude >= divisor) ?? [1, ''];
  return `${value < 0 ? MINUS : ''}${prefix}${Number((magnitude / divisor).toPrecision(3))}${suffix}`;
}

/** A value already in percentage points: 35 → "35%", 2.5 → "2.5%", −40 → "−40%". */
export function formatPercent(points: number): string {
  const rounded = Number(points.toFixed(Math.abs(points) < 10 ? 1 : 0));
  return `${rounded < 0 ? MINUS : ''}${Math.abs(rounded)}%`;
}

/** Whole counts with thousands separators: 10000 → "10,000". */
export function formatCount(value: number): string {
  // Small values keep two decimals (a capability index of 1.25, an axis step of 0.5); the rest are whole.
  if (Math.abs(value) < 10 && !Number.isInteger(value)) return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
  return Math.round(value).toLocaleString('en-US');
}
