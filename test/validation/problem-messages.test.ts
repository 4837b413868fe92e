import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/config/load-scenario-file.js';
import { parseScenario } from '../../src/config/parse-scenario.js';
import type { ConfigProblem } from '../../src/config/references.js';
import { closestName } from '../../src/config/suggest.js';
import { baselineJson } from '../support/scenario-fixtures.js';

type Json = Record<string, any>;

function problemsOf(change: (json: Json) => void): ConfigProblem[] {
  const json = baselineJson() as Json;
  change(json);
  const result = parseScenario(json);
  if (result.success) throw new Error('expected the scenario to be invalid');
  return result.problems;
}

function messageAt(problems: readonly ConfigProblem[], path: string): string {
  const problem = problems.find((p) => p.path === path);
  if (!problem) throw new Error(`no problem at ${path}; got ${problems.map((p) => p.path).join(', ')}`);
  return problem.message;
}

function writeTemp(name: string, content: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'llm-sim-msg-')), name);
  writeFileSync(file, content);
  return file;
}

describe('parseScenario problems', () => {
  it('reports every violation at once, each at its JSON path with what was expected and what was found', () => {
    const problems = problemsOf((j) => {
      j.months = 0;
      j.clouds[1].asicMaturity = 1.5;
      j.vendors[1].priceUsdPerMTok = -2;
      j.enterprises.segments[1].demandMTokPerMonth.median = 'lots';
      j.marketplace[0].cloud = 'ibm';
    });
    expect(problems.map((p) => p.path)).toEqual(
      expect.arrayContaining(['months', 'clouds[1].asicMaturity', 'vendors[1].priceUsdPerMTok', 'enterprises.segments[1].demandMTokPerMonth.median', 'marketplace[0].cloud']),
    );
    expect(messageAt(problems, 'clouds[1].asicMaturity')).toBe('at most 1; found 1.5');
    expect(messageAt(problems, 'vendors[1].priceUsdPerMTok')).toBe('above 0; found -2');
    expect(messageAt(problems, 'enterprises.segments[1].demandMTokPerMonth.median')).toMatch(/expected a number; found "lots"/);
  });

  it('says a required field is missing rather than "received undefined"', () => {
    expect(messageAt(problemsOf((j) => delete j.start), 'start')).toBe('missing: expected a string in double quotes');
  });

  it('names an unknown field, the field probably meant, and the valid ones', () => {
    const message = messageAt(problemsOf((j) => (j.enterprises.segments[0].sharee = 0.2)), 'enterprises.segments[0]');
    expect(message).toContain('unknown field "sharee" (did you mean "share"?)');
    expect(message).toContain('valid fields: id, share, demandMTokPerMonth');
  });

  it('reads the valid fields of a union from the variant the input names (closed or open weights)', () => {
    const problems = problemsOf((j) => {
      j.vendors[0].consumerAp = {};
      j.vendors.find((v: Json) => v.weights === 'open').priceUsdPerMTok = 1;
    });
    expect(messageAt(problems, 'vendors[0]')).toContain('did you mean "consumerApp"?');
    const open = problems.find((p) => p.message.includes('"priceUsdPerMTok"'))!;
    // An open-weights model has no list price: the fields offered are the open variant's.
    expect(open.message.split('valid fields: ')[1]).toMatch(/^id, name, weights, quality/);
    expect(open.message.split('valid fields: ')[1]).not.toContain('priceUsdPerMTok');
  });

  it('lists the valid policy types, and the valid params of the chosen type', () => {
    const problems = problemsOf((j) => {
      j.vendors[0].policies.pricing.type = 'cost-plus-competitve';
      j.vendors[1].policies.pricing.params.markp = 2;
    });
    expect(messageAt(problems, 'vendors[0].policies.pricing.type')).toMatch(
      /unknown vendor-pricing policy "cost-plus-competitve" \(did you mean "cost-plus-competitive"\?\); valid types: cost-plus-competitive, fixed-price/,
    );
    expect(messageAt(problems, 'vendors[1].policies.pricing.params')).toMatch(/unknown param "markp" \(did you mean "markup"\?\); valid params: markup, /);
  });

  it('names unknown clouds and vendors wherever they are referenced, with the known ones', () => {
    const problems = problemsOf((j) => {
      j.vendors[0].computeClouds = ['azrue'];
      j.marketplace[0].vendor = 'openia';
    });
    expect(messageAt(problems, 'vendors[0].computeClouds[0]')).toBe('unknown cloud "azrue"; known clouds: azure, aws, gcp, oracle');
    expect(messageAt(problems, 'marketplace[0].vendor')).toMatch(/^unknown vendor "openia"; known vendors: openai, anthropic/);
  });

  it('refuses 10 million enterprises or 100,000 months up front, with the limit and the reason', () => {
    const problems = problemsOf((j) => {
      j.enterprises.count = 10_000_000;
      j.months = 100_000;
    });
    const count = messageAt(problems, 'enterprises.count');
    expect(count).toMatch(/^10000000 exceeds the limit of 1,000,000 simulated enterprises: each needs ~\d+ bytes/);
    expect(count).toContain('represents');
    expect(messageAt(problems, 'months')).toMatch(/^100000 exceeds the limit of 600 months/);
  });
});

describe('loadScenarioFile problems', () => {
  it('a missing file: names it', () => {
    const result = loadScenarioFile('/nowhere/at/all.json');
    expect(result.success).toBe(false);
    if (!result.success) expect(result.problems).toEqual([{ path: '(file)', message: '/nowhere/at/all.json: no such file', file: '/nowhere/at/all.json' }]);
  });

  it('invalid JSON: the line and column of the mistake', () => {
    const result = loadScenarioFile(writeTemp('broken.json', '{\n  "name": "x",\n  "months": 12,,\n}\n'));
    expect(result.success).toBe(false);
    if (!result.success) expect(result.problems[0]!.message).toMatch(/^invalid JSON at line 3, column 16: /);
  });

  it('reads a file that starts with a byte-order mark, as Windows editors write them', () => {
    const result = loadScenarioFile(writeTemp('bom.json', `\uFEFF${JSON.stringify(baselineJson())}`));
    expect(result.success).toBe(true);
  });

  it('refuses a file far bigger than any scenario without reading it', () => {
    const result = loadScenarioFile(writeTemp('huge.json', ' '.repeat(11 * 2 ** 20)));
    expect(result.success).toBe(false);
    if (!result.success) expect(result.problems[0]!.message).toMatch(/above the limit of 10 MB/);
  });
});

describe('closestName', () => {
  it('suggests a near miss and nothing for a name unlike any valid one', () => {
    expect(closestName('colds', ['clouds', 'vendors'])).toBe('clouds');
    expect(closestName('Vendors', ['clouds', 'vendors'])).toBe('vendors');
    expect(closestName('zzz', ['clouds', 'vendors'])).toBeUndefined();
  });
});
