import { describe, expect, it } from 'vitest';
import { KpiCollector, KpiRows, reduceRuns } from '../../src/ensemble/kpi-samples.js';

describe('KpiCollector', () => {
  it('reduces a variant to statistics once its last run is in, whatever the order of arrival', () => {
    const arrivals: [number, number, number][] = [
      [1, 2, 30],
      [0, 0, 1],
      [1, 0, 10],
      [0, 1, 3],
      [1, 1, 20],
    ];
    const inOrder = new KpiCollector(3);
    const shuffled = new KpiCollector(3);
    for (const [variant, run, value] of [...arrivals].sort((a, b) => a[0] - b[0] || a[1] - b[1])) inOrder.add(variant, run, { 'final:x:market': value });
    for (const [variant, run, value] of arrivals) shuffled.add(variant, run, { 'final:x:market': value });
    expect(shuffled.stats(1)).toEqual(inOrder.stats(1));
    expect(shuffled.stats(1)!.get('final:x:market')!.mean).toBe(20);
    // Variant 0 has 2 of its 3 runs: not reduced yet.
    expect(shuffled.stats(0)).toBeUndefined();
    expect(shuffled.unfinished(2)).toEqual([0]);
  });

  it('keeps a finished variant\'s runs in seed order only when asked to (a kind that keepsRunKpis)', () => {
    const keeping = new KpiCollector(2, true);
    const dropping = new KpiCollector(2);
    for (const collector of [keeping, dropping]) {
      collector.add(0, 1, { k: 3 });
      collector.add(0, 0, { k: 1 });
    }
    expect(keeping.runs(0)).toEqual([{ k: 1 }, { k: 3 }]);
    expect(dropping.runs(0)).toBeUndefined();
    expect(dropping.stats(0)?.get('k')?.mean).toBe(2);
  });

  it('refuses a run that arrives twice', () => {
    const collector = new KpiCollector(2);
    collector.add(0, 0, { a: 1 });
    expect(() => collector.add(0, 0, { a: 1 })).toThrow(/twice/);
  });
});

describe('KpiRows', () => {
  it('packs runs over a shared list of keys and gives them back as they were', () => {
    const rows = new KpiRows();
    rows.add(5, { b: 2, a: 1 });
    rows.add(3, { a: 4, c: 9 });
    expect(rows.keys).toEqual(['b', 'a', 'c']);
    expect(rows.tasks()).toEqual([3, 5]);
    expect(rows.values(5)).toEqual({ b: 2, a: 1 });
    expect([...rows.packed([5, 3])]).toEqual([2, 1, Number.NaN, Number.NaN, 4, 9]);
  });
});

describe('reduceRuns', () => {
  it('gives each key its statistics over the runs that have it, keys sorted', () => {
    const stats = reduceRuns([{ z: 1, a: 2 }, { a: 4 }]);
    expect([...stats.keys()]).toEqual(['a', 'z']);
    expect(stats.get('a')).toMatchObject({ mean: 3, count: 2 });
    expect(stats.get('z')).toMatchObject({ mean: 1, count: 1 });
  });
});
