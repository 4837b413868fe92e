import { describe, expect, it } from 'vitest';
import { checkTargetsAgainst } from '../../src/calibration/check-targets.js';
import { loadTargetsFile } from '../../src/calibration/load-targets-file.js';
import { measureTarget } from '../../src/calibration/measure-target.js';
import { describeBand } from '../../src/calibration/target-format.js';
import { describeWindow } from '../../src/calibration/target-file.js';
import { CALIBRATED_UNTIL, inBand, targetRole } from '../../src/calibration/target-verdict.js';
import { PROJECT_ROOT } from '../support/run-cli.js';
import { loadConfig, runScenario } from '../support/scenario-runs.js';

const baseline = loadConfig('baseline');
const seeds = Array.from({ length: 10 }, (_, i) => i + 1);
const loaded = loadTargetsFile(`${PROJECT_ROOT}/configs/targets/2023-2025.json`);
if (!loaded.success) throw new Error(loaded.problems.map((p) => `${p.path}: ${p.message}`).join('; '));
const targets = loaded.file.targets;

/**
 * Figures of the targets file to mid-2025 that the baseline misses on some seed of 1..10 (`npx tsx
 * scripts/calibrate.ts`), though the fit of docs/model.md §7 meets most in the mean. Each is expected
 * to fail until a calibration meets it: then its test fails, and it comes off this list.
 */
const KNOWN_MISSES: Readonly<Record<string, string>> = {
  // None: with Claude listed on Vertex AI from March 2024 (as the record has it), the brand premium at
  // 0.22 and subscribers' growth at 1.25 (both set by hand inside their intervals, docs/model.md §7),
  // every modelled target holds on every seed of 1..10 (`npx tsx scripts/calibrate.ts`).
};

describe('configs/baseline.json calibration', () => {
  it('starts no later than 2023-12 and runs at least to 2026-12', () => {
    expect(baseline.start <= '2023-12').toBe(true);
    const end = runScenario(baseline, 1).dates.at(-1)!;
    expect(end >= '2026-12').toBe(true);
  });

  it('is measured by configs/targets/2023-2025.json: every path, month and entity fits the baseline', () => {
    expect(checkTargetsAgainst(loaded.file, baseline)).toEqual([]);
    expect(targets.filter((t) => targetRole(t) === 'asserted').length).toBeGreaterThanOrEqual(11);
  });

  for (const target of targets.filter((t) => targetRole(t) === 'asserted')) {
    const miss = KNOWN_MISSES[target.id];
    const title = `reproduces ${target.id} (${describeWindow(target)}) within ${describeBand(...target.band)} on seeds 1..10 (${target.source})`;
    const test = () => {
      for (const seed of [baseline.seed, ...seeds]) {
        const value = measureTarget(target, runScenario(baseline, seed));
        expect(inBand(target, value), `seed ${seed}: ${value}`).toBe(true);
      }
    };
    if (miss === undefined) it(title, test);
    else it.fails(`known miss, until a calibration meets it (${miss}): ${title}`, test);
  }

  it(`asserts every modelled figure to ${CALIBRATED_UNTIL}, and names no known miss that is not one of them`, () => {
    const asserted = new Set(targets.filter((t) => targetRole(t) === 'asserted').map((t) => t.id));
    for (const id of Object.keys(KNOWN_MISSES)) expect(asserted.has(id), id).toBe(true);
  });
});
