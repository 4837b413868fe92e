import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema, scenarioJsonSchemaText, SCHEMA_FILE, SCHEMA_REFERENCE, type JsonSchema } from '../../src/config/json-schema.js';
import { MAX_ENTERPRISES, MAX_MONTHS } from '../../src/config/limits.js';
import { parseScenario } from '../../src/config/parse-scenario.js';
import { POLICIES } from '../../src/policies/registry.js';
import { PROJECT_ROOT } from '../support/run-cli.js';
import { baselineJson } from '../support/scenario-fixtures.js';

const CONFIGS = join(PROJECT_ROOT, 'configs');
const scenarioFiles = readdirSync(CONFIGS).filter((f) => f.endsWith('.json') && !f.endsWith('schema.json'));
const committed = JSON.parse(readFileSync(join(PROJECT_ROOT, SCHEMA_FILE), 'utf8')) as JsonSchema;

function validator() {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  return ajv.compile(committed);
}

type Json = Record<string, any>;

/** Invalid in ways JSON Schema can express, each a change to a copy of the baseline. */
const INVALID: Record<string, (json: Json) => void> = {
  'negative months': (j) => (j.months = -3),
  'fractional months': (j) => (j.months = 1.5),
  'months above the limit': (j) => (j.months = MAX_MONTHS + 1),
  'enterprises above the limit': (j) => (j.enterprises.count = MAX_ENTERPRISES * 10),
  'an unknown top-level field': (j) => (j.colds = []),
  'a share above 1': (j) => (j.enterprises.adoptedAtStart = 1.5),
  'a negative capacity': (j) => (j.clouds[0].gpuCapacityMTok = -1),
  'a negative price': (j) => (j.vendors[0].priceUsdPerMTok = -2),
  'an id with capitals': (j) => (j.clouds[0].id = 'Azure'),
  'a month that does not exist': (j) => (j.start = '2024-13'),
  'a string for a number': (j) => (j.enterprises.count = '5000'),
  'a missing required field': (j) => delete j.compute,
  'weights neither open nor closed': (j) => (j.vendors[0].weights = 'half'),
  'an unknown policy type': (j) => (j.vendors[0].policies.pricing = { type: 'guesswork' }),
  'an unknown policy param': (j) => (j.vendors[0].policies.pricing.params.markp = 2),
  'a policy param out of range': (j) => (j.clouds[0].policies.offer.params.maxShareOfFree = 2),
  'params of another policy type': (j) => (j.vendors[0].policies.pricing = { type: 'fixed-price', params: { markup: 2 } }),
};

describe('configs/schema.json', () => {
  it('is what `npm run docs` generates from the runtime schema (run it after changing the schema)', () => {
    expect(readFileSync(join(PROJECT_ROOT, SCHEMA_FILE), 'utf8')).toBe(scenarioJsonSchemaText());
  });

  it('is named as "$schema", first key, by every config in configs/', () => {
    expect(scenarioFiles.length).toBeGreaterThanOrEqual(2);
    for (const file of scenarioFiles) {
      const json = JSON.parse(readFileSync(join(CONFIGS, file), 'utf8')) as Json;
      expect(Object.keys(json)[0], file).toBe('$schema');
      expect(json.$schema, file).toBe(SCHEMA_REFERENCE);
    }
  });

  it('accepts every config in configs/, complete or extending another, by a real JSON Schema validator', () => {
    const validate = validator();
    for (const file of scenarioFiles) {
      const ok = validate(JSON.parse(readFileSync(join(CONFIGS, file), 'utf8')));
      expect(validate.errors ?? [], file).toEqual([]);
      expect(ok).toBe(true);
    }
  });

  it.each(Object.keys(INVALID))('agrees with the runtime schema that a config with %s is invalid', (name) => {
    const json = baselineJson() as Json;
    INVALID[name]!(json);
    expect(parseScenario(json).success).toBe(false);
    expect(validator()(json)).toBe(false);
  });

  it('underlines a mistake in a config that extends another, without asking for what it inherits', () => {
    const validate = validator();
    expect(validate({ extends: 'baseline.json', name: 'x', months: 12 })).toBe(true);
    expect(validate({ extends: 'baseline.json', vendors: [{ id: 'openai', policies: { pricing: { type: 'fixed-price' } } }] })).toBe(true);
    expect(validate({ extends: 'baseline.json', months: -1 })).toBe(false);
    expect(validate({ extends: 'baseline.json', enterprises: { segments: [{ id: 'large', share: 2 }] } })).toBe(false);
    expect(validate({ extends: 'baseline.json', vendors: [{ id: 'openai', policies: { pricing: { params: { markp: 1 } } } }] })).toBe(false);
    expect(validate({ name: 'x', months: 12 })).toBe(false);
  });

  it('offers each policy slot as a choice of its types, each with its own params, so editors complete them', () => {
    const defs = scenarioJsonSchema().$defs ?? {};
    const vendorItems = defs.scenario?.properties?.vendors?.items?.oneOf ?? [];
    const closed = vendorItems.find((v) => v.properties?.weights?.const === 'closed');
    expect(closed?.properties?.policies?.properties?.pricing?.$ref).toBe('#/$defs/vendor-pricing-policy');
    for (const [role, policies] of Object.entries(POLICIES)) {
      const variants = defs[`${role}-policy`]?.oneOf;
      if (!variants) continue;
      expect(variants.map((v) => v.properties?.type?.const)).toEqual(policies.map((p) => p.type));
    }
    const costPlus = defs['vendor-pricing-policy']?.oneOf?.find((v) => v.title === 'cost-plus-competitive');
    expect(costPlus?.properties?.params?.properties?.markup).toMatchObject({ type: 'number', minimum: 0, default: 2 });
    expect(costPlus?.properties?.params?.additionalProperties).toBe(false);
  });
});

/** Every field of the scenario, with its path, through objects, arrays and union variants. */
function fields(node: JsonSchema | undefined, path: string, out: [string, JsonSchema][] = []): [string, JsonSchema][] {
  for (const [key, field] of Object.entries(node?.properties ?? {})) {
    out.push([`${path}${key}`, field]);
    fields(field, `${path}${key}.`, out);
    if (field.items) fields(field.items, `${path}${key}[].`, out);
    for (const variant of field.items?.oneOf ?? field.oneOf ?? []) fields(variant, `${path}${key}[].`, out);
  }
  return out;
}

/** Units a description may name; a dimensionless number says what it counts or measures. */
const UNIT = /USD|MTok|months?|0\.\.1|share|per year|index|exponent|multiplier|weight|log-sd|logarithm|count|enterprises|subscribers|seed|ratio|elasticity|\bln\b|relative|−1\.\.|%/i;

describe('the JSON Schema documents every field', () => {
  const all = fields(scenarioJsonSchema().$defs?.scenario, '');

  it('has a description for every field of the scenario', () => {
    const bare = all.filter(([, field]) => !field.description?.trim()).map(([path]) => path);
    expect(bare).toEqual([]);
  });

  it('names a unit for every number of the scenario (USD, MTok, months, 0..1, ...)', () => {
    const numbers = all.filter(([, field]) => field.type === 'number' || field.type === 'integer');
    expect(numbers.length).toBeGreaterThan(40);
    const unitless = numbers.filter(([, field]) => !UNIT.test(field.description ?? '')).map(([path, field]) => `${path}: ${field.description}`);
    expect(unitless).toEqual([]);
  });
});
