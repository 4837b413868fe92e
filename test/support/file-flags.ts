import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from './run-cli.js';

/**
 * Immutable and append-only files (chattr +i, +a): files not even root may delete, to put outputs
 * that cannot be replaced in the tests' way. Needs root and a file system with the flags (ext4,
 * xfs, btrfs); where chattr fails, tests that need it are skipped rather than faked.
 */
export function setFlag(path: string, flag: '+i' | '-i' | '+a' | '-a'): void {
  execFileSync('chattr', [flag, path], { stdio: 'ignore' });
}

export const canSetFileFlags: boolean = (() => {
  const dir = mkdtempSync(join(tmpdir(), 'llm-sim-chattr-'));
  const file = join(dir, 'probe');
  writeFileSync(file, '');
  try {
    setFlag(file, '+i');
    setFlag(file, '-i');
    return true;
  } catch {
    return false;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
})();

/** The arguments that run a command as nobody with setpriv. */
export const AS_NOBODY = ['--reuid=65534', '--regid=65534', '--clear-groups'] as const;

/**
 * Whether the tests can run the tool as an unprivileged user (root, with setpriv): uid and gid
 * 65534, nobody, who must also reach the checkout — a clone under a private folder (mktemp -d makes
 * it 0700) cannot be run as nobody, and the tests that need it are skipped there.
 */
export const canDropPrivileges: boolean = (() => {
  if (process.getuid?.() !== 0) return false;
  try {
    for (const file of ['src/cli/simulate.ts', 'node_modules/tsx/package.json']) {
      execFileSync('setpriv', [...AS_NOBODY, 'test', '-r', join(PROJECT_ROOT, file)], { stdio: 'ignore' });
    }
    return true;
  } catch {
    return false;
  }
})();
