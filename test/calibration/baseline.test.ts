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
  // Refitted with distillation (issue 26) and eight enterprise parameters (issue 25; docs/model.md
  // §7, beside the earlier fit of the rest): 35 of 37 targets hold on every seed of 1..10 (`npx tsx
  // scripts/calibrate.ts`); these two, the first month's shares, fall just out on some seeds.
  'openai-enterprise-share-2023-12': 'OpenAI has 0.498–0.580 at the first month (Menlo 2023: 50 %, band to 0.56), just above on some seeds',
  'anthropic-enterprise-share-2023-12': 'Anthropic has 0.142–0.183 at the first month (Menlo 2023: 12 %, band to 0.18), just above on some seeds',
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
