import { describe, expect, it } from 'vitest';
import { meanTableAbsentAsZero, pairedDifferences, statTable, summariseRuns } from '../../src/ensemble/ensemble-table.js';
import { MetricRecorder, type MetricTable } from '../../src/metrics/metric-table.js';

/** A run of `values.length` months where vendor.share of openai takes the given values, plus extra cells. */
function run(values: number[], extra: (recorder: MetricRecorder, tick: number) => void = () => {}): MetricTable {
  const recorder = new MetricRecorder(values.length);
  values.forEach((value, tick) => {
    recorder.beginTick(`2024-${String(tick + 1).padStart(2, '0')}`);
    recorder.record('vendor.share', 'openai', value);
    extra(recorder, tick);
  });
  return recorder;
}

describe('summariseRuns', () => {
  it('gives per tick the mean, percentiles and count over the runs that recorded a value', () => {
    const runs = [run([1, 10]), run([2, 20]), run([3, Number.NaN])];
    const stats = summariseRuns(runs).series('vendor.share').get('openai')!;
    expect([...stats.mean]).toEqual([2, 15]);
    expect([...stats.p50]).toEqual([2, 15]);
    expect([...stats.count]).toEqual([3, 2]);
    expect(stats.p5[0]).toBeCloseTo(1.1, 12);
  });

  it('lists every cell any run recorded, in the order run 0, then run 1 first recorded them', () => {
    const runs = [run([1], (r) => r.record('cloud.revenue', 'aws', 5)), run([2], (r) => (r.record('cloud.revenue', 'azure', 6), r.record('market.hhi', 'market', 1)))];
    const ensemble = summariseRuns(runs);
    expect(ensemble.metricNames()).toEqual(['vendor.share', 'cloud.revenue', 'market.hhi']);
    expect([...ensemble.series('cloud.revenue').keys()]).toEqual(['aws', 'azure']);
    expect(ensemble.series('cloud.revenue').get('azure')!.count[0]).toBe(1);
  });

  it('reads as a metric table of one statistic, and as means that count a missing value as zero', () => {
    const runs = [run([4], (r) => r.record('deal.invested_usd', 'a@b', 10)), run([6])];
    const ensemble = summariseRuns(runs);
    expect([...statTable(ensemble, 'mean').series('deal.invested_usd').get('a@b')!]).toEqual([10]);
    expect([...meanTableAbsentAsZero(ensemble).series('deal.invested_usd').get('a@b')!]).toEqual([5]);
  });
});

describe('pairedDifferences', () => {
  it('takes run i of one scenario against run i of the other, on a common axis of dates', () => {
    const base = [run([1, 1]), run([2, 2])];
    const other = [run([1.5, 3]), run([2.5, 2])];
    const changes = pairedDifferences({ base, other, metric: 'vendor.share', entity: 'openai', dates: ['2024-01', '2024-02', '2024-03'] });
    expect([...changes.mean.subarray(0, 2)]).toEqual([0.5, 1]);
    // Paired: each run moved by exactly 0.5 in January, so there is no spread at all.
    expect([changes.p5[0], changes.p95[0]]).toEqual([0.5, 0.5]);
    expect(changes.count[2]).toBe(0);
    const relative = pairedDifferences({ base, other, metric: 'vendor.share', entity: 'openai', dates: ['2024-01'], change: 'relative' });
    expect(relative.mean[0]).toBeCloseTo((0.5 + 0.25) / 2, 12);
  });
});
