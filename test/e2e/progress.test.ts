import { describe, expect, it } from 'vitest';
import { progressWanted, startProgress } from '../../src/cli/progress.js';

describe('the progress bar', () => {
  it('is shown only on a terminal, without --quiet, for more than one run', () => {
    expect(progressWanted({ isTTY: true, quiet: false, total: 8 })).toBe(true);
    expect(progressWanted({ isTTY: undefined, quiet: false, total: 8 })).toBe(false);
    expect(progressWanted({ isTTY: true, quiet: true, total: 8 })).toBe(false);
    expect(progressWanted({ isTTY: true, quiet: false, total: 1 })).toBe(false);
  });

  it('writes nothing to a stream that is not a terminal (a log file, a pipe)', () => {
    const written: string[] = [];
    const stream = { isTTY: false, write: (chunk: string) => written.push(chunk) } as unknown as NodeJS.WriteStream;
    const progress = startProgress({ total: 5, unit: 'runs', quiet: false, stream });
    for (let i = 0; i < 5; i++) progress.advance();
    progress.stop();
    expect(written).toEqual([]);
  });
});
