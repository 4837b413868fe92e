/**
 * Start-up, issue 15: the time from starting a command (`npm run simulate`) to its first run's
 * first month. The command is spawned as a user would type it, with bench/first-month-probe.mjs
 * loaded into every node it starts (NODE_OPTIONS), which says on stderr when the simulation thread
 * reports month 2 open; the command is then stopped with SIGTERM, as the time after it is the run's,
 * not the start's.
 *
 * `node --import tsx bench/startup.ts [repeats] [-- command args...]` prints the figures as JSON;
 * the command defaults to `npm run -s simulate -- --out <tmp> --quiet` (configs/baseline.json).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PROBE = fileURLToPath(new URL('./first-month-probe.mjs', import.meta.url));
/** The line the probe writes (bench/first-month-probe.mjs, FIRST_MONTH_MARK). */
export const FIRST_MONTH_MARK = 'first-month-probe: first month done';

export interface StartupTiming {
  /** From spawn to the probe's line: the first month simulated, ms. */
  readonly firstMonthMs: number;
  /** How the command ended once stopped: its exit code, or the signal that ended it. */
  readonly ended: string;
}

/** NODE_OPTIONS with the probe added to what the environment already had. */
export function withProbe(nodeOptions: string | undefined): string {
  const probe = `--import=${pathToFileURL(PROBE).href}`;
  return nodeOptions?.trim() ? `${nodeOptions.trim()} ${probe}` : probe;
}

/**
 * Spawns the command, times it to its first month, then stops it (SIGTERM) and waits until it has
 * ended. Rejects, with what the command wrote to stderr, if it ends before its first month.
 */
export function timeToFirstMonth(command: string, args: readonly string[], cwd = ROOT): Promise<StartupTiming> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NODE_OPTIONS: withProbe(process.env.NODE_OPTIONS) } });
    let stderr = '';
    let firstMonthMs: number | undefined;
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (firstMonthMs === undefined && stderr.includes(`${FIRST_MONTH_MARK}\n`)) {
        firstMonthMs = performance.now() - started;
        child.kill('SIGTERM');
      }
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (firstMonthMs !== undefined) resolve({ firstMonthMs, ended: signal ?? `exit code ${code}` });
      else reject(new Error(`${command} ${args.join(' ')} ended (${signal ?? `exit code ${code}`}) before its first month: ${stderr.trim() || 'nothing on stderr'}`));
    });
  });
}

/** Wall time of a command from spawn to exit, ms; rejects if it fails. */
export function timeToExit(command: string, args: readonly string[], cwd = ROOT): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(performance.now() - started);
      else reject(new Error(`${command} ${args.join(' ')} exited with ${code}: ${stderr.trim()}`));
    });
  });
}

export const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

export interface StartupFigures {
  readonly command: string;
  readonly firstMonthMs: number;
  readonly repeatsMs: number[];
  readonly helpCommand: string;
  readonly helpMs: number;
  readonly helpRepeatsMs: number[];
}

/** `npm run simulate` to its first month, and `npm run simulate -- --help` to its exit, best of `repeats` each. */
export async function measureStartup(repeats: number): Promise<StartupFigures> {
  // Untimed: the first command after an edit may do work once that later starts do not (compiling), which is not start-up.
  await timeToExit(NPM, ['run', '-s', 'simulate', '--', '--help']);
  const scratch = mkdtempSync(join(tmpdir(), 'llm-market-sim-startup-'));
  try {
    const repeatsMs: number[] = [];
    for (let k = 0; k < repeats; k++) {
      repeatsMs.push((await timeToFirstMonth(NPM, ['run', '-s', 'simulate', '--', '--out', join(scratch, `baseline-${k}`), '--quiet'])).firstMonthMs);
    }
    const helpRepeatsMs: number[] = [];
    for (let k = 0; k < repeats; k++) helpRepeatsMs.push(await timeToExit(NPM, ['run', '-s', 'simulate', '--', '--help']));
    return {
      command: 'npm run -s simulate -- --out <tmp> --quiet (configs/baseline.json), spawn to month 2 open',
      firstMonthMs: Math.min(...repeatsMs),
      repeatsMs,
      helpCommand: 'npm run -s simulate -- --help, spawn to exit',
      helpMs: Math.min(...helpRepeatsMs),
      helpRepeatsMs,
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dashes = process.argv.indexOf('--');
  const repeats = Number(process.argv[2] && process.argv[2] !== '--' ? process.argv[2] : 5);
  if (!Number.isInteger(repeats) || repeats < 1) throw new Error(`repeats must be a positive integer, got ${process.argv[2]}`);
  if (dashes === -1) {
    process.stdout.write(`${JSON.stringify(await measureStartup(repeats))}\n`);
  } else {
    const [command, ...args] = process.argv.slice(dashes + 1);
    if (command === undefined) throw new Error('nothing to run after --');
    const scratch = mkdtempSync(join(tmpdir(), 'llm-market-sim-startup-'));
    try {
      const repeatsMs: number[] = [];
      for (let k = 0; k < repeats; k++) repeatsMs.push((await timeToFirstMonth(command, [...args, '--out', join(scratch, `run-${k}`), '--quiet'])).firstMonthMs);
      process.stdout.write(`${JSON.stringify({ command: [command, ...args].join(' '), firstMonthMs: Math.min(...repeatsMs), repeatsMs })}\n`);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }
}
