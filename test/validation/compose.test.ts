import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeScenario, emptyComposition } from '../../src/config/compose.js';
import { loadScenarioFile, type LoadResult } from '../../src/config/load-scenario-file.js';
import type { Scenario } from '../../src/config/parse-scenario.js';
import { PROJECT_ROOT } from '../support/run-cli.js';
import { BASELINE_PATH } from '../support/scenario-fixtures.js';

/** A folder of scenario files, written from JSON values by name. */
function folder(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'llm-sim-compose-'));
  for (const [name, json] of Object.entries(files)) writeFileSync(join(dir, name), JSON.stringify(json));
  return dir;
}

function scenario(result: LoadResult): Scenario {
  if (!result.success) throw new Error(result.problems.map((p) => `${p.path}: ${p.message}`).join('; '));
  return result.scenario;
}

function problems(result: LoadResult) {
  if (result.success) throw new Error('expected problems');
  return result.problems;
}

describe('extends', () => {
  it('makes commoditized the baseline plus exactly its own changes', () => {
    const baseline = scenario(loadScenarioFile(BASELINE_PATH));
    const commoditized = scenario(loadScenarioFile(join(PROJECT_ROOT, 'configs/commoditized.json')));
    const changes = JSON.parse(readFileSync(join(PROJECT_ROOT, 'configs/commoditized.json'), 'utf8')) as Record<string, unknown>;
    // What commoditized does not mention is the baseline's, untouched.
    for (const key of Object.keys(baseline) as (keyof Scenario)[]) {
      if (!(key in changes)) expect(commoditized[key], key).toEqual(baseline[key]);
    }
    expect(commoditized.name).toBe('commoditized');
    // Vendors merge by id: the list keeps the baseline's vendors in order, each with its own fields.
    expect(commoditized.vendors.map((v) => v.id)).toEqual(baseline.vendors.map((v) => v.id));
    const [before, after] = [baseline.vendors[0]!, commoditized.vendors[0]!];
    expect({ ...after, policies: undefined }).toEqual({ ...before, policies: undefined });
  });

  it('replaces a policy whole when the child names another type, rather than keeping the old params', () => {
    const dir = folder({ 'frozen.json': { extends: BASELINE_PATH, name: 'frozen', vendors: [{ id: 'openai', policies: { pricing: { type: 'fixed-price' } } }] } });
    const frozen = scenario(loadScenarioFile(join(dir, 'frozen.json')));
    expect(frozen.vendors[0]!.policies).toMatchObject({ pricing: { type: 'fixed-price', params: {} } });
  });

  it('merges params into the parent’s when the type stays the same', () => {
    const dir = folder({ 'child.json': { extends: BASELINE_PATH, name: 'child', vendors: [{ id: 'openai', policies: { pricing: { params: { markup: 0.5 } } } }] } });
    const parent = scenario(loadScenarioFile(BASELINE_PATH)).vendors[0]!.policies as { pricing: { params: Record<string, unknown> } };
    const child = scenario(loadScenarioFile(join(dir, 'child.json'))).vendors[0]!.policies as { pricing: { params: Record<string, unknown> } };
    expect(child.pricing.params).toEqual({ ...parent.pricing.params, markup: 0.5 });
  });

  it('follows a chain of parents, each relative to the file that names it', () => {
    const dir = folder({
      'a.json': { extends: BASELINE_PATH, name: 'a', months: 12 },
      'b.json': { extends: 'a.json', name: 'b', seed: 9 },
    });
    expect(scenario(loadScenarioFile(join(dir, 'b.json')))).toMatchObject({ name: 'b', months: 12, seed: 9 });
  });

  it('reports a cycle with the chain of files that forms it', () => {
    const dir = folder({ 'a.json': { extends: 'b.json', name: 'a' }, 'b.json': { extends: 'a.json', name: 'b' } });
    const [problem] = problems(loadScenarioFile(join(dir, 'a.json')));
    expect(problem!.path).toBe('extends');
    expect(problem!.message).toMatch(/^extends forms a cycle: .*a\.json → .*b\.json → .*a\.json$/);
  });

  it('reports a missing parent in the file that names it', () => {
    const dir = folder({ 'child.json': { extends: 'basline.json', name: 'child' } });
    const result = loadScenarioFile(join(dir, 'child.json'));
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.file).toContain('child.json');
    expect(result.problems).toEqual([{ path: 'extends', message: expect.stringMatching(/^parent scenario .*basline\.json: no such file$/), file: expect.stringContaining('child.json') }]);
  });

  it('explains a mistyped id in a child: it became a new, incomplete entry, and which id was meant', () => {
    const dir = folder({ 'typo.json': { extends: BASELINE_PATH, name: 'typo', vendors: [{ id: 'opnai', quality: 2 }] } });
    const found = problems(loadScenarioFile(join(dir, 'typo.json')));
    const hint = found.find((p) => p.message.includes('is not in the parent scenario'));
    expect(hint?.message).toMatch(/^"opnai" is not in the parent scenario \(openai, .*\), so it was added as a new entry and must be complete; did you mean "openai"\?$/);
  });
});

describe('mergeScenario', () => {
  it('merges id lists entry by entry, appends new ids and reports them, and replaces other arrays', () => {
    const composition = emptyComposition();
    const merged = mergeScenario(
      { list: [{ id: 'a', x: 1, y: 1 }, { id: 'b', x: 2 }], plain: [1, 2, 3], extends: 'p.json' },
      { list: [{ id: 'b', x: 20 }, { id: 'c', x: 3 }], plain: [9], extends: 'q.json' },
      composition,
    );
    expect(merged).toEqual({ list: [{ id: 'a', x: 1, y: 1 }, { id: 'b', x: 20 }, { id: 'c', x: 3 }], plain: [9] });
    expect(composition.appended).toEqual([{ path: 'list[2]', id: 'c', parentIds: ['a', 'b'] }]);
  });
});
