import type { Job } from '../batch/job.js';
import { badInput, jobCommon, jobChangingFlags, launchJob, loadInput, manifestConflicts, resolveScenario, runCommand } from './command.js';
import { canonicalCommand, outputOptions } from './job-options.js';
import { parseSimulateArgs, SIMULATE_USAGE } from './simulate-args.js';

async function main(argv: readonly string[]): Promise<number> {
  const parsedArgs = parseSimulateArgs(argv);
  if (!parsedArgs.success) return badInput(parsedArgs.message, SIMULATE_USAGE);
  const args = parsedArgs.args;
  if (args.help) {
    process.stdout.write(SIMULATE_USAGE);
    return 0;
  }
  const loaded = loadInput(args.config);
  if (!loaded.success) return badInput(loaded.message.trimEnd());
  let job: Job;
  let command: string;
  if (loaded.input.kind === 'manifest') {
    const conflict = manifestConflicts(args.config, 'simulate', loaded.input.job, jobChangingFlags(args));
    if (conflict !== undefined) return badInput(conflict);
    job = loaded.input.job;
    command = loaded.input.command;
  } else {
    job = { kind: 'simulate', ...jobCommon(args), scenario: resolveScenario(loaded.input.scenario, args) };
    command = canonicalCommand('simulate', [args.config], outputOptions(args));
  }
  return launchJob(job, command, args, loaded.input.files);
}

runCommand(main);
