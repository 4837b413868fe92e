import { printablePath } from '../io/json-text.js';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describeShard, shardTasks } from '../batch/shard.js';
import { readStateFolder } from '../calibration/calibrate-command.js';
import { calibrationManifestJson } from '../calibration/calibration-manifest.js';
import { replayCalibration } from '../calibration/calibration-rounds.js';
import { readShardFile, readStateFile, SHARD_FILE, STATE_FILE, stateJson, type CalibrationShard, type CalibrationState, type RunFigures } from '../calibration/calibration-shard.js';
import type { Environment } from '../batch/manifest.js';
import { badInput } from '../jobs/command-line.js';
import { inStagedFolder } from './execute-job.js';
import { writeCalibration } from './execute-calibration.js';

/** Whether a folder holds a calibration's shard rather than a job's. */
export function holdsCalibrationShard(dir: string): boolean {
  return existsSync(join(dir, SHARD_FILE));
}

export interface NamedShard {
  readonly dir: string;
  readonly shard: CalibrationShard;
}

function describeCode(e: Environment): string {
  return `llm-market-sim ${e.packageVersion}${e.git ? ` at ${e.git.revision.slice(0, 12)}` : ''}`;
}

function sameCode(a: Environment, b: Environment): boolean {
  return a.packageVersion === b.packageVersion && a.git?.revision === b.git?.revision;
}

/** Whether the N shards make one round of one calibration, each once, from one state; the message says what is wrong. */
export function checkShards(shards: readonly NamedShard[]): { success: true; ordered: NamedShard[] } | { success: false; message: string } {
  const first = shards[0]!;
  for (const other of shards.slice(1)) {
    if (other.shard.calibrationHash !== first.shard.calibrationHash) {
      return { success: false, message: `${printablePath(other.dir)} is a shard of another calibration than ${printablePath(first.dir)} (their config, targets, free parameters, budget, seed or options differ): merge shards of one command only` };
    }
    if (other.shard.round.index !== first.shard.round.index) {
      return { success: false, message: `${printablePath(other.dir)} ran ${other.shard.round.label}, ${printablePath(first.dir)} ${first.shard.round.label}: merge the shards of one round at a time` };
    }
    if (other.shard.from !== first.shard.from) {
      return { success: false, message: `${printablePath(other.dir)} continued another state of the calibration than ${printablePath(first.dir)} (${other.shard.from ?? 'none'}, not ${first.shard.from ?? 'none'}): run every shard of a round with the same --from` };
    }
    if (!sameCode(other.shard.environment, first.shard.environment)) {
      return { success: false, message: `${printablePath(other.dir)} was made by ${describeCode(other.shard.environment)}, ${printablePath(first.dir)} by ${describeCode(first.shard.environment)}: shards must run the same code to merge into one result` };
    }
  }
  const count = first.shard.shard.count;
  const wrongCount = shards.find((s) => s.shard.shard.count !== count);
  if (wrongCount) return { success: false, message: `${printablePath(wrongCount.dir)} is a shard of ${wrongCount.shard.shard.count}, ${printablePath(first.dir)} a shard of ${count}: every shard of a round must use the same N` };
  const byIndex = new Map<number, NamedShard>();
  for (const named of shards) {
    const seen = byIndex.get(named.shard.shard.index);
    if (seen) return { success: false, message: `shard ${describeShard(named.shard.shard)} is given twice: ${printablePath(seen.dir)} and ${printablePath(named.dir)}` };
    byIndex.set(named.shard.shard.index, named);
  }
  const missing = Array.from({ length: count }, (_, i) => i).filter((i) => !byIndex.has(i));
  if (missing.length > 0) {
    const shown = missing.slice(0, 10).map((i) => `${i}/${count}`).join(', ');
    return { success: false, message: `missing shard${missing.length === 1 ? '' : 's'} ${shown}${missing.length > 10 ? ` and ${missing.length - 10} more` : ''} of ${count} of ${first.shard.round.label}: run ${missing.length === 1 ? 'it' : 'them'} (--shard i/${count}), then merge all ${count} folders` };
  }
  const ordered = Array.from({ length: count }, (_, i) => byIndex.get(i)!);
  for (const named of ordered) {
    const expected = shardTasks(named.shard.shard, named.shard.runs.of);
    if (named.shard.runs.of !== first.shard.runs.of || named.shard.runs.from !== expected.from || named.shard.runs.to !== expected.to) {
      return { success: false, message: `${printablePath(named.dir)} holds runs ${named.shard.runs.from}–${named.shard.runs.to} of ${named.shard.runs.of}, not the slice of shard ${describeShard(named.shard.shard)}` };
    }
  }
  return { success: true, ordered };
}

/**
 * Merges the N shards of one round of a calibration. With the state of the rounds before (--from;
 * none for generation 0) their runs make either the next state (calibration-state.json: the next
 * round's shards continue it) or, after the fit's round, the calibration's files, byte for byte
 * those of the same calibration run on one machine. Returns the exit code.
 */
export async function mergeCalibrationShards(options: { dirs: readonly string[]; out?: string | undefined; from?: string | undefined; quiet: boolean }): Promise<number> {
  const shards: NamedShard[] = [];
  for (const dir of options.dirs) {
    if (!existsSync(dir)) return badInput(`${printablePath(dir)}: no such folder`);
    if (!statSync(dir).isDirectory()) return badInput(`${printablePath(dir)} is a file, not a shard folder`);
    if (!holdsCalibrationShard(dir)) return badInput(`${printablePath(dir)} holds no ${SHARD_FILE}: it is not a shard of a calibration (run calibrate with --shard i/N), and the shards of a calibration merge alone`);
    const read = readShardFile(join(dir, SHARD_FILE));
    if (!read.success) return badInput(read.message);
    shards.push({ dir, shard: read.value });
  }
  const check = checkShards(shards);
  if (!check.success) return badInput(check.message);
  const first = check.ordered[0]!.shard;
  const { record } = first;

  let state: CalibrationState | undefined;
  const from = options.from?.replace(/(.)\/+$/, '$1');
  if (first.from === null && from !== undefined) return badInput(`--from ${from}: the shards ran ${first.round.label}, which continues no state; leave out --from`);
  if (first.from !== null) {
    if (from === undefined) return badInput(`the shards ran ${first.round.label}, continuing the state of the calibration a merge wrote (${first.from}): name its folder with --from`);
    const read = readStateFolder(from);
    if (!read.success) return badInput(`--from ${read.message}`);
    state = read.value;
    if (state.digest !== first.from) {
      const ahead = state.calibrationHash === first.calibrationHash && state.next.index > first.round.index ? `; it is already at ${state.next.label}: these shards were merged before` : '';
      return badInput(`--from ${from} holds another state (before ${state.next.label}) than the one the shards continued (before ${first.round.label})${ahead}`);
    }
    if (!sameCode(state.environment, first.environment)) return badInput(`--from ${from} was made by ${describeCode(state.environment)}, the shards by ${describeCode(first.environment)}: every round of a calibration must run the same code`);
  }

  const outDir = options.out ?? `output/calibrate-${record.scenario.name}`;
  if (first.from === null && existsSync(join(outDir, STATE_FILE))) {
    // A driver started again without --from would throw the rounds so far away.
    const held = readStateFile(join(outDir, STATE_FILE));
    if (held.success && held.value.calibrationHash === first.calibrationHash) {
      return badInput(`${printablePath(outDir)} holds the state of this calibration before ${held.value.next.label}, which these shards of ${first.round.label} would replace: merge the next round's shards with --from ${printablePath(outDir)}, or remove ${printablePath(outDir)} to start over`);
    }
  }

  const results: RunFigures[] = [...(state?.results ?? []), ...check.ordered.flatMap((s) => s.shard.results)];
  const known = new Map(results.map((r) => [r.run, r.figures]));
  // The shards' runs must be exactly the round the state was at, in order: no more, no fewer, no other.
  const prior = new Map((state?.results ?? []).map((r) => [r.run, r.figures]));
  const before = replayCalibration(record, (key) => prior.get(key));
  if (before.done) return badInput(`${check.ordered[0]!.dir}: the calibration was already finished before its round`);
  const expected = before.round.runs.map((r) => r.key);
  const given = check.ordered.flatMap((s) => s.shard.results.map((r) => r.run));
  if (before.round.index !== first.round.index || expected.length !== given.length || expected.some((key, i) => key !== given[i])) {
    return badInput(`the shards' runs are not those of ${before.round.label} of this calibration: they were edited, or made by other code`);
  }
  const step = replayCalibration(record, (key) => known.get(key));
  // The state folder may be the output folder itself: it is read in full before anything is written.
  const inputs = [...options.dirs.map((d) => resolve(d)), ...(from !== undefined && resolve(from) !== resolve(outDir) ? [resolve(from)] : [])];
  const merged = `Merged ${check.ordered.length} shard${check.ordered.length === 1 ? '' : 's'} of ${first.round.label} (${given.length} runs).`;
  return inStagedFolder({
    outDir,
    inputs,
    quiet: options.quiet,
    noun: 'merge',
    fill: async (staging) => {
      if (step.done) {
        const lines = await writeCalibration(staging, step, { record, command: first.command, environment: first.environment, outDir, taken: [] });
        return [merged, ...lines];
      }
      const next = { index: step.round.index, label: step.round.label, runs: step.round.runs.length };
      writeFileSync(join(staging, STATE_FILE), stateJson({ command: first.command, environment: first.environment, record, next, results }));
      writeFileSync(join(staging, 'manifest.json'), calibrationManifestJson(record, first.command, first.environment));
      return [
        merged,
        `The calibration goes on with ${next.label}: ${next.runs} runs. Run its shards with --from ${printablePath(outDir)}, then merge them with --from ${printablePath(outDir)}.`,
        `Wrote ${STATE_FILE} and manifest.json to ${printablePath(outDir)}/`,
      ];
    },
  });
}
