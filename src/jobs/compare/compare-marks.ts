import { formatMonth } from '../../render/format.js';
import { BRANCH_COLOUR, eventMark, historyAnnotations, historyNote, type EventKind, type RunHistory } from '../../render/history-marks.js';
import { listOf } from '../../report/list-of.js';
import type { ScenarioParting } from './scenario-parting.js';

/**
 * What a comparison chart marks of the scenarios' histories: the first scenario's scripted events
 * of the kinds given (thin grey lines, as a single run's charts) and its history shaded; where each
 * other scenario parts from the first (a dashed line in its colour, labelled with its name, one
 * line per month naming every scenario that parts there); and each scenario's own events (those
 * it adds, changes or drops against the first from that month on, of any kind: they are what
 * the scenario is about), as tags in its colour, one per event, low on the chart, clear of the grey
 * labels at the top; a dropped event reads "no <label>".
 */

export interface ComparedHistory {
  /** The first scenario's label, scripted events and history window. */
  readonly first: string;
  readonly history: RunHistory;
  /** Every other scenario, in order, with its colour and where it parts from the first. */
  readonly others: readonly { readonly label: string; readonly colour: string; readonly parting: ScenarioParting }[];
}

/** Approximate width of a bold 11 px label character and the plot's width, to keep labels apart. */
const LABEL_CHAR_PX = 6.6;
const PLOT_WIDTH_PX = 1100;
const LABEL_ROW_PX = 22;
/** The width of a rotated tag, so that tags of one month stand side by side. */
const TAG_WIDTH_PX = 16;

/** Black or white, whichever reads on the colour (WCAG relative luminance). */
export function textOn(hex: string): string {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
  return luminance > 0.35 ? '#000000' : '#ffffff';
}

/** The months at which scenarios part from the first, each with the scenarios (label, colour) that part there. */
export function partingMonths(compared: ComparedHistory, dates: readonly string[]): { date: string; at: number; scenarios: { label: string; colour: string }[] }[] {
  const byMonth = new Map<string, { label: string; colour: string }[]>();
  for (const other of compared.others) {
    const month = other.parting.partsAt;
    if (month === undefined || !dates.includes(month) || month === dates[0]) continue;
    byMonth.set(month, [...(byMonth.get(month) ?? []), { label: other.label, colour: other.colour }]);
  }
  return [...byMonth].sort(([a], [b]) => (a < b ? -1 : 1)).map(([date, scenarios]) => ({ date, at: dates.indexOf(date), scenarios }));
}

/** "commoditized branches Jan 2026", "commoditized and brand-moat branch Jan 2026" */
function partingLabel(labels: readonly string[], date: string): string {
  return `${listOf(labels)} branch${labels.length === 1 ? 'es' : ''} ${formatMonth(date)}`;
}

/** Rows for labels centred at months so that none overlaps another in its row: 0 is the bottom. */
function labelRows(labels: readonly { at: number; text: string }[], months: number): number[] {
  const monthPx = PLOT_WIDTH_PX / Math.max(1, months - 1);
  const placed: { at: number; half: number; row: number }[] = [];
  return labels.map(({ at, text }) => {
    const half = (text.length * LABEL_CHAR_PX + 8) / 2;
    let row = 0;
    while (placed.some((p) => p.row === row && Math.abs(p.at - at) * monthPx < p.half + half + 4)) row++;
    placed.push({ at, half, row });
    return row;
  });
}

/** The chart.js annotations of a comparison: the first's marks and shading, partings, own events; null when none. */
export function comparisonAnnotations(dates: readonly string[], compared: ComparedHistory, kinds: readonly EventKind[]): { annotations: Record<string, unknown> } | null {
  const { branch: _branch, ...firstHistory } = compared.history;
  const annotations: Record<string, unknown> = { ...(historyAnnotations(dates, firstHistory, kinds)?.annotations ?? {}) };
  const partings = partingMonths(compared, dates);
  const texts = partings.map((p) => ({ at: p.at, text: partingLabel(p.scenarios.map((s) => s.label), p.date) }));
  const rows = labelRows(texts, dates.length);
  partings.forEach((parting, i) => {
    const colour = parting.scenarios.length === 1 ? parting.scenarios[0]!.colour : BRANCH_COLOUR;
    annotations[`branch-${parting.at}`] = {
      type: 'line',
      xMin: parting.at - 0.5,
      xMax: parting.at - 0.5,
      borderColor: colour,
      borderWidth: 2,
      borderDash: [6, 4],
      label: {
        display: true,
        content: texts[i]!.text,
        position: 'start',
        yAdjust: rows[i]! === 0 ? 0 : -rows[i]! * LABEL_ROW_PX,
        color: textOn(colour),
        backgroundColor: colour,
        font: { size: 11, weight: 'bold' },
        padding: 3,
      },
    };
  });
  // Own events stand above the parting labels, one tag each, left to right: a tag too close to the one before moves right.
  const lift = partings.length === 0 ? 0 : (Math.max(...rows) + 1) * LABEL_ROW_PX;
  const index = new Map(dates.map((d, i) => [d, i]));
  const monthPx = PLOT_WIDTH_PX / Math.max(1, dates.length - 1);
  const tags = compared.others
    .flatMap((other, o) => other.parting.own.flatMap(({ event, change }) => {
      const at = index.get(event.date);
      return at === undefined ? [] : [{ at, o, colour: other.colour, text: change === 'drops' ? `no ${eventMark(event).label}` : eventMark(event).label }];
    }))
    .sort((a, b) => a.at - b.at || a.o - b.o);
  let previousPx = Number.NEGATIVE_INFINITY;
  tags.forEach((tag, k) => {
    const px = Math.max(tag.at * monthPx, previousPx + TAG_WIDTH_PX);
    previousPx = px;
    annotations[`own-${k}`] = {
      type: 'line',
      xMin: tag.at,
      xMax: tag.at,
      borderColor: tag.colour,
      borderWidth: 1.5,
      drawTime: 'beforeDatasetsDraw',
      label: {
        drawTime: 'afterDatasetsDraw',
        display: true,
        content: tag.text,
        rotation: -90,
        position: 'start',
        yAdjust: lift === 0 ? 0 : -lift,
        xAdjust: Math.round(px - tag.at * monthPx),
        color: textOn(tag.colour),
        backgroundColor: tag.colour,
        font: { size: 10, weight: 'bold' },
        padding: 2,
      },
    };
  });
  return Object.keys(annotations).length > 0 ? { annotations } : null;
}

/** The subtitle lines that say what the shading, the lines and the tags are. */
export function comparisonHistoryNote(dates: readonly string[], compared: ComparedHistory, kinds: readonly EventKind[]): string[] {
  const { branch: _branch, ...firstHistory } = compared.history;
  const grey = historyNote(dates, firstHistory, kinds, compared.first);
  const parts = partingMonths(compared, dates).length > 0;
  const own = compared.others.some((o) => o.parting.own.some(({ event }) => dates.includes(event.date)));
  return [
    ...grey,
    ...(parts ? [`Dashed, in a scenario's colour: the month it branches from ${compared.first}; its line starts there, the months before being ${compared.first}'s, drawn once`] : []),
    ...(own ? [`Tags in a scenario's colour: its own events, added or changed against ${compared.first} ("no …": one of ${compared.first}'s it drops)`] : []),
  ];
}
