import type { JsonSchema } from '../../config/json-schema.js';
import { el, labelled, shown, uniqueId } from './dom.js';
import { formatPath, getAt, type Path } from './json-path.js';
import { numberLevers, policyLevers, type PolicyLever } from './levers.js';
import { policyOfType, policySummary, policyTypes } from './policy-types.js';
import { rangeOf, schemaAt, unitOf } from './schema-lookup.js';

/**
 * The settings panels, generated from the scenario and its schema: the key levers as sliders with
 * their unit, range, the value as loaded and the schema's description as help; the policies as a
 * type select whose params follow the type (every other scalar is in all-parameters.ts).
 * A slider edits on release, a field on change: each edit is one run.
 */

export interface ControlContext {
  readonly schema: JsonSchema;
  /** The scenario as the page holds it now. */
  working(): unknown;
  /** The scenario as loaded: each control shows its value there. */
  loaded(): unknown;
  edit(path: Path, value: unknown): void;
}

function lastKey(path: Path): string {
  return String([...path].reverse().find((s) => typeof s === 'string') ?? '');
}

function numberControl(ctx: ControlContext, path: Path, label: string): HTMLElement {
  const value = getAt(ctx.working(), path) as number;
  const before = getAt(ctx.loaded(), path);
  const node = schemaAt(ctx.schema, ctx.working(), path);
  const range = rangeOf(node, typeof before === 'number' ? before : value);
  const slider = el('input', { type: 'range', min: String(range.min), max: String(Math.max(range.max, value)), step: String(range.step), value: String(value) });
  const field = el('input', { type: 'number', step: range.integer ? '1' : 'any', value: shown(value), 'aria-label': `${label}: value` });
  const { label: labelNode } = labelled(label, slider, 'lever');
  const unit = unitOf(lastKey(path));
  const schemaDefault = node?.default;
  const help = [
    typeof node?.description === 'string' ? `${node.description.replace(/\.?$/, '.')}` : '',
    unit ? `Unit: ${unit}.` : '',
    typeof before === 'number' ? `As loaded: ${shown(before)}.` : '',
    typeof schemaDefault === 'number' ? `Default: ${shown(schemaDefault)}.` : '',
    `Range here ${shown(range.min)} to ${shown(Math.max(range.max, value))}; type any valid value in the field. ${formatPath(path)}`,
  ].filter(Boolean).join(' ');
  const helpNode = el('div', { class: 'help', id: uniqueId('help') , text: help });
  slider.setAttribute('aria-describedby', helpNode.id);
  field.setAttribute('aria-describedby', helpNode.id);
  const row = el('div', { class: `lever${typeof before === 'number' && before !== value ? ' changed' : ''}`, 'data-path': formatPath(path) }, labelNode, el('span'), slider, field, helpNode);
  slider.addEventListener('input', () => (field.value = shown(Number(slider.value))));
  const commit = (text: string) => {
    const next = Number(text);
    if (text.trim() === '' || !Number.isFinite(next)) return;
    ctx.edit(path, next);
  };
  slider.addEventListener('change', () => commit(slider.value));
  field.addEventListener('change', () => commit(field.value));
  return row;
}

function grouped<T extends { group: string }>(items: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(item.group, [...(groups.get(item.group) ?? []), item]);
  return groups;
}

export function renderLevers(container: HTMLElement, ctx: ControlContext): void {
  const panel = el('details', { open: '', id: 'key-levers' }, el('summary', { text: 'Key levers' }));
  for (const [group, levers] of grouped(numberLevers(ctx.working()))) {
    panel.append(el('h3', { text: group }), ...levers.map((lever) => numberControl(ctx, lever.path, lever.label)));
  }
  container.append(panel);
}

function paramControl(ctx: ControlContext, path: Path, key: string): HTMLElement {
  const value = getAt(ctx.working(), path);
  if (typeof value === 'number') return numberControl(ctx, path, key);
  const node = schemaAt(ctx.schema, ctx.working(), path);
  const description = typeof node?.description === 'string' ? node.description : '';
  if (typeof value === 'boolean') {
    const box = el('input', { type: 'checkbox' });
    box.checked = value;
    box.addEventListener('change', () => ctx.edit(path, box.checked));
    const { label } = labelled(key, box, 'param');
    return el('div', { class: 'param-row', title: description }, label, box);
  }
  const options = Array.isArray(node?.enum) ? (node.enum as unknown[]) : undefined;
  if (typeof value === 'string' && options !== undefined) {
    const select = el('select', {}, ...options.map((o) => el('option', { value: String(o), text: String(o) })));
    select.value = value;
    select.addEventListener('change', () => ctx.edit(path, select.value));
    const { label } = labelled(key, select, 'param');
    return el('div', { class: 'param-row', title: description }, label, select);
  }
  const text = el('input', { type: 'text', value: JSON.stringify(value) });
  text.addEventListener('change', () => {
    try {
      ctx.edit(path, JSON.parse(text.value));
    } catch {
      ctx.edit(path, text.value);
    }
  });
  const { label } = labelled(`${key} (JSON)`, text, 'param');
  return el('div', { class: 'param-row', title: description }, label, text);
}

function policyControl(ctx: ControlContext, lever: PolicyLever): HTMLElement {
  const policy = getAt(ctx.working(), lever.path) as { type?: string; params?: Record<string, unknown> };
  const select = el('select', {}, ...policyTypes(lever.role).map((t) => el('option', { value: t, text: t })));
  select.value = policy.type ?? '';
  const summary = policySummary(lever.role, policy.type ?? '');
  const { label } = labelled(lever.label, select, 'policy');
  select.addEventListener('change', () => ctx.edit(lever.path, policyOfType(lever.role, select.value)));
  const params = Object.keys(policy.params ?? {}).map((key) => paramControl(ctx, [...lever.path, 'params', key], key));
  return el('fieldset', { 'data-path': formatPath(lever.path) }, el('legend', { text: lever.label }), el('div', { class: 'param-row' }, label, select), el('div', { class: 'help', text: summary }), ...params);
}

export function renderPolicies(container: HTMLElement, ctx: ControlContext): void {
  const panel = el('details', { id: 'policies' }, el('summary', { text: 'Policies' }));
  for (const [group, levers] of grouped(policyLevers(ctx.working()))) {
    panel.append(el('h3', { text: group }), ...levers.map((lever) => policyControl(ctx, lever)));
  }
  container.append(panel);
}
