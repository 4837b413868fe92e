import { readFileSync } from 'node:fs';
import { loadScenarioFile, type FileEvents } from '../config/load-scenario-file.js';
import { eventsAfterEnd } from '../config/references.js';
import { tickToDate } from '../engine/calendar.js';
import { formatProblems } from './format-problems.js';
import { parseValidateArgs, VALIDATE_USAGE } from './validate-args.js';

const EXIT_INVALID = 2;

/**
 * `configs/*.json` also matches configs/schema.json, the JSON Schema the configs point their
 * editors at; it is not a scenario, so it is skipped rather than reported.
 */
function isJsonSchemaDocument(file: string): boolean {
  try {
    const json = JSON.parse(readFileSync(file, 'utf8')) as { $schema?: unknown } | null;
    return typeof json?.$schema === 'string' && /^https?:\/\/json-schema\.org\//.test(json.$schema);
  } catch {
    return false;
  }
}

/** "configs/commoditized.json: events inherited 31, added 2, replaced 0, removed 1" */
function describeEvents(link: FileEvents): string {
  if (link.changes === null) return `${link.file}: ${link.own} event${link.own === 1 ? '' : 's'} of its own`;
  const { inherits, adds, replaces, removes } = link.changes;
  return `${link.file}: events inherited ${inherits}, added ${adds}, replaced ${replaces}, removed ${removes}`;
}

function main(argv: readonly string[]): number {
  const parsed = parseValidateArgs(argv);
  if (!parsed.success) {
    process.stderr.write(`error: ${parsed.message}\n\n${VALIDATE_USAGE}`);
    return EXIT_INVALID;
  }
  const { files, quiet, help } = parsed.args;
  if (help) {
    process.stdout.write(VALIDATE_USAGE);
    return 0;
  }
  let invalid = 0;
  for (const file of files) {
    if (isJsonSchemaDocument(file)) {
      if (!quiet) process.stdout.write(`skip ${file} (a JSON Schema, not a scenario)\n`);
      continue;
    }
    const loaded = loadScenarioFile(file);
    if (loaded.success) {
      if (!quiet) {
        const { events, start, months } = loaded.scenario;
        const later = eventsAfterEnd(events, start, months);
        const after = later > 0 ? `  ${later} of its events fall after the run's last month (${tickToDate(start, months - 1)}) and do not happen\n` : '';
        process.stdout.write(`ok ${file}\n${loaded.chain.map((link) => `  ${describeEvents(link)}\n`).join('')}${after}`);
      }
      continue;
    }
    invalid++;
    process.stderr.write(formatProblems(loaded.file, loaded.problems));
  }
  if (invalid > 0 && files.length > 1) process.stderr.write(`${invalid} of ${files.length} files are not valid scenarios\n`);
  return invalid > 0 ? EXIT_INVALID : 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  // loadScenarioFile returns problems rather than throwing; this is a bug, still reported in one line.
  process.stderr.write(`error: ${(error as Error).message}\n`);
  process.exitCode = 1;
}
