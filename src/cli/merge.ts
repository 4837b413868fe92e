import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { JobCollector } from '../batch/collect.js';
import { defaultOutDir, planJob } from '../batch/job.js';
import { buildManifest, manifestJson } from '../batch/manifest.js';
import { checkPartials, type NamedPartial } from '../batch/merge-check.js';
import { decodePartialMeta, decodePartialResults, PARTIAL_BIN, PARTIAL_JSON } from '../batch/partial.js';
import { badInput, runCommand } from './command.js';
import { inStagedFolder } from './execute-job.js';
import { parseCommandLine } from './job-options.js';
import { writeOutputs } from './write-outputs.js';

const MERGE_USAGE = `Usage: npm run merge -- <shard folder>... [options]

Combines the partial results of a job run in N shards (--shard 0/N … --shard N-1/N, on as many
machines as you like) into exactly the outputs the job gives when run on one machine. Checks that
the folders are the N shards of one job, each once, made by the same code.

Options:
  --out DIR          output folder (default: the one the job would have used, under output/)
  --quiet            print nothing but errors
  -h, --help         show this help

Example:
  npm run sweep -- configs/baseline.json --param enterprises.policies.switching.params.paybackMonths=3:24:8 \\
      --runs 10 --shard 0/2 --out shards/0      # on one machine
  npm run sweep -- ... --shard 1/2 --out shards/1                                # on another
  npm run merge -- shards/0 shards/1
`;

const OPTIONS = {
  out: { type: 'string' },
  quiet: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

function readPartial(dir: string): NamedPartial | string {
  if (!existsSync(join(dir, PARTIAL_JSON))) {
    return existsSync(dir) ? `${dir} holds no ${PARTIAL_JSON}: it is not a shard's output (run the job with --shard i/N)` : `${dir}: no such folder`;
  }
  if (!existsSync(join(dir, PARTIAL_BIN))) return `${dir} holds no ${PARTIAL_BIN}: the shard did not finish, or the folder was copied in part`;
  const decoded = decodePartialMeta(readFileSync(join(dir, PARTIAL_JSON), 'utf8'));
  return decoded.success ? { dir, meta: decoded.meta } : `${dir}: ${decoded.message}`;
}

async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseCommandLine(argv, OPTIONS);
  if (!parsed.success) return badInput(parsed.message, MERGE_USAGE);
  if (parsed.values.help) {
    process.stdout.write(MERGE_USAGE);
    return 0;
  }
  const dirs = parsed.positionals.map((dir) => dir.replace(/\/+$/, ''));
  if (dirs.length === 0) return badInput('name the shard folders to merge', MERGE_USAGE);
  const partials: NamedPartial[] = [];
  for (const dir of dirs) {
    const partial = readPartial(dir);
    if (typeof partial === 'string') return badInput(partial);
    partials.push(partial);
  }
  const check = checkPartials(partials);
  if (!check.success) return badInput(check.message);
  for (const warning of check.warnings) process.stderr.write(`warning: ${warning}\n`);
  const first = check.ordered[0]!.meta;
  const plan = planJob(first.job);
  const outDir = parsed.values.out ?? defaultOutDir(first.job);
  const quiet = parsed.values.quiet ?? false;
  return inStagedFolder({
    outDir,
    quiet,
    noun: 'merge',
    fill: async (staging, _track, stopped) => {
      const collector = new JobCollector(plan, 'reduce');
      for (const partial of check.ordered) {
        // One shard's runs at a time: a partial's numbers are read when it is its turn.
        const decoded = decodePartialResults(partial.meta, readFileSync(join(partial.dir, PARTIAL_BIN)));
        if (!decoded.success) throw new Error(`${partial.dir}: ${decoded.message}`);
        for (const [task, result] of decoded.results) collector.add(task, result);
        if (plan.job.kind === 'simulate' && partial.meta.tasks.from === 0 && partial.meta.tasks.to > 0) {
          copyFileSync(join(partial.dir, 'events.jsonl'), join(staging, 'events.jsonl'));
        }
      }
      if (collector.count !== plan.tasks) throw new Error(`the shards hold ${collector.count} of the job's ${plan.tasks} runs`);
      writeFileSync(join(staging, 'manifest.json'), manifestJson(buildManifest(plan.job, first.command, first.environment)));
      const lines = await writeOutputs({ plan, collector, staging, command: first.command, outDir, stopped });
      return [`Merged ${check.ordered.length} shard${check.ordered.length === 1 ? '' : 's'} of ${plan.tasks} runs.`, ...lines];
    },
  });
}

runCommand(main);
