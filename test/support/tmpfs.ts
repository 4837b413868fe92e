import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A small tmpfs mounted for the length of a test: a real mount point, or a real read-only file
 * system with "ro", or a nearly full disk with a small `size` ("64k"). Needs root with the right to mount (as on this project's machines and CI);
 * where mounting is not allowed, tests that need it are skipped rather than faked.
 */
export function withTmpfs(options: 'rw' | 'ro', body: (mountPoint: string) => void, size = '8m'): void {
  const mountPoint = join(mkdtempSync(join(tmpdir(), 'llm-sim-mnt-')), 'mnt');
  mkdirSync(mountPoint);
  execFileSync('mount', ['-t', 'tmpfs', '-o', `${options},size=${size}`, 'tmpfs', mountPoint], { stdio: 'ignore' });
  try {
    body(mountPoint);
  } finally {
    execFileSync('umount', [mountPoint], { stdio: 'ignore' });
  }
}

/** Whether this machine lets the tests mount a tmpfs. */
export const canMountTmpfs: boolean = (() => {
  try {
    withTmpfs('rw', () => {});
    return true;
  } catch {
    return false;
  }
})();
