import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { mergeScenario } from './compose.js';
import type { ConfigProblem } from './references.js';
import { parseScenario, type Scenario } from './parse-scenario.js';

export type LoadResult =
  | { success: true; scenario: Scenario }
  | { success: false; file: string; problems: readonly ConfigProblem[] };

type RawResult = { success: true; json: unknown } | { success: false; file: string; problems: ConfigProblem[] };

/**
 * Reads a scenario file, follows its `extends` chain, and validates the merged result. A missing
 * file, broken JSON, a missing parent or a cycle is a problem, never a throw.
 */
export function loadScenarioFile(file: string): LoadResult {
  const raw = readComposed(resolve(file), []);
  if (!raw.success) return raw;
  const parsed = parseScenario(raw.json);
  return parsed.success ? parsed : { success: false, file, problems: parsed.problems };
}

function readComposed(path: string, chain: readonly string[]): RawResult {
  const shown = relative(process.cwd(), path) || path;
  if (chain.includes(path)) {
    const cycle = [...chain, path].map((p) => relative(process.cwd(), p) || p).join(' → ');
    return { success: false, file: shown, problems: [{ path: 'extends', message: `extends forms a cycle: ${cycle}` }] };
  }
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : (error as Error).message;
    const where = chain.length > 0 ? 'extends' : '(file)';
    return { success: false, file: shown, problems: [{ path: where, message: `${shown}: ${reason}` }] };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { success: false, file: shown, problems: [{ path: '(json)', message: describeJsonError(text, error as Error) }] };
  }
  const parentName = (json as { extends?: unknown } | null)?.extends;
  if (parentName === undefined) return { success: true, json };
  if (typeof parentName !== 'string') {
    return { success: false, file: shown, problems: [{ path: 'extends', message: 'must be the path of a parent scenario file' }] };
  }
  const parent = readComposed(resolve(dirname(path), parentName), [...chain, path]);
  if (!parent.success) return parent;
  return { success: true, json: mergeScenario(parent.json, json) };
}

/** "line 12, column 5: Expected ',' or '}' after property value" from V8's position-based message. */
export function describeJsonError(text: string, error: Error): string {
  const position = /at position (\d+)/.exec(error.message);
  const offset = position ? Number(position[1]) : text.length;
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  const reason = error.message.replace(/ in JSON at position \d+.*$/s, '').replace(/^JSON\.parse: /, '');
  return `invalid JSON at line ${line}, column ${column}: ${reason}`;
}
