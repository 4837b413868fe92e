import { describe, expect, it } from 'vitest';
import { calibrate, calibrationSetup, type GenerationResult } from '../../src/calibration/calibration-plan.js';
import { calibrationCsvHeader, calibrationCsvRows, calibrationMarkdown, formatFigure, posteriorCsv, targetsAtFit } from '../../src/calibration/calibration-report.js';
import type { FreeParameter, Target } from '../../src/calibration/target-file.js';

const free: FreeParameter[] = [
  { path: 'a', range: [0, 1], scale: 'linear', source: 'test range' },
  { path: 'b', range: [1, 100], scale: 'log', source: 'no target | depends on it' },
];
const targets: Target[] = [
  { id: 'a-figure', metric: 'vendor.arr_usd', entity: 'openai', month: '2024-12', aggregate: 'last', band: [0.29, 0.31], source: 'made up' },
  { id: 'later', metric: 'vendor.upgrades', entity: 'market', month: '2025-06', aggregate: 'last', band: [0.5, 0.8], source: 'survey', notModelled: 'one model per vendor' },
];

function toyCalibration() {
  const setup = calibrationSetup(targets, free, { budget: 400, runs: 1, seed: 1 });
  const generations: GenerationResult[] = [];
  const outcome = calibrate(setup, (points) => points.map((p) => [p.values[0]!]), (g) => generations.push(g));
  return { setup, outcome, generations };
}

describe('calibration.md', () => {
  const { setup, outcome } = toyCalibration();
  const text = calibrationMarkdown({
    scenarioName: 'toy',
    configFile: 'configs/toy.json',
    targetsFile: 'targets.json',
    setup,
    allTargets: targets,
    outcome,
    fittedValues: outcome.fit.parameters.map((p) => Number(p.value.toPrecision(4))),
    atFit: { seeds: [1, 2, 3], figures: [[0.3], [0.31], [0.5]] },
  });

  it('gives each free parameter its fit, interval and source, and flags the one no target pins down', () => {
    expect(text).toMatch(/\| `a` \| 0 – 1 \| 0\.3\d* \| 0\.\d+ – 0\.\d+ \| {2}\| test range \|/);
    expect(text).toMatch(/\| `b` \| 1 – 100 \(log\) \| .* \| \*\*not identified\*\*/);
    expect(text).toContain('no target \\| depends on it');
  });

  it('says whether each target is hit at the fit, with the mean and spread over the seeds', () => {
    // Mean of 0.3, 0.31 and 0.5 is 0.37, outside the band 0.29–0.31; p5 and p95 interpolate as
    // everywhere in the tool (type 7): 0.3 + 0.1 × 0.01 and 0.31 + 0.9 × 0.19.
    expect(text).toContain('| a-figure | last of vendor.arr_usd, openai, 2024-12 | 0.29 – 0.31 | 0.37 | 0.301 – 0.481 | **miss** | made up |');
    expect(text).toContain('0 of 1 targets hit');
  });

  it('lists a target the model does not produce as not modelled, with why', () => {
    expect(text).toContain('| later | 0.5 – 0.8 | one model per vendor | survey |');
  });

  it('says how the search went and why it stopped', () => {
    expect(text).toMatch(/\d+ runs in \d+ generations; stopped because/);
    expect(text).toContain('| 0 | 100 |');
  });
});

describe('calibration.csv and posterior.csv', () => {
  it('has a row for every point evaluated, with its parameters, distance and figures', () => {
    const { setup, outcome, generations } = toyCalibration();
    const csv = calibrationCsvHeader(setup) + generations.map(calibrationCsvRows).join('');
    const rows = csv.trim().split('\n');
    expect(rows[0]).toBe('generation,point,a,b,distance,a-figure');
    expect(rows).toHaveLength(1 + outcome.runs);
    const [g, point, a, , distance, figure] = rows[1]!.split(',').map(Number);
    expect([g, point]).toEqual([0, 0]);
    expect(figure).toBe(a);
    expect(distance).toBeCloseTo(Math.abs(a! - 0.3) / 0.01, 9);
  });

  it('lists the particles with weights that sum to 1', () => {
    const { setup, outcome } = toyCalibration();
    const rows = posteriorCsv(setup, outcome).trim().split('\n').slice(1).map((r) => r.split(',').map(Number));
    expect(rows).toHaveLength(50);
    expect(rows.reduce((s, r) => s + r[3]!, 0)).toBeCloseTo(1, 9);
  });
});

describe('formatFigure and targetsAtFit', () => {
  it('writes figures with 3 significant digits and a scale', () => {
    expect(formatFigure(4_560_000_000)).toBe('4.56B');
    expect(formatFigure(0.12345)).toBe('0.123');
    expect(formatFigure(33_000)).toBe('33k');
  });
  it('gives each target its mean and percentiles over the seeds, and a hit only when the mean is in the band', () => {
    const setup = calibrationSetup(targets, free, { budget: 400, runs: 1, seed: 1 });
    const [row] = targetsAtFit(setup, { seeds: [1, 2, 3, 4, 5], figures: [[0.5], [0.1], [0.3], [0.2], [0.4]] });
    expect(row).toMatchObject({ mean: 0.3, hit: true });
    expect(row!.p5).toBeCloseTo(0.12, 12);
    expect(row!.p95).toBeCloseTo(0.48, 12);
    expect(targetsAtFit(setup, { seeds: [1], figures: [[0.32]] })[0]!.hit).toBe(false);
  });
});
