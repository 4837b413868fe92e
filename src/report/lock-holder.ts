import { readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';

/**
 * Who holds a staging folder's lock, written beside it (`<staging>.holder`), so that a later run
 * on the same machine and in the same PID namespace can tell at once that the holder was killed
 * outright (SIGKILL, the OOM killer) rather than wait for its lock to go stale: its previous output,
 * set aside mid-commit, is then put back by the next command instead of minutes later. The machine
 * is told by its boot id, the namespace by its inode, and a process id by its start time, so that
 * a reused id is not taken for the run. Anywhere else (another machine sharing the volume, another
 * namespace, no /proc) nothing can be told and the lock's age alone decides (staging-lock.ts).
 */

interface Holder {
  readonly boot: string;
  readonly pidNamespace: string;
  readonly pid: number;
  /** Clock ticks since boot at which the process started: field 22 of /proc/<pid>/stat. */
  readonly started: string;
}

export function holderFile(staging: string): string {
  return `${staging}.holder`;
}

function thisMachine(): { boot: string; pidNamespace: string } | undefined {
  try {
    return { boot: readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim(), pidNamespace: readlinkSync('/proc/self/ns/pid') };
  } catch {
    return undefined;
  }
}

/** When a process started, or undefined when there is no such process (or no /proc to ask). */
function startTime(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name, in parentheses, may hold spaces and parentheses: count from the last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

/** Records this process as the holder of a staging folder's lock; where it cannot, the lock's age decides. */
export function recordHolder(staging: string): void {
  const machine = thisMachine();
  const started = startTime(process.pid);
  if (machine === undefined || started === undefined) return;
  try {
    writeFileSync(holderFile(staging), `${JSON.stringify({ ...machine, pid: process.pid, started } satisfies Holder)}\n`);
  } catch {
    // A lock without its holder recorded is still a lock: its age tells when its run is gone.
  }
}

export function forgetHolder(staging: string): void {
  rmSync(holderFile(staging), { force: true });
}

/**
 * Whether the lock's holder is known to be gone: it ran on this machine, in this PID namespace,
 * and no process with its id and start time lives. False whenever that cannot be told.
 */
export function holderIsGone(staging: string): boolean {
  let holder: Partial<Holder>;
  try {
    holder = JSON.parse(readFileSync(holderFile(staging), 'utf8')) as Partial<Holder>;
  } catch {
    // No record (an older version's run, one elsewhere, or one killed before it wrote it) or an unreadable one.
    return false;
  }
  const machine = thisMachine();
  if (machine === undefined || holder.boot !== machine.boot || holder.pidNamespace !== machine.pidNamespace) return false;
  if (typeof holder.pid !== 'number' || typeof holder.started !== 'string') return false;
  return startTime(holder.pid) !== holder.started;
}
