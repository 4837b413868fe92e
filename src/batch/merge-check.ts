import type { JobKind } from '../jobs/job-kind.js';
import { jobHash, planJob } from './job.js';
import type { PartialMeta } from './partial.js';
import { describeShard, shardTasks } from './shard.js';
import { printablePath } from '../io/json-text.js';

/**
 * Whether partial results can be merged into the outputs of one run of their job: all from the
 * same job (same hash of the job: resolved scenarios, seeds, ranges), all N shards present, each
 * once, each with the slice of runs its number gives, all made by the same code.
 */

export interface NamedPartial {
  /** Where it was read from, to name it in messages. */
  readonly dir: string;
  readonly meta: PartialMeta;
  /** The kind of its job. */
  readonly kind: JobKind;
}

export type MergeCheck =
  | { success: true; ordered: readonly NamedPartial[]; warnings: readonly string[] }
  | { success: false; message: string };

export function checkPartials(partials: readonly NamedPartial[]): MergeCheck {
  if (partials.length === 0) return { success: false, message: 'name the shard folders to merge' };
  const first = partials[0]!;
  for (const other of partials.slice(1)) {
    if (other.meta.jobHash !== first.meta.jobHash) {
      return { success: false, message: `${printablePath(other.dir)} is a shard of another job than ${printablePath(first.dir)} (their configs, seeds or options differ): merge shards of one command only` };
    }
  }
  const count = first.meta.shard.count;
  const wrongCount = partials.find((p) => p.meta.shard.count !== count);
  if (wrongCount) return { success: false, message: `${printablePath(wrongCount.dir)} is a shard of ${wrongCount.meta.shard.count}, ${printablePath(first.dir)} a shard of ${count}: every shard of a job must use the same N` };
  const byIndex = new Map<number, NamedPartial>();
  for (const partial of partials) {
    const seen = byIndex.get(partial.meta.shard.index);
    if (seen) return { success: false, message: `shard ${describeShard(partial.meta.shard)} is given twice: ${printablePath(seen.dir)} and ${printablePath(partial.dir)}` };
    byIndex.set(partial.meta.shard.index, partial);
  }
  const missing = Array.from({ length: count }, (_, i) => i).filter((i) => !byIndex.has(i));
  if (missing.length > 0) {
    const shown = missing.slice(0, 10).map((i) => `${i}/${count}`).join(', ');
    return { success: false, message: `missing shard${missing.length === 1 ? '' : 's'} ${shown}${missing.length > 10 ? ` and ${missing.length - 10} more` : ''} of ${count}: run ${missing.length === 1 ? 'it' : 'them'} (--shard i/${count}), then merge all ${count} folders` };
  }
  const plan = planJob(first.meta.job, first.kind);
  if (jobHash(first.meta.job) !== first.meta.jobHash) return { success: false, message: `${printablePath(first.dir)}/partial.json was edited: its job does not match its hash` };
  const ordered = Array.from({ length: count }, (_, i) => byIndex.get(i)!);
  for (const partial of ordered) {
    const expected = shardTasks(partial.meta.shard, plan.tasks);
    if (partial.meta.tasks.from !== expected.from || partial.meta.tasks.to !== expected.to) {
      return { success: false, message: `${printablePath(partial.dir)} holds runs ${partial.meta.tasks.from}–${partial.meta.tasks.to}, not the slice of shard ${describeShard(partial.meta.shard)}` };
    }
  }
  const warnings: string[] = [];
  for (const partial of ordered.slice(1)) {
    const [a, b] = [first.meta.environment, partial.meta.environment];
    if (a.packageVersion !== b.packageVersion || a.git?.revision !== b.git?.revision) {
      const describe = (e: typeof a) => `llm-market-sim ${e.packageVersion}${e.git ? ` at ${e.git.revision.slice(0, 12)}` : ''}`;
      return { success: false, message: `${printablePath(partial.dir)} was made by ${describe(b)}, ${printablePath(first.dir)} by ${describe(a)}: shards must run the same code to merge into one result` };
    }
    if (a.node !== b.node) warnings.push(`${printablePath(partial.dir)} ran on Node ${b.node}, ${printablePath(first.dir)} on Node ${a.node}; the manifest records ${a.node}`);
  }
  return { success: true, ordered, warnings };
}
