import { isJsonSchema } from './json-schema-document.js';

/**
 * A file of another kind given where a scenario is expected: one the tool wrote (a run's
 * manifest.json or summary.json, a shard's partial.json, a calibration's files), a targets file, the
 * JSON Schema of the configs. Read as a scenario, such a file fails on every field a scenario has
 * and lists a dozen problems that all say one thing; this says that one thing, and what to give
 * instead (for a manifest, the config it ran: the file the user meant).
 */

/** The files the tool writes carry a `format` that starts so (manifest, partial, calibration files). */
const TOOL_FORMAT = /^llm-market-sim /;

/** What the file is ("the manifest.json of a run of npm run simulate") and what to give instead, or undefined for anything else. */
export interface OtherFile {
  readonly what: string;
  readonly instead: string;
}

/** "<file> is <what>, not a scenario: <instead>". */
export function notAScenario(file: string, output: OtherFile): string {
  return `${file} is ${output.what}, not a scenario: ${output.instead}`;
}

export function otherFile(json: unknown): OtherFile | undefined {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return undefined;
  if (isJsonSchema(json)) return { what: 'a JSON Schema', instead: 'editors check configs against it; give a scenario config' };
  if (isTargetsFile(json)) return { what: 'a targets file', instead: 'give it with --targets, and a scenario config as the config' };
  const { format, command, configHash, final } = json as { format?: unknown; command?: unknown; configHash?: unknown; final?: unknown };
  if (typeof format === 'string' && TOOL_FORMAT.test(format)) {
    if (format.startsWith('llm-market-sim manifest')) return manifestOf(command);
    if (format.startsWith('llm-market-sim partial')) return { what: "a shard's partial.json", instead: 'npm run merge reads it; give the config the shards ran' };
    if (format.startsWith('llm-market-sim calibration')) return { what: 'a file of a calibration', instead: 'npm run calibrate reads it; give the config it calibrates' };
    return { what: `a file the tool wrote (format ${JSON.stringify(format)})`, instead: 'give the config it was made from' };
  }
  if (typeof configHash === 'string' && final !== null && typeof final === 'object') return { what: "a run's summary.json", instead: 'give the config the run was made from (its manifest.json beside it names it)' };
  return undefined;
}

/** A targets file (configs/targets/): its list of targets, and none of a scenario's own fields. */
function isTargetsFile(json: object): boolean {
  const keys = Object.keys(json);
  return Array.isArray((json as { targets?: unknown }).targets) && !['extends', 'name', 'start', 'months', 'vendors', 'clouds', 'events'].some((key) => keys.includes(key));
}

/** A manifest, with the configs its recorded command ran ("npm run simulate -- configs/x.json ..."), the files the user meant. */
function manifestOf(command: unknown): OtherFile {
  const words = typeof command === 'string' ? shellWords(command) : [];
  const dash = words.indexOf('--');
  const after = dash < 0 ? [] : words.slice(dash + 1);
  const end = after.findIndex((word) => word.startsWith('--'));
  const configs = after.slice(0, end < 0 ? after.length : end);
  const what = `the manifest.json of a run${dash < 0 ? '' : ` (${words.slice(0, dash).join(' ')})`}`;
  if (configs.length === 0) return { what, instead: 'give the config the run was made from' };
  const named = configs.length === 1 ? `the config it ran, ${configs[0]}` : `one of the configs it ran, ${configs.join(', ')}`;
  return { what, instead: `give ${named} (the path as given where it ran)` };
}

/** The words of a command as a POSIX shell reads them: single quotes, backslashes, spaces. Enough for the commands manifests record. */
function shellWords(command: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < command.length; i++) {
    const c = command[i]!;
    if (c === ' ' || c === '\t' || c === '\n') {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else if (c === "'") {
      const close = command.indexOf("'", i + 1);
      const end = close < 0 ? command.length : close;
      word = (word ?? '') + command.slice(i + 1, end);
      i = end;
    } else if (c === '\\' && i + 1 < command.length) {
      word = (word ?? '') + command[++i];
    } else {
      word = (word ?? '') + c;
    }
  }
  if (word !== undefined) words.push(word);
  return words;
}
