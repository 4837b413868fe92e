import type { z } from 'zod';
import { checkReferences, type ConfigProblem } from './references.js';
import { scenarioSchema, type ScenarioShape } from './scenario-schema.js';

/** A scenario that passed the schema and the cross-reference checks. */
export type Scenario = ScenarioShape;

export type ParseResult = { success: true; scenario: Scenario } | { success: false; problems: ConfigProblem[] };

/** Validates parsed JSON; every problem at once, each with its path. Pure: no file system. */
export function parseScenario(json: unknown): ParseResult {
  const result = scenarioSchema.safeParse(json);
  if (!result.success) return { success: false, problems: result.error.issues.map(toProblem) };
  const problems = checkReferences(result.data);
  return problems.length > 0 ? { success: false, problems } : { success: true, scenario: result.data };
}

export function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) {
    text += typeof key === 'number' ? `[${key}]` : text === '' ? String(key) : `.${String(key)}`;
  }
  return text === '' ? '(top level)' : text;
}

function toProblem(issue: z.core.$ZodIssue): ConfigProblem {
  return { path: formatPath(issue.path), message: describeIssue(issue) };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    default:
      return issue.message;
  }
}
