import type { CommandContext, CommandRequest } from '../job-kind.js';
import type { MorrisJob } from './job.js';
import { badInput, checkFocus, jobChangingFlags, jobCommon, manifestConflicts, resolveScenario } from '../command-line.js';
import { canonicalCommand, integerOption, JOB_OPTIONS, jobOptionsUsage, outputOptions, parseCommandLine, readJobOptions } from '../job-options.js';
import { checkIntervalParams, parseIntervalParam, type IntervalParam, type ParamCount } from '../../sweep/interval-param.js';
import { ticksAt } from '../at-month.js';
import { checked, defaultFactors, MAX_MORRIS_PARAMS, MIN_MORRIS_PARAMS, underPrefixes, type MorrisFactor } from './morris-factors.js';
import { DEFAULT_LEVELS, DEFAULT_TRAJECTORIES, morrisPointCount } from './morris-plan.js';
import { timesBaseField } from '../../sweep/times-base.js';

export const MAX_TRAJECTORIES = 1000;
export const MAX_LEVELS = 20;

const MORRIS_USAGE = `Usage: npm run morris -- <config.json> [--param <path>=<low>:<high>[:log] ...] [--only PREFIX ...] [options]
       npm run morris -- <manifest.json> [--out DIR] [--workers N] [--shard i/N] [--quiet]

Morris screening: which parameters matter for each KPI, cheaply. r trajectories through a grid of
p levels, each of k + 1 points moving one parameter at a time, every point run with the same
--runs seeds: R × (k + 1) × runs runs. For each parameter and KPI, μ* (the mean absolute
elementary effect: importance), μ (its mean: direction) and σ (its spread: interactions or
non-linearity), each with a 95% bootstrap interval, and each KPI's seed noise, which says which
effects cannot be told from luck. Writes morris.csv, a μ*–σ chart per key KPI, and report.md.

What moves: the --param intervals; without them the scenario's declared uncertain parameters, each
over its distribution; when it declares none, every numeric policy parameter over the range
sensitivity derives from its valid range (its distance from its bounds ÷/× 1.5: a share's odds, a
multiplier's excess over 1, a positive amount itself). report.md says which range each used.

Options:
  --param P=LO:HI    a parameter and its interval, uniform (repeatable); P=LO:HI:log for log-uniform;
                     a "*" in P moves every number it reaches as one (enterprises.segments.*.switchingCostUsd.median);
                     P=×LO:×HI[:log] (or xLO:xHI) gives factors on each number's own value instead,
                     so a "*" keeps the ratios between them (…switchingCostUsd.median=×0.1:×10:log)
  --only PREFIX      move only the parameters under this path (repeatable), e.g. --only vendors.openai
  --trajectories R   trajectories (default ${DEFAULT_TRAJECTORIES}, at most ${MAX_TRAJECTORIES})
  --levels P         grid levels per parameter, even (default ${DEFAULT_LEVELS}, at most ${MAX_LEVELS})
  --at YYYY-MM       read the KPIs at this month (the runs stop there; default: the last month)
  --vendor ID        vendor whose KPIs the charts and report show (default: the closed vendor with
                     the largest enterprise share)
  --cloud ID         cloud whose KPIs the charts and report show (default: the largest AI revenue)
${jobOptionsUsage('output/morris-<scenario>/')}

Examples:
  npm run morris -- configs/baseline.json --only enterprises --trajectories 10 --runs 2
  npm run morris -- configs/baseline.json --param enterprises.brandPremium=0.05:0.4 \\
      --param vendors.openai.policies.pricing.params.markup=1:4:log --vendor openai --at 2028-12
`;

const OPTIONS = {
  ...JOB_OPTIONS,
  param: { type: 'string', multiple: true },
  only: { type: 'string', multiple: true },
  trajectories: { type: 'string' },
  levels: { type: 'string' },
  at: { type: 'string' },
  vendor: { type: 'string' },
  cloud: { type: 'string' },
} as const;

const MORRIS_PARAM_COUNT: ParamCount = { min: MIN_MORRIS_PARAMS, max: MAX_MORRIS_PARAMS, tooFew: () => 'name a parameter with --param' };

function parseLevels(text: string | undefined): number | string {
  const levels = integerOption('--levels', text, 2, MAX_LEVELS);
  if (typeof levels === 'string') return levels;
  if (levels === undefined) return DEFAULT_LEVELS;
  if (levels % 2 !== 0) return `--levels must be even (Morris's step, p/(2(p − 1)), visits every level equally only then), got ${levels}; try ${levels - 1} or ${levels + 1}`;
  return levels;
}

/** "Morris screening of 4 parameters: 10 trajectories × (4 + 1) points × 2 runs = 100 runs." */
export function morrisRunsLine(job: MorrisJob): string {
  const k = job.factors.length;
  const total = morrisPointCount(job) * job.runs;
  return `Morris screening of ${k} parameter${k === 1 ? '' : 's'}: ${job.trajectories} trajectories × (${k} + 1) points × ${job.runs} run${job.runs === 1 ? '' : 's'} = ${total.toLocaleString('en-US')} runs.`;
}

/** Reads `npm run morris`'s command line into a job, or answers it (--help, bad input). */
export function morrisCommand(argv: readonly string[], context: CommandContext): CommandRequest {
  const parsed = parseCommandLine(argv, OPTIONS);
  if (!parsed.success) return { exit: badInput(parsed.message, MORRIS_USAGE) };
  const options = readJobOptions(parsed.values);
  if (!options.success) return { exit: badInput(options.message, MORRIS_USAGE) };
  const args = options.value;
  if (args.help) {
    process.stdout.write(MORRIS_USAGE);
    return { exit: 0 };
  }
  if (parsed.positionals.length !== 1) return { exit: badInput(`name one config file, got ${parsed.positionals.length}`, MORRIS_USAGE) };
  const file = parsed.positionals[0]!;
  const texts = parsed.values.param ?? [];
  const only = (parsed.values.only ?? []).map((prefix) => prefix.trim());
  const focus = { vendor: parsed.values.vendor, cloud: parsed.values.cloud };
  const trajectories = integerOption('--trajectories', parsed.values.trajectories, 2, MAX_TRAJECTORIES);
  if (typeof trajectories === 'string') return { exit: badInput(trajectories, MORRIS_USAGE) };
  const levels = parseLevels(parsed.values.levels);
  if (typeof levels === 'string') return { exit: badInput(levels, MORRIS_USAGE) };
  const loaded = context.loadInput(file);
  if (!loaded.success) return { exit: badInput(loaded.message.trimEnd()) };
  const announce = (job: MorrisJob) => {
    if (!args.quiet) process.stdout.write(`${morrisRunsLine(job)}\n`);
  };
  if (loaded.input.kind === 'manifest') {
    const extra = { '--param': texts, '--only': only, '--trajectories': parsed.values.trajectories, '--levels': parsed.values.levels, '--at': parsed.values.at, '--vendor': focus.vendor, '--cloud': focus.cloud };
    const conflict = manifestConflicts(file, 'morris', loaded.input.job, jobChangingFlags(args, extra));
    if (conflict !== undefined) return { exit: badInput(conflict) };
    const recorded = loaded.input.job as MorrisJob;
    const again = checked(recorded.scenario, [...recorded.factors], 'factors');
    if (!again.success) return { exit: badInput(again.message) };
    announce(recorded);
    return { job: recorded, command: loaded.input.command, options: args, inputs: loaded.input.files };
  }
  const scenario = resolveScenario(loaded.input.scenario, args);
  let factors: MorrisFactor[];
  if (texts.length > 0) {
    const read: Omit<IntervalParam, 'integer'>[] = [];
    for (const text of texts) {
      const param = parseIntervalParam(text);
      if (!param.success) return { exit: badInput(param.message) };
      read.push(param.value);
    }
    const params = checkIntervalParams(scenario, read, MORRIS_PARAM_COUNT);
    if (!params.success) return { exit: badInput(params.message) };
    factors = params.value.filter((p) => underPrefixes(p.path, only)).map((p) => ({ origin: 'param' as const, path: p.path, low: p.low, high: p.high, scale: p.scale, integer: p.integer, ...timesBaseField(p.timesBase) }));
    if (factors.length === 0) return { exit: badInput(`--only ${only.join(', ')}: none of the --param paths lies under it`) };
  } else {
    const found = defaultFactors(scenario, only);
    if (!found.success) return { exit: badInput(found.message) };
    factors = found.value;
  }
  const focusProblem = checkFocus(focus, [scenario]);
  if (focusProblem !== undefined) return { exit: badInput(focusProblem) };
  const at = ticksAt(scenario, args.ticks, parsed.values.at);
  if (typeof at === 'string') return { exit: badInput(at) };
  const job: MorrisJob = {
    kind: 'morris',
    ...jobCommon(args),
    ...(at.ticks !== undefined ? { ticks: at.ticks } : {}),
    scenario,
    factors,
    trajectories: trajectories ?? DEFAULT_TRAJECTORIES,
    levels,
    ...(parsed.values.at !== undefined ? { at: parsed.values.at.trim() } : {}),
    focus: { ...(focus.vendor !== undefined ? { vendor: focus.vendor } : {}), ...(focus.cloud !== undefined ? { cloud: focus.cloud } : {}) },
  };
  const command = canonicalCommand('morris', [file], [
    ...texts.map((text) => ['--param', text] as const),
    ...only.map((prefix) => ['--only', prefix] as const),
    ...(parsed.values.trajectories !== undefined ? [['--trajectories', job.trajectories] as const] : []),
    ...(parsed.values.levels !== undefined ? [['--levels', levels] as const] : []),
    ...(parsed.values.at !== undefined ? [['--at', parsed.values.at.trim()] as const] : []),
    ...(focus.vendor !== undefined ? [['--vendor', focus.vendor] as const] : []),
    ...(focus.cloud !== undefined ? [['--cloud', focus.cloud] as const] : []),
    ...outputOptions(args),
  ]);
  announce(job);
  return { job, command, options: args, inputs: loaded.input.files };
}
