import type { Scenario } from '../../config/parse-scenario.js';
import type { CommandContext, CommandRequest } from '../job-kind.js';
import type { SobolJob } from './job.js';
import { badInput, checkFocus, jobChangingFlags, jobCommon, manifestConflicts, resolveScenario } from '../command-line.js';
import { canonicalCommand, integerOption, JOB_OPTIONS, jobOptionsUsage, outputOptions, parseCommandLine, readJobOptions } from '../job-options.js';
import { checkIntervalParams, parseIntervalParam, type IntervalParam, type ParamCount } from '../../sweep/interval-param.js';
import { ticksAt } from '../at-month.js';

export const DEFAULT_SAMPLES = 64;
export const MAX_SAMPLES = 2 ** 14;
export const MIN_SOBOL_PARAMS = 2;
/** Saltelli's design takes two Sobol' dimensions per parameter; far fewer than its 128 keep runs sane. */
export const MAX_SOBOL_PARAMS = 64;
const SOBOL_PARAM_COUNT: ParamCount = {
  min: MIN_SOBOL_PARAMS,
  max: MAX_SOBOL_PARAMS,
  tooFew: (given) => `name at least ${MIN_SOBOL_PARAMS} parameters with --param (got ${given}): Sobol' indices share a KPI's variance among parameters; for one, use npm run sweep`,
};

const SOBOL_USAGE = `Usage: npm run sobol -- <config.json> --param <path>=<low>:<high>[:log] --param ... [options]
       npm run sobol -- <manifest.json> [--out DIR] [--workers N] [--shard i/N] [--quiet]

Sobol' indices: which parameters drive each KPI, alone (first order, S1) and with every interaction
they take part in (total order, ST), each with a 95% bootstrap interval. Saltelli's design on a
scrambled Sobol' sequence runs N(k + 2) points for k parameters (N(2k + 2) with --second-order),
every point with the same --runs seeds; a point's KPI is the mean over them, and the seed noise
of each KPI says which indices cannot be told from luck. Writes sobol.csv, a chart of S1 and ST
per key KPI, and report.md.

A path names a number in the resolved config as in npm run sweep, e.g.
vendors.anthropic.policies.pricing.params.markup, enterprises.policies.switching.params.paybackMonths.

Options:
  --param P=LO:HI    a parameter and its interval, uniform (2 to ${MAX_SOBOL_PARAMS} of them); P=LO:HI:log for
                     log-uniform (a range over orders of magnitude, LO > 0); a "*" in P moves every
                     number it reaches as one (enterprises.segments.*.switchingCostUsd.median);
                     P=×LO:×HI[:log] (or xLO:xHI) gives factors on each number's own value instead,
                     so a "*" keeps the ratios between them (…switchingCostUsd.median=×0.1:×10:log)
  --samples N        N, base samples of the design: a power of two (default ${DEFAULT_SAMPLES}, at most ${MAX_SAMPLES})
  --second-order     also every pair's second-order index S2 (N(2k + 2) points instead of N(k + 2))
  --at YYYY-MM       read the KPIs at this month (the runs stop there; default: the last month)
  --vendor ID        vendor whose KPIs the charts and report show (default: the closed vendor with
                     the largest enterprise share)
  --cloud ID         cloud whose KPIs the charts and report show (default: the largest AI revenue)
${jobOptionsUsage('output/sobol-<scenario>/')}

Examples:
  npm run sobol -- configs/baseline.json --param enterprises.policies.switching.params.paybackMonths=3:24 \\
      --param enterprises.policies.switching.params.reviewProbability=0.05:0.5 --samples 32 --runs 2
`;

const OPTIONS = {
  ...JOB_OPTIONS,
  param: { type: 'string', multiple: true },
  samples: { type: 'string' },
  'second-order': { type: 'boolean', default: false },
  at: { type: 'string' },
  vendor: { type: 'string' },
  cloud: { type: 'string' },
} as const;

/** --samples: a power of two, which keeps the Sobol' sequence's balance in each block. */
function parseSamples(text: string | undefined): number | string {
  const samples = integerOption('--samples', text, 2, MAX_SAMPLES);
  if (typeof samples === 'string') return samples;
  if (samples === undefined) return DEFAULT_SAMPLES;
  if ((samples & (samples - 1)) !== 0) {
    const below = 2 ** Math.floor(Math.log2(samples));
    return `--samples must be a power of two (the Sobol' sequence is balanced only in blocks of 2^m points), got ${samples}; try ${below} or ${below * 2}`;
  }
  return samples;
}

/** Reads `npm run sobol`'s command line into a job, or answers it (--help, bad input). */
export function sobolCommand(argv: readonly string[], context: CommandContext): CommandRequest {
  const parsed = parseCommandLine(argv, OPTIONS);
  if (!parsed.success) return { exit: badInput(parsed.message, SOBOL_USAGE) };
  const options = readJobOptions(parsed.values);
  if (!options.success) return { exit: badInput(options.message, SOBOL_USAGE) };
  const args = options.value;
  if (args.help) {
    process.stdout.write(SOBOL_USAGE);
    return { exit: 0 };
  }
  if (parsed.positionals.length !== 1) return { exit: badInput(`name one config file, got ${parsed.positionals.length}`, SOBOL_USAGE) };
  const file = parsed.positionals[0]!;
  const texts = parsed.values.param ?? [];
  const secondOrder = parsed.values['second-order'] ?? false;
  const focus = { vendor: parsed.values.vendor, cloud: parsed.values.cloud };
  const samples = parseSamples(parsed.values.samples);
  if (typeof samples === 'string') return { exit: badInput(samples, SOBOL_USAGE) };
  const loaded = context.loadInput(file);
  if (!loaded.success) return { exit: badInput(loaded.message.trimEnd()) };
  if (loaded.input.kind === 'manifest') {
    const extra = { '--param': texts, '--samples': parsed.values.samples, '--second-order': secondOrder || undefined, '--at': parsed.values.at, '--vendor': focus.vendor, '--cloud': focus.cloud };
    const conflict = manifestConflicts(file, 'sobol', loaded.input.job, jobChangingFlags(args, extra));
    if (conflict !== undefined) return { exit: badInput(conflict) };
    // No conflict: the manifest records a sobol job, whose parameters are checked as the command line's are.
    const recorded = loaded.input.job as SobolJob;
    const checked = checkIntervalParams(recorded.scenario, recorded.params, SOBOL_PARAM_COUNT);
    if (!checked.success) return { exit: badInput(checked.message) };
    return { job: recorded, command: loaded.input.command, options: args, inputs: loaded.input.files };
  }
  const read: Omit<IntervalParam, 'integer'>[] = [];
  for (const text of texts) {
    const param = parseIntervalParam(text);
    if (!param.success) return { exit: badInput(param.message) };
    read.push(param.value);
  }
  const scenario = resolveScenario(loaded.input.scenario, args);
  const params = checkIntervalParams(scenario, read, SOBOL_PARAM_COUNT);
  if (!params.success) return { exit: badInput(params.message, texts.length === 0 ? SOBOL_USAGE : undefined) };
  const focusProblem = checkFocus(focus, [scenario]);
  if (focusProblem !== undefined) return { exit: badInput(focusProblem) };
  const at = ticksAt(scenario, args.ticks, parsed.values.at);
  if (typeof at === 'string') return { exit: badInput(at) };
  const { ticks } = at;
  const job: SobolJob = {
    kind: 'sobol',
    ...jobCommon(args),
    ...(ticks !== undefined ? { ticks } : {}),
    scenario,
    params: params.value,
    samples,
    secondOrder,
    ...(parsed.values.at !== undefined ? { at: parsed.values.at.trim() } : {}),
    focus: { ...(focus.vendor !== undefined ? { vendor: focus.vendor } : {}), ...(focus.cloud !== undefined ? { cloud: focus.cloud } : {}) },
  };
  const command = canonicalCommand('sobol', [file], [
    ...texts.map((text) => ['--param', text] as const),
    ...(parsed.values.samples !== undefined ? [['--samples', samples] as const] : []),
    ...(secondOrder ? [['--second-order'] as const] : []),
    ...(parsed.values.at !== undefined ? [['--at', parsed.values.at.trim()] as const] : []),
    ...(focus.vendor !== undefined ? [['--vendor', focus.vendor] as const] : []),
    ...(focus.cloud !== undefined ? [['--cloud', focus.cloud] as const] : []),
    ...outputOptions(args),
  ]);
  return { job, command, options: args, inputs: loaded.input.files };
}
