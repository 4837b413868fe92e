import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadInput } from '../../../src/cli/command.js';
import type { CommandRequest } from '../../../src/jobs/job-kind.js';
import { JOB_KINDS } from '../../../src/jobs/registry.js';
import { morrisCommand } from '../../../src/jobs/morris/command.js';
import type { MorrisJob } from '../../../src/jobs/morris/job.js';
import { rangeReason } from '../../../src/jobs/morris/morris-factors.js';
import { morrisSettings } from '../../../src/jobs/morris/morris-plan.js';
import { tinyConfigs } from '../../e2e/tiny-configs.js';
import { applySettings } from '../../../src/sweep/param-range.js';
import { paramLabels } from '../../../src/jobs/param-labels.js';

const BRAND = 'enterprises.brandPremium';
const REVIEW = 'enterprises.policies.switching.params.reviewProbability';

/** morris's command line, in this process: the job it builds, or its exit code and what it printed. */
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
    return { request: morrisCommand(argv, { loadInput: (file) => loadInput(file, JOB_KINDS) }), stderr, stdout };
  } finally {
    err.mockRestore();
    out.mockRestore();
  }
}

function jobOf(request: CommandRequest): MorrisJob {
  if (!('job' in request)) throw new Error('no job');
  return request.job as MorrisJob;
}

describe('npm run morris: the command line', () => {
  const { dir, baseline } = tinyConfigs('morris-command');
  const declared = join(dir, 'declared.json');
  writeFileSync(
    declared,
    JSON.stringify({
      extends: 'tiny.json',
      name: 'declared',
      uncertain: [
        { path: BRAND, distribution: { type: 'uniform', lo: 0.05, hi: 0.3 }, source: 'a test range' },
        { path: REVIEW, distribution: { type: 'normal', mean: 0.3, sd: 0.1 }, source: 'another test range' },
      ],
    }),
  );
  afterEach(() => vi.restoreAllMocks());

  it('prints the runs it needs up front, R × (k + 1) × runs, and records --param intervals', () => {
    const { request, stdout } = command([baseline, '--param', `${BRAND}=0.05:0.3`, '--param', `${REVIEW}=0.1:0.5`, '--trajectories', '6', '--runs', '3', '--at', '2024-03']);
    const job = jobOf(request);
    expect(stdout).toBe('Morris screening of 2 parameters: 6 trajectories × (2 + 1) points × 3 runs = 54 runs.\n');
    expect(job).toMatchObject({ kind: 'morris', trajectories: 6, levels: 4, runs: 3, at: '2024-03', ticks: 4 });
    expect(job.factors.map((f) => [f.path, f.origin])).toEqual([[BRAND, 'param'], [REVIEW, 'param']]);
    expect(JOB_KINDS.get('morris')!.design(job).count).toBe(18);
  });

  it('moves the declared uncertain parameters over their distributions when the config declares some', () => {
    const job = jobOf(command([declared, '--quiet']).request);
    expect(job.factors.map((f) => [f.path, f.origin])).toEqual([[BRAND, 'declared'], [REVIEW, 'declared']]);
    expect(rangeReason(job.factors[0]!)).toBe('declared uncertain by the scenario; source: a test range');
    // Level j of 4 is the median of the j-th quarter: 0.05 + 0.25 × (j + ½)/4 for the uniform.
    const values = new Set<number>();
    const settings = morrisSettings(job);
    for (let i = 0; i < 30; i++) values.add(settings(i)[0]!.value);
    for (const value of values) expect([0.08125, 0.14375, 0.20625, 0.26875].some((v) => Math.abs(v - value) < 1e-12), String(value)).toBe(true);
  });

  it('moves every policy parameter under --only over the range sensitivity derives from its valid range when nothing is declared, and says so', () => {
    const job = jobOf(command([baseline, '--only', 'enterprises.policies.switching', '--quiet']).request);
    expect(job.factors.length).toBeGreaterThan(0);
    expect(job.factors.every((f) => f.origin === 'policy' && f.path.startsWith('enterprises.policies.switching.'))).toBe(true);
    const review = job.factors.find((f) => f.path === REVIEW)!;
    if (review.origin !== 'policy') throw new Error('not a policy parameter');
    // The review probability is a share, 0..1: its odds ÷/× 1.5, not ±20 % of it.
    const odds = review.value / (1 - review.value);
    const place = (o: number) => Number((o / (1 + o)).toPrecision(12));
    expect([review.low, review.high, review.scale]).toEqual([place(odds / 1.5), place(odds * 1.5), 'linear']);
    expect(rangeReason(review)).toContain('its odds within 0..1 ÷/× 1.5');
    // The payback, positive with no upper bound, is log-uniform from v/1.5 to 1.5v.
    const payback = job.factors.find((f) => f.path === 'enterprises.policies.switching.params.paybackMonths')!;
    if (payback.origin !== 'policy') throw new Error('not a policy parameter');
    expect([payback.low, payback.high, payback.scale]).toEqual([Number((payback.value / 1.5).toPrecision(12)), payback.value * 1.5, 'log']);
  });

  it('moves a path with "*" as one factor: every segment\'s median switching cost at each level, labelled as such', () => {
    const medians = 'enterprises.segments.*.switchingCostUsd.median';
    const job = jobOf(command([baseline, '--param', `${medians}=1e4:1e6:log`, '--param', `${BRAND}=0.05:0.3`, '--trajectories', '2', '--quiet']).request);
    expect(job.factors.map((f) => f.path)).toEqual([medians, BRAND]);
    const settings = morrisSettings(job)(0);
    const median = settings.find((s) => s.path === medians)!.value;
    const scenario = applySettings(job.scenario, settings);
    expect(scenario.success && scenario.value.enterprises.segments.map((s) => s.switchingCostUsd.median)).toEqual([median, median, median]);
    expect(paramLabels(job.factors)[0]).toBe('every segment · switchingCostUsd.median');
    // Beside one of the numbers it moves, it is refused: the two would move one parameter.
    const both = command([baseline, '--param', `${medians}=1e4:1e6`, '--param', 'enterprises.segments.large.switchingCostUsd.median=1e4:1e6']);
    expect(both.request).toEqual({ exit: 2 });
    expect(both.stderr).toContain(`--param ${medians} and --param enterprises.segments.large.switchingCostUsd.median name the same parameter`);
  });

  it('refuses bad input with one clear line and exit code 2', () => {
    const cases: [string[], string][] = [
      [[baseline, '--param', 'enterprises.brandPremum=0.1:0.2'], '--param enterprises.brandPremum: no "brandPremum" at enterprises (did you mean "brandPremium"?)'],
      [[baseline, '--param', `${REVIEW}=0.5:1.5`], `--param ${REVIEW}=1.5 is not a valid scenario`],
      [[baseline, '--param', `${BRAND}=0.3:0.05`], 'low must be below high'],
      [[baseline, '--param', `${BRAND}=0.05:0.3`, '--levels', '5'], '--levels must be even'],
      [[baseline, '--param', `${BRAND}=0.05:0.3`, '--trajectories', '1'], '--trajectories must be a whole number from 2 to 1000'],
      [[baseline, '--param', `${BRAND}=0.05:0.3`, '--at', '2030-01'], "--at 2030-01 is after the scenario's last month, 2024-05"],
      [[baseline, '--param', `${BRAND}=0.05:0.3`, '--at', '2024-03', '--ticks', '3'], '--at and --ticks both say where the runs stop'],
      [[baseline, '--param', `${BRAND}=0.05:0.3`, '--only', 'vendors'], '--only vendors: none of the --param paths lies under it'],
      [[baseline, '--only', 'nowhere'], '--only nowhere: no numeric policy parameter that can move lies under it'],
      [[declared, '--only', 'vendors'], "--only vendors: none of the scenario's 2 uncertain parameters lies under it"],
    ];
    for (const [argv, message] of cases) {
      const { request, stderr } = command(argv);
      expect(request, message).toEqual({ exit: 2 });
      expect(stderr.split('\n')[0], message).toContain(message);
      expect(stderr).not.toMatch(/\n\s+at /);
    }
  });
});
