import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadScenarioFile, type LoadResult } from '../../src/config/load-scenario-file.js';
import { BASELINE_PATH, baselineJson, type RawJson } from '../support/scenario-fixtures.js';

let folder: string;

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'llm-market-sim-config-'));
});

afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

function write(name: string, content: RawJson | string): string {
  const path = join(folder, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
}

function problems(result: LoadResult) {
  if (result.success) throw new Error('expected the file to be refused');
  return result.problems;
}

describe('load-scenario-file', () => {
  describe('loadScenarioFile', () => {
    it('loads configs/baseline.json', () => {
      const result = loadScenarioFile(BASELINE_PATH);
      expect(result.success ? result.scenario.name : result.problems).toBe('baseline');
    });

    it('reports a missing file as a problem, not a throw', () => {
      const result = loadScenarioFile(join(folder, 'nowhere.json'));
      expect(problems(result)).toEqual([{ path: '(file)', message: expect.stringContaining('no such file'), file: expect.stringContaining('nowhere.json') }]);
    });

    it('reports a folder given as the file', () => {
      expect(problems(loadScenarioFile(folder))[0]?.message).toContain('is a folder');
    });

    it('reports broken JSON with its line and column', () => {
      const path = write('broken.json', '{\n  "name": "broken",\n  "seed": 1\n  "months": 3\n}\n');
      const [problem] = problems(loadScenarioFile(path));
      expect(problem?.path).toBe('(json)');
      expect(problem?.message).toMatch(/^invalid JSON at line 4, column 3: /);
    });

    it('reads a file that starts with a byte-order mark', () => {
      const path = write('bom.json', `\uFEFF${JSON.stringify(baselineJson())}`);
      expect(loadScenarioFile(path).success).toBe(true);
    });

    it('reports the validation problems of a well-formed file', () => {
      const json = baselineJson();
      json.months = 0;
      const result = loadScenarioFile(write('short.json', json));
      expect(problems(result).map((p) => p.path)).toContain('months');
      expect(result.success ? '' : result.file).toContain('short.json');
    });

    it('applies a child on top of its parent: entities merged by id, listings by pair, other arrays replaced', () => {
      write('parent.json', baselineJson());
      const child = write('child.json', {
        extends: 'parent.json',
        name: 'child',
        vendors: [{ id: 'meta', quality: 1 }],
        marketplace: [{ cloud: 'aws', vendor: 'anthropic', revenueShare: 0.5 }],
      });

      const result = loadScenarioFile(child);
      if (!result.success) throw new Error(JSON.stringify(result.problems));
      const { scenario } = result;

      expect(scenario.name).toBe('child');
      expect(scenario.vendors.map((v) => v.id)).toEqual(['openai', 'anthropic', 'google', 'xai', 'mistral', 'meta', 'deepseek']);
      expect(scenario.vendors.find((v) => v.id === 'meta')?.quality).toBe(1);
      expect(scenario.vendors.find((v) => v.id === 'openai')?.quality).toBe(baselineJson().vendors[0].quality);
      expect(scenario.marketplace).toEqual(
        baselineJson().marketplace.map((l: { cloud: string; vendor: string }) =>
          l.cloud === 'aws' && l.vendor === 'anthropic' ? { ...l, revenueShare: 0.5 } : { revenueShare: 0, ...l },
        ),
      );
      expect(scenario.months).toBe(baselineJson().months);
    });

    it('resolves a parent relative to the child’s folder, not the working folder', () => {
      mkdirSync(join(folder, 'parents'));
      write('parents/base.json', baselineJson());
      const child = write('child.json', { extends: 'parents/base.json', name: 'relative' });
      const result = loadScenarioFile(child);
      expect(result.success && result.scenario.name).toBe('relative');
    });

    it('loads configs/commoditized.json, which extends the baseline', () => {
      const result = loadScenarioFile(BASELINE_PATH.replace('baseline.json', 'commoditized.json'));
      if (!result.success) throw new Error(JSON.stringify(result.problems));
      expect(result.scenario.name).toBe('commoditized');
      expect(result.scenario.clouds.map((c) => c.id)).toEqual(['azure', 'aws', 'gcp', 'oracle']);
    });

    it('reports a missing parent in the child that names it', () => {
      const child = write('orphan.json', { extends: 'missing-parent.json', name: 'orphan' });
      const result = loadScenarioFile(child);
      expect(problems(result)).toEqual([{ path: 'extends', message: expect.stringMatching(/parent scenario .*missing-parent\.json: no such file/), file: expect.stringContaining('orphan.json') }]);
      expect(result.success ? '' : result.file).toContain('orphan.json');
    });

    it('reports an extends cycle instead of following it forever', () => {
      const a = write('a.json', { extends: 'b.json', name: 'a' });
      write('b.json', { extends: 'a.json', name: 'b' });
      const [problem] = problems(loadScenarioFile(a));
      expect(problem?.path).toBe('extends');
      // The chain is named once round, back to where it started.
      const chain = problem!.message.replace(/^extends forms a cycle: /, '').split(' → ');
      expect(chain).toHaveLength(3);
      expect(chain[0]).toMatch(/a\.json$/);
      expect(chain[1]).toMatch(/b\.json$/);
      expect(chain[2]).toMatch(/a\.json$/);
    });

    it('reports a file that extends itself', () => {
      const self = write('self.json', { extends: 'self.json', name: 'self' });
      expect(problems(loadScenarioFile(self))[0]?.message).toMatch(/cycle/);
    });

    it('refuses an extends that is not a path', () => {
      const child = write('odd.json', { extends: 42, name: 'odd' });
      expect(problems(loadScenarioFile(child))).toEqual([{ path: 'extends', message: expect.stringContaining('path of a parent'), file: expect.stringContaining('odd.json') }]);
    });

    it('explains a child entry whose id the parent lacks, and the id probably meant', () => {
      write('parent.json', baselineJson());
      const child = write('typo.json', { extends: 'parent.json', name: 'typo', vendors: [{ id: 'opnai', quality: 2 }] });
      // Its place in the file the user wrote, not vendors[7] of the config merged from the parent.
      const found = problems(loadScenarioFile(child)).find((p) => p.path === 'vendors[0]');
      expect(found?.file).toContain('typo.json');
      expect(found?.message).toContain('"opnai" is not in the parent scenario');
      expect(found?.message).toContain('did you mean "openai"');
    });
  });
});
