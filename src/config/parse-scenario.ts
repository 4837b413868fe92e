import { z } from 'zod';
import { valueAtPath } from './json-lookup.js';
import { scenarioJsonSchema, type JsonSchema } from './json-schema.js';
import { checkBranch, type BranchSide, type RemovedEvent } from './branch-rules.js';
import { ownEventProblems } from './compose.js';
import { checkPopulations } from './population-rules.js';
import { checkReferences, type ConfigProblem } from './references.js';
import { scenarioSchema, type ScenarioShape } from './scenario-schema.js';
import { issueInWords, tightestBounds, typeInWords } from './issue-words.js';
import { unknownNames } from './suggest.js';
import { checkUncertain } from './uncertain-rules.js';

/**
 * A scenario that passed the schema and the cross-reference checks. A scenario that branches
 * (`branchesAt`) carries the scenario it branches from, resolved, as `parent`: the run is the
 * parent's until the branch month. One that extends a file without branching carries that file's
 * scenario, resolved, as `extended`: the run never uses it; it is what the scenario's changes are
 * measured from when a run stops on a NaN (simulation/non-finite-suspects).
 */
export type Scenario = ScenarioShape & { readonly parent?: Scenario; readonly extended?: Scenario };

/**
 * What of a scenario that failed its checks still parses (see salvage), and the top-level fields
 * taken from elsewhere. A child's branch rules are checked against it, on the fields it states
 * validly, so that a child's own problems come in the same report as its parent's.
 */
export interface PartialScenario {
  /** Whole when every field is valid or taken from elsewhere; a required field with nowhere to take it from is missing. */
  readonly shape: BranchSide;
  readonly substituted: ReadonlySet<string>;
}

export type ParseResult = { success: true; scenario: Scenario } | { success: false; problems: ConfigProblem[]; partial?: PartialScenario };

/**
 * Validates parsed JSON; every problem at once, each with its path. Pure: no file system. A
 * branching scenario needs its parent: given (the loader has read it from its file) or held in the
 * JSON as `parent` (a manifest records the resolved chain).
 */
/** How the problem of a branch without a parent starts. */
export const NO_PARENT = 'a scenario branches from its parent';

/** What the loader knows of a child that its merged JSON no longer shows: the parent events it removes, and where. */
export interface ParseContext {
  readonly removedEvents?: readonly RemovedEvent[];
  /** The scenario a non-branching child extends, resolved (see Scenario.extended). */
  readonly extended?: Scenario;
  /** The parent a branch extends when it failed its own checks: the branch rules are checked against what of it parses. */
  readonly partialParent?: PartialScenario;
  /**
   * What of the scenario a non-branching child extends parses, when that failed its own checks: the
   * child's invalid fields are taken from it, so the rules that need a whole scenario check the child.
   */
  readonly extendedPartial?: PartialScenario;
}

export function parseScenario(json: unknown, parent?: Scenario, context: ParseContext = {}): ParseResult {
  const { parent: heldParent, extended: heldExtended, ...own } = (json !== null && typeof json === 'object' && !Array.isArray(json) ? json : {}) as { parent?: unknown; extended?: unknown };
  let branchParent = parent;
  if (branchParent === undefined && heldParent !== undefined) {
    const parsedParent = parseScenario(heldParent);
    if (!parsedParent.success) return { success: false, problems: parsedParent.problems.map((p) => ({ ...p, path: `parent.${p.path}` })) };
    branchParent = parsedParent.scenario;
  }
  let extended = context.extended;
  if (extended === undefined && heldExtended !== undefined) {
    const parsedExtended = parseScenario(heldExtended);
    if (!parsedExtended.success) return { success: false, problems: parsedExtended.problems.map((p) => ({ ...p, path: `extended.${p.path}` })) };
    extended = parsedExtended.scenario;
  }
  const input = heldParent === undefined && heldExtended === undefined ? json : own;
  const result = scenarioSchema.safeParse(input);
  // Every stage that can be checked is, so a file's problems come in one report: the rules that need
  // a parsed scenario run on what of it parses, the rest taken from the parent (see salvage).
  const partialParent = branchParent === undefined ? context.partialParent : undefined;
  // Invalid fields are taken from the parent, branched from or extended, whole or what of it parses: what the file would be with them.
  const fallback = branchParent ?? partialParent?.shape ?? extended ?? context.extendedPartial?.shape;
  const salvaged = result.success ? { shape: result.data, substituted: new Set<string>() } : salvage(input, fallback);
  const problems = [...(result.success ? [] : tightestBounds(result.error.issues).map((issue) => toProblem(issue, input))), ...checkReferences(input)];
  // The rules that need a whole scenario check one; the branch rules check what both sides state.
  const whole = salvaged !== undefined && isWhole(salvaged.shape) ? salvaged.shape : undefined;
  if (whole !== undefined && !['start', 'vendors', 'consumers'].some((key) => salvaged!.substituted.has(key))) problems.push(...checkPopulations(whole));
  if (whole !== undefined) problems.push(...checkUncertain(whole, (input as { uncertain?: unknown } | null)?.uncertain, salvaged!.substituted));
  const branchesAt = (input as { branchesAt?: unknown } | null)?.branchesAt;
  const branchChecked = salvaged?.shape.branchesAt !== undefined && !salvaged.substituted.has('branchesAt');
  if (branchesAt !== undefined && branchParent === undefined) {
    problems.push({ path: 'branchesAt', message: `${NO_PARENT}: name it with extends` });
    // A parent with problems of its own: the rules are checked on what of it parses, not on what it had to take from elsewhere.
    if (partialParent !== undefined && branchChecked) {
      problems.push(...checkBranch(salvaged.shape, partialParent.shape, context.removedEvents).filter((p) => !partialParent.substituted.has(topField(p.path))));
    }
  } else if (branchParent !== undefined && branchChecked) {
    problems.push(...checkBranch(salvaged.shape, branchParent, context.removedEvents));
  }
  if (!result.success || problems.length > 0) {
    const partial = salvaged === undefined ? undefined : { shape: salvaged.shape, substituted: new Set([...salvaged.substituted, ...(partialParent?.substituted ?? [])]) };
    return { success: false, problems, ...(partial ? { partial } : {}) };
  }
  if (result.data.branchesAt === undefined) return { success: true, scenario: extended === undefined ? result.data : { ...result.data, extended } };
  return { success: true, scenario: { ...result.data, parent: branchParent } };
}

/** Whether a salvaged scenario has every field a scenario must: none was invalid with nowhere to take it from. */
function isWhole(shape: BranchSide): shape is ScenarioShape {
  return (Object.entries(scenarioSchema.shape) as [keyof ScenarioShape, z.ZodType][]).every(([key, schema]) => shape[key] !== undefined || schema.safeParse(undefined).success);
}

/** "events[3].vendor" → "events". */
function topField(path: string): string {
  return /^[^.[]*/.exec(path)![0];
}

/** The array schema inside a default or an optional, if any. */
function listSchema(schema: z.ZodType): z.ZodArray<z.ZodType> | undefined {
  let inner: unknown = schema;
  while (inner instanceof z.ZodDefault || inner instanceof z.ZodOptional) inner = inner.unwrap();
  return inner instanceof z.ZodArray ? (inner as z.ZodArray<z.ZodType>) : undefined;
}

/**
 * What of a scenario that fails its schema still parses, field by field, so the rules that need a
 * parsed scenario can check it: an invalid list entry is replaced by the parent's entry of the same
 * id (or left out), any other invalid field by the parent's; one with no replacement (a file that
 * extends none) is left out. The rules then find only problems of what the file states validly;
 * `substituted` names the fields taken from the parent, thinned or left out. Undefined when the
 * input is no object.
 */
function salvage(input: unknown, parent: BranchSide | undefined): { shape: BranchSide; substituted: Set<string> } | undefined {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return undefined;
  const raw = input as Record<string, unknown>;
  const shape: Record<string, unknown> = {};
  const substituted = new Set<string>();
  for (const [key, schema] of Object.entries(scenarioSchema.shape) as [keyof ScenarioShape & string, z.ZodType][]) {
    const parsed = schema.safeParse(raw[key]);
    if (parsed.success) {
      if (parsed.data !== undefined) shape[key] = parsed.data;
      continue;
    }
    substituted.add(key);
    const list = listSchema(schema);
    const theirs = parent?.[key];
    if (list !== undefined && Array.isArray(raw[key])) {
      const idOf = (entry: unknown) => (entry !== null && typeof entry === 'object' ? (entry as { id?: unknown }).id : undefined);
      shape[key] = (raw[key] as unknown[]).flatMap((entry) => {
        const one = list.element.safeParse(entry);
        if (one.success) return [one.data];
        const id = idOf(entry);
        const same = Array.isArray(theirs) && id !== undefined ? theirs.find((e) => idOf(e) === id) : undefined;
        return same === undefined ? [] : [same];
      });
    } else if (theirs !== undefined) {
      shape[key] = theirs;
    }
  }
  return { shape: shape as BranchSide, substituted };
}

/**
 * The problems a file of an extends chain has on its own, for when its parent cannot be read
 * (broken JSON, missing, a cycle): its top-level fields that are wrong whatever a parent holds (a bad
 * name, a seed that is no integer, an unknown field). Fields inside objects and lists are left out:
 * a child states them in part, and only the parent can complete them.
 */
export function checkFieldsAlone(json: unknown): ConfigProblem[] {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return [];
  const { extends: _extends, ...own } = json as Record<string, unknown>;
  // Its own events too: each that is not a removal replaces a parent's whole or is added, so it is complete as it stands.
  const events = Array.isArray(own.events) ? ownEventProblems(own.events) : { problems: [], notEvents: new Set<number>() };
  const wholeEvent = (path: readonly PropertyKey[]) => path.length >= 2 && path[0] === 'events' && typeof path[1] === 'number' && !events.notEvents.has(path[1]);
  const result = scenarioSchema.partial().safeParse(own);
  if (result.success) return events.problems;
  const fields = result.error.issues
    .filter((issue) =>
      issue.path.length === 0
        ? issue.code === 'unrecognized_keys'
        : wholeEvent(issue.path) || (issue.path.length === 1 && issue.code !== 'invalid_union' && valueAtPath(own, issue.path).present),
    )
    .map((issue) => toProblem(issue, own));
  return [...events.problems, ...fields];
}

export function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) {
    text += typeof key === 'number' ? `[${key}]` : text === '' ? String(key) : `.${String(key)}`;
  }
  return text === '' ? '(top level)' : text;
}

/** The unknown fields a problem names, and the fields valid there: a merged config's may come from different files of its chain. */
const UNKNOWN_FIELDS = new WeakMap<ConfigProblem, { readonly keys: readonly string[]; readonly valid: readonly string[] }>();

/**
 * A problem of unknown fields, split by where each field is: `placeOf` says the file and the path
 * of the object holding it (a parent's top-level field is the parent's). Other problems as they are.
 */
export function splitUnknownFields<P extends ConfigProblem>(problem: ConfigProblem, placeOf: (fieldPath: string) => P): P[] | undefined {
  const unknown = UNKNOWN_FIELDS.get(problem);
  if (unknown === undefined) return undefined;
  const groups = new Map<string, { place: P; keys: string[] }>();
  for (const key of unknown.keys) {
    const field = placeOf(problem.path === '(top level)' ? key : `${problem.path}.${key}`);
    const container = field.path === key ? '(top level)' : field.path.endsWith(`.${key}`) ? field.path.slice(0, -key.length - 1) : problem.path;
    const place = { ...field, path: container };
    const id = JSON.stringify([(place as { file?: unknown }).file, container]);
    const group = groups.get(id) ?? { place, keys: [] };
    group.keys.push(key);
    groups.set(id, group);
  }
  return [...groups.values()].map(({ place, keys }) => ({ ...place, message: unknownNames('field', keys, unknown.valid) }));
}

/** What zod's type names are in a config's words. */
function toProblem(issue: z.core.$ZodIssue, input: unknown): ConfigProblem {
  const path = formatPath(issue.path);
  if (issue.code === 'unrecognized_keys') {
    const valid = fieldNamesAt(input, issue.path);
    const problem = { path, message: unknownNames('field', issue.keys, valid) };
    UNKNOWN_FIELDS.set(problem, { keys: issue.keys, valid });
    return problem;
  }
  const at = valueAtPath(input, issue.path);
  if (!at.present && issue.code === 'invalid_type') {
    // A field that says what it wants (its own error) says it; zod's default names the type.
    const own = !issue.message.startsWith('Invalid input');
    return { path, message: own ? `missing: ${issue.message}` : `missing: expected ${typeInWords(issue.expected)}` };
  }
  const message = issueInWords(issue);
  const choices = /^Invalid discriminator value\. Expected (.*)$/.exec(issue.message)?.[1];
  if (choices !== undefined) {
    const one = `one of ${choices.split(' | ').map((choice) => `"${choice.replace(/^'|'$/g, '')}"`).join(', ')}`;
    if (!at.present) return { path, message: `missing: ${one}` };
    return { path, message: `${one}; found ${JSON.stringify(at.value)?.slice(0, 80) ?? 'nothing'}` };
  }
  // A value of the wrong type is named by its kind when it is a list or an object; other messages say what in it is wrong.
  const kind = message !== issue.message && at.present && at.value !== null && typeof at.value === 'object' ? (Array.isArray(at.value) ? 'a list' : 'an object') : undefined;
  const shown = kind ?? (at.present && (at.value === null || typeof at.value !== 'object') ? JSON.stringify(at.value)?.slice(0, 80) : undefined);
  // Limit messages already start with the value they refuse.
  // (a list or an object is never so: String() of one may throw, [{ "toString": null }]).
  const suffix = shown === undefined || (typeof at.value !== 'object' && message.startsWith(`${String(at.value)} `)) ? '' : `; found ${shown}`;
  return { path, message: `${message}${suffix}` };
}


let jsonSchema: JsonSchema | undefined;

/**
 * The fields the object at `path` may hold, read from the JSON Schema: the variant of a union is
 * the one whose constant (`weights`, `type`) the input names.
 */
function fieldNamesAt(input: unknown, path: readonly PropertyKey[]): string[] {
  try {
    jsonSchema ??= scenarioJsonSchema();
  } catch {
    return []; // a schema JSON Schema cannot express costs the suggestion, not the report
  }
  const defs = jsonSchema.$defs ?? {};
  const resolve = (node: JsonSchema | undefined): JsonSchema | undefined =>
    node?.$ref?.startsWith('#/$defs/') ? resolve(defs[node.$ref.slice('#/$defs/'.length)]) : node;
  const pick = (node: JsonSchema | undefined, value: unknown): JsonSchema | undefined => {
    const resolved = resolve(node);
    const variants = resolved?.oneOf ?? resolved?.anyOf;
    if (!variants) return resolved;
    const chosen = variants.find((variant) =>
      Object.entries(variant.properties ?? {}).some(
        ([key, field]) => field.const !== undefined && (value as Record<string, unknown> | null)?.[key] === field.const,
      ),
    );
    return resolve(chosen ?? variants[0]);
  };
  let node = pick(defs.scenario, input);
  let value: unknown = input;
  for (const key of path) {
    value = value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
    node = pick(typeof key === 'number' ? node?.items : node?.properties?.[String(key)], value);
  }
  return Object.keys(node?.properties ?? {});
}
