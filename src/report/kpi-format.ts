/**
 * Numbers as reports print them, in Markdown tables and one-line summaries: shares in percent,
 * money with K/M/B/T, prices to the cent, counts with thousands separators.
 */

export type KpiUnit = 'share' | 'usd' | 'price' | 'count';

const MINUS = '\u2212';

const UNITS: readonly (readonly [number, string])[] = [
  [1e12, 'T'],
  [1e9, 'B'],
  [1e6, 'M'],
  [1e3, 'K'],
];

function sign(value: number, signed: boolean): string {
  if (value < 0) return MINUS;
  return signed && value > 0 ? '+' : '';
}

/**
 * $30.6B, $350M, $1.47; three significant digits. Less than half a cent is $0, unsigned: the
 * rounding left when two sums of millions are subtracted (−$3.58e-7) is no amount of money.
 */
export function formatMoney(value: number, signed = false): string {
  if (Math.abs(value) < 0.005) return '$0';
  const magnitude = Number(Math.abs(value).toPrecision(3));
  const [divisor, suffix] = UNITS.find(([d]) => magnitude >= d) ?? [1, ''];
  return `${sign(value, signed)}$${Number((magnitude / divisor).toPrecision(3))}${suffix}`;
}

/** A value in one of the units; `signed` adds "+" to positive changes; a share's change is in percentage points. */
export function formatKpi(value: number, unit: KpiUnit, signed = false): string {
  if (!Number.isFinite(value)) return '–';
  switch (unit) {
    case 'share': {
      const points = Math.abs(100 * value).toFixed(1);
      return `${sign(points === '0.0' ? 0 : value, signed)}${points}${signed ? ' pp' : '%'}`;
    }
    case 'usd':
      return formatMoney(value, signed);
    case 'price': {
      const amount = Math.abs(value) >= 100 ? Math.abs(value).toFixed(0) : Math.abs(value).toFixed(2);
      return `${sign(Number(amount) === 0 ? 0 : value, signed)}$${amount}`;
    }
    case 'count': {
      const rounded = Math.round(Math.abs(value));
      return `${sign(rounded === 0 ? 0 : value, signed)}${rounded.toLocaleString('en-US')}`;
    }
  }
}

/** "54.1% (50.2–57.9%)": a mean with its 5th–95th percentile range, or the value alone for a single run. */
export function formatStats(stats: { mean: number; p5: number; p95: number }, unit: KpiUnit, runs: number, signed = false): string {
  const mean = formatKpi(stats.mean, unit, signed);
  if (runs <= 1) return mean;
  return `${mean} (${formatKpi(stats.p5, unit, signed)} to ${formatKpi(stats.p95, unit, signed)})`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2026-12" → "Dec 2026". */
export function monthName(date: string): string {
  const [year, month] = date.split('-');
  return `${MONTHS[Number(month) - 1] ?? month} ${year}`;
}

/** A cell of a Markdown table: pipes escaped, on one line. */
export function mdCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

export function mdTable(header: readonly string[], rows: readonly (readonly string[])[], align: readonly ('l' | 'r')[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map(mdCell).join(' | ')} |`;
  return [line(header), `|${align.map((a) => (a === 'r' ? '---:' : '---')).join('|')}|`, ...rows.map(line)].join('\n');
}

/** "seeds 1–8", "seeds 1, 2" or "seed 7": seeds as a person reads them. */
export function describeSeeds(seeds: readonly number[]): string {
  if (seeds.length === 0) return 'no seeds';
  if (seeds.length === 1) return `seed ${seeds[0]}`;
  const consecutive = seeds.every((seed, i) => i === 0 || seed === seeds[i - 1]! + 1);
  return `seeds ${consecutive && seeds.length > 2 ? `${seeds[0]}–${seeds.at(-1)}` : seeds.join(', ')}`;
}
