import type { JobKinds } from '../jobs/job-kind.js';
import { JOB_KINDS } from '../jobs/registry.js';
import { launchJob, loadInput, runCommand } from './command.js';

/**
 * The command of a job kind, looked up by name: the kind reads its command line into a job, and the
 * shared machinery runs it (size checks, output folder, pool or shard, manifest, the kind's outputs).
 */
export function runJobCommand(name: string, kinds: JobKinds = JOB_KINDS): void {
  const kind = kinds.get(name);
  if (kind === undefined) throw new Error(`no job kind "${name}"; kinds: ${[...kinds.keys()].join(', ')}`);
  runCommand(async (argv) => {
    const request = kind.command(argv, { loadInput: (file) => loadInput(file, kinds) });
    if ('exit' in request) return request.exit;
    return launchJob(kind, request.job, request.command, request.options, request.inputs);
  });
}
