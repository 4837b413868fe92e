import type { Scenario } from '../../config/parse-scenario.js';
import type { ScheduledEvent } from '../../config/schedule-schema.js';
import { tickToDate } from '../../engine/calendar.js';
import { Timeline } from '../../simulation/timeline.js';

/**
 * Where each compared scenario leaves the first. Two scenarios that are one root scenario and
 * branches of it run the same months, seed for seed, until the first branch month their chains do
 * not share: from there each may differ, and its own events (those the first does not have) are
 * what it changes. Scenarios of different roots differ from the start; the same scenario twice never.
 */

export interface OwnEvent {
  readonly event: ScheduledEvent;
  /** adds: the scenario has it and the first has not (or has it otherwise); drops: the first has it and the scenario has not. */
  readonly change: 'adds' | 'drops';
}

export interface ScenarioParting {
  /** The month from which the scenario may differ from the first; none when it differs from the start, or never. */
  readonly partsAt?: string;
  /** Its events against the first's, from that month on (none without a month). */
  readonly own: readonly OwnEvent[];
}

/** What makes a stretch of a run what it is: the scenario without its name, notes, length and resolved chain. */
function content(scenario: Scenario): string {
  const { name: _name, description: _description, months: _months, parent: _parent, extended: _extended, ...rest } = scenario;
  return canonicalJson(rest);
}

/** JSON with object keys sorted, so that the same event written with its fields in another order is the same event. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

/** The first month at which `other` may differ from `first`: undefined when from the start (different roots) or never. */
export function partingMonth(first: Scenario, other: Scenario): string | undefined {
  const a = new Timeline(first).regimes;
  const b = new Timeline(other).regimes;
  if (content(a[0]!.scenario) !== content(b[0]!.scenario)) return undefined;
  let shared = 1;
  while (shared < a.length && shared < b.length && a[shared]!.fromTick === b[shared]!.fromTick && content(a[shared]!.scenario) === content(b[shared]!.scenario)) shared++;
  const ticks = [...a.slice(shared), ...b.slice(shared)].map((r) => r.fromTick);
  return ticks.length === 0 ? undefined : tickToDate(first.start, Math.min(...ticks));
}

/** Events of `other` from `from` on that `first` does not have (added or changed), and those of `first` it lacks. */
export function ownEvents(first: Scenario, other: Scenario, from: string): OwnEvent[] {
  const keyed = (events: readonly ScheduledEvent[]) => new Map(events.filter((e) => e.date >= from).map((e) => [canonicalJson(e), e] as const));
  const theirs = keyed(first.events);
  const mine = keyed(other.events);
  return [
    ...[...mine].filter(([key]) => !theirs.has(key)).map(([, event]) => ({ event, change: 'adds' as const })),
    ...[...theirs].filter(([key]) => !mine.has(key)).map(([, event]) => ({ event, change: 'drops' as const })),
  ].sort((x, y) => (x.event.date < y.event.date ? -1 : x.event.date > y.event.date ? 1 : 0));
}

/** Each scenario's parting from the first, in order; the first's own is empty. */
export function scenarioPartings(scenarios: readonly Scenario[]): ScenarioParting[] {
  const [first, ...others] = scenarios;
  if (!first) return [];
  return [
    { own: [] },
    ...others.map((other): ScenarioParting => {
      const partsAt = partingMonth(first, other);
      return partsAt === undefined ? { own: [] } : { partsAt, own: ownEvents(first, other, partsAt) };
    }),
  ];
}
