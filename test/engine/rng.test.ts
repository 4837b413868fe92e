import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { createRng, logNormal, normal, uniformBetween, weightedIndex, type Rng } from '../../src/engine/rng.js';

function draws(rng: Rng, n = 8): number[] {
  return Array.from({ length: n }, () => rng.next());
}

describe('rng', () => {
  it('draws exactly what seedrandom’s alea draws for the key "<seed>/<stream>"', () => {
    for (const [seed, stream] of [[0, 'enterprise/0'], [1, 'vendor/openai'], [4294967295, 'cloud/aws']] as const) {
      const reference = seedrandom.alea(`${seed}/${stream}`);
      const rng = createRng(seed, stream);
      for (let i = 0; i < 1000; i++) expect(rng.next()).toBe(reference());
    }
  });

  it('gives the same draws for the same seed and stream', () => {
    expect(draws(createRng(42, 'vendor/openai'))).toEqual(draws(createRng(42, 'vendor/openai')));
  });

  it('gives different draws to different streams of one seed', () => {
    expect(draws(createRng(42, 'vendor/openai'))).not.toEqual(draws(createRng(42, 'vendor/anthropic')));
    expect(draws(createRng(42, 'enterprise/1'))).not.toEqual(draws(createRng(42, 'enterprise/2')));
  });

  it('does not change a stream’s draws when another stream is added and drawn from', () => {
    const alone = draws(createRng(42, 'cloud/aws'));

    const aws = createRng(42, 'cloud/aws');
    const interleaved: number[] = [];
    const added = createRng(42, 'cloud/oracle');
    for (let i = 0; i < 8; i++) {
      added.next();
      interleaved.push(aws.next());
      added.next();
    }

    expect(interleaved).toEqual(alone);
  });

  it('treats seed 0 as a seed of its own, not as “no seed” or seed 1', () => {
    expect(draws(createRng(0, 'x'))).toEqual(draws(createRng(0, 'x')));
    expect(draws(createRng(0, 'x'))).not.toEqual(draws(createRng(1, 'x')));
  });

  it('draws uniformly in [0, 1)', () => {
    const values = draws(createRng(3, 'u'), 10_000);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const mean = values.reduce((s, x) => s + x, 0) / values.length;
    expect(mean).toBeCloseTo(0.5, 1);
  });

  it('draws standard normals with mean 0 and sd 1', () => {
    const rng = createRng(5, 'n');
    const values = Array.from({ length: 20_000 }, () => normal(rng));
    const mean = values.reduce((s, x) => s + x, 0) / values.length;
    const sd = Math.sqrt(values.reduce((s, x) => s + (x - mean) ** 2, 0) / values.length);
    expect(mean).toBeCloseTo(0, 1);
    expect(sd).toBeCloseTo(1, 1);
  });

  it('draws log-normals around their median, and exactly the median with no spread', () => {
    const rng = createRng(5, 'ln');
    expect(logNormal(rng, 3000, 0)).toBe(3000);
    const values = Array.from({ length: 20_001 }, () => logNormal(rng, 3000, 1)).sort((a, b) => a - b);
    expect(values[10_000]! / 3000).toBeCloseTo(1, 1);
  });

  it('maps a uniform draw onto [low, high)', () => {
    expect(uniformBetween({ next: () => 0 }, 1, 4)).toBe(1);
    expect(uniformBetween({ next: () => 0.5 }, 1, 4)).toBe(2.5);
  });

  it('picks an index with probability proportional to its weight', () => {
    expect(weightedIndex({ next: () => 0.1 }, [0.25, 0.75])).toBe(0);
    expect(weightedIndex({ next: () => 0.3 }, [0.25, 0.75])).toBe(1);
    // Weights need not sum to 1, and a zero weight is never picked.
    expect(weightedIndex({ next: () => 0.4 }, [0, 2, 2])).toBe(1);
    expect(weightedIndex({ next: () => 0.6 }, [0, 2, 2])).toBe(2);
    expect(weightedIndex({ next: () => 0 }, [0, 2, 2])).toBe(1);
    const rng = createRng(9, 'w');
    const counts = [0, 0, 0];
    for (let i = 0; i < 30_000; i++) counts[weightedIndex(rng, [1, 2, 3])]! += 1;
    expect(counts[0]! / 30_000).toBeCloseTo(1 / 6, 1);
    expect(counts[2]! / 30_000).toBeCloseTo(1 / 2, 1);
  });
});
