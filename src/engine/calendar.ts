/** Months as "YYYY-MM" strings; tick 0 is the run's start month. */

const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;
const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export type YearMonth = string;

export function isYearMonth(text: string): boolean {
  return MONTH_PATTERN.test(text);
}

/** Months since year 0, so differences between two months are plain subtraction. */
export function monthIndex(month: YearMonth): number {
  const match = MONTH_PATTERN.exec(month);
  if (!match) throw new Error(`not a month (YYYY-MM): ${month}`);
  return Number(match[1]) * 12 + Number(match[2]) - 1;
}

export function fromMonthIndex(index: number): YearMonth {
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

export function tickToDate(start: YearMonth, tick: number): YearMonth {
  return fromMonthIndex(monthIndex(start) + tick);
}

export function dateToTick(start: YearMonth, date: YearMonth): number {
  return monthIndex(date) - monthIndex(start);
}

/** "Jan 2024", for chart axes and reports. */
export function monthLabel(month: YearMonth): string {
  const index = monthIndex(month);
  return `${MONTH_NAMES[index % 12]} ${Math.floor(index / 12)}`;
}
