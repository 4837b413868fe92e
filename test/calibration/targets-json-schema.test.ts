import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parseTargetFile } from '../../src/calibration/load-targets-file.js';
import { TARGETS_SCHEMA_FILE, TARGETS_SCHEMA_REFERENCE, targetsJsonSchemaText } from '../../src/calibration/targets-json-schema.js';
import { PROJECT_ROOT } from '../support/run-cli.js';

const TARGETS = join(PROJECT_ROOT, 'configs', 'targets');
const targetFiles = readdirSync(TARGETS).filter((f) => f.endsWith('.json'));

function validator() {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  return ajv.compile(JSON.parse(readFileSync(join(PROJECT_ROOT, TARGETS_SCHEMA_FILE), 'utf8')));
}

type Json = Record<string, any>;

const target = (change: Json = {}): Json => ({ id: 'a', metric: 'vendor.arr_usd', entity: 'openai', month: '2024-12', band: [3.75e9, 6.25e9], source: 'seed', ...change });

/** Invalid in ways JSON Schema can express. */
const INVALID: Record<string, Json> = {
  'no targets': { targets: [] },
  'an unknown field': { targets: [target({ bnad: [0, 1] })] },
  'a band of three numbers': { targets: [target({ band: [0, 1, 2] })] },
  'a band of strings': { targets: [target({ band: ['0', '1'] })] },
  'an unknown aggregate': { targets: [target({ aggregate: 'median' })] },
  'a month that does not exist': { targets: [target({ month: '2024-13' })] },
  'an id with capitals': { targets: [target({ id: 'OpenAI' })] },
  'a free parameter without a source': { targets: [target()], free: [{ path: 'enterprises.brandPremium', range: [0, 1] }] },
  'an unknown scale': { targets: [target()], free: [{ path: 'enterprises.brandPremium', range: [0.1, 1], scale: 'cubic', source: 's' }] },
};

describe('configs/targets.schema.json', () => {
  it('is what `npm run docs` generates from the runtime schema (run it after changing the schema)', () => {
    expect(readFileSync(join(PROJECT_ROOT, TARGETS_SCHEMA_FILE), 'utf8')).toBe(targetsJsonSchemaText());
  });

  it('is named as "$schema", first key, by every targets file in configs/targets/, and accepts each, as the loader does', () => {
    expect(targetFiles.length).toBeGreaterThanOrEqual(1);
    const validate = validator();
    for (const file of targetFiles) {
      const json = JSON.parse(readFileSync(join(TARGETS, file), 'utf8')) as Json;
      expect(Object.keys(json)[0], file).toBe('$schema');
      expect(json.$schema, file).toBe(TARGETS_SCHEMA_REFERENCE);
      validate(json);
      expect(validate.errors ?? [], file).toEqual([]);
      const parsed = parseTargetFile(json);
      expect(parsed.success ? [] : parsed.problems, file).toEqual([]);
    }
  });

  it('accepts a band open at one end, as the loader does', () => {
    const json = { targets: [target({ band: [null, 0.7] })] };
    expect(validator()(json)).toBe(true);
    expect(parseTargetFile(json).success).toBe(true);
  });

  it.each(Object.keys(INVALID))('agrees with the loader that a file with %s is invalid', (name) => {
    expect(validator()(INVALID[name])).toBe(false);
    expect(parseTargetFile(INVALID[name]).success).toBe(false);
  });
});
