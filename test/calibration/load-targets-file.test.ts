import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTargetsFile, parseTargetFile } from '../../src/calibration/load-targets-file.js';

type Json = Record<string, any>;

/** A valid target: OpenAI's enterprise share at the end of 2024. */
function target(change: Json = {}): Json {
  const json: Json = {
    id: 'openai-share-2024-12',
    metric: 'vendor.enterprise_share',
    entity: 'openai',
    month: '2024-12',
    band: [0.28, 0.4],
    source: 'Menlo Ventures 2024: 34 %',
    ...change,
  };
  for (const key of Object.keys(json)) if (json[key] === undefined) delete json[key];
  return json;
}

function fileWith(...targets: Json[]): Json {
  return { targets };
}

/** The problems of a file, as "path: message" lines. */
function problemsOf(json: unknown): string[] {
  const parsed = parseTargetFile(json);
  return parsed.success ? [] : parsed.problems.map((p) => `${p.path}: ${p.message}`);
}

describe('parseTargetFile', () => {
  it('accepts a target at one month, filling aggregate last and an empty free list', () => {
    const parsed = parseTargetFile(fileWith(target()));
    expect(parsed.success).toBe(true);
    if (!parsed.success) return;
    expect(parsed.file.targets[0]!.aggregate).toBe('last');
    expect(parsed.file.free).toEqual([]);
  });

  it('reads null as an open end of a band, and refuses a band open at both ends', () => {
    const parsed = parseTargetFile(fileWith(target({ band: [null, 0.7] })));
    expect(parsed.success && parsed.file.targets[0]!.band).toEqual([Number.NEGATIVE_INFINITY, 0.7]);
    expect(problemsOf(fileWith(target({ band: [null, null] })))).toEqual(['targets[0].band: a band open at both ends holds every figure: give at least one end']);
  });

  it('refuses a band that runs backwards, naming the target', () => {
    expect(problemsOf(fileWith(target(), target({ id: 'b', band: [0.4, 0.28] })))).toEqual(['targets[1].band: the band runs from low to high: [0.4, 0.28] is backwards']);
  });

  it('takes the reported figure inside its band, and refuses one outside it (a share written in percent)', () => {
    expect(problemsOf(fileWith(target({ value: 0.34 })))).toEqual([]);
    expect(problemsOf(fileWith(target({ band: [null, 0.7], value: 0.5 })))).toEqual([]);
    expect(problemsOf(fileWith(target({ value: 34 })))).toEqual([
      'targets[0].value: the reported figure 34 lies outside the band [0.28, 0.4]: the band is the range around what the source reported, so it holds the figure (is the value in the metric’s unit, a share as 0.32 rather than 32?)',
    ]);
    expect(problemsOf(fileWith(target({ band: [null, 0.7], value: 0.75 })))).toEqual([expect.stringMatching(/^targets\[0\]\.value: the reported figure 0\.75 lies outside the band \[null, 0\.7\]/)]);
  });

  it('needs a month or a whole window, not both, and a window that runs forwards', () => {
    expect(problemsOf(fileWith(target({ month: undefined })))).toEqual(['targets[0]: a target needs a `month`, or a window `from` … `to`']);
    expect(problemsOf(fileWith(target({ from: '2024-01', to: '2024-12' })))).toEqual(['targets[0].month: give either `month` or `from` and `to`, not both']);
    expect(problemsOf(fileWith(target({ month: undefined, from: '2024-01' })))).toEqual(['targets[0].to: a window needs both `from` and `to`']);
    expect(problemsOf(fileWith(target({ month: undefined, from: '2024-12', to: '2024-01' })))).toEqual(['targets[0].to: the window runs forwards: 2024-12 to 2024-01 is backwards']);
  });

  it('takes growth over two different months only, and a window aggregate not at one month', () => {
    expect(problemsOf(fileWith(target({ month: undefined, from: '2024-12', to: '2024-12', aggregate: 'growth' })))).toEqual([
      'targets[0].aggregate: growth compares two months: give `from` and a later `to`',
    ]);
    expect(problemsOf(fileWith(target({ aggregate: 'mean' })))).toEqual(['targets[0].aggregate: `mean` aggregates a window: give `from` and `to` rather than `month`']);
    expect(problemsOf(fileWith(target({ month: undefined, from: '2024-12', to: '2025-06', aggregate: 'growth' })))).toEqual([]);
  });

  it('divides by `per` only with sum or mean', () => {
    const window = { month: undefined, from: '2024-01', to: '2024-12' };
    expect(problemsOf(fileWith(target({ ...window, aggregate: 'sum', per: 'vendor.revenue_usd' })))).toEqual([]);
    expect(problemsOf(fileWith(target({ ...window, aggregate: 'max', per: 'vendor.revenue_usd' })))).toEqual([
      'targets[0].per: `per` divides one sum (or mean) by another: use it with aggregate sum or mean',
    ]);
  });

  it('takes `*` for every entity with max or min only', () => {
    const window = { month: undefined, from: '2024-01', to: '2024-12' };
    expect(problemsOf(fileWith(target({ ...window, entity: '*', aggregate: 'max' })))).toEqual([]);
    expect(problemsOf(fileWith(target({ ...window, entity: '*', aggregate: 'mean' })))).toEqual([
      'targets[0].entity: `*` (every entity) goes with aggregate max or min: the largest or smallest over them all',
    ]);
  });

  it('names an unknown metric with the closest known one, and lets a not-modelled figure name any', () => {
    expect(problemsOf(fileWith(target({ metric: 'vendor.enterprise_shares' })))).toEqual([
      'targets[0].metric: no metric is called "vendor.enterprise_shares"; did you mean "vendor.enterprise_share"? (README, Metrics, lists them); a figure the model does not produce yet carries "notModelled" with the reason',
    ]);
    expect(problemsOf(fileWith(target({ metric: 'vendor.weekly_users', notModelled: 'the model records paying subscribers, not weekly users' })))).toEqual([]);
  });

  it('refuses an id used twice, naming the first', () => {
    expect(problemsOf(fileWith(target(), target()))).toEqual([
      'targets[1].id: "openai-share-2024-12" is already the id of targets[0]: ids name targets in reports, so each is used once',
    ]);
  });

  it('refuses a free range that is empty, a log range through zero, and a path freed twice', () => {
    const free = (change: Json) => ({ path: 'enterprises.brandPremium', range: [0.05, 0.3], source: 'hand tuning', ...change });
    expect(problemsOf({ ...fileWith(target()), free: [free({ range: [0.3, 0.3] })] })).toEqual(['free[0].range: the range runs from low to high: [0.3, 0.3] is empty or backwards']);
    expect(problemsOf({ ...fileWith(target()), free: [free({ range: [0, 1], scale: 'log' })] })).toEqual(['free[0].range: a log scale needs a range above 0; [0, 1] is not']);
    expect(problemsOf({ ...fileWith(target()), free: [free({}), free({})] })).toEqual(['free[1].path: "enterprises.brandPremium" is already free[0]']);
  });

  it('reports every problem of a file at once: a bad scale in `free` does not hide the targets’ band, window and metric', () => {
    const file = {
      targets: [
        target({ band: [0.4, 0.28] }),
        target({ id: 'window', month: undefined, from: '2024-12', to: '2024-01', aggregate: 'mean' }),
        target({ id: 'metric', metric: 'vendor.enterprise_shares' }),
        // Fails its own shape: its band is not numbers, so the rules beyond the schema skip it.
        target({ id: 'shapeless', band: ['0', '1'], month: undefined }),
        target({ id: 'window' }),
      ],
      free: [{ path: 'enterprises.brandPremium', range: [0.05, 0.3], scale: 'cubic', source: 'hand tuning' }],
    };
    expect(problemsOf(file)).toEqual([
      expect.stringMatching(/^targets\[3\]\.band\[0\]: /),
      expect.stringMatching(/^targets\[3\]\.band\[1\]: /),
      expect.stringMatching(/^free\[0\]\.scale: .*"linear".*"log".*; found "cubic"$/),
      'targets[0].band: the band runs from low to high: [0.4, 0.28] is backwards',
      'targets[1].to: the window runs forwards: 2024-12 to 2024-01 is backwards',
      expect.stringMatching(/^targets\[2\]\.metric: no metric is called "vendor\.enterprise_shares"; did you mean "vendor\.enterprise_share"\?/),
      'targets[4].id: "window" is already the id of targets[1]: ids name targets in reports, so each is used once',
    ]);
  });

  it('names an unknown field with the closest known one, and what was found for a wrong type', () => {
    expect(problemsOf(fileWith(target({ bnad: [0, 1] })))).toEqual([expect.stringMatching(/^targets\[0\]: unknown field "bnad" \(did you mean "band"\?\); valid fields: id, metric/)]);
    expect(problemsOf({ targets: [target()], fre: [] })).toEqual([expect.stringMatching(/^\(top level\): unknown field "fre" \(did you mean "free"\?\)/)]);
    expect(problemsOf(fileWith(target({ month: 'December' })))).toEqual(['targets[0].month: a month as YYYY-MM, e.g. 2024-01; found "December"']);
    expect(problemsOf(fileWith(target({ source: undefined })))).toEqual(['targets[0].source: missing: expected a string in double quotes']);
    expect(problemsOf({ targets: [] })).toEqual(['targets: at least one target']);
  });
});

describe('loadTargetsFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'llm-sim-targets-'));
  const write = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  it('reads a valid file', () => {
    const loaded = loadTargetsFile(write('ok.json', JSON.stringify(fileWith(target()))));
    expect(loaded.success && loaded.file.targets.map((t) => t.id)).toEqual(['openai-share-2024-12']);
  });

  it('reports broken JSON with its line and column, a missing file and a folder, each as a problem naming the file', () => {
    const broken = loadTargetsFile(write('broken.json', '{\n  "targets": [\n}'));
    expect(broken.success).toBe(false);
    if (broken.success) return;
    expect(broken.file).toMatch(/broken\.json$/);
    expect(broken.problems[0]!.path).toBe('(json)');
    expect(broken.problems[0]!.message).toMatch(/line 3, column 1/);
    const missing = loadTargetsFile(join(dir, 'none.json'));
    expect(!missing.success && missing.problems).toEqual([{ path: '(file)', message: expect.stringMatching(/none\.json: no such file$/) }]);
    mkdirSync(join(dir, 'folder.json'));
    const folder = loadTargetsFile(join(dir, 'folder.json'));
    expect(!folder.success && folder.problems[0]!.message).toMatch(/folder\.json: is a folder, not a file$/);
  });

  it('reports schema problems with their place in the file', () => {
    const loaded = loadTargetsFile(write('bad.json', JSON.stringify(fileWith(target(), target({ id: 'b', band: [1, 0] })))));
    expect(!loaded.success && loaded.problems.map((p) => p.path)).toEqual(['targets[1].band']);
  });
});
