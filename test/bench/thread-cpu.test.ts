import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cpuSplit, threadCpuMs } from '../../bench/cases/thread-cpu.js';

// The bench's account of where an ensemble's CPU went (docs/performance.md, "Why two workers give
// about 1.4×"): a wrong split would blame the wrong threads for the missed speed-up.
describe('cpuSplit', () => {
  const main = process.pid;

  it('gives the ended threads what the process spent beyond its live threads', () => {
    const split = cpuSplit(
      { processMs: 1_000, threads: new Map([[main, 900], [main + 1, 50], [main + 2, 50]]) },
      { processMs: 6_000, threads: new Map([[main, 1_000], [main + 1, 650], [main + 2, 450]]) },
    );
    expect(split).toEqual({ mainMs: 100, helperThreadsMs: 1_000, endedThreadsMs: 3_900 });
  });

  it('counts a helper thread started during the stretch from zero, and forgets threads gone by its end', () => {
    const split = cpuSplit(
      { processMs: 0, threads: new Map([[main, 0], [main + 1, 300]]) },
      { processMs: 2_000, threads: new Map([[main, 100], [main + 5, 200]]) },
    );
    expect(split.helperThreadsMs).toBe(200);
    expect(split.endedThreadsMs).toBe(1_700);
  });
});

describe.runIf(existsSync('/proc/self/task'))('threadCpuMs', () => {
  it("reads the main thread's CPU from /proc, growing as it works", () => {
    const before = threadCpuMs()!.get(process.pid)!;
    const until = process.cpuUsage().user + 200_000; // 200 ms of CPU, in µs
    let x = 0;
    while (process.cpuUsage().user < until) x += Math.sqrt(x + 1);
    const after = threadCpuMs()!.get(process.pid)!;
    expect(x).toBeGreaterThan(0);
    expect(after - before).toBeGreaterThanOrEqual(100);
  });
});
