/**
 * Runs a command of the bench to its end, as a user would start it: its wall time from spawn to exit
 * (process start included), what it printed, and the machine's busy CPU time meanwhile.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** CPU time the whole machine has spent busy so far, ms; null where /proc/stat does not exist. */
export function machineBusyMs(): number | null {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = fields;
    // USER_HZ is 100 on Linux: a tick is 10 ms.
    return (user + nice + system + irq + softirq + steal) * 10;
  } catch {
    return null;
  }
}

export interface Spawned {
  readonly wallMs: number;
  readonly stdout: string;
  readonly busyMs: number | null;
}

/** Runs a command to its end; its wall time counts from spawn to exit (process start included). */
export function run(command: string, args: readonly string[], cwd = ROOT): Promise<Spawned> {
  return new Promise((resolve, reject) => {
    const busyBefore = machineBusyMs();
    const started = performance.now();
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - started;
      const busyAfter = machineBusyMs();
      const busyMs = busyBefore === null || busyAfter === null ? null : busyAfter - busyBefore;
      if (code === 0) resolve({ wallMs, stdout, busyMs });
      else reject(new Error(`${command} ${args.join(' ')} exited with ${code}: ${stderr.trim()}`));
    });
  });
}
