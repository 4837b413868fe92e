import type { JsonSchema } from '../../config/json-schema.js';
import type { Path } from './json-path.js';
import { getAt } from './json-path.js';

/**
 * The JSON Schema node (configs/schema.json, generated from the zod schema) that describes a
 * value of a scenario: its description, range, default. A policy's node is the variant of its
 * type; a list's is its items'.
 */

type Node = JsonSchema & Record<string, unknown>;

export function schemaAt(root: JsonSchema, scenario: unknown, path: Path): Node | undefined {
  const defs = (root as { $defs?: Record<string, Node> }).$defs ?? {};
  const deref = (node: Node | undefined): Node | undefined => {
    let current = node;
    for (let i = 0; i < 10 && current !== undefined && typeof current.$ref === 'string'; i++) current = defs[(current.$ref as string).replace('#/$defs/', '')];
    return current;
  };
  const pick = (node: Node | undefined, value: unknown): Node | undefined => {
    let current = deref(node);
    for (const key of ['oneOf', 'anyOf'] as const) {
      const options = current?.[key] as Node[] | undefined;
      if (options === undefined) continue;
      const type = value !== null && typeof value === 'object' ? (value as { type?: unknown }).type : undefined;
      const variant =
        options.map(deref).find((o) => type !== undefined && (o?.properties as Record<string, Node> | undefined)?.type?.const === type) ??
        options.map(deref).find((o) => o !== undefined && o.type === (Array.isArray(value) ? 'array' : typeof value)) ??
        options.map(deref).find((o) => o?.properties !== undefined);
      current = variant ?? current;
    }
    return current;
  };
  let node = pick(defs.scenario ?? (root as Node), scenario);
  for (let i = 0; i < path.length && node !== undefined; i++) {
    const segment = path[i]!;
    const child = typeof segment === 'number' ? (node.items as Node | undefined) : (node.properties as Record<string, Node> | undefined)?.[segment];
    node = pick(child, getAt(scenario, path.slice(0, i + 1)));
  }
  return node;
}

export interface NumberRange {
  readonly min: number;
  readonly max: number;
  readonly step: number;
  readonly integer: boolean;
}

/** A slider's range: the schema's bounds where they are finite and near the value, else 0 to four times the value. */
export function rangeOf(node: Node | undefined, value: number): NumberRange {
  const integer = node?.type === 'integer';
  const low = typeof node?.minimum === 'number' ? node.minimum : typeof node?.exclusiveMinimum === 'number' ? node.exclusiveMinimum : Math.min(0, value);
  const schemaMax = typeof node?.maximum === 'number' ? node.maximum : undefined;
  const wide = Math.max(Math.abs(value) * 4, low + 1);
  const max = schemaMax !== undefined && schemaMax <= Math.max(wide, 10) ? schemaMax : wide;
  const min = low < 0 && value >= 0 ? Math.min(0, value) : low;
  const step = integer ? 1 : niceStep((max - min) / 200);
  return { min, max, step, integer };
}

function niceStep(raw: number): number {
  if (!(raw > 0)) return 0.01;
  const power = 10 ** Math.floor(Math.log10(raw));
  return power;
}

/** The unit a number is in, from the field's name as the schema names fields ("...Usd", "...Months", "...Share"). */
export function unitOf(key: string): string {
  if (/UsdPerMTok$/i.test(key)) return 'USD per MTok';
  if (/Usd$/i.test(key)) return 'USD';
  if (/MTok$/.test(key)) return 'MTok per month';
  if (/Months$|^months$/i.test(key)) return 'months';
  if (/PerYear$/.test(key)) return 'per year';
  if (/PerMonth$/.test(key)) return 'per month';
  if (/Share$|Probability$|Utilisation$|Maturity$/.test(key)) return 'share, 0–1';
  return '';
}
