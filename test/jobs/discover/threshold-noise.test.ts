import { describe, expect, it } from 'vitest';
import { thresholdNoise } from '../../../src/jobs/discover/discover-results.js';
import type { DiscoverJob } from '../../../src/jobs/discover/job.js';

const job = (runs: number) => ({ samples: 3, runs, condition: { metric: 'vendor.enterprise_share', entity: 'openai', comparison: '>', threshold: 0.44 } }) as Pick<DiscoverJob, 'samples' | 'runs' | 'condition'>;

describe('how near the threshold seed noise leaves a discovery’s points (thresholdNoise)', () => {
  it('marks the points whose mean lies within 1.96 standard errors of the threshold', () => {
    // Three points on two seeds, each pair 0.02 apart: sd 0.02/√2 at every point, pooled the same;
    // a 2-run mean's 1.96 standard errors are 1.96 × 0.014142 / √2 = 0.0196.
    const runs = Float64Array.from([0.4, 0.42, 0.43, 0.45, 0.5, 0.52]);
    const noise = thresholdNoise(job(2), Float64Array.from([0.41, 0.44, 0.51]), runs);
    expect(noise.betweenSeedsSd).toBeCloseTo(0.02 / Math.SQRT2, 12);
    expect(noise.halfWidth).toBeCloseTo(0.0196, 12);
    // 0.41 is 0.03 below the threshold, 0.44 on it, 0.51 0.07 above.
    expect(noise.near).toEqual([false, true, false]);
  });

  it('measures nothing with one run a point', () => {
    const noise = thresholdNoise(job(1), Float64Array.from([0.41, 0.44, 0.51]), Float64Array.from([0.41, 0.44, 0.51]));
    expect(noise.halfWidth).toBeNaN();
    expect(noise.near).toEqual([undefined, undefined, undefined]);
  });
});
