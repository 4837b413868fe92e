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
  'anthropic-gross-margin-2023-12': 'the fit with the enterprise policies has 0.440–0.505 (band 0.48–0.57; the hand calibration without them met it)',
  'anthropic-arr-2024-12': 'the fit has $1.07–1.27B (band $0.75–1.25B; the hand calibration without the enterprise policies met it)',
  'openai-enterprise-share-2023-12': 'the baseline starts OpenAI at 0.403–0.492 of enterprise tokens (Menlo 2023: 50 %)',
  'anthropic-enterprise-share-2023-12': 'the baseline starts Anthropic at 0.151–0.191 (Menlo 2023: 12 %)',
  'open-weights-share-2024-12': 'the baseline has open weights at 0.112–0.142 at Dec 2024, below 0.13 on some seeds (Menlo 2024: 19 %)',
  'anthropic-enterprise-share-2025-06': 'Anthropic has 0.229–0.267 of enterprise tokens in June 2025 (Menlo: 32 %): quality is one LMArena text Elo, which ranks Claude below OpenAI’s and Google’s models, while enterprises chose it for coding',
  'openai-enterprise-share-2025-06': 'OpenAI has 0.272–0.321 in June 2025, above 0.31 on some seeds (Menlo: 25 %)',
  'deepseek-enterprise-share-2025-06': 'DeepSeek has 0.076–0.118 in June 2025 (Menlo: 1 %): nothing in the model keeps enterprises from an open model of its quality and price',
  'open-weights-share-2025-06': 'open weights have 0.154–0.196 in June 2025, above 0.19 on some seeds (Menlo: 13 %), DeepSeek’s share the excess',
  'anthropic-arr-2025-05': 'Anthropic’s run-rate is $2.08–2.38B in May 2025, below $2.25B on some seeds (press: ~$3B)',
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
