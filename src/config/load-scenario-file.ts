import { readFileSync } from 'node:fs';
import type { ConfigProblem } from './references.js';
import { parseScenario, type Scenario } from './parse-scenario.js';

export type LoadResult =
  | { success: true; scenario: Scenario }
  | { success: false; file: string; problems: readonly ConfigProblem[] };

/** Reads and validates a scenario file; a missing file or broken JSON is a problem, not a throw. */
export function loadScenarioFile(file: string): LoadResult {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    return { success: false, file, problems: [{ path: '(file)', message: reason }] };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { success: false, file, problems: [{ path: '(json)', message: describeJsonError(text, error as Error) }] };
  }
  const parsed = parseScenario(json);
  return parsed.success ? parsed : { success: false, file, problems: parsed.problems };
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
