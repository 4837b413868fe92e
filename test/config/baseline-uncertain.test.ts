import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/config/load-scenario-file.js';
import { numberAtPath } from '../../src/sweep/param-path.js';
import { BASELINE_PATH } from '../support/scenario-fixtures.js';

/**
 * configs/baseline.json's own uncertain parameters (issue 27, item 1): each range comes from the
 * spread of a source and holds the value the baseline runs at, so `--uncertain` widens the runs
 * around the calibrated market rather than moving it.
 */
describe('the baseline’s uncertain parameters', () => {
  const loaded = loadScenarioFile(BASELINE_PATH);
  if (!loaded.success) throw new Error(loaded.problems.map((p) => p.message).join('; '));
  const uncertain = loaded.scenario.uncertain ?? [];

  it('declares some, each with a source that names where its range comes from', () => {
    expect(uncertain.length).toBeGreaterThanOrEqual(3);
    for (const u of uncertain) expect(u.source.length, u.path).toBeGreaterThan(40);
  });

  it('keeps the value the baseline runs at inside each range (at the mode of a triangular one)', () => {
    for (const u of uncertain) {
      const at = numberAtPath(loaded.scenario, u.path);
      if (!at.success) throw new Error(at.message);
      const value = at.value.value;
      const d = u.distribution;
      if (d.type === 'normal') continue;
      expect(value, u.path).toBeGreaterThanOrEqual(d.lo);
      expect(value, u.path).toBeLessThanOrEqual(d.hi);
      if (d.type === 'triangular') expect(value, u.path).toBe(d.mode);
    }
  });
});
