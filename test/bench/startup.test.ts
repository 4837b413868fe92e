import { describe, expect, it } from 'vitest';
import { timeToFirstMonth, withProbe } from '../../bench/startup.js';

// The bench's start-up figure (bench/startup.ts): the time to a command's first month, told by
// bench/first-month-probe.mjs from the messages the simulation thread sends. A probe that missed
// its month, or took another message for it, would time the wrong thing.

/** A command whose thread reports months as src/cli/simulation-worker.ts does, `months` of them, then keeps running unless `exit`. */
function fakeRun(months: number, exit: boolean): string[] {
  const thread = `const { parentPort } = require('node:worker_threads');` +
    `parentPort.postMessage({ type: 'done-ish', month: 5 });` +
    `for (let month = 1; month <= ${months}; month++) parentPort.postMessage({ type: 'progress', month });` +
    (exit ? '' : 'setInterval(() => {}, 1000);');
  const main = `const { Worker } = require('node:worker_threads');` +
    `const worker = new Worker(${JSON.stringify(thread)}, { eval: true });` +
    `worker.on('message', () => {});` +
    `worker.on('exit', () => process.stderr.write('run over\\n'));`;
  return ['-e', main];
}

describe('the start-up probe', () => {
  it("times a command to its thread's month 2 and then stops it with SIGTERM", async () => {
    const timing = await timeToFirstMonth(process.execPath, fakeRun(3, false));
    expect(timing.firstMonthMs).toBeGreaterThan(0);
    expect(timing.ended).toBe('SIGTERM');
  });

  it('fails, with what the command said, for a command that ends before its first month is done', async () => {
    await expect(timeToFirstMonth(process.execPath, fakeRun(1, true))).rejects.toThrow(/ended \(exit code 0\) before its first month: run over$/);
  });

  it('adds itself to the NODE_OPTIONS already set', () => {
    expect(withProbe(undefined)).toMatch(/^--import=file:\/\/.*\/bench\/first-month-probe\.mjs$/);
    expect(withProbe(' --max-old-space-size=4096 ')).toMatch(/^--max-old-space-size=4096 --import=file:\/\/.*first-month-probe\.mjs$/);
  });
});
