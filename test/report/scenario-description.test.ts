import { describe, expect, it } from 'vitest';
import { scenarioDescription } from '../../src/report/scenario-description.js';
import { baselineJson, scenarioOf } from '../support/scenario-fixtures.js';

describe('scenarioDescription', () => {
  const baseline = scenarioOf(baselineJson());

  it('gives the description as written when the run has the scenario’s own months', () => {
    expect(scenarioDescription(baseline, baseline.months)).toBe(baseline.description);
  });

  it('says the months --ticks ran, the end month computed from the start, beside a description written for others', () => {
    expect(baseline.start).toBe('2023-12');
    expect(baseline.months).toBe(61);
    expect(scenarioDescription(baseline, 85)).toBe(
      `${baseline.description}\n\n> **--ticks 85:** this run covers 85 months, Dec 2023 – Dec 2030; the description above is of the scenario as configured, 61 months to Dec 2028.`,
    );
    expect(scenarioDescription(baseline, 1)).toContain('this run covers 1 month, Dec 2023 – Dec 2023;');
    expect(scenarioDescription(baseline, 14)).toContain('this run covers 14 months, Dec 2023 – Jan 2025;');
  });

  it('says the months run for a scenario without a description, without pointing at one', () => {
    expect(scenarioDescription({ ...baseline, description: '' }, 4)).toBe(
      '> **--ticks 4:** this run covers 4 months, Dec 2023 – Mar 2024; the scenario as configured runs 61 months to Dec 2028.',
    );
  });
});
