import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Environment } from '../batch/manifest.js';
import { PROJECT_ROOT } from '../io/project-root.js';

/** What the manifest records of the code that ran: package version, Node version, git revision. */
export function currentEnvironment(): Environment {
  return { packageVersion: packageVersion(), node: process.version, git: gitState() };
}

function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(`${PROJECT_ROOT}package.json`, 'utf8')) as { version?: string }).version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** The checkout's revision and whether tracked files have uncommitted changes; null outside git, or without git. */
function gitState(): Environment['git'] {
  const git = (args: string[]) => execFileSync('git', args, { cwd: PROJECT_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000 }).trim();
  try {
    const revision = git(['rev-parse', 'HEAD']);
    if (!/^[0-9a-f]{40,64}$/.test(revision)) return null;
    const dirty = git(['status', '--porcelain', '--untracked-files=no']).length > 0;
    return { revision, dirty };
  } catch {
    return null;
  }
}

/**
 * What decides the code a run executes: the package version, the git revision, and a digest of the
 * uncommitted changes to the source and the dependencies (null outside git). A calibration resumes
 * its journal only under the same code: an edit to the engine between two starts makes its runs
 * start afresh, though the configs and targets are the same.
 */
export function codeIdentity(): { packageVersion: string; revision: string | null; uncommitted: string | null } {
  const git = gitState();
  let uncommitted: string | null = null;
  if (git?.dirty) {
    try {
      const diff = execFileSync('git', ['diff', 'HEAD', '--', 'src', 'package.json', 'package-lock.json'], {
        cwd: PROJECT_ROOT,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
        timeout: 10_000,
        maxBuffer: 256 * 1024 * 1024,
      });
      uncommitted = `sha256:${createHash('sha256').update(diff).digest('hex')}`;
    } catch {
      uncommitted = null;
    }
  }
  return { packageVersion: packageVersion(), revision: git?.revision ?? null, uncommitted };
}
