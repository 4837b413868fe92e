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
    expect(run.stderr).toMatch(new RegExp(`^error: the run failed and ${out} is unchanged: is a folder, not a file \\(EISDIR\\) at [^\\n]*metrics\\.csv\\n$`));
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
