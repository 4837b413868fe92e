import type { CommandContext, CommandRequest } from '../job-kind.js';
import type { SensitivityJob } from './job.js';
import type { Scenario } from '../../config/parse-scenario.js';
import { canonicalPath } from '../../sweep/param-path.js';
import { sensitivityPlan, type GivenRange } from '../../sweep/sensitivity-plan.js';
import { checkIntervalParams, parseIntervalParam, type IntervalParam } from '../../sweep/interval-param.js';
import { DEFAULT_CHANGE, MAX_CHANGE } from '../../sweep/derived-range.js';
import { ticksAt } from '../at-month.js';
import { badInput, jobCommon, checkFocus, jobChangingFlags, manifestConflicts, resolveScenario } from '../command-line.js';
import { canonicalCommand, JOB_OPTIONS, jobOptionsUsage, outputOptions, parseCommandLine, readJobOptions } from '../job-options.js';
import { timesBaseField } from '../../sweep/times-base.js';


/** The figures of configs/baseline.json this help quotes, held to the plan by test/jobs/sensitivity/sensitivity-docs.test.ts. */
export const SENSITIVITY_USAGE = `Usage: npm run sensitivity -- <config.json> [options]
       npm run sensitivity -- <manifest.json> [--out DIR] [--workers N] [--shard i/N] [--quiet]

Moves every numeric policy parameter of the scenario (vendors, clouds, enterprises, consumers)
down and up, one at a time, and writes a tornado chart per key KPI (parameters sorted by the swing
they cause), sensitivity.csv and report.md. A parameter the scenario declares uncertain moves to
the ends of its declared range; any other over a range derived from its valid range: its distance
from its bounds ÷/× ${1 + DEFAULT_CHANGE} (a share's odds between 0 and 1, a multiplier's excess over 1, a
positive amount itself), so report.md and sensitivity.csv say which range each moved over. In
configs/baseline.json 214 parameters can move: 408 runs (the base, then each side moved), each as
long as a run of the scenario; --only moves fewer.

Options:
  --change X         how far a range not declared reaches: its distance from its bounds ÷/× 1 + X,
                     0 < X <= ${MAX_CHANGE} or a percentage (default ${DEFAULT_CHANGE}, i.e. ÷/× ${1 + DEFAULT_CHANGE})
  --param P=LO:HI    move the number at path P (any number of the scenario) to LO and to HI, rather
                     than the policy parameters (repeatable); a "*" in P moves every number it
                     reaches together, e.g. enterprises.segments.*.switchingCostUsd.median=1e4:1e6;
                     P=×LO:×HI (or xLO:xHI) moves each by those factors on its own value instead,
                     so a "*" keeps the ratios between them (…switchingCostUsd.median=×0.1:×10)
  --at YYYY-MM       read the KPIs at this month (the runs stop there; default: the last month)
  --only PREFIX      move only parameters under this path (repeatable), e.g. --only vendors.openai
                     --only enterprises.policies
  --vendor ID        vendor whose KPIs the tornados show (default: the largest closed vendor)
  --cloud ID         cloud whose KPIs the tornados show (default: the largest AI revenue)
${jobOptionsUsage('output/sensitivity-<scenario>/')}

Examples:
  npm run sensitivity -- configs/commoditized.json
  npm run sensitivity -- configs/baseline.json --only enterprises --only vendors.openai --runs 4
`;

const OPTIONS = {
  ...JOB_OPTIONS,
  change: { type: 'string' },
  param: { type: 'string', multiple: true },
  at: { type: 'string' },
  only: { type: 'string', multiple: true },
  vendor: { type: 'string' },
  cloud: { type: 'string' },
} as const;

/** "0.5", "50%" → 0.5; a message for anything else. */
function parseChange(text: string | undefined): number | string {
  if (text === undefined) return DEFAULT_CHANGE;
  const percent = text.trim().endsWith('%');
  const value = Number(text.trim().replace(/%$/, '')) / (percent ? 100 : 1);
  if (!Number.isFinite(value) || value <= 0 || value > MAX_CHANGE) return `--change must be above 0 and at most ${MAX_CHANGE} (or a percentage up to ${MAX_CHANGE * 100}%), e.g. 0.5 or 50%, got "${text}"`;
  return value;
}

/**
 * Every --only prefix in its canonical spelling (vendors[0] is vendors.openai, as the plan's paths
 * are), naming something in the scenario, once; and something to move under them.
 */
function checkOnly(scenario: Scenario, only: readonly string[], change: number, given: readonly GivenRange[]): { success: true; only: string[] } | { success: false; message: string } {
  const canonical: string[] = [];
  for (const prefix of only) {
    const found = canonicalPath(scenario, prefix);
    if (!found.success) return { success: false, message: `--only ${found.message}` };
    const earlier = only[canonical.indexOf(found.value)];
    if (earlier !== undefined) {
      return { success: false, message: earlier === prefix ? `--only ${prefix} is given twice` : `--only ${earlier} and --only ${prefix} name the same part, ${found.value}: give it once` };
    }
    canonical.push(found.value);
  }
  if (given.length === 0 && sensitivityPlan(scenario, change, canonical).params.length === 0) {
    return { success: false, message: `no numeric policy parameter can move${only.length > 0 ? ` under ${only.join(', ')}` : ''}: there is nothing to vary` };
  }
  return { success: true, only: canonical };
}

/** The --param intervals, each path checked and canonical and both ends valid scenarios, or a message. */
function readGiven(scenario: Scenario, texts: readonly string[]): GivenRange[] | string {
  if (texts.length === 0) return [];
  const read: Omit<IntervalParam, 'integer'>[] = [];
  for (const text of texts) {
    const param = parseIntervalParam(text);
    if (!param.success) return param.message;
    read.push(param.value);
  }
  const checked = checkIntervalParams(scenario, read, { min: 1, max: 256, tooFew: () => 'name a parameter with --param' });
  if (!checked.success) return checked.message;
  return checked.value.map((param) => ({
    path: param.path,
    low: param.integer ? Math.ceil(param.low) : param.low,
    high: param.integer ? Math.floor(param.high) : param.high,
    ...timesBaseField(param.timesBase),
  }));
}

/** Reads `npm run sensitivity`'s command line into a job, or answers it (--help, bad input). */
export function sensitivityCommand(argv: readonly string[], context: CommandContext): CommandRequest {
  const parsed = parseCommandLine(argv, OPTIONS);
  if (!parsed.success) return { exit: badInput(parsed.message, SENSITIVITY_USAGE) };
  const options = readJobOptions(parsed.values);
  if (!options.success) return { exit: badInput(options.message, SENSITIVITY_USAGE) };
  const args = options.value;
  if (args.help) {
    process.stdout.write(SENSITIVITY_USAGE);
    return { exit: 0 };
  }
  if (parsed.positionals.length !== 1) return { exit: badInput(`name one config file, got ${parsed.positionals.length}`, SENSITIVITY_USAGE) };
  const file = parsed.positionals[0]!;
  const change = parseChange(parsed.values.change);
  if (typeof change === 'string') return { exit: badInput(change, SENSITIVITY_USAGE) };
  const only = parsed.values.only ?? [];
  const focus = { vendor: parsed.values.vendor, cloud: parsed.values.cloud };
  const loaded = context.loadInput(file);
  if (!loaded.success) return { exit: badInput(loaded.message.trimEnd()) };
  if (loaded.input.kind === 'manifest') {
    const extra = { '--change': parsed.values.change, '--param': parsed.values.param ?? [], '--at': parsed.values.at, '--only': only, '--vendor': focus.vendor, '--cloud': focus.cloud };
    const conflict = manifestConflicts(file, 'sensitivity', loaded.input.job, jobChangingFlags(args, extra));
    if (conflict !== undefined) return { exit: badInput(conflict) };
    return { job: loaded.input.job, command: loaded.input.command, options: args, inputs: loaded.input.files };
  }
  const scenario = resolveScenario(loaded.input.scenario, args);
  const given = readGiven(scenario, parsed.values.param ?? []);
  if (typeof given === 'string') return { exit: badInput(given) };
  if (given.length > 0 && parsed.values.change !== undefined) return { exit: badInput('--change sets the ranges no one gave; with --param every range is given: drop one of them') };
  const checked = checkOnly(scenario, only, change, given);
  if (!checked.success) return { exit: badInput(checked.message) };
  const kept = given.filter((range) => checked.only.length === 0 || checked.only.some((prefix) => range.path === prefix || range.path.startsWith(`${prefix}.`)));
  if (given.length > 0 && kept.length === 0) return { exit: badInput(`--only ${only.join(', ')}: none of the --param paths lies under it`) };
  const problem = checkFocus(focus, [scenario]);
  if (problem !== undefined) return { exit: badInput(problem) };
  const at = ticksAt(scenario, args.ticks, parsed.values.at);
  if (typeof at === 'string') return { exit: badInput(at) };
  const job: SensitivityJob = {
    kind: 'sensitivity',
    ...jobCommon(args),
    ...(at.ticks !== undefined ? { ticks: at.ticks } : {}),
    scenario,
    change,
    only: checked.only,
    ...(kept.length > 0 ? { params: kept } : {}),
    ...(parsed.values.at !== undefined ? { at: parsed.values.at.trim() } : {}),
    focus: { ...(focus.vendor !== undefined ? { vendor: focus.vendor } : {}), ...(focus.cloud !== undefined ? { cloud: focus.cloud } : {}) },
  };
  const command = canonicalCommand('sensitivity', [file], [
    ...(parsed.values.change !== undefined ? [['--change', parsed.values.change] as const] : []),
    ...(parsed.values.param ?? []).map((text) => ['--param', text] as const),
    ...(parsed.values.at !== undefined ? [['--at', parsed.values.at.trim()] as const] : []),
    ...only.map((prefix) => ['--only', prefix] as const),
    ...(focus.vendor !== undefined ? [['--vendor', focus.vendor] as const] : []),
    ...(focus.cloud !== undefined ? [['--cloud', focus.cloud] as const] : []),
    ...outputOptions(args),
  ]);
  return { job: job, command: command, options: args, inputs: loaded.input.files };
}

