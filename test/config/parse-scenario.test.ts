import { describe, expect, it } from 'vitest';
import { formatPath, parseScenario } from '../../src/config/parse-scenario.js';
import type { ConfigProblem } from '../../src/config/references.js';
import { baselineJson, scenarioOf, type RawJson } from '../support/scenario-fixtures.js';

function problemsOf(json: RawJson): ConfigProblem[] {
  const result = parseScenario(json);
  if (result.success) throw new Error('expected the scenario to be refused');
  return result.problems;
}

function problemAt(problems: readonly ConfigProblem[], path: string): ConfigProblem {
  const found = problems.find((p) => p.path === path);
  if (!found) throw new Error(`no problem at ${path}; problems: ${problems.map((p) => p.path).join(', ')}`);
  return found;
}

const vendorIndex = (json: RawJson, id: string): number => json.vendors.findIndex((v: { id: string }) => v.id === id);

describe('parseScenario', () => {
  it('accepts configs/baseline.json', () => {
    const result = parseScenario(baselineJson());
    expect(result.success ? [] : result.problems).toEqual([]);
  });

  it('fills the policy params a config leaves out with their defaults', () => {
    const json = baselineJson();
    const openai = vendorIndex(json, 'openai');
    json.vendors[openai].policies.pricing = { type: 'cost-plus-competitive', params: { markup: 1.5 } };
    const vendor = scenarioOf(json).vendors[openai]!;
    expect(vendor.weights === 'closed' && vendor.policies.pricing.params).toMatchObject({ markup: 1.5, floorMarkup: 0.2, maxMonthlyChange: 0.15 });
  });

  it('takes a policy’s source as a note that changes nothing, and still refuses a key a policy does not have', () => {
    const json = baselineJson();
    const plain = scenarioOf(baselineJson()).enterprises.policies.switching;
    json.enterprises.policies.switching.source = 'fitted by npm run calibrate';
    expect(scenarioOf(json).enterprises.policies.switching).toEqual(plain);
    json.enterprises.policies.switching.sources = 'a typo';
    expect(problemsOf(json).map((p) => p.path)).toContain('enterprises.policies.switching');
  });

  it('keeps seed 0 as given rather than falling back to the default seed', () => {
    const json = baselineJson();
    json.seed = 0;
    expect(scenarioOf(json).seed).toBe(0);
    delete json.seed;
    expect(scenarioOf(json).seed).toBe(1);
  });

  it('reports an unknown policy type at its path, listing the valid types', () => {
    const json = baselineJson();
    json.vendors[0].policies.pricing.type = 'surge-pricing';
    const problem = problemAt(problemsOf(json), 'vendors[0].policies.pricing.type');
    expect(problem.message).toContain('surge-pricing');
    expect(problem.message).toContain('cost-plus-competitive');
    expect(problem.message).toContain('fixed-price');
  });

  it('suggests the policy type that was probably meant', () => {
    const json = baselineJson();
    json.vendors[0].policies.pricing.type = 'fixed-prise';
    expect(problemAt(problemsOf(json), 'vendors[0].policies.pricing.type').message).toContain('did you mean "fixed-price"');
  });

  it('reports a bad param at its full path', () => {
    const json = baselineJson();
    json.vendors[1].policies.pricing.params.markup = -1;
    expect(problemAt(problemsOf(json), 'vendors[1].policies.pricing.params.markup').message).toBe('at least 0; found -1');
  });

  it('reports a param the policy does not take, with the params it does take', () => {
    const json = baselineJson();
    json.clouds[0].policies.offer.params.markUp = 0.3;
    const problem = problemAt(problemsOf(json), 'clouds[0].policies.offer.params');
    expect(problem.message).toContain('"markUp"');
    expect(problem.message).toContain('did you mean "markup"');
    expect(problem.message).toContain('maxShareOfFree');
  });

  it('reports an unknown field with the field probably meant', () => {
    const json = baselineJson();
    json.colds = json.clouds;
    expect(problemAt(problemsOf(json), '(top level)').message).toContain('did you mean "clouds"');
  });

  it('says a required field is missing rather than of the wrong type', () => {
    const json = baselineJson();
    delete json.clouds[1].enterpriseShare;
    expect(problemAt(problemsOf(json), 'clouds[1].enterpriseShare').message).toMatch(/missing/);
  });

  it('reports every problem at once, schema and references together', () => {
    const json = baselineJson();
    json.vendors[0].policies.pricing.type = 'surge-pricing';
    json.vendors[1].policies.pricing.params.markup = -1;
    json.clouds[0].gpuCapacityMTok = -5;
    json.vendors[0].computeClouds = ['ibm'];
    json.enterprises.segments[0].share = 0.3;

    const paths = problemsOf(json).map((p) => p.path);

    expect(paths).toEqual(
      expect.arrayContaining([
        'vendors[0].policies.pricing.type',
        'vendors[1].policies.pricing.params.markup',
        'clouds[0].gpuCapacityMTok',
        'vendors[0].computeClouds[0]',
        'enterprises.segments',
      ]),
    );
  });

  it('refuses a start that is not a month', () => {
    const json = baselineJson();
    json.start = '2023-13';
    expect(problemAt(problemsOf(json), 'start').message).toMatch(/YYYY-MM/);
  });

  it('writes paths as a reader would: dots for fields, brackets for indexes', () => {
    expect(formatPath(['vendors', 2, 'policies', 'pricing', 'params', 'markup'])).toBe('vendors[2].policies.pricing.params.markup');
    expect(formatPath([])).toBe('(top level)');
  });
});
