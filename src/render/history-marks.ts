import type { Scenario } from '../config/parse-scenario.js';
import type { ScheduledEvent } from '../config/schedule-schema.js';
import { eventLabel } from '../config/event-label.js';
import { formatMonth } from './format.js';
import { entityStyle } from './palette.js';

/**
 * What time-series charts show of a run's history: a thin line with a short label at each scripted
 * event of the kinds the chart is about ("AWS +$4B", "GPT-5"), a line at the month the scenario
 * branches from its parent, and the stretch of scripted history shaded.
 */

export type EventKind = ScheduledEvent['type'];

export interface EventMark {
  readonly date: string;
  readonly kind: EventKind;
  readonly label: string;
}

export interface RunHistory {
  readonly marks: readonly EventMark[];
  /** Month the scenario branches from its parent. */
  readonly branch?: string;
  /** Last month of scripted history. */
  readonly historyUntil?: string;
}

export const NO_HISTORY: RunHistory = { marks: [] };

/** The marks a scenario's charts draw: its dated events, its branch month, its history window. */
export function historyOf(scenario: Scenario): RunHistory {
  return {
    marks: scenario.events.map(eventMark),
    ...(scenario.branchesAt !== undefined && { branch: scenario.branchesAt }),
    ...(scenario.history !== undefined && { historyUntil: scenario.history.until }),
  };
}

/** An event as a chart marks it: at its month, with its short label ("AWS +$4B", "GPT-5"). */
export function eventMark(event: ScheduledEvent): EventMark {
  return { date: event.date, kind: event.type, label: eventLabel(event, (id) => shortName(entityStyle(id).name)) };
}

/** "Google (Gemini)" → "Google", "Meta Llama (open weights)" → "Meta Llama": labels stay short. */
function shortName(name: string): string {
  return name.replace(/\s*\(.*\)$/, '').replace(/^(Microsoft|Amazon Web Services|Google Cloud|Oracle Cloud)$/, (n) => SHORT_CLOUDS[n] ?? n);
}

const SHORT_CLOUDS: Readonly<Record<string, string>> = {
  'Amazon Web Services': 'AWS',
  'Google Cloud': 'GCP',
  'Oracle Cloud': 'Oracle',
};

const MARK_COLOUR = 'rgba(60, 60, 60, 0.35)';
export const BRANCH_COLOUR = '#333333';
const HISTORY_SHADE = 'rgba(120, 120, 120, 0.07)';

/**
 * chart.js annotation options (chartjs-plugin-annotation) for a monthly chart over `dates`: one
 * line per month holding marks of the given kinds, its labels joined, the branch month and the
 * shaded history. Months outside the chart are left out; null when there is nothing to draw.
 */
export function historyAnnotations(dates: readonly string[], history: RunHistory, kinds: readonly EventKind[]): { annotations: Record<string, unknown> } | null {
  const index = new Map(dates.map((d, i) => [d, i]));
  const annotations: Record<string, unknown> = {};
  const until = history.historyUntil === undefined ? undefined : Math.min(index.get(history.historyUntil) ?? dates.length - 1, dates.length - 1);
  if (until !== undefined && dates.length > 0 && history.historyUntil! >= dates[0]!) {
    annotations.history = { type: 'box', xMin: -0.5, xMax: until + 0.5, backgroundColor: HISTORY_SHADE, borderWidth: 0, drawTime: 'beforeDatasetsDraw' };
  }
  const byMonth = new Map<number, string[]>();
  for (const mark of history.marks) {
    const at = index.get(mark.date);
    if (at === undefined || !kinds.includes(mark.kind)) continue;
    byMonth.set(at, [...(byMonth.get(at) ?? []), mark.label]);
  }
  for (const [at, labels] of byMonth) {
    annotations[`event-${at}`] = {
      type: 'line',
      xMin: at,
      xMax: at,
      borderColor: MARK_COLOUR,
      borderWidth: 1,
      drawTime: 'beforeDatasetsDraw',
      label: {
        // The line goes under the data; its label over it, so a line along the top cannot hide the label's end.
        drawTime: 'afterDatasetsDraw',
        display: true,
        content: labels.join(' · '),
        rotation: -90,
        position: 'end',
        color: '#333333',
        backgroundColor: 'rgba(255, 255, 255, 0.75)',
        font: { size: 10 },
        padding: 2,
      },
    };
  }
  const branch = history.branch === undefined ? undefined : index.get(history.branch);
  if (branch !== undefined) {
    annotations.branch = {
      type: 'line',
      xMin: branch - 0.5,
      xMax: branch - 0.5,
      borderColor: BRANCH_COLOUR,
      borderWidth: 2,
      borderDash: [6, 4],
      label: {
        display: true,
        content: `branches ${formatMonth(history.branch!)}`,
        position: 'start',
        color: '#ffffff',
        backgroundColor: BRANCH_COLOUR,
        font: { size: 11, weight: 'bold' },
        padding: 3,
      },
    };
  }
  return Object.keys(annotations).length > 0 ? { annotations } : null;
}

/**
 * The subtitle line that says what the shading and the lines are; none without history. `of`
 * names whose events the lines are, on a chart that also marks others' (a comparison).
 */
export function historyNote(dates: readonly string[], history: RunHistory | undefined, marks: readonly EventKind[], of?: string): string[] {
  if (!history || dates.length === 0) return [];
  const parts: string[] = [];
  if (history.historyUntil !== undefined && history.historyUntil >= dates[0]!) parts.push(`shaded: scripted history to ${formatMonth(history.historyUntil)}`);
  if (marks.length > 0 && history.marks.some((m) => marks.includes(m.kind) && dates.includes(m.date))) parts.push(`${of === undefined ? 'thin lines: scripted' : `thin grey lines: ${of}'s scripted`} ${marks.map(kindName).join(', ')}`);
  if (history.branch !== undefined && dates.includes(history.branch)) parts.push(`dashed: the scenario branches from its parent in ${formatMonth(history.branch)}`);
  return parts.length > 0 ? [`${parts.join('; ')}`.replace(/^./, (c) => c.toUpperCase())] : [];
}

const KIND_NAMES: Readonly<Record<EventKind, string>> = {
  investment: 'investments',
  'deal-amendment': 'deal amendments',
  'compute-commitment': 'compute commitments',
  'compute-contract': 'compute contracts',
  listing: 'listings',
  delisting: 'delistings',
  merger: 'mergers',
  'capacity-shock': 'capacity shocks',
  'model-release': 'model releases',
  'policy-change': 'policy changes',
};

function kindName(kind: EventKind): string {
  return KIND_NAMES[kind];
}
