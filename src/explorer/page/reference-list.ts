import { el } from './dom.js';
import { referenceDash } from './reference-overlay.js';

/**
 * The pinned references, listed under the toolbar: each with the line pattern it is drawn in, its
 * name (what it changes from the config as loaded, so that a reopened link names it alike) and a
 * button that unpins it.
 */

/** Shown of a reference's changes in its name: the first few, so a legend entry stays one line. */
const NAMED_CHANGES = 2;

/** "brandPremium = 0", "openai acceptExclusive = false": each changed value by its field and the entity it belongs to. */
function changedValues(changes: unknown, entity = ''): string[] {
  if (changes === null || typeof changes !== 'object') return [];
  if (Array.isArray(changes)) {
    return changes.flatMap((item, i) => {
      const id = item !== null && typeof item === 'object' && typeof (item as { id?: unknown }).id === 'string' ? (item as { id: string }).id : String(i);
      return changedValues(item, id);
    });
  }
  return Object.entries(changes).flatMap(([key, value]) => {
    if (key === 'id') return [];
    if (value !== null && typeof value === 'object') return changedValues(value, entity);
    return [`${entity === '' ? '' : `${entity} `}${key} = ${JSON.stringify(value)}`];
  });
}

/** A reference's name: the config as loaded, or what the pinned run changes from it. */
export function referenceName(changes: Record<string, unknown>, loadedName: string): string {
  const values = changedValues(changes);
  if (values.length === 0) return `${loadedName} as loaded`;
  const more = values.length - NAMED_CHANGES;
  return `pinned: ${values.slice(0, NAMED_CHANGES).join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
}

/** A short line in the reference's pattern, as its legend entry draws it. */
function swatch(index: number): SVGSVGElement {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('width', '36');
  svg.setAttribute('height', '8');
  svg.setAttribute('aria-hidden', 'true');
  const line = document.createElementNS('http://www.w3.org/2000/svg', 'line');
  for (const [name, value] of Object.entries({ x1: '0', y1: '4', x2: '36', y2: '4', stroke: '#666666', 'stroke-width': '1.5', 'stroke-dasharray': referenceDash(index).join(' ') })) line.setAttribute(name, value);
  svg.append(line);
  return svg;
}

export function renderReferenceList(container: HTMLElement, names: readonly string[], unpin: (index: number) => void): void {
  container.replaceChildren(
    ...(names.length === 0
      ? [el('li', { class: 'none', text: 'No reference pinned: Pin as reference draws this run on every chart beside the runs to come' })]
      : names.map((name, index) => {
          const button = el('button', { type: 'button', text: 'Unpin', 'aria-label': `unpin ${name}` });
          button.addEventListener('click', () => unpin(index));
          return el('li', { 'data-reference': name }, swatch(index), el('span', { text: name }), button);
        })),
  );
}
