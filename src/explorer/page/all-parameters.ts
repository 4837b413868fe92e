import type { ControlContext } from './controls.js';
import { el, labelled } from './dom.js';
import { formatPath, getAt, isScalar, type Path, type Segment } from './json-path.js';
import { numberLevers, policyLevers } from './levers.js';
import { helpOf, scalarField } from './scalar-field.js';
import { schemaAt } from './schema-lookup.js';

/**
 * The "all parameters" panel: every scalar of the scenario that the key levers and the policies
 * panel do not already offer, those the file leaves to the schema's default included (at that
 * default, as the run takes them), each as the field its kind asks for (scalar-field.ts), found by a
 * search over paths, entity ids and names ("openai markup") and the schema's descriptions.
 */

/**
 * Not offered here: the events (their own table), the calibration's notes and uncertain ranges
 * (not settings of a run), and what a save writes itself (its $schema, extends, name and description).
 */
const NOT_PARAMETERS = new Set(['events', 'uncertain', 'calibratedThrough', 'history', '$schema', 'extends', 'name', 'description']);
/** Rows drawn at once: enough to scan, few enough to draw at once on every keystroke. */
const SHOWN_AT_ONCE = 120;

/** The id and name of the entity a path runs through, so "openai" finds vendors[0]. */
function entityName(json: unknown, path: Path): string {
  const index = path.findIndex((s) => typeof s === 'number');
  if (index < 0) return '';
  const entity = getAt(json, path.slice(0, index + 1)) as { id?: string; name?: string; cloud?: string; vendor?: string } | undefined;
  return [entity?.id, entity?.name, entity?.cloud, entity?.vendor].filter(Boolean).join(' ');
}

/**
 * Every scalar field of the scenario, in the file's order: each value the file holds, then, after
 * an object's own, each scalar property the schema gives it that the file leaves out and that has
 * a default (a runway's acceptExclusive): the run takes it, so the analyst may change it.
 */
function parameterPaths(ctx: ControlContext): Path[] {
  const paths: Path[] = [];
  const walk = (value: unknown, path: Segment[]): void => {
    if (isScalar(value)) return void paths.push(path);
    if (value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) return value.forEach((item, i) => walk(item, [...path, i]));
    const skipped = (key: string) => path.length === 0 && NOT_PARAMETERS.has(key);
    for (const [key, child] of Object.entries(value)) if (!skipped(key)) walk(child, [...path, key]);
    const properties = schemaAt(ctx.schema, ctx.working(), path)?.properties as Record<string, unknown> | undefined;
    for (const key of Object.keys(properties ?? {})) {
      if (key in value || skipped(key)) continue;
      if (isScalar(schemaAt(ctx.schema, ctx.working(), [...path, key])?.default)) paths.push([...path, key]);
    }
  };
  walk(ctx.working(), []);
  return paths;
}

export function renderAllParameters(container: HTMLElement, ctx: ControlContext, query: string, onQuery: (query: string) => void): void {
  const levers = [...numberLevers(ctx.working()), ...policyLevers(ctx.working())].map((l) => formatPath(l.path));
  const offered = (path: Path) => {
    const text = formatPath(path);
    return levers.some((l) => text === l || text.startsWith(`${l}.`));
  };
  const leaves = parameterPaths(ctx).filter((path) => !offered(path));
  const search = el('input', { type: 'search', value: query, placeholder: 'e.g. markup, openai, capex' });
  const { label } = labelled(`Search ${leaves.length} parameters`, search, 'search');
  const list = el('div', { id: 'all-parameters-list' });
  const show = () => {
    const words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
    const found = words.length === 0 ? leaves : leaves.filter((path) => {
      const text = `${formatPath(path)} ${entityName(ctx.working(), path)} ${helpOf(ctx, path)}`.toLowerCase();
      return words.every((w) => text.includes(w));
    });
    list.replaceChildren(
      ...found.slice(0, SHOWN_AT_ONCE).map((path) => scalarField(ctx, path)),
      ...(found.length > SHOWN_AT_ONCE ? [el('p', { text: `${found.length - SHOWN_AT_ONCE} more: narrow the search` })] : []),
    );
  };
  search.addEventListener('input', () => {
    onQuery(search.value);
    show();
  });
  show();
  container.append(el('details', { id: 'all-parameters' }, el('summary', { text: 'All parameters' }), label, search, list));
}
