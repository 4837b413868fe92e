import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadInput } from '../../../src/cli/command.js';
import type { CommandRequest } from '../../../src/jobs/job-kind.js';
import { JOB_KINDS } from '../../../src/jobs/registry.js';
import { discoverCommand } from '../../../src/jobs/discover/command.js';
import { parseCondition } from '../../../src/jobs/discover/condition.js';
import { discoverSettings } from '../../../src/jobs/discover/discover-design.js';
import type { DiscoverJob } from '../../../src/jobs/discover/job.js';
import { tinyConfigs } from '../../e2e/tiny-configs.js';

const BRAND = 'enterprises.brandPremium';
const REVIEW = 'enterprises.policies.switching.params.reviewProbability';
const SHARE = 'vendor.enterprise_share:anthropic > 0.3';

/** discover's command line, in this process: the job it builds, or its exit code and what it printed. */
function command(argv: readonly string[]): { request: CommandRequest; stderr: string; stdout: string } {
  let stderr = '';
  let stdout = '';
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((text) => {
    stderr += String(text);
    return true;
  });
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((text) => {
    stdout += String(text);
    return true;
  });
  try {
    return { request: discoverCommand(argv, { loadInput: (file) => loadInput(file, JOB_KINDS) }), stderr, stdout };
  } finally {
    err.mockRestore();
    out.mockRestore();
  }
}

function jobOf(request: CommandRequest): DiscoverJob {
  if (!('job' in request)) throw new Error('no job');
  return request.job as DiscoverJob;
}

describe('npm run discover: the command line', () => {
  const { dir, baseline } = tinyConfigs('discover-command');
  const declared = join(dir, 'declared.json');
  writeFileSync(
    declared,
    JSON.stringify({
      extends: 'tiny.json',
      name: 'declared',
      uncertain: [
        { path: BRAND, distribution: { type: 'uniform', lo: 0.05, hi: 0.3 }, source: 'a test range' },
        { path: REVIEW, distribution: { type: 'triangular', lo: 0.1, mode: 0.3, hi: 0.5 }, source: 'another test range' },
      ],
    }),
  );
  afterEach(() => vi.restoreAllMocks());

  it('reads the condition, a metric of one entity at a month, and runs to that month', () => {
    expect(parseCondition('vendor.enterprise_share:anthropic@2027-12 > 0.3')).toEqual({ success: true, value: { metric: 'vendor.enterprise_share', entity: 'anthropic', at: '2027-12', comparison: '>', threshold: 0.3 } });
    const { request, stdout } = command([baseline, '--condition', 'vendor.enterprise_share:anthropic@2024-03>0.3', '--param', `${BRAND}=0.05:0.3`, '--samples', '20', '--runs', '3']);
    const job = jobOf(request);
    expect(stdout).toBe('Scenario discovery over 1 parameter: 20 points × 3 runs = 60 runs.\n');
    expect(job).toMatchObject({ kind: 'discover', samples: 20, runs: 3, ticks: 4, peelAlpha: 0.05, minDensity: 0.8, condition: { metric: 'vendor.enterprise_share', entity: 'anthropic', at: '2024-03', comparison: '>', threshold: 0.3 } });
    expect(JOB_KINDS.get('discover')!.design(job).count).toBe(20);
  });

  it('fills in the market as the entity of a market metric, and samples the declared uncertain parameters without --param', () => {
    const job = jobOf(command([declared, '--condition', 'market.hhi < 2500', '--quiet']).request);
    expect(job.condition.entity).toBe('market');
    expect(job.ticks).toBeUndefined();
    expect(job.factors.map((f) => [f.path, f.origin])).toEqual([[BRAND, 'declared'], [REVIEW, 'declared']]);
    // A Latin hypercube: each of the 10 equally likely slices of the uniform holds one point.
    const brand = discoverSettings({ ...job, samples: 10 }).map((point) => point[0]!.value);
    expect(brand.map((v) => Math.floor((v - 0.05) / 0.025)).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('refuses bad input with one clear line and exit code 2', () => {
    const param = ['--param', `${BRAND}=0.05:0.3`];
    const cases: [string[], string][] = [
      [[baseline, ...param], 'name the outcome with --condition, METRIC[:ENTITY][@YYYY-MM] > NUMBER or < NUMBER'],
      [[baseline, '--condition', 'anthropic share above 30%', ...param], '--condition "anthropic share above 30%" does not parse: write METRIC[:ENTITY][@YYYY-MM] > NUMBER or < NUMBER'],
      [[baseline, '--condition', 'vendor.enterprise_share:anthropic > 30%', ...param], '"30%" is not a number'],
      [[baseline, '--condition', 'vendor.enterprise_shares:anthropic > 0.3', ...param], 'no metric is called "vendor.enterprise_shares" (did you mean "vendor.enterprise_share"?)'],
      [[baseline, '--condition', 'vendor.weekly_users:openai > 5', ...param], 'vendor.weekly_users is a metric, but not one a run keeps for discover'],
      [[baseline, '--condition', 'vendor.enterprise_share:antropic > 0.3', ...param], 'the scenario has no vendor "antropic" (did you mean "anthropic"?)'],
      [[baseline, '--condition', 'vendor.enterprise_share > 0.3', ...param], 'vendor.enterprise_share is about a vendor: name one, vendor.enterprise_share:openai'],
      [[baseline, '--condition', 'vendor.enterprise_share:anthropic@2030-01 > 0.3', ...param], "--condition: the month after @ 2030-01 is after the scenario's last month, 2024-05"],
      [[baseline, '--condition', 'vendor.enterprise_share:anthropic@2023-01 > 0.3', ...param], '--condition: the month after @ 2023-01 is before the scenario starts'],
      [[baseline, '--condition', 'vendor.enterprise_share:anthropic@2027-13 > 0.3', ...param], '--condition: the month after @ must be a month, YYYY-MM'],
      [[baseline, '--condition', SHARE], 'tiny declares no uncertain parameters: name what to sample with --param PATH=LO:HI'],
      [[baseline, '--condition', SHARE, '--param', 'enterprises.brandPremum=0.1:0.2'], '--param enterprises.brandPremum: no "brandPremum" at enterprises (did you mean "brandPremium"?)'],
      [[baseline, '--condition', SHARE, ...param, '--samples', '1'], '--samples must be a whole number from 2 to 100000'],
      [[baseline, '--condition', SHARE, ...param, '--peel', '0.5'], '--peel must be a number above 0 and below 0.5'],
      [[baseline, '--condition', SHARE, ...param, '--min-density', '0'], '--min-density must be a number above 0 and at most 1'],
      [[baseline, '--condition', SHARE, ...param, '--ticks', '3'], '--ticks: discover runs to the month of --condition'],
    ];
    for (const [argv, message] of cases) {
      const { request, stderr } = command(argv);
      expect(request, message).toEqual({ exit: 2 });
      expect(stderr.split('\n')[0], message).toContain(message);
      expect(stderr).not.toMatch(/\n\s+at /);
    }
  });
});
