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
  // Refitted with coding quality and the refusal of DeepSeek (issue 25; budget 6000, runs 3): the
  // fit's mean over seeds 1..10 lies in 32 of 35 bands, and 29 hold on every seed; these fall out
  // on some seeds, most just outside.
  'anthropic-gross-margin-2023-12': 'the refit has 0.444–0.500 (band 0.48–0.57; The Information: 50–55 %), below on some seeds',
  'anthropic-gross-margin-late-2024': 'the refit has 0.390–0.434 (band 0.33–0.43), just above on some seeds',
  'anthropic-arr-2024-12': 'the refit has $1.07–1.31B (band $0.75–1.25B), above on some seeds: Claude 3.5 Sonnet’s lead in coding from October 2024',
  'anthropic-enterprise-share-2025-06': 'Anthropic has 0.230–0.289 of enterprise tokens in June 2025 (Menlo: 32 %, band from 0.26), below on some seeds',
  'openai-enterprise-share-2025-06': 'OpenAI has 0.291–0.321 in June 2025 (Menlo: 25 %, band to 0.31), above on some seeds',
  // Measured since market.price_at_constant_quality_usd_per_mtok (issue 26, mechanism 3): the
  // baseline sells one model per vendor until its small tiers are scripted (docs/model.md §6, "Model
  // tiers"), so a capability gets cheaper only as list prices fall.
  'price-at-constant-capability-2024': 'the price at constant quality falls to 0.278–0.283 of its Dec 2023 level by Dec 2024 (a16z ~0.1, Epoch 1/900–1/9): no cheap small tier reaches an old frontier',
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
