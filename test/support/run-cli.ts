import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a CLI entry point as a user would (a real process, real exit code), from the project root. */
export function runCli(script: string, args: readonly string[], cwd = PROJECT_ROOT): CliRun {
  const result = spawnSync(process.execPath, ['--import', 'tsx', `${PROJECT_ROOT}/src/cli/${script}`, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
