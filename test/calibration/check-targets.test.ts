import { describe, expect, it } from 'vitest';
import { checkTargetsAgainst } from '../../src/calibration/check-targets.js';
import { parseTargetFile } from '../../src/calibration/load-targets-file.js';
import type { TargetFile } from '../../src/calibration/target-file.js';
import { loadConfig } from '../support/scenario-runs.js';

/** The baseline runs 2023-12 to 2028-12. */
const baseline = loadConfig('baseline');

type Json = Record<string, any>;

const share = { id: 'openai-share', metric: 'vendor.enterprise_share', entity: 'openai', month: '2024-12', band: [0.28, 0.4], source: 'Menlo 2024' };
const free = (path: string, range: [number, number]) => ({ path, range, source: 'hand tuning' });

function file(json: Json): TargetFile {
  const parsed = parseTargetFile({ targets: [share], ...json });
  if (!parsed.success) throw new Error(parsed.problems.map((p) => `${p.path}: ${p.message}`).join('; '));
  return parsed.file;
}

function problemsOf(json: Json): string[] {
  return checkTargetsAgainst(file(json), baseline).map((p) => `${p.path}: ${p.message}`);
}

describe('checkTargetsAgainst', () => {
  it('accepts free parameters of a segment, of the enterprises and of a policy, within their valid ranges', () => {
    expect(
      problemsOf({
        free: [
          free('enterprises.segments.large.marketplaceShare', [0.5, 0.75]),
          free('enterprises.brandPremium', [0.05, 0.3]),
          free('vendors.openai.policies.pricing.params.markup', [1.5, 4]),
        ],
      }),
    ).toEqual([]);
  });

  it('names a path that is not in the scenario, with the closest name there', () => {
    const [problem] = problemsOf({ free: [free('enterprises.segments.large.marketplaceShar', [0.5, 0.75])] });
    expect(problem).toMatch(/^free\[0\]\.path: .*no "marketplaceShar" at enterprises\.segments\[0\] \(did you mean "marketplaceShare"\?\)/);
  });

  it('refuses a path to something other than a number', () => {
    expect(problemsOf({ free: [free('enterprises.segments.large', [0, 1])] })[0]).toMatch(/^free\[0\]\.path: enterprises\.segments\.large is an object, not a number/);
  });

  it('refuses a range whose end the scenario would refuse, saying the valid range of a policy parameter', () => {
    const segment = problemsOf({ free: [free('enterprises.segments.large.marketplaceShare', [0.5, 1.5])] });
    expect(segment).toEqual([expect.stringMatching(/^free\[0\]\.range: the high end 1\.5 is outside what enterprises\.segments\.large\.marketplaceShare may be \(now 0\.6367\): /)]);
    const policy = problemsOf({ free: [free('enterprises.policies.switching.params.reviewProbability', [-0.5, 0.5])] });
    expect(policy).toEqual([expect.stringMatching(/^free\[0\]\.range: the low end -0\.5 is outside .*; its valid range is 0 to 1: /)]);
  });

  it('refuses one parameter freed twice under two spellings', () => {
    const problems = problemsOf({ free: [free('vendors.openai.policies.pricing.params.markup', [1.5, 4]), free('vendors[0].policies.pricing.params.markup', [2, 3])] });
    expect(problems).toEqual(['free[1].path: vendors[0].policies.pricing.params.markup names vendors.openai.policies.pricing.params.markup, as free[0] does: free each parameter once']);
  });

  it('refuses a modelled target whose months fall outside the run, and lets a not-modelled one be', () => {
    const early = { ...share, id: 'early', month: undefined, from: '2023-01', to: '2024-12', aggregate: 'mean' };
    const late = { ...share, id: 'late', month: '2029-01' };
    const notModelled = { ...share, id: 'nm', month: '2020-01', notModelled: 'before the run' };
    const json = { targets: [early, late, notModelled].map((t) => Object.fromEntries(Object.entries(t).filter(([, v]) => v !== undefined))) };
    expect(problemsOf(json)).toEqual([
      'targets[0].from: 2023-01 is outside the run, which covers 2023-12 to 2028-12 (start and months of the scenario)',
      'targets[1].month: 2029-01 is outside the run, which covers 2023-12 to 2028-12 (start and months of the scenario)',
    ]);
  });

  it('names an entity the scenario does not have, with the closest one', () => {
    expect(problemsOf({ targets: [{ ...share, entity: 'antropic' }] })).toEqual([
      'targets[0].entity: vendor.enterprise_share is about a vendor and the scenario has no vendor "antropic"; did you mean "anthropic"? (openai, anthropic, google, xai, mistral, meta, deepseek)',
    ]);
  });
});
