import { parseScenario, type Scenario } from '../config/parse-scenario.js';
import { resolvePath, withValueAt } from '../sweep/param-path.js';
import { NonFiniteMetricError } from '../metrics/non-finite-metric.js';
import { runSimulation } from './run-simulation.js';
import { dateToTick } from '../engine/calendar.js';
import { BooksError } from '../books/violation.js';

/**
 * Which parameters fed a NaN or an Infinity. A config that stops on a non-finite value usually
 * changed a few parameters of the scenario it extends; undoing some of those changes makes the
 * value finite again. Delta debugging (Zeller and Hildebrandt 2002, "Simplifying and isolating
 * failure-inducing input") finds a smallest set of the config's changes that still gives the
 * non-finite value when every other change is undone: those are the parameters to look at.
 */

/** One value the config sets differently from the scenario it extends. */
export interface ParameterChange {
  /** In the sweep syntax: `compute.gpuCostDeclinePerYear`, `vendors.openai.policies.pricing.params.markup`. */
  readonly path: string;
  readonly from: unknown;
  readonly to: unknown;
}

export type SuspectFinding =
  /** Keeping only these changes still gives the non-finite value; undoing any one of them cures it. */
  | { readonly kind: 'suspects'; readonly changes: readonly ParameterChange[]; readonly runs: number }
  /** The scenario it extends gives a non-finite value too: nothing the config changed is to blame. */
  | { readonly kind: 'parent-fails'; readonly runs: number }
  /** The config changes no parameter of its parent, or has no parent to compare with. */
  | { readonly kind: 'no-changes' };

/** Whether an error is the run stopping on a NaN or an Infinity. */
export function isNonFinite(error: unknown): boolean {
  return error instanceof NonFiniteMetricError || (error instanceof BooksError && error.violations.some((v) => v.invariant === 'stateIsFinite'));
}

/** Whether the scenario stops on a non-finite value within `months`. */
export function runUntilNonFinite(scenario: Scenario, seed: number, months: number): boolean {
  try {
    runSimulation(scenario, { seed, months });
    return false;
  } catch (error) {
    if (isNonFinite(error)) return true;
    return false;
  }
}

/** Descriptive fields whose values cannot feed a number. */
const DESCRIPTIVE = new Set(['name', 'description', 'note', 'label', 'source', 'branchesAt', 'extends', 'parent', '$schema', 'calibratedThrough', 'seed', 'months']);

/**
 * The numbers, booleans and policy types the child sets differently from the parent, at paths both
 * have; entries of id-keyed lists are matched by id. Added or removed entries are not parameters.
 */
export function changedParameters(parent: unknown, child: unknown, path = ''): ParameterChange[] {
  if (Array.isArray(parent) && Array.isArray(child)) {
    const ids = (list: unknown[]) => list.every((e) => isObject(e) && typeof e.id === 'string');
    if (ids(parent) && ids(child)) {
      return child.flatMap((entry) => {
        const id = (entry as { id: string }).id;
        const match = parent.find((p) => (p as { id: string }).id === id);
        return match === undefined ? [] : changedParameters(match, entry, join(path, id));
      });
    }
    if (parent.length !== child.length) return [];
    return child.flatMap((entry, i) => changedParameters(parent[i], entry, join(path, String(i))));
  }
  if (isObject(parent) && isObject(child)) {
    return Object.keys(child).flatMap((key) => (DESCRIPTIVE.has(key) || key.endsWith('Source') || !(key in parent) ? [] : changedParameters(parent[key], child[key], join(path, key))));
  }
  const parameter = typeof child === 'number' || typeof child === 'boolean' || (typeof child === 'string' && path.endsWith('.type'));
  return parameter && parent !== child ? [{ path, from: parent, to: child }] : [];
}

/**
 * The smallest set of the child's changes that still stops a run on a non-finite value with every
 * other change undone, found in at most `maxRuns` runs; `givesNonFinite` runs a scenario (to the
 * failing month is enough: runUntilNonFinite).
 */
export function nonFiniteSuspects(parent: Scenario, child: Scenario, givesNonFinite: (scenario: Scenario) => boolean, maxRuns = 64): SuspectFinding {
  const changes = changedParameters(stripParent(parent), stripParent(child));
  if (changes.length === 0) return { kind: 'no-changes' };
  let runs = 0;
  const fails = (kept: readonly ParameterChange[]): boolean => {
    const scenario = withOnly(child, changes, kept);
    runs++;
    return givesNonFinite(scenario);
  };
  if (fails([])) return { kind: 'parent-fails', runs };
  return { kind: 'suspects', changes: ddmin(changes, fails, () => runs >= maxRuns), runs };
}

/**
 * The child with every change not in `kept` undone, validated again. A mix the schema refuses
 * (one the child itself reached past a check) is run as it stands: a diagnosis, not a run to keep.
 */
function withOnly(child: Scenario, changes: readonly ParameterChange[], kept: readonly ParameterChange[]): Scenario {
  let json: unknown = stripParent(child);
  for (const change of changes) {
    if (kept.includes(change)) continue;
    const at = resolvePath(json, change.path);
    if (at.success) json = withValueAt(json, at.value.segments, change.from);
  }
  const parsed = parseScenario(json, child.parent);
  return parsed.success ? parsed.scenario : ({ ...(json as object), ...(child.parent ? { parent: child.parent } : {}) } as Scenario);
}

/** Zeller and Hildebrandt's ddmin: a 1-minimal failing subset (undoing any one change of it cures the failure). */
function ddmin<T>(items: readonly T[], fails: (subset: readonly T[]) => boolean, outOfRuns: () => boolean): T[] {
  let current = [...items];
  let granularity = 2;
  while (current.length >= 2 && !outOfRuns()) {
    const chunks = split(current, granularity);
    const failing = chunks.find((chunk) => fails(chunk));
    if (failing) {
      current = failing;
      granularity = 2;
      continue;
    }
    const complement = chunks.map((chunk) => current.filter((c) => !chunk.includes(c))).find((rest) => rest.length > 0 && rest.length < current.length && fails(rest));
    if (complement) {
      current = complement;
      granularity = Math.max(granularity - 1, 2);
      continue;
    }
    if (granularity >= current.length) break;
    granularity = Math.min(current.length, granularity * 2);
  }
  return current;
}

function split<T>(items: readonly T[], parts: number): T[][] {
  const size = Math.ceil(items.length / parts);
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}


/** The scenario's own settings: without the scenario it branches from or extends. */
function stripParent(scenario: Scenario): unknown {
  const { parent: _parent, extended: _extended, ...own } = scenario;
  return own;
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * What to add to a run's non-finite failure: the parameters that fed it, when the scenario branches
 * from a parent (every shipped what-if scenario does) or extends one to compare with; for a
 * scenario that extends nothing, that it has no parent to compare with. Undefined for other failures.
 */
export function explainNonFinite(error: unknown, scenario: Scenario, seed: number): string | undefined {
  if (!isNonFinite(error)) return undefined;
  const parent = scenario.parent ?? scenario.extended;
  if (parent === undefined) return 'this scenario extends no other, so there is no parent to compare its parameters with: extend the scenario it was copied from ("extends") and the run names the parameters that fed it';
  const relation = scenario.parent ? 'branches from' : 'extends';
  const date = (error as { date: string }).date;
  const months = Math.max(1, dateToTick(scenario.start, date) + 1);
  const finding = nonFiniteSuspects(parent, scenario, (s) => runUntilNonFinite(s, seed, months));
  switch (finding.kind) {
    case 'no-changes':
      return `this scenario changes no parameter of the scenario it ${relation}, which gives it too`;
    case 'parent-fails':
      return `the scenario it ${relation} gives it too, so none of this scenario’s changes is to blame`;
    case 'suspects': {
      const shown = finding.changes.map((c) => `${c.path} (${JSON.stringify(c.from)} in the parent, ${JSON.stringify(c.to)} here)`).join(', ');
      return `the parameters that fed it: ${shown}; undoing ${finding.changes.length === 1 ? 'that change' : 'any one of these changes'} makes it finite (${finding.runs} runs to find them)`;
    }
  }
}
