import { randomBytes } from 'node:crypto';
import lockfile from 'proper-lockfile';
import { forgetHolder, holderIsGone, recordHolder } from './lock-holder.js';

/**
 * The lock each run holds on its staging folder while it writes there: a `<staging>.lock` folder
 * (made atomically, so two runs never both hold it) whose modification time the run refreshes
 * every HEARTBEAT_MS, by proper-lockfile. Another run, on this machine or any other that shares
 * the volume, in this PID namespace or another, tells a live run's staging folder from one
 * abandoned by a run killed outright by the lock alone: fresh, it is left alone; older than
 * STALE_MS, its run is gone and the folder may be cleared. No process ids are compared.
 *
 * A lock on this machine also records its holder (lock-holder.ts): a run killed outright here is
 * known to be gone at once, without waiting for its lock to go stale.
 *
 * STALE_MS is long so that a run whose main thread is busy for a while (reducing a large ensemble,
 * drawing charts) is never taken for dead, and so that clocks of machines sharing a volume may
 * differ by minutes; an abandoned folder merely waits that long to be cleared.
 */

export const STALE_MS = 5 * 60_000;
export const HEARTBEAT_MS = 30_000;

/** A staging folder's name part that tells runs apart, whichever machine they run on. */
export function newRunId(): string {
  return `${process.pid}-${randomBytes(4).toString('hex')}`;
}

export interface StagingLock {
  /** Why the lock was lost, if it was (its folder removed, or not refreshed in time); undefined while held. */
  lost(): string | undefined;
  release(): void;
}

/** Takes the lock of a staging folder (which need not exist yet); throws the file system's error. */
export function lockStaging(staging: string): StagingLock {
  let lostReason: string | undefined;
  let released = false;
  const release = lockfile.lockSync(staging, {
    realpath: false,
    stale: STALE_MS,
    update: HEARTBEAT_MS,
    onCompromised: (error) => {
      lostReason = error.message;
    },
  });
  recordHolder(staging);
  return {
    lost: () => lostReason,
    release: () => {
      if (released || lostReason !== undefined) return;
      released = true;
      try {
        forgetHolder(staging);
      } catch {
        // A holder record that cannot be removed (its folder made append-only, say) is found and said by whoever cleans up.
      }
      try {
        release();
      } catch {
        // already released, or its folder gone: nothing to undo
      }
    },
  };
}

/**
 * Whether a live run holds the staging folder's lock: present, refreshed within STALE_MS, and its
 * holder not known to be gone.
 */
export function isLocked(staging: string): boolean {
  try {
    return lockfile.checkSync(staging, { realpath: false, stale: STALE_MS }) && !holderIsGone(staging);
  } catch {
    // An unreadable lock is no proof that its run is gone: leave the folder be.
    return true;
  }
}
