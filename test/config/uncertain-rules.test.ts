import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/config/parse-scenario.js';
import type { ConfigProblem } from '../../src/config/config-problem.js';
import { configReference } from '../../src/docs/config-reference.js';
import { baselineJson, scenarioOf, type RawJson } from '../support/scenario-fixtures.js';

function withUncertain(...uncertain: unknown[]): RawJson {
  return { ...baselineJson(), uncertain };
}

function problemsOf(json: RawJson): ConfigProblem[] {
  const result = parseScenario(json);
  if (result.success) throw new Error('expected the scenario to be refused');
  return result.problems;
}

function messageAt(json: RawJson, path: string): string {
  const problems = problemsOf(json);
  const found = problems.find((p) => p.path === path);
  if (!found) throw new Error(`no problem at ${path}; problems: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  return found.message;
}

const SOURCE = 'a test range';
const uniform = (path: string, lo: number, hi: number) => ({ path, distribution: { type: 'uniform', lo, hi }, source: SOURCE });

describe('uncertain parameters in a config (uncertain-schema, uncertain-rules)', () => {
  it('accepts every distribution on numbers of the scenario, policy params among them, and keeps the list as declared', () => {
    const scenario = scenarioOf(
      withUncertain(
        uniform('enterprises.codingShare', 0.2, 0.6),
        { path: 'enterprises.segments.large.switchingCostUsd.median', distribution: { type: 'log-uniform', lo: 50_000, hi: 450_000 }, source: SOURCE },
        { path: 'enterprises.priceElasticity', distribution: { type: 'triangular', lo: 0.4, mode: 0.8, hi: 1.5 }, source: SOURCE },
        { path: 'vendors.openai.policies.pricing.params.markup', distribution: { type: 'normal', mean: 2, sd: 0.4 }, source: SOURCE },
      ),
    );
    expect(scenario.uncertain?.map((u) => u.distribution.type)).toEqual(['uniform', 'log-uniform', 'triangular', 'normal']);
  });

  it('leaves a scenario that declares none without the field, so that it resolves and hashes as before', () => {
    expect('uncertain' in scenarioOf(baselineJson())).toBe(false);
  });

  it('refuses a path that names nothing, saying what is there and suggesting the name meant', () => {
    const message = messageAt(withUncertain(uniform('vendors.opneai.quality', 1, 2)), 'uncertain[0].path');
    expect(message).toContain('no "opneai" at vendors');
    expect(message).toContain('did you mean "openai"');
    expect(message).toContain('an uncertain parameter names a numeric field of the scenario');
  });

  it('does not blame a path into a list whose entry is itself invalid: only that entry’s problem is reported', () => {
    // The invalid vendor is left out of what the rules can check; its id is still in the file, so
    // "no deepseek at vendors" would be a second, wrong answer to one mistake.
    const json = withUncertain(uniform('vendors.deepseek.enterpriseRefusal.share', 0.5, 0.7));
    const vendors = json.vendors as { id: string; quality?: unknown }[];
    vendors.find((v) => v.id === 'deepseek')!.quality = 'x';
    const problems = problemsOf(json);
    expect(problems.map((p) => p.path)).toEqual([`vendors[${vendors.findIndex((v) => v.id === 'deepseek')}].quality`]);
  });

  it('refuses a path to something other than a number, listing what it holds', () => {
    const message = messageAt(withUncertain(uniform('enterprises.segments.large.switchingCostUsd', 1, 2)), 'uncertain[0].path');
    expect(message).toMatch(/^enterprises\.segments\.large\.switchingCostUsd is an object, not a number; it holds median, logSd/);
  });

  it('takes "*" as several parameters moving together, and refuses one that overlaps another or reaches no number', () => {
    const scenario = scenarioOf(withUncertain({ path: 'enterprises.segments.*.switchingCostUsd.median', distribution: { type: 'log-uniform', lo: 1e4, hi: 1e6 }, source: SOURCE }));
    expect(scenario.uncertain?.[0]?.path).toBe('enterprises.segments.*.switchingCostUsd.median');
    const overlapping = withUncertain(uniform('enterprises.segments.*.switchingCostUsd.median', 1e4, 1e5), uniform('enterprises.segments.large.switchingCostUsd.median', 1e4, 1e5));
    expect(messageAt(overlapping, 'uncertain[1].path')).toBe(
      'enterprises.segments.large.switchingCostUsd.median is declared already at uncertain[0] (as enterprises.segments.*.switchingCostUsd.median): declare each parameter once',
    );
    expect(messageAt(withUncertain(uniform('enterprises.segments.*.switchingCostUsd.medain', 1e4, 1e5)), 'uncertain[0].path')).toContain('"*" reaches no number');
    // Its range is checked against the field's, as one number's: a median is at least 0.
    expect(problemsOf(withUncertain(uniform('enterprises.segments.*.switchingCostUsd.median', -5, 1e5))).map((p) => p.path)).toContain('uncertain[0].distribution.lo');
  });

  it('refuses the seed and the run’s length, and a parameter declared twice under two spellings', () => {
    expect(messageAt(withUncertain(uniform('seed', 1, 9)), 'uncertain[0].path')).toContain('the seed is not a parameter');
    expect(messageAt(withUncertain(uniform('months', 12, 24)), 'uncertain[0].path')).toContain('the run’s length is not uncertain');
    const twice = withUncertain(uniform('vendors.openai.quality', 1, 2), uniform('vendors[0].quality', 1, 2));
    expect(messageAt(twice, 'uncertain[1].path')).toBe('vendors[0].quality is declared already at uncertain[0] (as vendors.openai.quality): declare each parameter once');
  });

  it('refuses a range outside the field’s valid range, naming the number, the bound and the range it must stay within', () => {
    const json = withUncertain(
      uniform('enterprises.codingShare', 0.5, 1.2),
      uniform('vendors.openai.priceUsdPerMTok', 0, 20),
      { path: 'clouds.aws.buildLeadMonths', distribution: { type: 'triangular', lo: -2, mode: 12, hi: 24 }, source: SOURCE },
      { path: 'enterprises.priceElasticity', distribution: { type: 'normal', mean: 6, sd: 1 }, source: SOURCE },
      uniform('vendors.openai.policies.pricing.params.markup', -1, 2),
    );
    expect(messageAt(json, 'uncertain[0].distribution.hi')).toBe('1.2 is above the valid range of enterprises.codingShare (0..1); keep the distribution within it');
    expect(messageAt(json, 'uncertain[1].distribution.lo')).toBe('0 is below the valid range of vendors.openai.priceUsdPerMTok (above 0 and at most 1e15); keep the distribution within it');
    expect(messageAt(json, 'uncertain[2].distribution.lo')).toBe('-2 is below the valid range of clouds.aws.buildLeadMonths (0..120, whole numbers); keep the distribution within it');
    expect(messageAt(json, 'uncertain[3].distribution.mean')).toBe('6 is above the valid range of enterprises.priceElasticity (0..5); keep the distribution within it');
    expect(messageAt(json, 'uncertain[4].distribution.lo')).toMatch(/^-1 is below the valid range of vendors\.openai\.policies\.pricing\.params\.markup \(at least 0/);
  });

  it('refuses lo at or above hi, and a mode outside them', () => {
    expect(messageAt(withUncertain(uniform('enterprises.codingShare', 0.3, 0.3)), 'uncertain[0].distribution.hi')).toMatch(/^hi \(0\.3\) must be above lo \(0\.3\): a range of one value is not uncertain/);
    expect(messageAt(withUncertain(uniform('enterprises.codingShare', 0.6, 0.2)), 'uncertain[0].distribution.hi')).toMatch(/^hi \(0\.2\) must be above lo \(0\.6\)/);
    const mode = withUncertain({ path: 'enterprises.codingShare', distribution: { type: 'triangular', lo: 0.1, mode: 0.7, hi: 0.5 }, source: SOURCE });
    expect(messageAt(mode, 'uncertain[0].distribution.mode')).toMatch(/^mode \(0\.7\) must lie from lo to hi \(0\.1\.\.0\.5\)/);
  });

  it('refuses a log-uniform range from 0 or below, a normal without spread and an unknown distribution', () => {
    const json = withUncertain(
      { path: 'enterprises.codingShare', distribution: { type: 'log-uniform', lo: 0, hi: 0.5 }, source: SOURCE },
      { path: 'enterprises.priceElasticity', distribution: { type: 'normal', mean: 1, sd: 0 }, source: SOURCE },
      { path: 'enterprises.brandPremium', distribution: { type: 'gaussian', mean: 1, sd: 1 }, source: SOURCE },
    );
    expect(messageAt(json, 'uncertain[0].distribution.lo')).toMatch(/^above 0: a log-uniform range spans orders of magnitude, so lo > 0/);
    expect(messageAt(json, 'uncertain[1].distribution.sd')).toMatch(/^above 0: a standard deviation of 0 is no uncertainty/);
    expect(messageAt(json, 'uncertain[2].distribution.type')).toMatch(/^a distribution's type is one of uniform, log-uniform, triangular, normal, e\.g\. /);
  });

  it('requires a source for every range, and one that says something', () => {
    const json = withUncertain({ path: 'enterprises.codingShare', distribution: { type: 'uniform', lo: 0.2, hi: 0.6 } }, { ...uniform('enterprises.brandPremium', 0, 0.4), source: '  ' });
    expect(messageAt(json, 'uncertain[0].source')).toBe(
      'missing: where the range comes from: a source, as reported (the spread of the figure), or the command that fitted it',
    );
    expect(messageAt(json, 'uncertain[1].source')).toMatch(/^where the range comes from: .*; it cannot be empty/);
  });

  it('reports every problem of the list at once: an entry its schema refuses does not hide another’s bad path', () => {
    const problems = problemsOf(withUncertain({ path: 'enterprises.codingShare', distribution: { type: 'uniform', lo: 0.2, hi: 0.6 } }, uniform('enterprises.nothing', 1, 2)));
    expect(problems.map((p) => p.path)).toEqual(['uncertain[0].source', 'uncertain[1].path']);
  });

  it('documents an example in docs/config.md that is valid on the baseline', () => {
    const block = /## Uncertain parameters[\s\S]*?```json\n([\s\S]*?)\n```/.exec(configReference())![1]!;
    const { uncertain } = JSON.parse(`{${block}}`) as { uncertain: unknown[] };
    expect(scenarioOf(withUncertain(...uncertain)).uncertain).toHaveLength(3);
  });
});
