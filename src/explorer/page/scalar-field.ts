import { el, labelled, shown, uniqueId } from './dom.js';
import type { ControlContext } from './controls.js';
import { formatPath, getAt, isScalar, type Path } from './json-path.js';
import { policySummary, policyOfType, policyTypeRole, policyTypes } from './policy-types.js';
import { schemaAt, unitOf } from './schema-lookup.js';

/**
 * One scalar of the scenario as a labelled field of the "all parameters" panel, the control its
 * kind asks for: a flag a checkbox, an enum (or a policy's type) a select, a number or any other
 * string a text field. The schema's description, the unit, the value as loaded and the default
 * are its help. A number field takes any text: what is not a number is sent as typed, so the
 * check answers it as `npm run validate` answers the same file (expected number, received string),
 * rather than the field dropping it unseen.
 */

/** The value a field shows: the file's, or the schema's default where the file leaves the field out. */
function valueAt(ctx: ControlContext, path: Path): unknown {
  return getAt(ctx.working(), path) ?? schemaAt(ctx.schema, ctx.working(), path)?.default;
}

/** The help shown under a field, and searched: the schema's description, unit, value as loaded, default. */
export function helpOf(ctx: ControlContext, path: Path): string {
  const node = schemaAt(ctx.schema, ctx.working(), path);
  const before = getAt(ctx.loaded(), path);
  const unit = typeof valueAt(ctx, path) === 'number' ? unitOf(String(path.at(-1))) : '';
  return [
    typeof node?.description === 'string' ? node.description.replace(/\.?$/, '.') : '',
    unit ? `Unit: ${unit}.` : '',
    isScalar(before) ? `As loaded: ${typeof before === 'number' ? shown(before) : JSON.stringify(before)}.` : '',
    isScalar(node?.default) ? `Default: ${JSON.stringify(node.default)}${getAt(ctx.working(), path) === undefined ? ', which the file leaves it at' : ''}.` : '',
  ].filter(Boolean).join(' ');
}

function enumOf(node: Record<string, unknown> | undefined): string[] | undefined {
  return Array.isArray(node?.enum) && node.enum.every((o) => typeof o === 'string') ? (node.enum as string[]) : undefined;
}

function select(options: readonly string[], value: string): HTMLSelectElement {
  const control = el('select', {}, ...options.map((o) => el('option', { value: o, text: o })));
  control.value = value;
  return control;
}

/** The control for the value at `path`, wired to edit it. */
function controlFor(ctx: ControlContext, path: Path): HTMLInputElement | HTMLSelectElement {
  const value = valueAt(ctx, path);
  if (typeof value === 'boolean') {
    const box = el('input', { type: 'checkbox' });
    box.checked = value;
    box.addEventListener('change', () => ctx.edit(path, box.checked));
    return box;
  }
  const role = policyTypeRole(path);
  if (role !== undefined && typeof value === 'string') {
    const types = select(policyTypes(role), value);
    types.title = policySummary(role, value);
    types.addEventListener('change', () => ctx.edit(path.slice(0, -1), policyOfType(role, types.value)));
    return types;
  }
  const options = enumOf(schemaAt(ctx.schema, ctx.working(), path));
  if (options !== undefined && typeof value === 'string') {
    const choice = select(options.includes(value) ? options : [value, ...options], value);
    choice.addEventListener('change', () => ctx.edit(path, choice.value));
    return choice;
  }
  const numeric = typeof value === 'number';
  const field = el('input', { type: 'text', value: numeric ? shown(value) : String(value), ...(numeric && { inputmode: 'decimal' }) });
  field.addEventListener('change', () => {
    const text = field.value.trim();
    const number = Number(text);
    ctx.edit(path, numeric && text !== '' && Number.isFinite(number) ? number : field.value);
  });
  return field;
}

export function scalarField(ctx: ControlContext, path: Path): HTMLElement {
  const control = controlFor(ctx, path);
  const changed = getAt(ctx.loaded(), path) !== getAt(ctx.working(), path);
  const { label } = labelled(`${formatPath(path)}${changed ? ' •' : ''}`, control, 'param');
  const help = helpOf(ctx, path);
  const helpNode = el('div', { class: 'help', id: uniqueId('help'), text: help });
  if (help !== '') control.setAttribute('aria-describedby', helpNode.id);
  return el('div', { class: `param-row${changed ? ' changed' : ''}`, 'data-path': formatPath(path) }, label, control, ...(help === '' ? [] : [helpNode]));
}
