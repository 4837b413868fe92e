import { describe, expect, it } from 'vitest';
import { parseSimulateArgs } from '../../src/jobs/simulate/options.js';
import { scenarioJsonSchema } from '../../src/config/json-schema.js';
import {
  HEAP_BUDGET_BYTES,
  MAX_ENTERPRISES,
  MAX_MONTHS,
  MAX_VENDORS,
  populationBytes,
} from '../../src/config/limits.js';
import { dateBeforeStart } from '../../src/config/references.js';

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

describe('dateBeforeStart: a date no earlier than the run’s first month', () => {
  it('accepts the first month of the run and any later one', () => {
    expect(dateBeforeStart('2023-12', '2023-12')).toBeNull();
    expect(dateBeforeStart('2031-12', '2023-12')).toBeNull();
  });

  it('refuses the month before the start, naming the start', () => {
    expect(dateBeforeStart('2023-11', '2023-12')).toBe('2023-11 is before the run starts (2023-12)');
  });

  it('leaves a malformed date or start to the schema’s own messages', () => {
    expect(dateBeforeStart('2024-13', '2024-01')).toBeNull();
    expect(dateBeforeStart(202401, '2024-01')).toBeNull();
    expect(dateBeforeStart('2020-01', undefined)).toBeNull();
  });
});

describe('the size limit says what a config weighs', () => {
  it('quotes the shipped baseline and targets file at their real size, measured when said', async () => {
    const { statSync } = await import('node:fs');
    const { CONFIG_FILE_LIMITS } = await import('../../src/config/load-scenario-file.js');
    const { TARGETS_FILE_LIMITS } = await import('../../src/calibration/load-targets-file.js');
    const kb = (file: string) => `${(statSync(file).size / 1000).toFixed(1)} KB`;
    expect(CONFIG_FILE_LIMITS.tooBig(11 * 2 ** 20)).toBe(
      `the file is 12 MB, above the limit of 10 MB for a scenario (the shipped baseline, with its history of 2024–2025, is ${kb('configs/baseline.json')})`,
    );
    expect(TARGETS_FILE_LIMITS.tooBig(11 * 2 ** 20)).toBe(
      `the file is at least 12 MB, above the limit of 10 MB for a targets file (the shipped one, configs/targets/2023-2025.json, is ${kb('configs/targets/2023-2025.json')})`,
    );
  });
});
