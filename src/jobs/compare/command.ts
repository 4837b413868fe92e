import { printablePath } from '../../io/json-text.js';
import type { CommandContext, CommandRequest } from '../job-kind.js';
import type { CompareJob } from './job.js';
import type { Scenario } from '../../config/parse-scenario.js';
import { badInput, jobCommon, checkFocus, jobChangingFlags, manifestConflicts, resolveScenario } from '../command-line.js';
import { canonicalCommand, JOB_OPTIONS, jobOptionsUsage, outputOptions, parseCommandLine, readJobOptions, TARGETS_OPTIONS, TARGETS_USAGE, targetsOutputOption } from '../job-options.js';
import { loadJobTargets, type TargetedScenario } from '../job-targets.js';
import { resolve } from 'node:path';

const COMPARE_USAGE = `Usage: npm run compare -- <config.json> <config.json> [more configs] [options]
       npm run compare -- <manifest.json> [--out DIR] [--workers N] [--shard i/N] [--quiet]

Runs several scenarios with the same seeds and compares them: one chart per key metric with a line
per scenario (each scenario in the same colour on every chart), a chart of each scenario's change
against the first, comparison.csv, and comparison.md with the KPIs side by side and the charts.
Metrics of one vendor follow the closed vendor whose enterprise share moved most against the first
scenario, metrics of one cloud the largest in the first scenario, or those you name. With one seed
per scenario a change may be seed noise alone: --runs 10 or more tells which changes exceed it.

Options:
  --vendor ID        vendor that charts of one vendor follow (default: the closed vendor whose
                     enterprise share moved most against the first scenario)
  --cloud ID         cloud that charts of one cloud follow (default: the largest AI revenue)
${TARGETS_USAGE}
${jobOptionsUsage('output/compare-<scenario names>/')}

Examples:
  npm run compare -- configs/baseline.json configs/commoditized.json
  npm run compare -- configs/baseline.json configs/brand-moat.json configs/commoditized.json --runs 10 --vendor anthropic
  npm run compare -- configs/baseline.json configs/exclusive-azure.json --targets configs/targets/2023-2025.json
`;

const OPTIONS = { ...JOB_OPTIONS, ...TARGETS_OPTIONS, vendor: { type: 'string' }, cloud: { type: 'string' } } as const;

/** Reads `npm run compare`'s command line into a job, or answers it (--help, bad input). */
export function compareCommand(argv: readonly string[], context: CommandContext): CommandRequest {
  const parsed = parseCommandLine(argv, OPTIONS);
  if (!parsed.success) return { exit: badInput(parsed.message, COMPARE_USAGE) };
  const options = readJobOptions(parsed.values);
  if (!options.success) return { exit: badInput(options.message, COMPARE_USAGE) };
  const args = options.value;
  if (args.help) {
    process.stdout.write(COMPARE_USAGE);
    return { exit: 0 };
  }
  const files = parsed.positionals;
  const focus = { vendor: parsed.values.vendor, cloud: parsed.values.cloud };
  if (files.length === 1) {
    const loaded = context.loadInput(files[0]!);
    if (!loaded.success) return { exit: badInput(loaded.message.trimEnd()) };
    if (loaded.input.kind !== 'manifest') return { exit: badInput('name at least two config files to compare', COMPARE_USAGE) };
    const conflict = manifestConflicts(files[0]!, 'compare', loaded.input.job, jobChangingFlags(args, { '--vendor': focus.vendor, '--cloud': focus.cloud, '--targets': parsed.values.targets }));
    if (conflict !== undefined) return { exit: badInput(conflict) };
    return { job: loaded.input.job, command: loaded.input.command, options: args, inputs: loaded.input.files };
  }
  if (files.length < 2) return { exit: badInput('name at least two config files to compare', COMPARE_USAGE) };
  const scenarios: Scenario[] = [];
  const targeted: TargetedScenario[] = [];
  const inputs: string[] = [];
  const problems: string[] = [];
  for (const file of files) {
    const loaded = context.loadInput(file);
    if (!loaded.success) problems.push(loaded.message.trimEnd());
    else if (loaded.input.kind === 'manifest') problems.push(`${printablePath(file)} is a manifest; compare takes config files, or one manifest alone`);
    else {
      scenarios.push(resolveScenario(loaded.input.scenario, args));
      targeted.push({ scenario: scenarios.at(-1)!, file });
      inputs.push(...loaded.input.files);
    }
  }
  if (problems.length > 0) return { exit: badInput(problems.join('\n')) };
  const focusProblem = checkFocus(focus, scenarios);
  if (focusProblem !== undefined) return { exit: badInput(focusProblem) };
  const targetsFile = parsed.values.targets;
  const targets = targetsFile === undefined ? undefined : loadJobTargets(targetsFile, targeted, args.ticks);
  if (targets !== undefined && !targets.success) return { exit: badInput(targets.message) };
  if (targetsFile !== undefined) inputs.push(resolve(targetsFile));
  const job: CompareJob = {
    kind: 'compare',
    ...jobCommon(args),
    scenarios,
    focus: { ...(focus.vendor !== undefined ? { vendor: focus.vendor } : {}), ...(focus.cloud !== undefined ? { cloud: focus.cloud } : {}) },
    ...(targets !== undefined ? { targets: targets.targets } : {}),
  };
  const command = canonicalCommand('compare', files, [
    ...(focus.vendor !== undefined ? [['--vendor', focus.vendor] as const] : []),
    ...(focus.cloud !== undefined ? [['--cloud', focus.cloud] as const] : []),
    ...targetsOutputOption(targetsFile),
    ...outputOptions(args),
  ]);
  return { job: job, command: command, options: args, inputs: inputs };
}

