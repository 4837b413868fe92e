import { JOB_KINDS } from '../jobs/registry.js';
import { badInput } from '../jobs/command-line.js';
import { runCommand } from './command.js';
import { parseCommandLine } from '../jobs/job-options.js';
import { mergeShards } from './merge-shards.js';
import { holdsCalibrationShard, mergeCalibrationShards } from './merge-calibration.js';

const MERGE_USAGE = `Usage: npm run merge -- <shard folder>... [options]

Combines the partial results of a job run in N shards (--shard 0/N … --shard N-1/N, on as many
machines as you like) into exactly the outputs the job gives when run on one machine. Checks that
the folders are the N shards of one job, each once, made by the same code, and that every file of
every shard is the one its shard wrote (sizes and SHA-256 recorded in its partial.json).

Options:
  --out DIR          output folder (default: the one the job would have used, under output/);
                     it may not be one of the shard folders, nor hold or lie inside one
  --from DIR         for the shards of a calibration past its generation 0: the folder of the
                     state the last merge wrote, which the shards continued (it may be --out)
  --quiet            print nothing but errors
  -h, --help         show this help

Example:
  npm run sweep -- configs/baseline.json --param enterprises.policies.switching.params.paybackMonths=3:24:8 \\
      --runs 10 --shard 0/2 --out shards/0      # on one machine
  npm run sweep -- ... --shard 1/2 --out shards/1                                # on another
  npm run merge -- shards/0 shards/1

The shards of a calibration (npm run calibrate -- ... --shard i/N) make one generation at a time:
their merge writes the calibration's state, which the next generation's shards and their merge
take with --from, until the last merge writes the calibration's files (README, Calibrating).
`;

const OPTIONS = {
  out: { type: 'string' },
  from: { type: 'string' },
  quiet: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseCommandLine(argv, OPTIONS);
  if (!parsed.success) return badInput(parsed.message, MERGE_USAGE);
  if (parsed.values.help) {
    process.stdout.write(MERGE_USAGE);
    return 0;
  }
  const dirs = parsed.positionals.map((dir) => (dir.length > 1 ? dir.replace(/\/+$/, '') : dir));
  if (dirs.length === 0) return badInput('name the shard folders to merge', MERGE_USAGE);
  const quiet = parsed.values.quiet ?? false;
  if (holdsCalibrationShard(dirs[0]!)) return mergeCalibrationShards({ dirs, out: parsed.values.out, from: parsed.values.from, quiet });
  if (parsed.values.from !== undefined) return badInput(`--from goes with the shards of a calibration; ${dirs[0]} holds the shard of a job`);
  return mergeShards({ dirs, out: parsed.values.out, quiet: parsed.values.quiet ?? false }, JOB_KINDS);
}

runCommand(main);
