import type { CommandContext, CommandRequest } from '../job-kind.js';
import type { SweepJob } from './job.js';
import { applySettings, canonicalRanges, gridSize, MAX_POINTS, MAX_SWEPT_PARAMS, parseParamRange, sweepGrid, type ParamRange } from '../../sweep/param-range.js';
import { numbersAtPath } from '../../sweep/param-path.js';
import type { Scenario } from '../../config/parse-scenario.js';
import { ticksAt } from '../at-month.js';
import { badInput, jobCommon, checkFocus, jobChangingFlags, manifestConflicts, resolveScenario } from '../command-line.js';
import { canonicalCommand, JOB_OPTIONS, jobOptionsUsage, outputOptions, parseCommandLine, readJobOptions } from '../job-options.js';

const SWEEP_USAGE = `Usage: npm run sweep -- <config.json> --param <path>=<from>:<to>:<steps> [--param ...] [options]
       npm run sweep -- <manifest.json> [--out DIR] [--workers N] [--shard i/N] [--quiet]

Runs a scenario over a grid of one or two parameters, every point with the same seeds, and keeps
each run's KPIs: sweep.csv (one row per point), a chart of each key KPI against the parameter
(with 5th–95th percentile bands when --runs > 1), a heatmap of each key KPI for two parameters,
and report.md, in a folder named for the parameters swept (sweep-baseline-enterprises.switching.paybackMonths).

A path names a number in the resolved config: keys and ids separated by dots, a list entry by its
id or index, e.g. vendors.openai.policies.pricing.params.markup,
enterprises.policies.switching.params.paybackMonths, clouds.aws.policies.capex.params.targetUtilisation.

Options:
  --param P=A:B:N    sweep the number at path P over N evenly spaced values from A to B (at most ${MAX_SWEPT_PARAMS});
                     P=A:B:N:log spaces them evenly on a log scale (A, B above 0); a "*" in P moves
                     every number it reaches together, e.g. enterprises.segments.*.switchingCostUsd.median;
                     P=×A:×B:N (or xA:xB:N) sweeps factors instead, each number it names times its
                     own value in the scenario, so a "*" keeps the ratios between them
  --at YYYY-MM       read the KPIs at this month (the runs stop there; default: the last month)
  --vendor ID        vendor whose KPIs the heatmaps show (default: the closed vendor with the
                     largest enterprise share)
  --cloud ID         cloud whose KPIs the heatmaps show (default: the largest AI revenue)
${jobOptionsUsage('output/sweep-<scenario>-<parameters>/')}

Examples:
  npm run sweep -- configs/baseline.json --param enterprises.policies.switching.params.paybackMonths=3:24:4 --runs 2
  npm run sweep -- configs/commoditized.json --param vendors.openai.policies.pricing.params.markup=0.5:3:6 \\
      --param enterprises.policies.switching.params.reviewProbability=0.05:0.5:5
  npm run sweep -- configs/baseline.json --param 'enterprises.segments.*.switchingCostUsd.median=×0.1:×10:5:log' \\
      --at 2027-12 --vendor anthropic
`;

const OPTIONS = { ...JOB_OPTIONS, param: { type: 'string', multiple: true }, at: { type: 'string' }, vendor: { type: 'string' }, cloud: { type: 'string' } } as const;

/** Above this many points only each parameter's values are checked up front, not every combination. */
const CHECK_ALL_POINTS_UP_TO = 2000;

/** Every path names a number; every value of every range, and every point of a grid not too big, is a valid scenario. */
function checkRanges(scenario: Scenario, ranges: readonly ParamRange[]): string | undefined {
  if (ranges.length > MAX_SWEPT_PARAMS) return `at most ${MAX_SWEPT_PARAMS} --param at a time (a grid of ${ranges.length} would be a cube)`;
  if (new Set(ranges.map((r) => r.path)).size < ranges.length) return 'the same --param path twice';
  for (const range of ranges) {
    const target = numbersAtPath(scenario, range.path);
    if (!target.success) return `--param ${target.message}`;
    for (const point of sweepGrid([range])) {
      const applied = applySettings(scenario, point);
      if (!applied.success) return `--param ${applied.message}`;
    }
  }
  const size = gridSize(ranges);
  if (size > MAX_POINTS) return `the grid has ${size.toLocaleString('en-US')} points, above the limit of ${MAX_POINTS.toLocaleString('en-US')}`;
  if (ranges.length > 1 && size <= CHECK_ALL_POINTS_UP_TO) {
    for (const point of sweepGrid(ranges)) {
      const applied = applySettings(scenario, point);
      if (!applied.success) return `--param: ${applied.message}`;
    }
  }
  return undefined;
}

/** Reads `npm run sweep`'s command line into a job, or answers it (--help, bad input). */
export function sweepCommand(argv: readonly string[], context: CommandContext): CommandRequest {
  const parsed = parseCommandLine(argv, OPTIONS);
  if (!parsed.success) return { exit: badInput(parsed.message, SWEEP_USAGE) };
  const options = readJobOptions(parsed.values);
  if (!options.success) return { exit: badInput(options.message, SWEEP_USAGE) };
  const args = options.value;
  if (args.help) {
    process.stdout.write(SWEEP_USAGE);
    return { exit: 0 };
  }
  if (parsed.positionals.length !== 1) return { exit: badInput(`name one config file, got ${parsed.positionals.length}`, SWEEP_USAGE) };
  const file = parsed.positionals[0]!;
  const focus = { vendor: parsed.values.vendor, cloud: parsed.values.cloud };
  const texts = parsed.values.param ?? [];
  const loaded = context.loadInput(file);
  if (!loaded.success) return { exit: badInput(loaded.message.trimEnd()) };
  if (loaded.input.kind === 'manifest') {
    const conflict = manifestConflicts(file, 'sweep', loaded.input.job, jobChangingFlags(args, { '--param': texts, '--at': parsed.values.at, '--vendor': focus.vendor, '--cloud': focus.cloud }));
    if (conflict !== undefined) return { exit: badInput(conflict) };
    // No conflict: the manifest records a sweep.
    const job = loaded.input.job as SweepJob;
    const problem = checkRanges(job.scenario, job.params);
    if (problem !== undefined) return { exit: badInput(problem) };
    return { job: job, command: loaded.input.command, options: args, inputs: loaded.input.files };
  }
  if (texts.length === 0) return { exit: badInput('name the parameter to sweep with --param <path>=<from>:<to>:<steps>', SWEEP_USAGE) };
  const ranges: ParamRange[] = [];
  for (const text of texts) {
    const range = parseParamRange(text);
    if (!range.success) return { exit: badInput(range.message) };
    ranges.push(range.value);
  }
  const scenario = resolveScenario(loaded.input.scenario, args);
  if (ranges.length > MAX_SWEPT_PARAMS) return { exit: badInput(`at most ${MAX_SWEPT_PARAMS} --param at a time (a grid of ${ranges.length} would be a cube)`) };
  const canonical = canonicalRanges(scenario, ranges);
  if (!canonical.success) return { exit: badInput(canonical.message) };
  const problem = checkRanges(scenario, canonical.value) ?? checkFocus(focus, [scenario]);
  if (problem !== undefined) return { exit: badInput(problem) };
  const at = ticksAt(scenario, args.ticks, parsed.values.at);
  if (typeof at === 'string') return { exit: badInput(at) };
  const job: SweepJob = {
    kind: 'sweep',
    ...jobCommon(args),
    ...(at.ticks !== undefined ? { ticks: at.ticks } : {}),
    scenario,
    params: canonical.value,
    ...(parsed.values.at !== undefined ? { at: parsed.values.at.trim() } : {}),
    focus: { ...(focus.vendor !== undefined ? { vendor: focus.vendor } : {}), ...(focus.cloud !== undefined ? { cloud: focus.cloud } : {}) },
  };
  const command = canonicalCommand('sweep', [file], [
    ...texts.map((text) => ['--param', text] as const),
    ...(parsed.values.at !== undefined ? [['--at', parsed.values.at.trim()] as const] : []),
    ...(focus.vendor !== undefined ? [['--vendor', focus.vendor] as const] : []),
    ...(focus.cloud !== undefined ? [['--cloud', focus.cloud] as const] : []),
    ...outputOptions(args),
  ]);
  return { job: job, command: command, options: args, inputs: loaded.input.files };
}

