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
  // Refitted with the labs of issue 26 (capital-plan training, training contracts, a group building
  // for its own lab): Google is no longer starved of compute at GCP in 2025, which had held its
  // share down; the refit (budget 4000, runs 4) meets 16 of 29 on every seed, several just outside.
  'anthropic-subscription-share-2024': 'the refit has 0.077–0.092 (band 0.08–0.22; seed article ~15 %), just below on some seeds',
  'anthropic-marketplace-share-2024': 'the refit has 0.703–0.758 (band 0.60–0.75), just above on some seeds',
  'anthropic-arr-2024-12': 'the refit has $1.14–1.40B (band $0.75–1.25B; the hand calibration without the enterprise policies met it)',
  'openai-enterprise-share-2023-12': 'the baseline starts OpenAI at 0.402–0.491 of enterprise tokens (Menlo 2023: 50 %)',
  'anthropic-enterprise-share-2023-12': 'the baseline starts Anthropic at 0.181–0.224 (Menlo 2023: 12 %)',
  'anthropic-enterprise-share-2025-06': 'Anthropic has 0.215–0.243 of enterprise tokens in June 2025 (Menlo: 32 %): quality is one LMArena text Elo, which ranks Claude below OpenAI’s and Google’s models, while enterprises chose it for coding',
  'google-enterprise-share-2025-06': 'Google has 0.230–0.266 in June 2025, above 0.26 on some seeds (Menlo: 20 %): Gemini 2.5 Pro leads the one Arena quality at Google’s low markup, and GCP now builds what Gemini needs',
  'deepseek-enterprise-share-2025-06': 'DeepSeek has 0.093–0.116 in June 2025 (Menlo: 1 %): nothing in the model keeps enterprises from an open model of its quality and price',
  'open-weights-share-2025-06': 'open weights have 0.170–0.200 in June 2025, above 0.19 on some seeds (Menlo: 13 %), DeepSeek’s share the excess',
  'enterprises-changed-nothing-12m': '0.164–0.175 of adopters changed nothing in the year to June 2025 (Menlo: 23 %, band 0.17–0.29), just below on some seeds',
  'anthropic-arr-2025-05': 'Anthropic’s run-rate is $2.03–2.36B in May 2025, below $2.25B on some seeds (press: ~$3B)',
  'anthropic-arr-mid-2025': 'Anthropic’s run-rate is $2.84–3.30B in Jul–Aug 2025, below $3B on some seeds (press: ~$4–5B)',
  'openai-arr-2025-06': 'OpenAI’s run-rate is $7.47–7.88B in June 2025, just below $7.5B on some seeds (press: ~$10B)',
  // Measured since market.price_at_constant_quality_usd_per_mtok (issue 26, mechanism 3): one model
  // and one price per vendor, so a capability gets cheaper only as list prices fall.
  'price-at-constant-capability-2024': 'the price at constant quality falls to 0.285–0.288 of its Dec 2023 level by Dec 2024 (a16z ~0.1, Epoch 1/900–1/9): no cheap small tier reaches an old frontier',
  'price-at-constant-capability-2025': 'the price at constant quality is 0.325–0.329 of its Jun 2024 level in Jun 2025 (band 0.04–0.3): no cheap small tier reaches an old frontier',
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
