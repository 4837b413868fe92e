import { describe, expect, it } from 'vitest';
import type { CalibrationShard } from '../../src/calibration/calibration-shard.js';
import { checkShards, type NamedShard } from '../../src/cli/merge-calibration.js';

const environment = { packageVersion: '1.0.0', node: 'v20.0.0', git: { revision: 'a'.repeat(40), dirty: false } };

/** Shard i of `count` of a round of 10 runs, as calibrate --shard writes it; `change` alters one field. */
function shard(index: number, count: number, change: Partial<CalibrationShard> = {}, dir = `sh/${index}`): NamedShard {
  const from = Math.floor((index * 10) / count);
  const to = Math.floor(((index + 1) * 10) / count);
  const base = {
    calibrationHash: 'sha256:one',
    command: 'npm run calibrate -- c.json --targets t.json',
    environment,
    record: {} as CalibrationShard['record'],
    results: [],
    digest: 'sha256:x',
    round: { index: 1, label: 'generation 1' },
    from: 'sha256:state',
    shard: { index, count },
    runs: { from, to, of: 10 },
  } satisfies CalibrationShard;
  return { dir, shard: { ...base, ...change } };
}

const message = (shards: NamedShard[]) => {
  const check = checkShards(shards);
  return check.success ? 'ok' : check.message;
};

describe('merging the shards of a calibration round', () => {
  it('takes the N shards of one round of one calibration in any order', () => {
    const check = checkShards([shard(2, 3), shard(0, 3), shard(1, 3)]);
    expect(check.success && check.ordered.map((s) => s.shard.shard.index)).toEqual([0, 1, 2]);
  });

  it('refuses a missing or a duplicated shard, naming it', () => {
    expect(message([shard(0, 3), shard(2, 3)])).toBe('missing shard 1/3 of 3 of generation 1: run it (--shard i/3), then merge all 3 folders');
    expect(message([shard(0, 2), shard(1, 2), shard(1, 2, {}, 'copy')])).toBe('shard 1/2 is given twice: sh/1 and copy');
  });

  it('refuses a shard of another calibration, round, state, N or code', () => {
    expect(message([shard(0, 2), shard(1, 2, { calibrationHash: 'sha256:two' })])).toMatch(/^sh\/1 is a shard of another calibration than sh\/0/);
    expect(message([shard(0, 2), shard(1, 2, { round: { index: 2, label: 'generation 2' } })])).toBe('sh/1 ran generation 2, sh/0 generation 1: merge the shards of one round at a time');
    expect(message([shard(0, 2), shard(1, 2, { from: 'sha256:other' })])).toMatch(/^sh\/1 continued another state of the calibration than sh\/0/);
    expect(message([shard(0, 2), shard(1, 3)])).toBe('sh/1 is a shard of 3, sh/0 a shard of 2: every shard of a round must use the same N');
    expect(message([shard(0, 2), shard(1, 2, { environment: { ...environment, git: { revision: 'b'.repeat(40), dirty: false } } })])).toMatch(/^sh\/1 was made by llm-market-sim 1\.0\.0 at bbbbbbbbbbbb, sh\/0 by llm-market-sim 1\.0\.0 at aaaaaaaaaaaa/);
  });

  it('refuses a shard whose runs are not its slice of the round', () => {
    expect(message([shard(0, 2), shard(1, 2, { runs: { from: 4, to: 10, of: 10 } })])).toBe('sh/1 holds runs 4–10 of 10, not the slice of shard 1/2');
  });
});
