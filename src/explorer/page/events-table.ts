import type { JsonSchema } from '../../config/json-schema.js';
import { el, labelled } from './dom.js';

/**
 * The scenario's dated events as an editable table: each row's id, month, type and its other
 * fields as JSON; add a row (a copy of the last event of the chosen type, under a new id), edit
 * one, remove one. Every change hands the whole new list to `edit`; the check on the server then
 * says, in the command line's words, what is wrong with an event, if anything.
 */

type Event = Record<string, unknown> & { id?: string; date?: string; type?: string };

export function eventTypes(schema: JsonSchema): string[] {
  const items = (schema as any).$defs?.scenario?.properties?.events?.items;
  const options: any[] = items?.oneOf ?? items?.anyOf ?? [];
  return options.map((o) => o?.properties?.type?.const).filter((t): t is string => typeof t === 'string');
}

function rest(event: Event): Record<string, unknown> {
  const { id: _id, date: _date, type: _type, ...others } = event;
  return others;
}

export function renderEvents(container: HTMLElement, schema: JsonSchema, events: readonly Event[], start: string, edit: (events: Event[]) => void): void {
  const types = eventTypes(schema);
  const body = el('tbody');
  events.forEach((event, i) => {
    const change = (next: Event) => edit(events.map((e, j) => (j === i ? next : e)));
    const id = el('input', { type: 'text', value: event.id ?? '', 'aria-label': `event ${i + 1}: id` });
    const date = el('input', { type: 'text', value: event.date ?? '', pattern: '\\d{4}-\\d{2}', 'aria-label': `event ${i + 1}: month (YYYY-MM)` });
    const type = el('select', { 'aria-label': `event ${i + 1}: type` }, ...types.map((t) => el('option', { value: t, text: t })));
    type.value = event.type ?? '';
    const fields = el('textarea', { rows: '2', 'aria-label': `event ${i + 1}: other fields (JSON)` });
    fields.value = JSON.stringify(rest(event));
    const remove = el('button', { type: 'button', 'aria-label': `remove event ${i + 1} (${event.id ?? ''})`, text: '✕' });
    id.addEventListener('change', () => change({ ...event, id: id.value }));
    date.addEventListener('change', () => change({ ...event, date: date.value }));
    type.addEventListener('change', () => {
      const template = [...events].reverse().find((e) => e.type === type.value);
      change({ id: event.id, date: event.date, type: type.value, ...(template ? rest(template) : {}) } as Event);
    });
    fields.addEventListener('change', () => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(fields.value);
      } catch (error) {
        fields.setCustomValidity(`not JSON: ${(error as Error).message}`);
        fields.reportValidity();
        return;
      }
      fields.setCustomValidity('');
      change({ id: event.id, date: event.date, type: event.type, ...(parsed as Record<string, unknown>) } as Event);
    });
    body.append(el('tr', {}, el('td', {}, id), el('td', {}, date), el('td', {}, type), el('td', {}, fields), el('td', {}, remove)));
    remove.addEventListener('click', () => edit(events.filter((_, j) => j !== i)));
  });
  const newType = el('select', {}, ...types.map((t) => el('option', { value: t, text: t })));
  newType.value = types.includes('model-release') ? 'model-release' : (types[0] ?? '');
  const { label: newTypeLabel } = labelled('New event of type', newType, 'event-type');
  const add = el('button', { type: 'button', text: 'Add event' });
  add.addEventListener('click', () => {
    const taken = new Set(events.map((e) => e.id));
    let n = 1;
    while (taken.has(`explorer-event-${n}`)) n++;
    const template = [...events].reverse().find((e) => e.type === newType.value);
    edit([...events, { id: `explorer-event-${n}`, date: template?.date ?? start, type: newType.value, ...(template ? rest(template) : {}) }]);
  });
  const table = el('table', {}, el('caption', { text: `${events.length} dated events` }), el('thead', {}, el('tr', {}, ...['id', 'month', 'type', 'other fields (JSON)', ''].map((h) => el('th', { scope: 'col', text: h })))), body);
  container.append(el('details', { id: 'events' }, el('summary', { text: 'Events' }), table, el('div', {}, newTypeLabel, newType, add)));
}
