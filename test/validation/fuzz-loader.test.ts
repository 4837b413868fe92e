import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { formatProblems } from '../../src/config/format-problems.js';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile, type LoadResult } from '../../src/config/load-scenario-file.js';
import { parseScenario } from '../../src/config/parse-scenario.js';
import { BASELINE_PATH, baselineJson } from '../support/scenario-fixtures.js';

/**
 * Whatever the file holds (random JSON, a baseline with keys deleted, values of the wrong type or
 * out of range, random bytes, broken syntax, odd `extends`), loading it ends in a scenario or in a
 * list of problems, each with a path and a one-line message; it never throws.
 */

const dir = mkdtempSync(join(tmpdir(), 'llm-sim-fuzz-'));
let files = 0;

function writeTemp(content: string | Uint8Array): string {
  const file = join(dir, `case-${files++}.json`);
  writeFileSync(file, content);
  return file;
}

/** The loader's contract: a result either way, and problems that say where and what. */
function expectClearOutcome(result: LoadResult): void {
  if (result.success) {
    expect(result.scenario.name).toMatch(/^[a-z]/);
    return;
  }
  expect(result.problems.length).toBeGreaterThan(0);
  for (const problem of result.problems) {
    expect(typeof problem.path).toBe('string');
    expect(problem.path.length).toBeGreaterThan(0);
    expect(typeof problem.message).toBe('string');
    expect(problem.message.trim().length).toBeGreaterThan(0);
  }
}

type Json = unknown;
type Path = (string | number)[];

/** Every path into a JSON value, so a mutation can target any of them. */
function pathsOf(value: Json, path: Path = [], out: Path[] = []): Path[] {
  out.push(path);
  if (Array.isArray(value)) value.forEach((item, i) => pathsOf(item, [...path, i], out));
  else if (value !== null && typeof value === 'object') for (const [key, inner] of Object.entries(value)) pathsOf(inner, [...path, key], out);
  return out;
}

type Mutation = { kind: 'delete' } | { kind: 'replace'; value: Json } | { kind: 'number'; value: number };

const oddNumbers = fc.oneof(
  fc.constantFrom(-1, 0, 1, 1.5, -0.0001, 2 ** 53, 1e308, -1e308, 1e-320, 600, 601, 1_000_001, 10_000_000, 100_000),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constant<Mutation>({ kind: 'delete' }),
  fc.jsonValue({ maxDepth: 2 }).map<Mutation>((value) => ({ kind: 'replace', value })),
  fc.string().map<Mutation>((value) => ({ kind: 'replace', value })),
  oddNumbers.map<Mutation>((value) => ({ kind: 'number', value })),
);

function mutate(root: Json, path: Path, change: Mutation): Json {
  if (path.length === 0) return change.kind === 'delete' ? {} : change.value;
  const parent = path.slice(0, -1).reduce<Json>((node, key) => (node as Record<string | number, Json>)[key], root) as Record<string | number, Json>;
  const key = path[path.length - 1]!;
  if (change.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key];
  } else parent[key] = change.value;
  return root;
}

/** A baseline with 1 to 5 random mutations anywhere in its tree. */
const mutatedBaseline = fc.array(fc.tuple(fc.nat(), mutation), { minLength: 1, maxLength: 5 }).map((changes) => {
  let json: Json = baselineJson();
  for (const [pick, change] of changes) {
    const paths = pathsOf(json);
    json = mutate(json, paths[pick % paths.length]!, change);
  }
  return json;
});

describe('loadScenarioFile under fuzzing', () => {
  it('answers any JSON value with a scenario or clear problems', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        expectClearOutcome(loadScenarioFile(writeTemp(JSON.stringify(value))));
      }),
      { numRuns: 150 },
    );
  });

  it('answers a baseline with deleted keys, wrong types, odd numbers and random strings', () => {
    fc.assert(
      fc.property(mutatedBaseline, (json) => {
        const result = loadScenarioFile(writeTemp(JSON.stringify(json)));
        expectClearOutcome(result);
        // The schema and the file loader agree on what is valid.
        expect(parseScenario(json).success).toBe(result.success);
      }),
      { numRuns: 200 },
    );
  });

  it('answers random bytes, with the line and column of broken JSON, never echoing raw bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const result = loadScenarioFile(writeTemp(bytes));
        expectClearOutcome(result);
        if (result.success) return;
        const [problem] = result.problems;
        if (problem!.path === '(json)') expect(problem!.message).toMatch(/line \d+, column \d+|the file is empty/);
        // What the terminal shows holds no control character of the file's.
        // eslint-disable-next-line no-control-regex
        expect(formatProblems(result.file, result.problems)).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
      }),
      { numRuns: 200 },
    );
  });

  it('answers the baseline text with characters cut out or dropped in', () => {
    const text = JSON.stringify(baselineJson(), null, 2);
    const edit = fc.tuple(fc.nat({ max: text.length }), fc.nat({ max: 20 }), fc.string({ maxLength: 5 }));
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), (edits) => {
        let broken = text;
        for (const [at, cut, insert] of edits) broken = broken.slice(0, at) + insert + broken.slice(at + cut);
        expectClearOutcome(loadScenarioFile(writeTemp(broken)));
      }),
      { numRuns: 200 },
    );
  });

  it('answers numbers JSON cannot hold (1e999 is Infinity once parsed)', () => {
    const json = baselineJson();
    json.months = 37;
    json.enterprises.count = 5000;
    const text = JSON.stringify(json).replace('"months":37', '"months":1e999').replace('"count":5000', '"count":-1e999');
    expect(text).toContain('1e999');
    const result = loadScenarioFile(writeTemp(text));
    expectClearOutcome(result);
    expect(result.success).toBe(false);
  });

  it('answers any value of extends: missing files, folders, itself, numbers', () => {
    const self = join(dir, 'self.json');
    writeFileSync(self, JSON.stringify({ extends: 'self.json', name: 'loop' }));
    const parent = fc.oneof(
      fc.constantFrom<Json>('self.json', '.', '..', '', '/', BASELINE_PATH, 'no-such.json', null, 42, ['baseline.json'], { file: 'x' }),
      fc.string({ maxLength: 12 }),
    );
    fc.assert(
      fc.property(parent, fc.jsonValue({ maxDepth: 2 }), (extendsValue, rest) => {
        const json = { ...(rest !== null && typeof rest === 'object' && !Array.isArray(rest) ? rest : {}), extends: extendsValue };
        expectClearOutcome(loadScenarioFile(writeTemp(JSON.stringify(json))));
      }),
      { numRuns: 150 },
    );
    expectClearOutcome(loadScenarioFile(self));
  });
});
