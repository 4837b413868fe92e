import { canonicalPath, numbersAtPath } from '../sweep/param-path.js';
import type { ConfigProblem } from './config-problem.js';
import { describeBounds, fieldBounds, type FieldBounds } from './field-bounds.js';
import type { ScenarioShape } from './scenario-schema.js';
import { uncertainParameter, type Distribution, type UncertainParameter } from './uncertain-schema.js';

/**
 * The rules an uncertain parameter obeys beyond its schema: its path names a number of the
 * scenario, in the syntax of sweeps (or, with `*`, several that move together as one factor), and
 * not the seed or the run's length; a parameter is declared once, under one path only; its range stays within the valid range the schema gives that number, so that every draw
 * is a valid scenario as far as that field goes.
 */

/** Fields no draw may change: what they would vary is not a parameter of the market. */
const NOT_PARAMETERS: Readonly<Record<string, string>> = {
  seed: 'the seed is not a parameter: --runs already gives each run its own seed',
  months: 'the run’s length is not uncertain: every run of an ensemble covers the same months (use --ticks)',
};

const EXAMPLE = 'e.g. enterprises.priceElasticity or vendors.openai.policies.pricing.params.markup';

/**
 * The problems of the declared list (`uncertain` as the file holds it) against the scenario: each
 * entry that passes its schema is checked at its own index (those that do not are the schema's to
 * report), so that a file's problems come in one report. `unparsed` names the scenario's top-level
 * sections that did not parse as the file holds them; paths into them are not judged.
 */
export function checkUncertain(scenario: ScenarioShape, declared: unknown, unparsed: ReadonlySet<string> = new Set()): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const seen = new Map<string, { index: number; name: string }>();
  (Array.isArray(declared) ? declared : []).forEach((entry, index) => {
    const parsed = uncertainParameter.safeParse(entry);
    if (!parsed.success) return;
    const parameter = parsed.data;
    const at = `uncertain[${index}]`;
    // A path into a section that did not parse as written (an entry of it invalid, and so left
    // out or taken from the parent) cannot be judged: that section's own problems are reported.
    if (unparsed.has(parameter.path.split(/[.[]/)[0]!)) return;
    const target = numbersAtPath(scenario, parameter.path);
    if (!target.success) {
      problems.push({ path: `${at}.path`, message: `${target.message}; an uncertain parameter names a numeric field of the scenario, ${EXAMPLE}` });
      return;
    }
    const canonical = canonicalPath(scenario, parameter.path);
    const name = canonical.success ? canonical.value : parameter.path;
    const refused = name.startsWith('uncertain[') ? 'an uncertain parameter’s own range is not a parameter of the market' : NOT_PARAMETERS[name];
    if (refused !== undefined) {
      problems.push({ path: `${at}.path`, message: `${parameter.path}: ${refused}` });
      return;
    }
    const numbers = target.value.map((number) => number.path);
    const clash = numbers.find((number) => seen.has(number));
    if (clash !== undefined) {
      const earlier = seen.get(clash)!;
      problems.push({ path: `${at}.path`, message: `${parameter.path} is declared already at uncertain[${earlier.index}] (as ${earlier.name}): declare each parameter once` });
      return;
    }
    for (const number of numbers) seen.set(number, { index, name });
    const bounds = fieldBounds(scenario, target.value[0]!.segments);
    if (bounds !== undefined) problems.push(...outsideBounds(parameter, name, bounds, `${at}.distribution`));
  });
  return problems;
}

/** The distribution's numbers that leave the field's valid range, each at its own path. */
function outsideBounds(parameter: UncertainParameter, name: string, bounds: FieldBounds, at: string): ConfigProblem[] {
  const valid = describeBounds(bounds);
  return limitsOf(parameter.distribution).flatMap(({ key, value }) => {
    const below = bounds.min !== undefined && (bounds.minExclusive ? value <= bounds.min : value < bounds.min);
    const above = bounds.max !== undefined && (bounds.maxExclusive ? value >= bounds.max : value > bounds.max);
    if (!below && !above) return [];
    return [{ path: `${at}.${key}`, message: `${value} is ${below ? 'below' : 'above'} the valid range of ${name} (${valid}); keep the distribution within it` }];
  });
}

/** The numbers of a distribution that must be valid values of its field; a normal's mean (its tails are truncated). */
function limitsOf(distribution: Distribution): { key: string; value: number }[] {
  switch (distribution.type) {
    case 'uniform':
    case 'log-uniform':
    case 'triangular': // its mode lies from lo to hi (the schema)
      return [
        { key: 'lo', value: distribution.lo },
        { key: 'hi', value: distribution.hi },
      ];
    case 'normal':
      return [{ key: 'mean', value: distribution.mean }];
    default: {
      const never: never = distribution;
      return never;
    }
  }
}
