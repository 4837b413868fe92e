import type { ChildProcessWithoutNullStreams } from 'node:child_process';

/** What a finished process said: its exit status (null when a signal ended it) and its output. */
export interface ProcessOutput {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Collects a spawned process's output; resolves when it exits, rejects when it cannot start. */
export function outputOf(child: ChildProcessWithoutNullStreams): Promise<ProcessOutput> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}
