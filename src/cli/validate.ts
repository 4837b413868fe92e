import { stopQuietlyOnClosedPipe } from './closed-pipe.js';
import { putBackBeforeStart } from './put-back.js';
import { isManifest, MANIFEST_LIMITS, oversizedManifest, parseManifest } from '../batch/manifest.js';
import { isCalibrationManifest, parseCalibrationManifest } from '../calibration/calibration-manifest.js';
import { PARTIAL_JSON } from '../batch/partial.js';
import { loadScenarioFile, type FileEvents } from '../config/load-scenario-file.js';
import { eventsAfterEnd } from '../config/references.js';
import { tickToDate } from '../engine/calendar.js';
import { readJsonFile } from '../io/read-json-file.js';
import { JOB_KINDS } from '../jobs/registry.js';
import { formatProblemLines, formatProblems, oneLine } from '../config/format-problems.js';
import { printablePath } from '../io/json-text.js';
import { isJsonSchema } from '../config/json-schema-document.js';
import { explainArgs } from '../jobs/usage-after.js';
import { parseValidateArgs, VALIDATE_USAGE } from './validate-args.js';

const EXIT_INVALID = 2;

type Verdict = { readonly ok: true; readonly line: string } | { readonly ok: false; readonly report: string } | { readonly skip: string };

/**
 * What a file is and whether it is valid. `configs/*.json` also matches configs/schema.json, the
 * JSON Schema the configs point their editors at: it is skipped, not reported. A manifest.json is
 * checked as a manifest (its job, its hash, its seeds), a partial.json is named for what it is, and
 * anything else is checked as a scenario, which says what is wrong with the file if anything is.
 */
function verdictOf(file: string): Verdict | { readonly skip: string } {
  const read = readJsonFile(file, MANIFEST_LIMITS);
  // The path as every line below names it: on one line, whatever it holds.
  const shown = printablePath(file);
  if (read.success) {
    const json = read.json as { $schema?: unknown; format?: unknown } | null;
    if (isJsonSchema(json)) return { skip: `skip ${shown} (a JSON Schema, not a scenario)` };
    if (isManifest(json)) {
      const parsed = parseManifest(json, JOB_KINDS);
      if (!parsed.success) return { ok: false, report: formatProblemLines(`${shown} is not a valid manifest`, parsed.problems) };
      return { ok: true, line: `ok ${shown} (a manifest of a ${parsed.job.kind} job: npm run ${parsed.job.kind} -- ${shown} runs it again)` };
    }
    if (isCalibrationManifest(json)) {
      const parsed = parseCalibrationManifest(json);
      if (!parsed.success) return { ok: false, report: formatProblemLines(`${shown} is not a valid manifest`, parsed.problems) };
      return { ok: true, line: `ok ${shown} (a manifest of a calibration: npm run calibrate -- ${shown} runs it again)` };
    }
    if (typeof json?.format === 'string' && json.format.startsWith('llm-market-sim calibration')) {
      return { ok: false, report: `${shown} is a file of a calibration run in shards, not a scenario: npm run merge and calibrate --from read it (README, Calibrating)\n` };
    }
    if (typeof json?.format === 'string' && json.format.startsWith('llm-market-sim partial')) {
      return { ok: false, report: `${shown} is a shard's ${PARTIAL_JSON}, not a scenario: merge its folder with the others with npm run merge -- <shard folders>\n` };
    }
  }
  const oversized = read.success ? undefined : oversizedManifest(file);
  if (oversized !== undefined) return { ok: false, report: `${shown}: ${oversized}\n` };
  const loaded = loadScenarioFile(file);
  if (!loaded.success) return { ok: false, report: formatProblems(loaded.file, loaded.problems) };
  const { events, start, months } = loaded.scenario;
  const later = eventsAfterEnd(events, start, months);
  const lines = [
    `ok ${shown}`,
    ...loaded.chain.map((link) => `  ${describeEvents(link)}`),
    ...(later > 0 ? [`  ${later} of its events fall after the run's last month (${tickToDate(start, months - 1)}) and do not happen`] : []),
  ];
  return { ok: true, line: lines.join('\n') };
}

/** "configs/commoditized.json: events inherited 31, added 2, replaced 0, removed 1" */
function describeEvents(link: FileEvents): string {
  if (link.changes === null) return `${printablePath(link.file)}: ${link.own} event${link.own === 1 ? '' : 's'} of its own`;
  const { inherits, adds, replaces, removes } = link.changes;
  return `${printablePath(link.file)}: events inherited ${inherits}, added ${adds}, replaced ${replaces}, removed ${removes}`;
}

function main(argv: readonly string[]): number {
  const parsed = parseValidateArgs(argv);
  if (!parsed.success) {
    const { message, after } = explainArgs(parsed.message, VALIDATE_USAGE);
    process.stderr.write(`error: ${oneLine(message)}\n${after}`);
    return EXIT_INVALID;
  }
  const { files, quiet, help } = parsed.args;
  if (help) {
    process.stdout.write(VALIDATE_USAGE);
    return 0;
  }
  let invalid = 0;
  for (const file of files) {
    const verdict = verdictOf(file);
    if ('skip' in verdict) {
      if (!quiet) process.stdout.write(`${oneLine(verdict.skip)}\n`);
    } else if (verdict.ok) {
      // A file's name may hold control characters: each line is shown printable.
      if (!quiet) process.stdout.write(`${verdict.line.split('\n').map((line) => line.replace(/\S.*/, (text) => oneLine(text))).join('\n')}\n`);
    } else {
      invalid++;
      process.stderr.write(verdict.report);
    }
  }
  if (invalid > 0 && files.length > 1) process.stderr.write(`${invalid} of ${files.length} files are not valid scenarios\n`);
  return invalid > 0 ? EXIT_INVALID : 0;
}

stopQuietlyOnClosedPipe();
try {
  putBackBeforeStart(process.argv.slice(2));
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  // loadScenarioFile returns problems rather than throwing; this is a bug, still reported in one line.
  process.stderr.write(`error: ${oneLine((error as Error).message)}\n`);
  process.exitCode = 1;
}
