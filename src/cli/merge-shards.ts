import { existsSync, statSync } from 'node:fs';
import { printableLine, printablePath } from '../io/json-text.js';
import { join, resolve } from 'node:path';
import { JobCollector } from '../batch/collect.js';
import { planJob } from '../batch/job.js';
import { buildManifest, manifestJson } from '../batch/manifest.js';
import { checkPartials, type NamedPartial } from '../batch/merge-check.js';
import { decodePartialMeta, decodePartialResults, EVENTS_FILE, MAX_PARTIAL_JSON_BYTES, PARTIAL_BIN, PARTIAL_JSON } from '../batch/partial.js';
import { checkFileDigest } from '../io/file-digest.js';
import { decodeText, readRegularFile } from '../io/read-regular-file.js';
import type { JobKinds } from '../jobs/job-kind.js';
import { badInput } from '../jobs/command-line.js';
import { inStagedFolder } from './execute-job.js';
import { InputError } from '../io/input-error.js';
import { copyOutputFile, writeOutputFile } from '../io/write-output.js';

/** A shard folder's partial result, every file it needs checked against what partial.json records. */
function readPartial(dir: string, kinds: JobKinds): NamedPartial | string {
  if (!existsSync(dir)) return `${printablePath(dir)}: no such folder`;
  if (!statSync(dir).isDirectory()) return `${printablePath(dir)} is a file, not a shard folder`;
  if (!existsSync(join(dir, PARTIAL_JSON))) return `${printablePath(dir)} holds no ${PARTIAL_JSON}: it is not a shard's output (run the job with --shard i/N)`;
  const read = readRegularFile(join(dir, PARTIAL_JSON), MAX_PARTIAL_JSON_BYTES);
  if (!read.success) return `${printablePath(dir)}/${PARTIAL_JSON}: ${read.tooBig ? `holds more than ${MAX_PARTIAL_JSON_BYTES / 2 ** 20} MiB, far more than any partial result` : read.reason}`;
  const text = decodeText(read.bytes);
  if (!text.success) return `${printablePath(dir)}/${PARTIAL_JSON}: ${text.reason}`;
  const decoded = decodePartialMeta(text.text, kinds);
  if (!decoded.success) return `${printablePath(dir)}: ${decoded.message}`;
  const { meta, kind } = decoded;
  if (!existsSync(join(dir, PARTIAL_BIN))) return `${printablePath(dir)} holds no ${PARTIAL_BIN}: the shard did not finish, or the folder was copied in part`;
  const bin = checkFileDigest(join(dir, PARTIAL_BIN), meta.bin);
  if (bin !== undefined) return `${printablePath(dir)}/${PARTIAL_BIN} ${bin}; copy the shard folder again from where it ran, or run the shard again`;
  if (meta.events) {
    if (!existsSync(join(dir, EVENTS_FILE))) {
      return `${printablePath(dir)} holds no ${EVENTS_FILE}: this shard ran the job's first run, whose events the merged output gives; copy it from where the shard ran, or run the shard again`;
    }
    const events = checkFileDigest(join(dir, EVENTS_FILE), meta.events);
    if (events !== undefined) return `${printablePath(dir)}/${EVENTS_FILE} ${events}; copy it again from where the shard ran, or run the shard again`;
  }
  return { dir, meta, kind };
}

/**
 * Merges the shard folders of one job into the outputs one machine would have written, the job's
 * kind looked up among `kinds`. Returns the exit code.
 */
export async function mergeShards(options: { dirs: readonly string[]; out?: string | undefined; quiet: boolean }, kinds: JobKinds): Promise<number> {
  const { dirs } = options;
  const partials: NamedPartial[] = [];
  for (const dir of dirs) {
    const partial = readPartial(dir, kinds);
    if (typeof partial === 'string') return badInput(partial);
    partials.push(partial);
  }
  const check = checkPartials(partials);
  if (!check.success) return badInput(check.message);
  for (const warning of check.warnings) process.stderr.write(`warning: ${printableLine(warning)}\n`);
  const first = check.ordered[0]!.meta;
  const kind = check.ordered[0]!.kind;
  const plan = planJob(first.job, kind);
  const outDir = options.out ?? kind.defaultOutDir(first.job);
  const quiet = options.quiet;
  return inStagedFolder({
    outDir,
    inputs: dirs.map((dir) => resolve(dir)),
    quiet,
    noun: 'merge',
    fill: async (staging, _track, stopped) => {
      const collector = new JobCollector(plan, 'reduce');
      for (const partial of check.ordered) {
        // One shard's runs at a time: a partial's numbers are read when it is its turn, and checked again.
        const read = readRegularFile(join(partial.dir, PARTIAL_BIN), partial.meta.bin.bytes);
        if (!read.success) throw new InputError(`${printablePath(partial.dir)}/${PARTIAL_BIN} changed while it was merged: ${read.tooBig ? 'it grew' : read.reason}`);
        const decoded = decodePartialResults(partial.meta, read.bytes);
        if (!decoded.success) throw new InputError(`${printablePath(partial.dir)}: ${decoded.message}`);
        for (const [task, result] of decoded.results) collector.add(task, result);
        if (partial.meta.events) {
          copyOutputFile(join(partial.dir, EVENTS_FILE), join(staging, EVENTS_FILE));
          const copied = checkFileDigest(join(staging, EVENTS_FILE), partial.meta.events);
          if (copied !== undefined) throw new InputError(`${printablePath(partial.dir)}/${EVENTS_FILE} changed while it was merged: it ${copied}`);
        }
      }
      if (collector.count !== plan.tasks) throw new Error(`the shards hold ${collector.count} of the job's ${plan.tasks} runs`);
      writeOutputFile(join(staging, 'manifest.json'), manifestJson(buildManifest(plan.job, kind, first.command, first.environment)));
      const lines = await kind.write({ plan, collector, staging, command: first.command, outDir, stopped }, plan.job);
      return [`Merged ${check.ordered.length} shard${check.ordered.length === 1 ? '' : 's'} of ${plan.tasks} runs.`, ...lines];
    },
  });
}

