/**
 * What an analysis of many runs costs beyond its runs, issue 15: a Morris screening of every numeric
 * policy parameter of the baseline (its declared uncertain parameters set aside, so that Morris moves
 * them all), 10 trajectories, end to end on 2 workers, against (runs × the cost of a run on the same
 * pool); and the same job in 4 shards run one after another, then merged, against the job run whole.
 * Both commands are spawned as a user would type them (`npm run -s morris …`, `npm run -s merge …`),
 * charts off, the shards and the merge `--quiet`.
 *
 * The cost of a run is the pool's at full throughput: a 2-worker ensemble's wall time ÷ its runs
 * (case (c) of the bench), so the ratio charges the job only for what it adds: process start, the
 * design, the KPIs kept, the outputs and, sharded, each shard's start and the merge.
 *
 * `node --import tsx bench/morris-overhead.ts <ms a run on the 2-worker pool> [--only PREFIX ...]`
 * prints the figures as JSON; `--only` narrows the parameters, for a quick look that is then not the
 * target's measure (report it as such).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run, type Spawned } from './run-command.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TRAJECTORIES = 10;
const SHARDS = 4;
const WORKERS = 2;

export interface MorrisOverheadFigures {
  readonly command: string;
  readonly only: readonly string[];
  readonly runs: number;
  readonly wallMs: number;
  /** The pool's cost of a run that the ratio is taken against, ms. */
  readonly perRunMs: number;
  /** wallMs / (runs × perRunMs): 1 when the job costs nothing beyond its runs. */
  readonly overOfRuns: number;
  /** The same job in SHARDS shards, one after another, then `npm run merge`, ms. */
  readonly shardedWallMs: number;
  /** shardedWallMs / wallMs. */
  readonly shardedOverWhole: number;
}

function npm(args: readonly string[]): Promise<Spawned> {
  return run(process.platform === 'win32' ? 'npm.cmd' : 'npm', args);
}

/** The runs a Morris job made, from the line it prints: "… = 2,150 runs." */
function runsOf(stdout: string): number {
  const counts = [...stdout.matchAll(/= ([\d,]+) runs?\./g)].map((m) => Number(m[1]!.replaceAll(',', '')));
  if (counts.length === 0) throw new Error(`morris printed no count of its runs: ${stdout.trim()}`);
  return counts.at(-1)!;
}

export async function measureMorrisOverhead(scratch: string, perRunMs: number, only: readonly string[] = []): Promise<MorrisOverheadFigures> {
  const config = join(scratch, 'morris-overhead.json');
  const scenario = JSON.parse(readFileSync(join(ROOT, 'configs', 'baseline.json'), 'utf8')) as Record<string, unknown>;
  delete scenario.$schema;
  // Without declared uncertain parameters Morris moves every numeric policy parameter.
  delete scenario.uncertain;
  scenario.name = 'morris-overhead';
  writeFileSync(config, JSON.stringify(scenario));
  const job = [config, '--trajectories', String(TRAJECTORIES), ...only.flatMap((prefix) => ['--only', prefix]), '--workers', String(WORKERS), '--no-charts'];
  const whole = join(scratch, 'morris-whole');
  const { wallMs, stdout } = await npm(['run', '-s', 'morris', '--', ...job, '--out', whole]);
  const runs = runsOf(stdout);
  rmSync(whole, { recursive: true, force: true });
  const shards = Array.from({ length: SHARDS }, (_, i) => join(scratch, `morris-shard-${i}`));
  const started = performance.now();
  for (const [i, out] of shards.entries()) await npm(['run', '-s', 'morris', '--', ...job, '--quiet', '--shard', `${i}/${SHARDS}`, '--out', out]);
  const merged = join(scratch, 'morris-merged');
  await npm(['run', '-s', 'merge', '--', ...shards, '--out', merged, '--quiet']);
  const shardedWallMs = performance.now() - started;
  for (const out of [...shards, merged]) rmSync(out, { recursive: true, force: true });
  return {
    command: `npm run -s morris -- <baseline without its uncertain list> --trajectories ${TRAJECTORIES}${only.map((p) => ` --only ${p}`).join('')} --workers ${WORKERS} --no-charts`,
    only,
    runs,
    wallMs,
    perRunMs,
    overOfRuns: wallMs / (runs * perRunMs),
    shardedWallMs,
    shardedOverWhole: shardedWallMs / wallMs,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [perRun, ...rest] = process.argv.slice(2);
  const perRunMs = Number(perRun);
  if (!(perRunMs > 0)) throw new Error('usage: node --import tsx bench/morris-overhead.ts <ms a run on the 2-worker pool> [--only PREFIX ...]');
  const only: string[] = [];
  for (let k = 0; k < rest.length; k++) {
    if (rest[k] === '--only' && rest[k + 1] !== undefined) only.push(rest[++k]!);
    else throw new Error(`unknown argument ${rest[k]}`);
  }
  const scratch = mkdtempSync(join(tmpdir(), 'llm-market-sim-morris-'));
  try {
    process.stdout.write(`${JSON.stringify(await measureMorrisOverhead(scratch, perRunMs, only))}\n`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
