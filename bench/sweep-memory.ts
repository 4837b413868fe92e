/**
 * Memory of an analysis of many runs, issue 15: a sweep of 100,000 runs keeps its peak RSS under
 * 1 GiB, its results reduced as they arrive rather than held. The command is spawned as a user
 * would type it (`npm run -s sweep -- ...`), with bench/peak-rss-probe.mjs loaded into every node it
 * starts (NODE_OPTIONS), which writes each process's peak RSS on stderr as it exits.
 *
 * The runs are of the baseline shrunk to 100 enterprises and one month (`--ticks 1`), so that 100,000
 * of them take minutes, not days: what is measured is what the job keeps per run (its KPIs, the
 * pool's bookkeeping, the manifest), which does not depend on a run's size. 10 points × 10,000
 * seeds.
 *
 * `node --import tsx bench/sweep-memory.ts [runs per point]` prints the figures as JSON (10,000 runs
 * a point unless given: fewer for a quick look, which is then not the target's measure).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PROBE = fileURLToPath(new URL('./peak-rss-probe.mjs', import.meta.url));
/** The line the probe writes (bench/peak-rss-probe.mjs, PEAK_RSS_MARK). */
const PEAK_RSS_MARK = 'peak-rss-probe:';
const POINTS = 10;
const RUNS_PER_POINT = 10_000;
const ENTERPRISES = 100;

export interface SweepMemoryFigures {
  readonly command: string;
  readonly runs: number;
  readonly enterprises: number;
  readonly months: number;
  readonly wallMs: number;
  /** The largest peak RSS of the node processes the command ran (npm's and the sweep's), bytes. */
  readonly peakRssBytes: number;
}

/** NODE_OPTIONS with the probe added to what the environment already had. */
export function withPeakRssProbe(nodeOptions: string | undefined): string {
  const probe = `--import=${pathToFileURL(PROBE).href}`;
  return nodeOptions?.trim() ? `${nodeOptions.trim()} ${probe}` : probe;
}

/**
 * Runs a command to its end with the probe in every node it starts; resolves with its wall time and
 * the largest peak RSS the probe reported. Rejects, with what it wrote to stderr, when it fails or
 * no node reported.
 */
export function peakRssOf(command: string, args: readonly string[], cwd = ROOT): Promise<{ wallMs: number; peakRssBytes: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NODE_OPTIONS: withPeakRssProbe(process.env.NODE_OPTIONS) } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - started;
      const lines = stderr.split('\n');
      const peaks = lines.filter((line) => line.startsWith(PEAK_RSS_MARK)).map((line) => Number(line.split(' ')[2]));
      const said = lines.filter((line) => line !== '' && !line.startsWith(PEAK_RSS_MARK)).join('\n');
      if (code !== 0) reject(new Error(`${command} ${args.join(' ')} exited with ${code}: ${said || 'nothing on stderr'}`));
      else if (peaks.length === 0) reject(new Error(`${command} ${args.join(' ')} ran without the peak-RSS probe's lines on stderr`));
      else resolve({ wallMs, peakRssBytes: Math.max(...peaks) });
    });
  });
}

/** Runs the sweep once in `scratch`. */
export async function measureSweepMemory(scratch: string, runsPerPoint = RUNS_PER_POINT): Promise<SweepMemoryFigures> {
  const config = join(scratch, 'sweep-memory.json');
  const scenario = JSON.parse(readFileSync(join(ROOT, 'configs', 'baseline.json'), 'utf8')) as Record<string, unknown> & { enterprises: { count: number } };
  delete scenario.$schema;
  scenario.name = 'sweep-memory';
  scenario.enterprises.count = ENTERPRISES;
  writeFileSync(config, JSON.stringify(scenario));
  const out = join(scratch, 'sweep-memory-out');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const args = ['run', '-s', 'sweep', '--', config, '--param', `enterprises.policies.switching.params.paybackMonths=3:24:${POINTS}`, '--runs', String(runsPerPoint), '--ticks', '1', '--no-charts', '--quiet', '--out', out];
  try {
    const { wallMs, peakRssBytes } = await peakRssOf(npm, args);
    return {
      command: `npm run -s sweep -- <baseline, ${ENTERPRISES} enterprises> --param …paybackMonths=3:24:${POINTS} --runs ${runsPerPoint} --ticks 1 --no-charts --quiet`,
      runs: POINTS * runsPerPoint,
      enterprises: ENTERPRISES,
      months: 1,
      wallMs,
      peakRssBytes,
    };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const scratch = mkdtempSync(join(tmpdir(), 'llm-market-sim-sweep-memory-'));
  try {
    const runsPerPoint = process.argv[2] === undefined ? RUNS_PER_POINT : Number(process.argv[2]);
    if (!Number.isInteger(runsPerPoint) || runsPerPoint < 1) throw new Error('runs per point: a positive whole number');
    process.stdout.write(`${JSON.stringify(await measureSweepMemory(scratch, runsPerPoint))}\n`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
