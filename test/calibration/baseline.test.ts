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
  // Refitted with the small tiers kept through scripted frontier releases (issue 26; docs/model.md
  // §7, nine parameters beside the earlier fit of the rest): 31 of 37 targets hold on every seed of
  // 1..10 (`npx tsx scripts/calibrate.ts`), Claude 3.5 Haiku's share and Anthropic's margins and
  // marketplace share now among them; these six fall out on some seeds.
  'anthropic-arr-2024-12': '$1.01–1.26B (band $0.75–1.25B), just above on one seed',
  'anthropic-enterprise-share-2024-12': 'Anthropic has 0.249–0.302 of enterprise tokens in December 2024 (Menlo 2024: 24 %, band to 0.30), just above on one seed',
  'anthropic-enterprise-share-2023-12': 'Anthropic has 0.163–0.199 at the first month (Menlo 2023: 12 %, band to 0.18), above on some seeds',
  'openai-enterprise-share-2025-06': 'OpenAI has 0.291–0.335 in June 2025 (Menlo: 25 %, band to 0.31), above on some seeds',
  'google-enterprise-share-2025-06': 'Google has 0.114–0.137 in June 2025 (Menlo: 20 %, band from 0.14): 40–60 % of its demand goes unserved in 2025, its cloud’s fleet sold to Anthropic first',
  'open-weights-share-fall-2024-12-to-2025-06': 'open weights keep 0.93–1.10 of their December 2024 share in June 2025 (Menlo: ×0.68, band to 1), above 1 on some seeds',
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
