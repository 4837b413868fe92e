import type { Scenario } from '../config/parse-scenario.js';

/**
 * `--at YYYY-MM`, the month a global analysis (sobol, morris, discover) reads its KPIs at: a run is
 * causal (its first months are those of a longer run, byte for byte), so the runs stop there and
 * the job's `ticks` are the months to it.
 */

/** --at YYYY-MM as the months to run from the scenario's start, or a message. */
export function monthsToAt(scenario: Pick<Scenario, 'start' | 'months'>, at: string, flag = '--at'): number | string {
  const match = /^(\d{4})-(\d{2})$/.exec(at.trim());
  if (!match || Number(match[2]) < 1 || Number(match[2]) > 12) return `${flag} must be a month, YYYY-MM (e.g. 2027-12), got "${at}"`;
  const [startYear, startMonth] = scenario.start.split('-').map(Number);
  const months = Number(match[1]) * 12 + Number(match[2]) - (startYear! * 12 + startMonth!) + 1;
  const last = lastMonthOf(scenario);
  if (months < 1) return `${flag} ${at} is before the scenario starts, ${scenario.start}`;
  if (months > scenario.months) return `${flag} ${at} is after the scenario's last month, ${last}`;
  return months;
}

/** The month a scenario's last month, YYYY-MM. */
export function lastMonthOf(scenario: Pick<Scenario, 'start' | 'months'>): string {
  const [year, month] = scenario.start.split('-').map(Number);
  const index = year! * 12 + (month! - 1) + scenario.months - 1;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The job's ticks from --ticks and --at (one of them at most), or a message. */
export function ticksAt(scenario: Pick<Scenario, 'start' | 'months'>, ticks: number | undefined, at: string | undefined): { ticks: number | undefined } | string {
  if (at === undefined) return { ticks };
  if (ticks !== undefined) return '--at and --ticks both say where the runs stop: give one (--at YYYY-MM reads the KPIs at that month)';
  const months = monthsToAt(scenario, at);
  return typeof months === 'string' ? months : { ticks: months };
}
