import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT, runCli } from '../support/run-cli.js';
import { BASELINE_PATH } from '../support/scenario-fixtures.js';

interface Finished {
  readonly status: number | null;
  readonly stderr: string;
}

/**
 * Starts `npm run simulate` in the background; `whenStaging` runs as soon as the run's staging
 * folder appears beside `out`, i.e. while the run is under way.
 */
function simulateInBackground(args: readonly string[], out: string, whenStaging: (pid: number, staging: string) => void): Promise<Finished> {
  const child = spawn(process.execPath, ['--import', 'tsx', `${PROJECT_ROOT}/src/cli/simulate.ts`, ...args, '--out', out, '--no-charts'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const parent = join(out, '..');
  const poll = setInterval(() => {
    const staging = readdirSync(parent).find((entry) => entry.endsWith('.partial'));
    if (staging === undefined) return;
    clearInterval(poll);
    whenStaging(child.pid!, join(parent, staging));
  }, 5);
  return new Promise((settle) =>
    child.on('close', (status) => {
      clearInterval(poll);
      settle({ status, stderr });
    }),
  );
}

/** A run long enough to be interrupted: many enterprises over many months. */
function longScenario(dir: string): string {
  const file = join(dir, 'long.json');
  // Long only to be slow: its window is stretched so that the run has nothing to warn about.
  writeFileSync(file, JSON.stringify({ extends: BASELINE_PATH, name: 'long', months: 600, calibratedThrough: { month: '2099-12' }, enterprises: { count: 200_000 } }));
  return file;
}

/** A previous output of this tool in `out`, to check that it survives. */
function previousOutput(root: string): { out: string; summary: string } {
  const out = join(root, 'out');
  const first = runCli('simulate.ts', ['configs/baseline.json', '--out', out, '--ticks', '2', '--no-charts']);
  expect(first.status).toBe(0);
  return { out, summary: readFileSync(join(out, 'summary.json'), 'utf8') };
}

describe('npm run simulate, interrupted or failing mid-run', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const)('on %s: stops, removes its staging folder, leaves the previous output intact, exits %i', async (signal, code) => {
    const root = mkdtempSync(join(tmpdir(), 'llm-sim-int-'));
    const { out, summary } = previousOutput(root);
    const run = await simulateInBackground([longScenario(root)], out, (pid) => process.kill(pid, signal));
    expect(run.status).toBe(code);
    expect(run.stderr).toBe(`interrupted by ${signal}: the run stopped and ${out} is unchanged\n`);
    expect(readFileSync(join(out, 'summary.json'), 'utf8')).toBe(summary);
    expect(readdirSync(root).sort()).toEqual(['long.json', 'out']);
  });

  it('a failure during the run: exit 1, one line with the reason, the previous output intact', async () => {
    const root = mkdtempSync(join(tmpdir(), 'llm-sim-fail-'));
    const { out, summary } = previousOutput(root);
    // A folder where metrics.csv must go makes the run fail as a full or broken disk would.
    const run = await simulateInBackground(['configs/baseline.json', '--ticks', '36'], out, (_pid, staging) => mkdirSync(join(staging, 'metrics.csv')));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`^error: the run failed and ${out} is unchanged: is a folder, not a file \\(EISDIR\\) writing [^\\n]*metrics\\.csv\\n$`));
    expect(readFileSync(join(out, 'summary.json'), 'utf8')).toBe(summary);
    expect(readdirSync(root)).toEqual(['out']);
  });

  it('a run killed outright leaves a staging folder that the next run clears away', () => {
    const root = mkdtempSync(join(tmpdir(), 'llm-sim-kill-'));
    const { out } = previousOutput(root);
    // What SIGKILL leaves: the staging folder of a process that no longer exists.
    const abandoned = join(root, '.out.999999999.partial');
    mkdirSync(abandoned);
    writeFileSync(join(abandoned, 'events.jsonl'), '{}\n');
    expect(runCli('simulate.ts', ['configs/baseline.json', '--out', out, '--ticks', '2', '--no-charts']).status).toBe(0);
    expect(existsSync(abandoned)).toBe(false);
    expect(readdirSync(root)).toEqual(['out']);
  });
});

/**
 * `npm run simulate` as a supervisor or a container runs it, signalled through npm's PID. npm
 * forwards SIGTERM to its script and reports its end: the run must end first, and a run that
 * outlives its npm must stop rather than replace the output unseen.
 */
describe('npm run simulate, stopped through npm', () => {
  /** Starts the command through npm; resolves on npm's exit, and again once every process writing to its stderr is gone. */
  function npmInBackground(args: readonly string[], out: string, whenStaging: (npmPid: number) => void) {
    const child = spawn('npm', ['run', '--silent', 'simulate', '--', ...args, '--out', out, '--no-charts', '--quiet'], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const parent = join(out, '..');
    const poll = setInterval(() => {
      if (!readdirSync(parent).some((entry) => entry.endsWith('.partial'))) return;
      clearInterval(poll);
      whenStaging(child.pid!);
    }, 5);
    const exited = new Promise<{ status: number | null; signal: NodeJS.Signals | null; folder: string[] }>((settle) =>
      child.on('exit', (status, signal) => settle({ status, signal, folder: readdirSync(parent).sort() })),
    );
    const closed = new Promise<string>((settle) =>
      child.on('close', () => {
        clearInterval(poll);
        settle(stderr);
      }),
    );
    return { exited, closed };
  }

  it('on SIGTERM to npm: npm exits 143 only once the run has stopped and left the previous output as it was', async () => {
    const root = mkdtempSync(join(tmpdir(), 'llm-sim-npm-term-'));
    const { out, summary } = previousOutput(root);
    const run = npmInBackground([longScenario(root)], out, (pid) => process.kill(pid, 'SIGTERM'));
    const exited = await run.exited;
    expect(exited.status).toBe(143);
    // Nothing is left running: no staging folder at npm's exit, and no change after it.
    expect(exited.folder).toEqual(['long.json', 'out']);
    expect(await run.closed).toBe(`interrupted by SIGTERM: the run stopped and ${out} is unchanged\n`);
    expect(readFileSync(join(out, 'summary.json'), 'utf8')).toBe(summary);
  }, 120_000);

  it('when npm is killed outright: the run notices it is gone and stops, leaving the previous output as it was', async () => {
    const root = mkdtempSync(join(tmpdir(), 'llm-sim-npm-kill-'));
    const { out, summary } = previousOutput(root);
    let npm = 0;
    const run = npmInBackground([longScenario(root)], out, (pid) => {
      npm = pid;
      process.kill(pid, 'SIGKILL');
    });
    expect((await run.exited).signal).toBe('SIGKILL');
    // The run wrote to npm's stderr: its stream closes once the run is gone too.
    expect(await run.closed).toBe(`interrupted as the process that started it (pid ${npm}) is gone: the run stopped and ${out} is unchanged\n`);
    expect(readFileSync(join(out, 'summary.json'), 'utf8')).toBe(summary);
    expect(readdirSync(root).sort()).toEqual(['long.json', 'out']);
  }, 120_000);

  it('run with node directly, the supported way to run unattended, a run outlives the shell that started it and writes its output', async () => {
    const root = mkdtempSync(join(tmpdir(), 'llm-sim-detached-'));
    const { out } = previousOutput(root);
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_OPTIONS: '' };
    // Not started by npm, whatever runs these tests.
    for (const name of Object.keys(env)) if (name.startsWith('npm_')) delete env[name];
    // README's command to run unattended: the launcher npm runs, without npm.
    const node = [process.execPath, `${PROJECT_ROOT}/scripts/launch.mjs`, 'simulate', 'configs/baseline.json', '--ticks', '12', '--seed', '7', '--no-charts', '--quiet', '--out', out];
    // The shell starts the run in the background and exits at once, as a script or a cron job that does not wait.
    const shell = spawn('sh', ['-c', `"$@" & echo started`, 'sh', ...node], { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const stderr: Buffer[] = [];
    shell.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    await new Promise((settle) => shell.on('exit', settle));
    // stderr closes once the run, which holds it, has ended.
    await new Promise((settle) => shell.on('close', settle));
    expect(Buffer.concat(stderr).toString()).toBe('');
    expect((JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { seed: number }).seed).toBe(7);
    expect(readdirSync(root)).toEqual(['out']);
  }, 120_000);
});
