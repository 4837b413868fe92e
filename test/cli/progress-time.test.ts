import { describe, expect, it } from 'vitest';
import { barTime } from '../../src/cli/progress.js';

describe('the time a progress bar shows', () => {
  it('rounds the whole time before splitting it, so a minute never reads 60 seconds', () => {
    expect(barTime(118, undefined, 5)).toBe('2m00s');
    expect(barTime(119.6, undefined, 1)).toBe('2m00s');
    expect(barTime(3599, undefined, 5)).toBe('1h00m');
    expect(barTime(7170, undefined, 5)).toBe('1h59m');
  });

  it('keeps seconds under ten exact, and says nothing while the ETA is unknown', () => {
    expect(barTime(7, undefined, 5)).toBe('7s');
    expect(barTime(43, undefined, 5)).toBe('45s');
    expect(barTime(65, undefined, 1)).toBe('1m05s');
    expect(barTime('INF', undefined, 5)).toBe('…');
    expect(barTime('NULL', undefined, 5)).toBe('…');
  });
});
