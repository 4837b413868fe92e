import type { CommandContext, CommandRequest } from '../job-kind.js';
import type { DiscoverFactor, DiscoverJob } from './job.js';
import { badInput, jobChangingFlags, jobCommon, manifestConflicts, resolveScenario } from '../command-line.js';
import { canonicalCommand, integerOption, JOB_OPTIONS, jobOptionsUsage, outputOptions, parseCommandLine, readJobOptions } from '../job-options.js';
import { checkIntervalParams, checkPairCorners, parseIntervalParam, type IntervalParam, type ParamCount } from '../../sweep/interval-param.js';
import { uncertainFactors } from '../../sweep/uncertain-draws.js';
import type { Scenario } from '../../config/parse-scenario.js';
import type { PathResult } from '../../sweep/param-path.js';
import { factorCorners } from '../design-factor.js';
import { checkCondition, CONDITION_FORM, conditionText, conditionTicks, parseCondition } from './condition.js';
import { DEFAULT_SAMPLES, MAX_SAMPLES } from './discover-design.js';
import { timesBaseField } from '../../sweep/times-base.js';

export const MAX_DISCOVER_PARAMS = 256;
/** EMA Workbench's defaults: a 5 % peel, and a box that is right 80 % of the time. */
export const DEFAULT_PEEL = 0.05;
export const DEFAULT_MIN_DENSITY = 0.8;

const DISCOVER_USAGE = `Usage: npm run discover -- <config.json> --condition "${'METRIC[:ENTITY][@YYYY-MM] (>|<) NUMBER'}" [--param <path>=<low>:<high>[:log] ...] [options]
       npm run discover -- <manifest.json> [--out DIR] [--workers N] [--shard i/N] [--quiet]

Scenario discovery: under which assumptions does the condition hold? A Latin hypercube of --samples
points over the parameters (the --param intervals, else the scenario's declared uncertain
parameters over their distributions), every point run with the same --runs seeds, the metric the
mean over them; then PRIM (Friedman and Fisher 1999) peels boxes of parameter ranges where the
condition mostly holds. Writes points.csv, boxes.csv (the peeling trajectory), a chart of coverage
against density, and report.md with the chosen box in words.

Options:
  --condition C      the outcome, ${CONDITION_FORM};
                     without @ the scenario's last month
  --param P=LO:HI    a parameter and its interval, uniform (repeatable); P=LO:HI:log for log-uniform;
                     a "*" in P moves every number it reaches as one (enterprises.segments.*.switchingCostUsd.median);
                     P=×LO:×HI[:log] (or xLO:xHI) gives factors on each number's own value instead,
                     so a "*" keeps the ratios between them (…switchingCostUsd.median=×0.1:×10:log)
  --samples N        Latin hypercube points (default ${DEFAULT_SAMPLES}, at most ${MAX_SAMPLES.toLocaleString('en-US')})
  --peel ALPHA       share of a box's points each peeling step removes, above 0 and below 0.5 (default ${DEFAULT_PEEL})
  --min-density D    the chosen box is the one with the highest coverage among those at least this
                     dense, above 0 and at most 1 (default ${DEFAULT_MIN_DENSITY})
${jobOptionsUsage('output/discover-<scenario>/')}

Example:
  npm run discover -- configs/baseline.json --condition "vendor.enterprise_share:anthropic@2027-12 > 0.3" \\
      --param enterprises.codingShare=0.2:0.6 --param enterprises.brandPremium=0.05:0.4 --samples 100 --runs 2
`;

const OPTIONS = {
  ...JOB_OPTIONS,
  condition: { type: 'string' },
  param: { type: 'string', multiple: true },
  samples: { type: 'string' },
  peel: { type: 'string' },
  'min-density': { type: 'string' },
} as const;

const DISCOVER_PARAM_COUNT: ParamCount = { min: 1, max: MAX_DISCOVER_PARAMS, tooFew: () => 'name a parameter with --param' };

/** A fraction option: a number within (low, high) or (low, high]; undefined when not given. */
function fractionOption(flag: string, text: string | undefined, fallback: number, high: number, highIncluded: boolean): number | string {
  if (text === undefined) return fallback;
  const value = Number(text);
  const within = text.trim() !== '' && Number.isFinite(value) && value > 0 && (highIncluded ? value <= high : value < high);
  return within ? value : `${flag} must be a number above 0 and ${highIncluded ? 'at most' : 'below'} ${high}, got "${text}"`;
}

/** "Scenario discovery over 3 parameters: 100 points × 2 runs = 200 runs." */
export function discoverRunsLine(job: DiscoverJob): string {
  const k = job.factors.length;
  return `Scenario discovery over ${k} parameter${k === 1 ? '' : 's'}: ${job.samples} points × ${job.runs} run${job.runs === 1 ? '' : 's'} = ${(job.samples * job.runs).toLocaleString('en-US')} runs.`;
}

/** The declared uncertain parameters as factors, or why there are none to sample. */
function declaredFactors(scenario: Scenario): PathResult<DiscoverFactor[]> {
  const declared = uncertainFactors(scenario);
  if (!declared.success) return declared;
  if (declared.value.length === 0) return { success: false, message: `${scenario.name} declares no uncertain parameters: name what to sample with --param PATH=LO:HI (or declare them under "uncertain", docs/config.md)` };
  if (declared.value.length > MAX_DISCOVER_PARAMS) return { success: false, message: `at most ${MAX_DISCOVER_PARAMS} parameters at a time, got ${declared.value.length}` };
  return { success: true, value: declared.value.map((f) => ({ origin: 'declared' as const, path: f.path, distribution: f.distribution, source: f.source, ...(f.bounds !== undefined ? { bounds: f.bounds } : {}) })) };
}

/** The factors with every pair's corners checked against rules spanning two fields. */
export function checkedFactors(scenario: Scenario, factors: DiscoverFactor[]): PathResult<DiscoverFactor[]> {
  const corners = checkPairCorners(scenario, factors.map(factorCorners), factors[0]?.origin === 'declared' ? 'uncertain' : '--param');
  return corners === undefined ? { success: true, value: factors } : { success: false, message: corners };
}

/** Reads `npm run discover`'s command line into a job, or answers it (--help, bad input). */
export function discoverCommand(argv: readonly string[], context: CommandContext): CommandRequest {
  const parsed = parseCommandLine(argv, OPTIONS);
  if (!parsed.success) return { exit: badInput(parsed.message, DISCOVER_USAGE) };
  const options = readJobOptions(parsed.values);
  if (!options.success) return { exit: badInput(options.message, DISCOVER_USAGE) };
  const args = options.value;
  if (args.help) {
    process.stdout.write(DISCOVER_USAGE);
    return { exit: 0 };
  }
  if (parsed.positionals.length !== 1) return { exit: badInput(`name one config file, got ${parsed.positionals.length}`, DISCOVER_USAGE) };
  const file = parsed.positionals[0]!;
  const texts = parsed.values.param ?? [];
  const samples = integerOption('--samples', parsed.values.samples, 2, MAX_SAMPLES);
  if (typeof samples === 'string') return { exit: badInput(samples, DISCOVER_USAGE) };
  const peelAlpha = fractionOption('--peel', parsed.values.peel, DEFAULT_PEEL, 0.5, false);
  if (typeof peelAlpha === 'string') return { exit: badInput(peelAlpha, DISCOVER_USAGE) };
  const minDensity = fractionOption('--min-density', parsed.values['min-density'], DEFAULT_MIN_DENSITY, 1, true);
  if (typeof minDensity === 'string') return { exit: badInput(minDensity, DISCOVER_USAGE) };
  const loaded = context.loadInput(file);
  if (!loaded.success) return { exit: badInput(loaded.message.trimEnd()) };
  const announce = (job: DiscoverJob) => {
    if (!args.quiet) process.stdout.write(`${discoverRunsLine(job)}\n`);
  };
  if (loaded.input.kind === 'manifest') {
    const extra = { '--condition': parsed.values.condition, '--param': texts, '--samples': parsed.values.samples, '--peel': parsed.values.peel, '--min-density': parsed.values['min-density'] };
    const conflict = manifestConflicts(file, 'discover', loaded.input.job, jobChangingFlags(args, extra));
    if (conflict !== undefined) return { exit: badInput(conflict) };
    const recorded = loaded.input.job as DiscoverJob;
    const condition = checkCondition(recorded.condition, recorded.scenario);
    if (!condition.success) return { exit: badInput(condition.message) };
    const again = checkedFactors(recorded.scenario, [...recorded.factors]);
    if (!again.success) return { exit: badInput(again.message) };
    announce(recorded);
    return { job: recorded, command: loaded.input.command, options: args, inputs: loaded.input.files };
  }
  if (parsed.values.condition === undefined) return { exit: badInput(`name the outcome with --condition, ${CONDITION_FORM}`, DISCOVER_USAGE) };
  const read = parseCondition(parsed.values.condition);
  if (!read.success) return { exit: badInput(read.message) };
  const scenario = resolveScenario(loaded.input.scenario, args);
  const condition = checkCondition(read.value, scenario);
  if (!condition.success) return { exit: badInput(condition.message) };
  if (args.ticks !== undefined) return { exit: badInput('--ticks: discover runs to the month of --condition (METRIC@YYYY-MM), or to the last month; give the month there') };
  let factors: DiscoverFactor[];
  if (texts.length > 0) {
    const params: Omit<IntervalParam, 'integer'>[] = [];
    for (const text of texts) {
      const param = parseIntervalParam(text);
      if (!param.success) return { exit: badInput(param.message) };
      params.push(param.value);
    }
    const checked = checkIntervalParams(scenario, params, DISCOVER_PARAM_COUNT);
    if (!checked.success) return { exit: badInput(checked.message) };
    factors = checked.value.map((p) => ({ origin: 'param' as const, path: p.path, low: p.low, high: p.high, scale: p.scale, integer: p.integer, ...timesBaseField(p.timesBase) }));
  } else {
    const declared = declaredFactors(scenario);
    if (!declared.success) return { exit: badInput(declared.message) };
    const checked = checkedFactors(scenario, declared.value);
    if (!checked.success) return { exit: badInput(checked.message) };
    factors = checked.value;
  }
  const ticks = conditionTicks(condition.value, scenario);
  const job: DiscoverJob = {
    kind: 'discover',
    ...jobCommon(args),
    ...(ticks !== undefined ? { ticks } : {}),
    scenario,
    factors,
    samples: samples ?? DEFAULT_SAMPLES,
    condition: condition.value,
    peelAlpha,
    minDensity,
  };
  const command = canonicalCommand('discover', [file], [
    ['--condition', conditionText(condition.value)],
    ...texts.map((text) => ['--param', text] as const),
    ...(parsed.values.samples !== undefined ? [['--samples', job.samples] as const] : []),
    ...(parsed.values.peel !== undefined ? [['--peel', peelAlpha] as const] : []),
    ...(parsed.values['min-density'] !== undefined ? [['--min-density', minDensity] as const] : []),
    ...outputOptions(args),
  ]);
  announce(job);
  return { job, command, options: args, inputs: loaded.input.files };
}
