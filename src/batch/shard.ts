/**
 * `--shard i/N`: this machine runs slice i of N of a job's runs, numbered from 0 as Kubernetes'
 * JOB_COMPLETION_INDEX is (a SLURM array written --array=0-(N-1) gives the same numbers in
 * SLURM_ARRAY_TASK_ID). Slices are contiguous and differ in size by at most one run.
 */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

export const MAX_SHARDS = 10_000;

export type ShardResult = { success: true; shard: Shard } | { success: false; message: string };

export function parseShard(text: string): ShardResult {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const bad = (why: string): ShardResult => ({ success: false, message: `--shard ${text}: ${why}` });
  if (!match) return bad('write i/N, e.g. --shard 0/4 for the first of 4 slices (i counts from 0)');
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1 || count > MAX_SHARDS) return bad(`N must be from 1 to ${MAX_SHARDS}`);
  if (index >= count) return bad(`i counts from 0, so it must be below N (0 to ${count - 1})`);
  return { success: true, shard: { index, count } };
}

/** The tasks [from, to) of shard `index` of `count` over `tasks` tasks. */
export function shardTasks(shard: Shard, tasks: number): { from: number; to: number } {
  return {
    from: Math.floor((shard.index * tasks) / shard.count),
    to: Math.floor(((shard.index + 1) * tasks) / shard.count),
  };
}

export function describeShard(shard: Shard): string {
  return `${shard.index}/${shard.count}`;
}
