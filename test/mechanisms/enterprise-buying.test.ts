import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/config/parse-scenario.js';
import { parseScenario } from '../../src/config/parse-scenario.js';
import { loadConfig, meanOver, runScenario } from '../support/scenario-runs.js';

/**
 * The enterprise facts of ../shared/domain.md ("What a run should be able to show") under the
 * three enterprise policies of issue 25: several vendors at once (logit-split), upgrades over months
 * (staggered) and work that grows with the models (capability-driven). They hold at the baseline's
 * fitted values and at the ones README showed before the fit (τ 0.1, work moving 30 % of the gap a
 * month, upgrades 15 % a month, κ 2): the facts must come out of the mechanisms, whatever the fit.
 */
const SEEDS = [1, 2, 3];

function withEnterprisePolicies(base: Scenario, name: string, policies: Record<string, unknown>, events: Scenario['events'] = base.events): Scenario {
  const json = JSON.parse(JSON.stringify({ ...base, name, events }));
  json.enterprises.policies = { ...json.enterprises.policies, ...policies };
  const parsed = parseScenario(json);
  if (!parsed.success) throw new Error(JSON.stringify(parsed.problems));
  return parsed.scenario;
}

const baseline = loadConfig('baseline');
const unfitted = withEnterprisePolicies(baseline, 'enterprise-buying', {
  allocation: { type: 'logit-split', params: { maxVendors: 3, temperature: 0.1, adjustment: 0.3 } },
  upgrade: { type: 'staggered', params: { monthlyProbability: 0.15 } },
  demand: { type: 'capability-driven', params: { capabilityElasticity: 2 } },
});
const singleVendor = withEnterprisePolicies(baseline, 'single-vendor', { allocation: { type: 'single-vendor' } });
const at = (table: ReturnType<typeof runScenario>, metric: string, entity: string, month: string) => meanOver(table, metric, entity, month, month);

describe('enterprises that buy as surveys find', () => {
  it('mostly upgrade within their vendor, about one in ten changes vendor in a year, and many run several at once (June 2025)', () => {
    for (const scenario of [baseline, unfitted]) {
      for (const seed of SEEDS) {
        const table = runScenario(scenario, seed);
        const where = `${scenario.name}, seed ${seed}`;
        const switched = at(table, 'market.switch_rate_12m', 'market', '2025-06');
        const upgraded = at(table, 'market.upgrade_rate_12m', 'market', '2025-06');
        const unchanged = at(table, 'market.unchanged_share_12m', 'market', '2025-06');
        expect(upgraded, where).toBeGreaterThan(0.5);
        expect(switched, where).toBeGreaterThan(0.04);
        expect(switched, where).toBeLessThan(0.2);
        expect(switched + upgraded + unchanged, where).toBeCloseTo(1, 12);
        expect(at(table, 'market.multi_vendor_share', 'market', '2025-06'), where).toBeGreaterThan(0.25);
      }
    }
    // Under the old rule (single-vendor) nobody runs two vendors.
    expect(at(runScenario(singleVendor, 1), 'market.multi_vendor_share', 'market', '2025-06')).toBe(0);
  });

  it('staggers changes of vendor: switches rise and fall no more in step than noise would (2026–2028)', () => {
    // A perfect two-month sawtooth alternates in every pair of months (32 of 32 on the baseline of
    // issue 25's report); a series without one turns about two months in three. Measured (after the
    // refit of docs/model.md §7): 18, 17 and 15 of 34 on seeds 1–3.
    for (const seed of SEEDS) {
      const table = runScenario(baseline, seed);
      const switches = table.series('market.switches').get('market')!;
      const from = table.dates.indexOf('2026-01');
      const to = table.dates.indexOf('2028-12');
      let turns = 0;
      for (let t = from + 1; t < to; t++) if ((switches[t]! - switches[t - 1]!) * (switches[t + 1]! - switches[t]!) < 0) turns++;
      expect(turns, `seed ${seed}`).toBeLessThan(0.85 * (to - from - 1));
    }
  });

  it('gives a better model its enterprise share over months, not overnight (OpenAI 10 % ahead from 2026-01)', () => {
    const release = (base: Scenario) => withEnterprisePolicies(base, `${base.name}-openai-release`, {}, [...base.events, { date: '2026-01', type: 'model-release', vendor: 'openai', qualityGain: 1.1 }]);
    const months = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12'];
    for (const base of [unfitted, baseline]) {
      const better = release(base);
      for (const seed of SEEDS) {
        const gain = (month: string) => at(runScenario(better, seed), 'vendor.enterprise_share', 'openai', month) - at(runScenario(base, seed), 'vendor.enterprise_share', 'openai', month);
        const gains = months.map(gain);
        const where = `${base.name}, seed ${seed}`;
        expect(Math.max(...gains), where).toBeGreaterThan(0.005);
        // Customers upgrade over months, so the share it has in the month it ships is not yet the most it gains.
        expect(gains[0]!, where).toBeLessThan(Math.max(...gains.slice(1)));
        // With the values README showed (work moving 30 % of the gap a month, 15 % upgrading a month), under half.
        if (base === unfitted) expect(gains[0]!, where).toBeLessThan(gains[11]! / 2);
      }
    }
  });
});
