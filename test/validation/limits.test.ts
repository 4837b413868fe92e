import { describe, expect, it } from 'vitest';
import { parseSimulateArgs } from '../../src/cli/simulate-args.js';
import { scenarioJsonSchema } from '../../src/config/json-schema.js';
import {
  HEAP_BUDGET_BYTES,
  MAX_ENTERPRISES,
  MAX_MONTHS,
  MAX_VENDORS,
  populationBytes,
} from '../../src/config/limits.js';
import { dateOutsideRun } from '../../src/config/references.js';

describe('limits', () => {
  it('keep the largest population allowed, with the most vendors, within half the heap', () => {
    expect(populationBytes(MAX_ENTERPRISES, MAX_VENDORS)).toBeLessThan(HEAP_BUDGET_BYTES / 2);
  });

  it('are the same in the runtime schema, the JSON Schema and the command line', () => {
    const scenario = scenarioJsonSchema().$defs!.scenario!;
    expect(scenario.properties!.months!.maximum).toBe(MAX_MONTHS);
    expect(scenario.properties!.enterprises!.properties!.count!.maximum).toBe(MAX_ENTERPRISES);
    expect(parseSimulateArgs(['--ticks', String(MAX_MONTHS)])).toMatchObject({ success: true, args: { ticks: MAX_MONTHS } });
    const above = parseSimulateArgs(['--ticks', '100000']);
    expect(above).toEqual({ success: false, message: expect.stringMatching(/^--ticks 100000 exceeds the limit of 600 months/) });
  });
});

describe('dateOutsideRun: a date within [start, start + months)', () => {
  it('accepts the first and the last month of the run', () => {
    expect(dateOutsideRun('2023-12', '2023-12', 37)).toBeNull();
    expect(dateOutsideRun('2026-12', '2023-12', 37)).toBeNull();
  });

  it('refuses the month before the start and the month after the end, naming the run’s span', () => {
    expect(dateOutsideRun('2023-11', '2023-12', 37)).toBe('2023-11 is outside the run, which covers 2023-12 to 2026-12');
    expect(dateOutsideRun('2027-01', '2023-12', 37)).toBe('2027-01 is outside the run, which covers 2023-12 to 2026-12');
    expect(dateOutsideRun('2024-01', '2024-01', 1)).toBeNull();
    expect(dateOutsideRun('2024-02', '2024-01', 1)).not.toBeNull();
  });

  it('leaves a malformed date or run to the schema’s own messages', () => {
    expect(dateOutsideRun('2024-13', '2024-01', 12)).toBeNull();
    expect(dateOutsideRun(202401, '2024-01', 12)).toBeNull();
    expect(dateOutsideRun('2030-01', undefined, 12)).toBeNull();
  });
});
