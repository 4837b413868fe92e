import type { CommandContext, CommandRequest, Job } from '../job-kind.js';
import type { SimulateJob } from './job.js';
import { badInput, jobCommon, jobChangingFlags, manifestConflicts, resolveScenario } from '../command-line.js';
import { canonicalCommand, outputOptions, targetsOutputOption } from '../job-options.js';
import { loadJobTargets } from '../job-targets.js';
import { resolve } from 'node:path';
import { parseSimulateArgs, SIMULATE_USAGE } from './options.js';
import { uncertainRefusal } from './uncertain-runs.js';

/** Reads `npm run simulate`'s command line into a job, or answers it (--help, bad input). */
export function simulateCommand(argv: readonly string[], context: CommandContext): CommandRequest {
  const parsedArgs = parseSimulateArgs(argv);
  if (!parsedArgs.success) return { exit: badInput(parsedArgs.message, SIMULATE_USAGE) };
  const args = parsedArgs.args;
  if (args.help) {
    process.stdout.write(SIMULATE_USAGE);
    return { exit: 0 };
  }
  const loaded = context.loadInput(args.config);
  if (!loaded.success) return { exit: badInput(loaded.message.trimEnd()) };
  let job: Job;
  let command: string;
  let inputs = loaded.input.files;
  if (loaded.input.kind === 'manifest') {
    const conflict = manifestConflicts(args.config, 'simulate', loaded.input.job, jobChangingFlags(args, { '--targets': args.targets, '--uncertain': args.uncertain || undefined }));
    if (conflict !== undefined) return { exit: badInput(conflict) };
    job = loaded.input.job;
    command = loaded.input.command;
  } else {
    const scenario = resolveScenario(loaded.input.scenario, args);
    let simulate: SimulateJob = { kind: 'simulate', ...jobCommon(args), scenario };
    if (args.uncertain) {
      const refused = uncertainRefusal(scenario, simulate.runs, args.config);
      if (refused !== undefined) return { exit: badInput(refused) };
    }
    if (args.targets !== undefined) {
      const targets = loadJobTargets(args.targets, [{ scenario, file: args.config }], args.ticks);
      if (!targets.success) return { exit: badInput(targets.message) };
      simulate = { ...simulate, targets: targets.targets };
      inputs = [...inputs, resolve(args.targets)];
    }
    if (args.uncertain) simulate = { ...simulate, uncertain: true };
    job = simulate;
    command = canonicalCommand('simulate', [args.config], [...targetsOutputOption(args.targets), ...outputOptions(args), ...(args.uncertain ? [['--uncertain'] as [string]] : [])]);
  }
  return { job: job, command: command, options: args, inputs: inputs };
}

