import { isAbsolute, relative, resolve } from 'node:path';
import { valueAtPath } from '../config/json-lookup.js';
import type { z } from 'zod';
import { MAX_CONFIG_FILE_BYTES, MAX_JSON_DEPTH } from '../config/limits.js';
import { formatPath } from '../config/parse-scenario.js';
import type { ConfigProblem } from '../config/references.js';
import { unknownNames } from '../config/suggest.js';
import { readJsonFile, type JsonFileLimits } from '../io/read-json-file.js';
import { kilobytes, shippedFileBytes } from '../io/shipped-file.js';
import { problemsOfParsedEntries, targetFileSchema, type TargetFile } from './target-file.js';
import { issueInWords, typeInWords } from '../config/issue-words.js';

const SHIPPED_TARGETS = 'configs/targets/2023-2025.json';

/**
 * Reads a targets file as configs are read: a regular file of at most 10 MB, UTF-8 JSON nested at
 * most 64 levels, then the targets file schema. Every problem is a value naming its place in the
 * user's file (`targets[3].band`), never a throw.
 */

/** On success, `json` is the file as written (before defaults), for a job that records the file it drew. */
export type TargetsLoadResult = { success: true; file: TargetFile; json: unknown } | { success: false; file: string; problems: readonly ConfigProblem[] };

const FIELDS: Readonly<Record<string, readonly string[]>> = {
  top: ['$schema', 'description', 'targets', 'free'],
  targets: ['id', 'metric', 'entity', 'month', 'from', 'to', 'aggregate', 'per', 'band', 'value', 'source', 'notModelled'],
  free: ['path', 'range', 'scale', 'source'],
};

/** A config's limits; the message measures the shipped targets file for comparison. */
export const TARGETS_FILE_LIMITS: JsonFileLimits = {
  limit: MAX_CONFIG_FILE_BYTES,
  maxDepth: MAX_JSON_DEPTH,
  tooBig: (bytes) => {
    const shipped = shippedFileBytes(SHIPPED_TARGETS);
    return (
      `the file is at least ${Math.round(bytes / 1e6)} MB, above the limit of ${Math.round(MAX_CONFIG_FILE_BYTES / 1e6)} MB for a targets file` +
      (shipped === undefined ? '' : ` (the shipped one, ${SHIPPED_TARGETS}, is ${kilobytes(shipped)})`)
    );
  },
};

export function loadTargetsFile(file: string): TargetsLoadResult {
  const shown = display(resolve(file));
  const read = readJsonFile(resolve(file), TARGETS_FILE_LIMITS);
  if (!read.success) {
    if (read.kind === 'json') return { success: false, file: shown, problems: [{ path: '(json)', message: read.reason }] };
    const reason = read.reason.replace(/^no such file or folder \(ENOENT\)$/, 'no such file');
    return { success: false, file: shown, problems: [{ path: '(file)', message: `${shown}: ${reason}` }] };
  }
  const parsed = parseTargetFile(read.json);
  return parsed.success ? { ...parsed, json: read.json } : { ...parsed, file: shown };
}

/**
 * A targets file's JSON checked against the schema; problems name their place in it. Every problem
 * comes at once, as a config's do: the schema's, then those of the rules beyond it for each entry
 * that parses, which the schema alone would not check until the whole file did.
 */
export function parseTargetFile(json: unknown): { success: true; file: TargetFile } | { success: false; problems: ConfigProblem[] } {
  const result = targetFileSchema.safeParse(json);
  if (result.success) return { success: true, file: result.data };
  const problems = result.error.issues.map((issue) => toProblem(issue, json));
  const said = new Set(problems.map((p) => `${p.path}: ${p.message}`));
  for (const problem of problemsOfParsedEntries(json)) {
    const found = { path: formatPath(problem.path), message: problem.message };
    if (!said.has(`${found.path}: ${found.message}`)) problems.push(found);
  }
  return { success: false, problems };
}

function toProblem(issue: z.core.$ZodIssue, json: unknown): ConfigProblem {
  const path = formatPath(issue.path);
  if (issue.code === 'unrecognized_keys') {
    const list = issue.path.length === 0 ? 'top' : String(issue.path[0]);
    return { path, message: unknownNames('field', issue.keys, FIELDS[list] ?? []) };
  }
  const at = valueAtPath(json, issue.path);
  if (!at.present && issue.code === 'invalid_type') return { path, message: `missing: expected ${typeInWords(issue.expected)}` };
  const shown = at.present && (at.value === null || typeof at.value !== 'object') ? JSON.stringify(at.value)?.slice(0, 80) : undefined;
  const message = issueInWords(issue);
  return { path, message: shown === undefined || issue.code === 'custom' ? message : `${message}; found ${shown}` };
}


/** A path as the user would write it: relative to the working folder when inside it. */
function display(path: string): string {
  const shown = relative(process.cwd(), path);
  return shown === '' || shown.startsWith('..') || isAbsolute(shown) ? path : shown;
}
