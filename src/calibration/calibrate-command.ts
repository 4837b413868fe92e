import { printableLine, printablePath } from '../io/json-text.js';
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { MANIFEST_LIMITS, oversizedManifest } from '../batch/manifest.js';
import { digestOfFile } from '../io/file-digest.js';
import { readJsonFile } from '../io/read-json-file.js';
import { isCalibrationManifest, parseCalibrationManifest } from './calibration-manifest.js';
import { calibrationHash, MAX_BUDGET, type CalibrationRecord } from './calibration-record.js';
import { readStateFile, STATE_FILE, type CalibrationState, type Read } from './calibration-shard.js';
import { checkTargetsAgainst } from './check-targets.js';
import { DEFAULT_APMC } from './apmc.js';
import { loadTargetsFile } from './load-targets-file.js';
import { targetWindow, type FreeParameter } from './target-file.js';
import { YEAR_MONTH_PATTERN } from '../config/field-types.js';
import { canonicalPath } from '../sweep/param-path.js';
import type { CommandContext } from '../jobs/job-kind.js';
import { badInput, jobChangingFlags, resolveScenario } from '../jobs/command-line.js';
import { canonicalCommand, JOB_OPTIONS, outputOptions, parseCommandLine, readJobOptions, type JobOptions } from '../jobs/job-options.js';
import { readRangeEnd } from '../sweep/times-base.js';

export const CALIBRATE_USAGE = `Usage: npm run calibrate -- <config.json> --targets <targets.json> [--free <path>=<lo>:<hi>[:log] ...] [options]

Fits the free parameters of a scenario to the figures of a targets file (configs/targets/, format
in docs/targets.md), by adaptive population Monte Carlo ABC (Lenormand et al. 2013): generation 0
runs a Latin hypercube of the free ranges, each later generation moves the points nearest the
targets, until few new points land nearer or the budget is spent. Every point runs the same --runs
seeds. Writes calibration.md (each parameter's fit and 90 % interval, "not identified" where the
targets do not pin it, trade-offs; each target hit or missed at the fit), calibration.csv (every
point evaluated), posterior.csv, calibration-loss.png and fitted.json, which extends the config with
the fitted values: npm run simulate -- <out>/fitted.json --seed S --runs 10 --targets FILE runs the
fit on the seeds of the figures reported (the command is printed at the end).

An interrupted calibration (Ctrl-C, a kill) keeps the runs it finished beside the output folder;
the same command again resumes from them. Run from a calibration's manifest.json, it makes the
same files again.

On many machines, one generation at a time: --shard i/N makes slice i of N of the runs of the
generation the calibration is at (generation 0, or the one after the state named by --from) and
writes calibration-shard.json; npm run merge -- <the N shard folders> [--from DIR] --out DIR
writes the calibration's state, which the next generation's shards take with --from DIR, and,
once the calibration has finished, its files, byte for byte those of one machine.

Options:
  --targets FILE     the targets file: figures with bands, and the free parameters with ranges
  --free P=A:B[:log] a free parameter and its range (log: searched evenly in its logarithm); adds
                     to the file's list, or replaces the file's range of the same parameter
  --free-only        fit only the --free parameters: the file's others keep the config's
                     values (a refit of a few parameters beside an earlier fit of the rest)
  --budget N         runs in all, at most (default 2000): points × --runs
  --runs N           seeds every point runs (default 1)
  --through YYYY-MM  fit only the targets whose figures end by that month (a history to that
                     month, e.g. 2024-12); later targets are left out of the fit and the report
  --seed N           first seed; also seeds the design (default: the config's seed)
  --workers N        worker threads running simulations (default: the number of cores)
  --shard i/N        make only slice i of N (i from 0) of the runs of the calibration's current
                     generation and write them for npm run merge
  --from DIR         continue the state a merge of shards wrote in DIR (with --shard, or alone
                     to finish the calibration on this machine)
  --out DIR          output folder (default: output/calibrate-<scenario>/)
  --no-charts        skip calibration-loss.png
  --quiet            print nothing but errors
  -h, --help         show this help

Example:
  npm run calibrate -- configs/baseline.json --targets configs/targets/2023-2025.json --budget 600
`;

const OPTIONS = {
  out: JOB_OPTIONS.out,
  seed: JOB_OPTIONS.seed,
  runs: JOB_OPTIONS.runs,
  workers: JOB_OPTIONS.workers,
  shard: JOB_OPTIONS.shard,
  'no-charts': JOB_OPTIONS['no-charts'],
  quiet: JOB_OPTIONS.quiet,
  help: JOB_OPTIONS.help,
  targets: { type: 'string' },
  free: { type: 'string', multiple: true },
  'free-only': { type: 'boolean' },
  budget: { type: 'string' },
  from: { type: 'string' },
  through: { type: 'string' },
} as const;

export const DEFAULT_BUDGET = 2000;
export { MAX_BUDGET };

/** What `npm run calibrate` was asked to do. */
export interface CalibrateRequest {
  /** What decides the files: scenario, targets, free parameters, budget, seeds, charts. */
  readonly record: CalibrationRecord;
  /** The canonical command line, recorded in the manifest. */
  readonly command: string;
  /** The config and the files it extends, the targets file (or the manifest), the state folder: what the output folder may not be. */
  readonly inputs: readonly string[];
  readonly options: JobOptions;
  readonly outDir: string;
  /** --from: the state a merge wrote between generations, which this command continues. */
  readonly from?: { readonly dir: string; readonly state: CalibrationState };
}

/** `--free <path>=<lo>:<hi>[:log]` as a free parameter. */
export function parseFreeOption(text: string): { success: true; free: FreeParameter } | { success: false; message: string } {
  const bad = (why: string) => ({ success: false as const, message: `--free ${text}: ${why}; write <path>=<lo>:<hi> or <path>=<lo>:<hi>:log, e.g. enterprises.represents=20000:50000:log` });
  const equals = text.lastIndexOf('=');
  if (equals <= 0) return bad('no "=" between the path and the range');
  const path = text.slice(0, equals).trim();
  const parts = text.slice(equals + 1).split(':');
  if (parts.length < 2 || parts.length > 3) return bad(`the range has ${parts.length} part${parts.length === 1 ? '' : 's'}`);
  if (parts.length === 3 && parts[2] !== 'log' && parts[2] !== 'linear') return bad(`the scale is "log" or "linear", not "${parts[2]}"`);
  // A fitted factor would have to be written back into the fitted config number by number; values say what was fitted.
  if (parts.slice(0, 2).some((part) => readRangeEnd(part).timesBase)) return bad('a calibration fits values, not factors on them (×): give the range as values');
  const [low, high] = parts.slice(0, 2).map((p) => (p.trim() === '' ? Number.NaN : Number(p)));
  if (!Number.isFinite(low!) || !Number.isFinite(high!)) return bad('lo and hi must be numbers');
  if (!(low! < high!)) return bad(`the range runs from low to high: ${low}:${high} is empty or backwards`);
  const scale = parts[2] === 'log' ? 'log' : 'linear';
  if (scale === 'log' && !(low! > 0)) return bad('a log scale needs a range above 0');
  return { success: true, free: { path, range: [low!, high!], scale, source: 'given on the command line (--free)' } };
}

/** Reads the command line; bad input is reported here (exit code 2). */
export function calibrateCommand(argv: readonly string[], context: CommandContext): CalibrateRequest | { exit: number } {
  const parsed = parseCommandLine(argv, OPTIONS);
  if (!parsed.success) return { exit: badInput(parsed.message, CALIBRATE_USAGE) };
  const options = readJobOptions(parsed.values);
  if (!options.success) return { exit: badInput(options.message, CALIBRATE_USAGE) };
  const args = options.value;
  if (args.help) {
    process.stdout.write(CALIBRATE_USAGE);
    return { exit: 0 };
  }
  if (parsed.positionals.length !== 1) return { exit: badInput(`name one config file, got ${parsed.positionals.length}`, CALIBRATE_USAGE) };
  const configFile = parsed.positionals[0]!;

  const manifest = readCalibrationManifest(configFile);
  if (manifest !== undefined) {
    if (!manifest.success) return { exit: badInput(manifest.message.trimEnd()) };
    const given = [
      ...jobChangingFlags(args, { '--targets': parsed.values.targets, '--free': parsed.values.free, '--free-only': parsed.values['free-only'], '--budget': parsed.values.budget, '--through': parsed.values.through }),
    ];
    if (given.length > 0) return { exit: badInput(`${configFile} is a manifest, which fixes the calibration; ${given.join(', ')} cannot change it (only --out, --workers, --shard, --from and --quiet can go with a manifest)`) };
    return withState({ record: manifest.record, command: manifest.command, inputs: [resolve(configFile)], options: args, outDir: outDirOf(manifest.record, args) }, parsed.values.from);
  }

  const targetsFile = parsed.values.targets;
  if (targetsFile === undefined) return { exit: badInput('name the targets file with --targets <file> (configs/targets/2023-2025.json holds the record of 2023–2025)', CALIBRATE_USAGE) };
  const budgetText = parsed.values.budget;
  const budget = budgetText === undefined ? DEFAULT_BUDGET : Number(budgetText);
  if (!Number.isInteger(budget) || budget < 1 || budget > MAX_BUDGET) return { exit: badInput(`--budget ${budgetText}: a whole number of runs from 1 to ${MAX_BUDGET.toLocaleString('en-US')}`) };
  const runs = args.runs ?? 1;
  const through = parsed.values.through;
  if (through !== undefined && !YEAR_MONTH_PATTERN.test(through)) return { exit: badInput(`--through ${through}: a month as YYYY-MM, e.g. 2024-12`) };

  const loaded = context.loadInput(configFile);
  if (!loaded.success) return { exit: badInput(loaded.message.trimEnd()) };
  if (loaded.input.kind === 'manifest') return { exit: badInput(`${configFile} is a manifest of a ${loaded.input.job.kind} job; calibrate a config file`) };
  const scenario = resolveScenario(loaded.input.scenario, args);
  const targets = loadTargetsFile(targetsFile);
  if (!targets.success) return { exit: badInput(`${printablePath(targetsFile)} is not a valid targets file:\n${targets.problems.map((p) => `  ${printableLine(`${p.path}: ${p.message}`)}`).join('\n')}`) };

  // --free adds to the file's list, or replaces the file's range of the same parameter; with
  // --free-only it is the whole list.
  const freeOnly = parsed.values['free-only'] === true;
  if (freeOnly && (parsed.values.free ?? []).length === 0) {
    return { exit: badInput(`--free-only fits only the parameters given with --free, and none is given; add --free <path>=<lo>:<hi>, e.g. --free enterprises.represents=20000:50000:log`) };
  }
  const free = freeOnly ? [] : [...targets.file.free];
  for (const text of parsed.values.free ?? []) {
    const option = parseFreeOption(text);
    if (!option.success) return { exit: badInput(option.message) };
    const path = canonicalPath(scenario, option.free.path);
    if (!path.success) return { exit: badInput(`--free ${path.message}`) };
    const at = free.findIndex((f) => {
      const named = canonicalPath(scenario, f.path);
      return named.success && named.value === path.value;
    });
    if (at >= 0) free[at] = option.free;
    else free.push(option.free);
  }
  if (free.length === 0) return { exit: badInput(`nothing to fit: ${targetsFile} lists no free parameters; add them to its "free" list or give --free <path>=<lo>:<hi>`) };
  const kept = through === undefined ? targets.file.targets : targets.file.targets.filter((t) => targetWindow(t).to <= through);
  if (through !== undefined && kept.every((t) => t.notModelled !== undefined)) {
    const first = targets.file.targets.filter((t) => t.notModelled === undefined).map((t) => targetWindow(t).to).sort()[0];
    return { exit: badInput(`--through ${through}: no modelled target of ${targetsFile} ends by then${first ? ` (the first ends in ${first})` : ''}; nothing to fit to`) };
  }
  const file = { ...targets.file, targets: kept, free };
  const problems = checkTargetsAgainst(file, scenario);
  if (problems.length > 0) return { exit: badInput(`${printablePath(targetsFile)} does not fit ${printablePath(configFile)}:\n${problems.map((p) => `  ${printableLine(`${p.path}: ${p.message}`)}`).join('\n')}`) };
  if (file.targets.every((t) => t.notModelled !== undefined)) return { exit: badInput(`${targetsFile}: every target is "not modelled"; nothing to fit to`) };
  const generation0 = DEFAULT_APMC.populationSize * runs;
  if (budget < generation0) return { exit: badInput(`--budget ${budget}: the first generation alone is ${DEFAULT_APMC.populationSize} points × ${runs} runs = ${generation0} runs; give at least that`) };

  const record: CalibrationRecord = {
    configFile,
    targetsFile,
    targetsDigest: digestOfFile(resolve(targetsFile)),
    scenario,
    targets: file.targets,
    ...(through !== undefined ? { through } : {}),
    free,
    budget,
    runs,
    seed: scenario.seed,
    charts: args.charts,
  };
  const command = canonicalCommand('calibrate', [configFile], [
    ['--targets', targetsFile],
    ...(parsed.values.free ?? []).map((text) => ['--free', text] as const),
    ...(freeOnly ? [['--free-only'] as const] : []),
    ...(budgetText !== undefined ? [['--budget', budget] as const] : []),
    ...(through !== undefined ? [['--through', through] as const] : []),
    ...outputOptions(args),
  ]);
  return withState({ record, command, inputs: [...loaded.input.files, resolve(targetsFile)], options: args, outDir: outDirOf(record, args) }, parsed.values.from);
}

function outDirOf(record: CalibrationRecord, options: JobOptions): string {
  const out = `output/calibrate-${record.scenario.name}`;
  return options.out ?? (options.shard ? `${out}-shard-${options.shard.index}-of-${options.shard.count}` : out);
}

/** A calibration manifest named as the config, read; undefined when the file is anything else (read as a config then). */
function readCalibrationManifest(file: string): { success: true; record: CalibrationRecord; command: string } | { success: false; message: string } | undefined {
  const read = readJsonFile(file, MANIFEST_LIMITS);
  const oversized = read.success ? undefined : oversizedManifest(file);
  if (oversized !== undefined) return { success: false, message: `${file}: ${oversized}` };
  if (!read.success || !isCalibrationManifest(read.json)) return undefined;
  const parsed = parseCalibrationManifest(read.json);
  return parsed.success ? parsed : { success: false, message: `${printablePath(file)} is not a valid manifest:\n${parsed.problems.map((p) => `  ${printableLine(p)}`).join('\n')}` };
}

/** The request with --from's state read and checked: a state folder a merge wrote of this very calibration. */
function withState(request: CalibrateRequest, from: string | undefined): CalibrateRequest | { exit: number } {
  if (from === undefined) return request;
  const dir = from.length > 1 ? from.replace(/\/+$/, '') : from;
  const state = readStateFolder(dir);
  if (!state.success) return { exit: badInput(`--from ${state.message}`) };
  if (state.value.calibrationHash !== calibrationHash(request.record)) {
    return { exit: badInput(`--from ${dir} is the state of another calibration (its config, targets, free parameters, budget, seed or options differ): ${state.value.command}`) };
  }
  if (resolve(dir) === resolve(request.outDir)) {
    // A shard's folder beside the state would replace what the other shards read; one machine may finish a calibration in its own folder.
    if (request.options.shard) return { exit: badInput(`--out ${request.outDir} is the --from folder, which every shard of the round reads: give each shard a folder of its own`) };
    return { ...request, from: { dir, state: state.value } };
  }
  return { ...request, inputs: [...request.inputs, resolve(dir)], from: { dir, state: state.value } };
}

/** The state a merge wrote between generations, from its folder; a finished calibration or anything else is refused in words. */
export function readStateFolder(dir: string): Read<CalibrationState> {
  if (!existsSync(dir)) return { success: false, message: `${printablePath(dir)}: no such folder` };
  if (!statSync(dir).isDirectory()) return { success: false, message: `${dir} is a file, not the folder a merge wrote` };
  if (!existsSync(join(dir, STATE_FILE))) {
    if (existsSync(join(dir, 'calibration.md'))) return { success: false, message: `${dir} holds a finished calibration (calibration.md): nothing is left to run` };
    return { success: false, message: `${dir} holds no ${STATE_FILE}: it is not the state a merge of calibration shards wrote` };
  }
  return readStateFile(join(dir, STATE_FILE));
}
