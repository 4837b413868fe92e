import type { z } from 'zod';
import { checkReferences, type ConfigProblem } from './references.js';
import { scenarioSchema, type ScenarioShape } from './scenario-schema.js';

/** A scenario that passed the schema and the cross-reference checks. */
export type Scenario = ScenarioShape;

export type ParseResult = { success: true; scenario: Scenario } | { success: false; problems: ConfigProblem[] };

/** Validates parsed JSON; every problem at once, each with its path. Pure: no file system. */
export function parseScenario(json: unknown): ParseResult {
  const result = scenarioSchema.safeParse(json);
  const problems = [
    ...(result.success ? [] : result.error.issues.map((issue) => toProblem(issue, json))),
    ...checkReferences(json),
  ];
  if (!result.success || problems.length > 0) return { success: false, problems };
  return { success: true, scenario: result.data };
}

export function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) {
    text += typeof key === 'number' ? `[${key}]` : text === '' ? String(key) : `.${String(key)}`;
  }
  return text === '' ? '(top level)' : text;
}

function toProblem(issue: z.core.$ZodIssue, input: unknown): ConfigProblem {
  const found = issue.code === 'unrecognized_keys' ? undefined : valueAt(input, issue.path);
  const suffix = found === undefined ? '' : `; found ${JSON.stringify(found)?.slice(0, 80)}`;
  return { path: formatPath(issue.path), message: `${describeIssue(issue)}${suffix}` };
}

/** The offending value, for "found ..." in messages; undefined when absent or not a scalar. */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value: unknown = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value !== null && typeof value === 'object' ? undefined : value;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    default:
      return issue.message;
  }
}
