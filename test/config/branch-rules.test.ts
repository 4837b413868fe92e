import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/config/load-scenario-file.js';
import { parseScenario } from '../../src/config/parse-scenario.js';
import { BASELINE_PATH } from '../support/scenario-fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'llm-sim-branch-rules-'));

/** Problems of a branch of the baseline at 2026-01 that says `child`. */
function problemsOf(child: Record<string, unknown>): { path: string; message: string }[] {
  const file = join(dir, `child-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify({ extends: BASELINE_PATH, name: 'child', branchesAt: '2026-01', ...child }));
  const loaded = loadScenarioFile(file);
  return loaded.success ? [] : [...loaded.problems];
}

describe('branch rules', () => {
  it('lets a branch change what acts from the branch on: policies, behaviour, rates, listings, later events, later vendors', () => {
    expect(
      problemsOf({
        compute: { gpuCostDeclinePerYear: 0.6 },
        enterprises: { brandPremium: 0.3, segments: [{ id: 'large', switchingCostUsd: { median: 1000, logSd: 0.8 } }] },
        consumers: { growthPerYear: 0.3 },
        clouds: [{ id: 'gcp', policies: { marketplace: { type: 'favour-own' } } }],
        marketplace: [{ cloud: 'oracle', vendor: 'anthropic', revenueShare: 0.3 }, { cloud: 'aws', vendor: 'cohere' }],
        vendors: [{ id: 'cohere', weights: 'open', quality: 1, entersAt: '2026-06', policies: { training: { type: 'frontier-follower' } } }],
        events: [{ date: '2026-01', type: 'merger', cloud: 'aws', vendor: 'anthropic' }],
        months: 72,
      }),
    ).toEqual([]);
  });

  it('refuses to change what the run starts from, saying what to do instead', () => {
    const dealsAtStart = JSON.parse(readFileSync(BASELINE_PATH, 'utf8')).dealsAtStart;
    dealsAtStart[1].amountUsd = 1e10;
    const problems = problemsOf({
      seed: 9,
      clouds: [{ id: 'aws', gpuCapacityMTok: 1e9 }],
      vendors: [{ id: 'openai', quality: 2, cashUsd: 1, enterpriseRefusal: { share: 0.5 } }],
      enterprises: { count: 100, segments: [{ id: 'mid', share: 0.45 }, { id: 'small', share: 0.4 }] },
      dealsAtStart,
    });
    const at = (path: string) => problems.find((p) => p.path === path)?.message ?? `no problem at ${path}: ${JSON.stringify(problems)}`;
    expect(at('seed')).toMatch(/run the branch with --seed instead/);
    expect(at('clouds[0].gpuCapacityMTok')).toMatch(/that is aws's fleet at the start; script a capacity-shock at 2026-01/);
    expect(at('vendors[0].quality')).toBe('a branch at 2026-01 cannot change what the run starts from (1.05 in the parent, 2 here): that is openai\'s model at the start; script a model-release at 2026-01');
    expect(at('vendors[0].cashUsd')).toMatch(/script an investment at 2026-01/);
    expect(at('vendors[0].enterpriseRefusal')).toMatch(/drew once, at the start, whether they refuse openai; give the refusal in the parent/);
    expect(at('enterprises.count')).toMatch(/drawn once, at the start/);
    expect(at('enterprises.segments[1].share')).toMatch(/drawn once/);
    expect(at('dealsAtStart')).toMatch(/script an investment or a deal-amendment at 2026-01 instead/);
  });

  it('refuses to change the history before the branch: an event added, moved, changed or removed there', () => {
    expect(problemsOf({ events: [{ date: '2025-06', type: 'merger', cloud: 'aws', vendor: 'anthropic' }] })[0]).toEqual({
      file: expect.stringMatching(/child-\w+\.json$/),
      path: 'events[0]',
      message: "a branch at 2026-01 keeps its parent's history before it: merger of 2025-06 is not the parent's; date a change 2026-01 or later",
    });
    expect(problemsOf({ events: [{ id: 'gpt-5', remove: true }] })[0]).toMatchObject({ path: 'events[0]', message: expect.stringContaining("this removes the parent's gpt-5 of 2025-08") });
  });

  it('names every event of the history out of place by its own id, at its place in the file: changed, moved out of it or into it', () => {
    const problems = problemsOf({
      events: [
        { date: '2026-02', type: 'capacity-shock', cloud: 'aws', gpuChange: 0.1 },
        { id: 'gpt-5', date: '2025-08', type: 'model-release', vendor: 'openai', quality: 9 },
        { id: 'grok-4', date: '2026-02', type: 'model-release', vendor: 'xai', quality: 3 },
      ],
    });
    expect(problems.map(({ path, message }) => `${path}: ${message}`).sort()).toEqual([
      "events[1]: a branch at 2026-01 keeps its parent's history before it: this changes the parent's gpt-5 of 2025-08; script a new event dated 2026-01 or later instead",
      "events[2]: a branch at 2026-01 keeps its parent's history before it: this moves the parent's grok-4 of 2025-07 to 2026-02; script a new event dated 2026-01 or later instead",
    ]);
  });

  it('refuses a new vendor in the market before the branch, a branch in the first month or after the end, and one without a parent', () => {
    const cohere = { id: 'cohere', weights: 'open', quality: 1, policies: { training: { type: 'frontier-follower' } } };
    expect(problemsOf({ vendors: [cohere], marketplace: [{ cloud: 'aws', vendor: 'cohere' }] })).toContainEqual({
      file: expect.stringMatching(/child-\w+\.json$/),
      path: 'vendors[0].entersAt',
      message: 'a vendor new in a branch comes to market at the branch (2026-01) or later; give it entersAt',
    });
    expect(problemsOf({ branchesAt: '2023-12' })[0]!.message).toMatch(/not within the run after its first month \(2024-01 to 2028-12\)/);
    expect(problemsOf({ branchesAt: '2031-01' })[0]!.message).toMatch(/not within the run/);
    const json = { ...JSON.parse(JSON.stringify({ branchesAt: '2026-01' })) };
    expect(parseScenario({ ...json }).success).toBe(false);
  });

  it('refuses a spread where the parent draws everyone at the median', () => {
    const file = join(dir, 'flat.json');
    writeFileSync(file, JSON.stringify({ extends: BASELINE_PATH, name: 'flat', enterprises: { segments: [{ id: 'small', switchingCostUsd: { median: 10000, logSd: 0 } }] } }));
    const branchFile = join(dir, 'flat-branch.json');
    writeFileSync(branchFile, JSON.stringify({ extends: 'flat.json', name: 'flat-branch', branchesAt: '2026-01', enterprises: { segments: [{ id: 'small', switchingCostUsd: { median: 5000, logSd: 0.5 } }] } }));
    const loaded = loadScenarioFile(branchFile);
    expect(loaded.success).toBe(false);
    if (!loaded.success) expect(loaded.problems[0]).toMatchObject({ file: expect.stringMatching(/flat-branch\.json$/), path: 'enterprises.segments[0].switchingCostUsd.logSd' });
  });

  it('keeps a resolved branch, parent and all, so a manifest re-runs it: parseScenario takes the parent from the JSON', () => {
    const file = join(dir, 'resolved.json');
    writeFileSync(file, JSON.stringify({ extends: BASELINE_PATH, name: 'resolved', branchesAt: '2026-01', enterprises: { brandPremium: 0.3 } }));
    const loaded = loadScenarioFile(file);
    if (!loaded.success) throw new Error(JSON.stringify(loaded.problems));
    const again = parseScenario(JSON.parse(JSON.stringify(loaded.scenario)));
    expect(again.success && again.scenario).toEqual(loaded.scenario);
    const broken = JSON.parse(JSON.stringify(loaded.scenario));
    broken.parent.seed = 5;
    const reparsed = parseScenario(broken);
    expect(reparsed.success).toBe(false);
    if (!reparsed.success) expect(reparsed.problems[0]!.path).toBe('seed');
  });
});
