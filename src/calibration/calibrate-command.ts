import { resolve } from 'node:path';
import { checkTargetsAgainst } from './check-targets.js';
import { DEFAULT_APMC } from './apmc.js';
import { loadTargetsFile } from './load-targets-file.js';
import type { FreeParameter, Target } from './target-file.js';
import type { Scenario } from '../config/parse-scenario.js';
import { canonicalPath } from '../sweep/param-path.js';
import type { CommandContext } from '../jobs/job-kind.js';
import { badInput, resolveScenario } from '../jobs/command-line.js';
import { JOB_OPTIONS, parseCommandLine, readJobOptions, type JobOptions } from '../jobs/job-options.js';

export const CALIBRATE_USAGE = `Usage: npm run calibrate -- <config.json> --targets <targets.json> [--free <path>=<lo>:<hi>[:log] ...] [options]

Fits the free parameters of a scenario to the figures of a targets file (configs/targets/, format
in docs/targets.md), by adaptive population Monte Carlo ABC (Lenormand et al. 2013): generation 0
runs a Latin hypercube of the free ranges, each later generation moves the points nearest the
targets, until few new points land nearer or the budget is spent. Every point runs the same --runs
seeds. Writes calibration.md (each parameter's fit and 90 % interval, "not identified" where the
targets do not pin it, trade-offs; each target hit or missed at the fit), calibration.csv (every
point evaluated), posterior.csv, calibration-loss.png and fitted.json, which extends the config with
the fitted values: npm run simulate -- <out>/fitted.json runs the fit.

An interrupted calibration (Ctrl-C, a kill) keeps the runs it finished beside the output folder;
the same command again resumes from them.

Options:
  --targets FILE     the targets file: figures with bands, and the free parameters with ranges
  --free P=A:B[:log] a free parameter and its range (log: searched evenly in its logarithm); adds
                     to the file's list, or replaces the file's range of the same parameter
  --budget N         runs in all, at most (default 2000): points × --runs
  --runs N           seeds every point runs (default 1)
  --seed N           first seed; also seeds the design (default: the config's seed)
  --workers N        worker threads running simulations (default: the number of cores)
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
  budget: { type: 'string' },
} as const;

export const DEFAULT_BUDGET = 2000;
export const MAX_BUDGET = 1_000_000;

/** What `npm run calibrate` was asked to do. */
export interface CalibrateRequest {
  readonly scenario: Scenario;
  /** The config and the files it extends, the targets file: what the output folder may not be. */
  readonly inputs: readonly string[];
  readonly configFile: string;
  readonly targetsFile: string;
  /** Every target of the file, modelled or not. */
  readonly targets: readonly Target[];
  readonly free: readonly FreeParameter[];
  readonly budget: number;
  readonly runs: number;
  readonly seed: number;
  readonly options: JobOptions;
  readonly outDir: string;
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
  if (args.shard !== undefined) {
    return { exit: badInput('--shard: a calibration runs its generations one after another, each chosen from the last, so it cannot be split over machines; run it on one machine with --workers') };
  }
  if (parsed.positionals.length !== 1) return { exit: badInput(`name one config file, got ${parsed.positionals.length}`, CALIBRATE_USAGE) };
  const targetsFile = parsed.values.targets;
  if (targetsFile === undefined) return { exit: badInput('name the targets file with --targets <file> (configs/targets/2023-2025.json holds the record of 2023–2025)', CALIBRATE_USAGE) };
  const budgetText = parsed.values.budget;
  const budget = budgetText === undefined ? DEFAULT_BUDGET : Number(budgetText);
  if (!Number.isInteger(budget) || budget < 1 || budget > MAX_BUDGET) return { exit: badInput(`--budget ${budgetText}: a whole number of runs from 1 to ${MAX_BUDGET.toLocaleString('en-US')}`) };
  const runs = args.runs ?? 1;

  const configFile = parsed.positionals[0]!;
  const loaded = context.loadInput(configFile);
  if (!loaded.success) return { exit: badInput(loaded.message.trimEnd()) };
  if (loaded.input.kind === 'manifest') return { exit: badInput(`${configFile} is a manifest of a ${loaded.input.job.kind} job; calibrate a config file`) };
  const scenario = resolveScenario(loaded.input.scenario, args);
  const targets = loadTargetsFile(targetsFile);
  if (!targets.success) return { exit: badInput(`${targetsFile} is not a valid targets file:\n${targets.problems.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`) };

  // --free adds to the file's list, or replaces the file's range of the same parameter.
  const free = [...targets.file.free];
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
  const file = { ...targets.file, free };
  const problems = checkTargetsAgainst(file, scenario);
  if (problems.length > 0) return { exit: badInput(`${targetsFile} does not fit ${configFile}:\n${problems.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`) };
  if (file.targets.every((t) => t.notModelled !== undefined)) return { exit: badInput(`${targetsFile}: every target is "not modelled"; nothing to fit to`) };
  const generation0 = DEFAULT_APMC.populationSize * runs;
  if (budget < generation0) return { exit: badInput(`--budget ${budget}: the first generation alone is ${DEFAULT_APMC.populationSize} points × ${runs} runs = ${generation0} runs; give at least that`) };

  return {
    scenario,
    inputs: [...loaded.input.files, resolve(targetsFile)],
    configFile,
    targetsFile,
    targets: file.targets,
    free,
    budget,
    runs,
    seed: scenario.seed,
    options: args,
    outDir: args.out ?? `output/calibrate-${scenario.name}`,
  };
}
