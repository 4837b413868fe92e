import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadInput } from '../../../src/cli/command.js';
import type { CommandRequest } from '../../../src/jobs/job-kind.js';
import { JOB_KINDS } from '../../../src/jobs/registry.js';
import { sobolCommand } from '../../../src/jobs/sobol/command.js';
import type { SobolJob } from '../../../src/jobs/sobol/job.js';
import { valueAt } from '../../../src/sweep/interval-param.js';
import { tinyConfigs } from '../../e2e/tiny-configs.js';
import { runCli } from '../../support/run-cli.js';

const BRAND = 'enterprises.brandPremium';
const REVIEW = 'enterprises.policies.switching.params.reviewProbability';
const CONTRACT = 'vendors.openai.policies.compute.params.contractMonths';

/** sobol's command line, in this process: the job it builds, or its exit code and what it printed. */
function command(argv: readonly string[]): { request: CommandRequest; stderr: string } {
  let stderr = '';
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((text) => {
    stderr += String(text);
    return true;
  });
  try {
    return { request: sobolCommand(argv, { loadInput: (file) => loadInput(file, JOB_KINDS) }), stderr };
  } finally {
    spy.mockRestore();
  }
}

describe('npm run sobol: the command line', () => {
  const { dir, baseline } = tinyConfigs('sobol-command');
  afterEach(() => vi.restoreAllMocks());

  it('builds a job: canonical paths, whole-number fields known, --at as the months to run, and the command a manifest records', () => {
    const { request, stderr } = command([baseline, '--param', `${BRAND}=0.05:0.3`, '--param', 'vendors[0].policies.compute.params.contractMonths=3:24', '--param', `vendors[0].policies.pricing.params.markup=0.5:4:log`, '--samples', '8', '--runs', '2', '--at', '2024-03']);
    expect(stderr).toBe('');
    if (!('job' in request)) throw new Error('no job');
    const job = request.job as SobolJob;
    expect(job).toMatchObject({ kind: 'sobol', runs: 2, samples: 8, secondOrder: false, at: '2024-03', ticks: 4 });
    expect(job.params.map((p) => [p.path, p.scale, p.integer])).toEqual([
      [BRAND, 'linear', false],
      [CONTRACT, 'linear', true],
      ['vendors.openai.policies.pricing.params.markup', 'log', false],
    ]);
    expect(request.command).toContain("--samples 8 --at 2024-03 --runs 2");
    // Log-uniform: the middle of the unit interval is the geometric mean; whole numbers each get an equal share.
    expect(valueAt(job.params[2]!, 0.5)).toBeCloseTo(Math.sqrt(2), 9);
    expect([0, 0.999, 0.5].map((u) => valueAt(job.params[1]!, u))).toEqual([3, 24, 14]);
  });

  it('refuses bad input with one clear line and exit code 2', () => {
    const cases: [string[], string][] = [
      [[baseline, '--param', `${BRAND}=0.05:0.3`], 'name at least 2 parameters with --param (got 1)'],
      [[baseline], 'name at least 2 parameters with --param (got 0)'],
      [[baseline, '--param', 'enterprises.brandPremum=0.1:0.2', '--param', `${REVIEW}=0.1:0.5`], '--param enterprises.brandPremum: no "brandPremum" at enterprises (did you mean "brandPremium"?)'],
      [[baseline, '--param', `${BRAND}=0.05:0.3`, '--param', `${REVIEW}=0.5:1.5`], `--param ${REVIEW}=1.5 is not a valid scenario: ${REVIEW}: at most 1; found 1.5`],
      [[baseline, '--param', `${BRAND}=0.3:0.05`, '--param', `${REVIEW}=0.1:0.5`], 'low must be below high'],
      [[baseline, '--param', `${BRAND}=0:0.3:log`, '--param', `${REVIEW}=0.1:0.5`], 'a log range needs low above 0'],
      [[baseline, '--param', `${BRAND}=0.05:0.3`, '--param', `${REVIEW}=0.1:0.5`, '--samples', '48'], '--samples must be a power of two'],
      [[baseline, '--param', `${BRAND}=0.05:0.3`, '--param', `${BRAND}=0.1:0.2`], `--param ${BRAND} is given twice`],
      [[baseline, '--param', `${BRAND}=0.05:0.3`, '--param', `${REVIEW}=0.1:0.5`, '--at', '2030-01'], "--at 2030-01 is after the scenario's last month, 2024-05"],
      [[baseline, '--param', `${BRAND}=0.05:0.3`, '--param', `${REVIEW}=0.1:0.5`, '--at', '2024-03', '--ticks', '3'], '--at and --ticks both say where the runs stop'],
      // Each end is valid alone; a round raising 20B at a 10B valuation is not: a corner of the pair is checked.
      [[baseline, '--param', 'events.xai-series-b.amountUsd=1e9:2e10', '--param', 'events.xai-series-b.valuationUsd=1e10:5e10'], '--param: events.xai-series-b.amountUsd=20000000000, events.xai-series-b.valuationUsd=10000000000 is not a valid scenario'],
    ];
    for (const [argv, message] of cases) {
      const { request, stderr } = command(argv);
      expect(request, message).toEqual({ exit: 2 });
      expect(stderr.split('\n')[0], message).toContain(message);
      expect(stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('runs N(2k + 2) points with --second-order, N(k + 2) without', () => {
    const points = (...extra: string[]) => {
      const { request } = command([baseline, '--param', `${BRAND}=0.05:0.3`, '--param', `${REVIEW}=0.1:0.5`, '--param', `${CONTRACT}=3:24`, '--samples', '4', ...extra]);
      if (!('job' in request)) throw new Error('no job');
      return JOB_KINDS.get('sobol')!.design(request.job).count;
    };
    expect(points()).toBe(4 * 5);
    expect(points('--second-order')).toBe(4 * 8);
  });

  it('as a process: exit code 2 and the message, never a stack trace', () => {
    const bad = join(dir, 'missing.json');
    const run = runCli('sobol.ts', [bad, '--param', `${BRAND}=0.05:0.3`, '--param', `${REVIEW}=0.1:0.5`]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^error: /);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
