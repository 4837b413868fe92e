import { describe, expect, it } from 'vitest';
import { peakRssOf, withPeakRssProbe } from '../../bench/sweep-memory.js';

// The bench's sweep-memory figure (bench/sweep-memory.ts): the peak RSS of the largest node process
// a command starts, told by bench/peak-rss-probe.mjs as each exits. A probe that missed the process
// doing the work (npm's own line alone), or read its size in the wrong unit, would pass any limit.

const MB = 1e6;

describe('the peak-RSS probe', () => {
  it('reports the peak of a process that held 300 MB, not what it holds when it exits', async () => {
    const held = `let b = Buffer.alloc(${300 * MB}, 1); b = null; globalThis.gc?.();`;
    const { peakRssBytes } = await peakRssOf(process.execPath, ['-e', held]);
    expect(peakRssBytes).toBeGreaterThan(300 * MB);
    expect(peakRssBytes).toBeLessThan(600 * MB);
  });

  it('reports the largest of the processes a command starts, as npm starts the one that runs', async () => {
    const child = `Buffer.alloc(${250 * MB}, 1)`;
    const parent = `require('node:child_process').execFileSync(process.execPath, ['-e', ${JSON.stringify(child)}], { stdio: 'inherit' })`;
    const { peakRssBytes } = await peakRssOf(process.execPath, ['-e', parent]);
    expect(peakRssBytes).toBeGreaterThan(250 * MB);
  });

  it('fails, with what the command said, when the command fails', async () => {
    await expect(peakRssOf(process.execPath, ['-e', "process.stderr.write('no room\\n'); process.exit(3)"])).rejects.toThrow(/exited with 3: no room$/);
  });

  it('adds itself to the NODE_OPTIONS already set', () => {
    expect(withPeakRssProbe(undefined)).toMatch(/^--import=file:\/\/.*\/bench\/peak-rss-probe\.mjs$/);
    expect(withPeakRssProbe(' --max-old-space-size=4096 ')).toMatch(/^--max-old-space-size=4096 --import=file:\/\/.*peak-rss-probe\.mjs$/);
  });
});
