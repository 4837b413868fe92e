import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time of each live thread of this process, ms, by thread id; null where /proc does not exist
 * (Linux only). Resolution: one clock tick, 10 ms.
 *
 * What it is for: a worker thread's CPU is not the whole cost of its runs. V8 compiles hot code
 * (TurboFan) and collects garbage partly on its own helper threads, shared by every isolate of the
 * process; with one worker those helpers borrow the idle core, with two they compete with the
 * workers for both (docs/performance.md, "Why two workers give about 1.4×").
 */
export function threadCpuMs(): Map<number, number> | null {
  let tids: string[];
  try {
    tids = readdirSync('/proc/self/task');
  } catch {
    return null;
  }
  const cpu = new Map<number, number>();
  for (const tid of tids) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    } catch {
      continue; // the thread ended between listing and reading
    }
    // Fields after the command name, which is in parentheses and may contain spaces: state is the
    // first, utime the 12th and stime the 13th (proc(5) fields 14 and 15), in ticks of 10 ms.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    cpu.set(Number(tid), (Number(fields[11]) + Number(fields[12])) * 10);
  }
  return cpu;
}

/** Where a stretch of the process's CPU went: its main thread, threads that ended, helpers still alive. */
export interface CpuSplit {
  readonly mainMs: number;
  /** Threads that ended during the stretch (the pool's workers, destroyed at its end). */
  readonly endedThreadsMs: number;
  /** Threads other than the main one still alive at its end: V8's compiler and GC helpers, libuv's pool. */
  readonly helperThreadsMs: number;
}

export function cpuSplit(
  before: { processMs: number; threads: Map<number, number> },
  after: { processMs: number; threads: Map<number, number> },
): CpuSplit {
  const main = process.pid;
  const mainMs = (after.threads.get(main) ?? 0) - (before.threads.get(main) ?? 0);
  let helperThreadsMs = 0;
  for (const [tid, ms] of after.threads) if (tid !== main) helperThreadsMs += ms - (before.threads.get(tid) ?? 0);
  const endedThreadsMs = Math.max(0, after.processMs - before.processMs - mainMs - helperThreadsMs);
  return { mainMs, endedThreadsMs, helperThreadsMs };
}
