import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/config/parse-scenario.js';
import { parseScenario } from '../../src/config/parse-scenario.js';
import { loadConfig, meanOver, runScenario } from '../support/scenario-runs.js';

/**
 * The enterprise facts of ../shared/domain.md ("What a run should be able to show") under the
 * three enterprise policies of issue 25, switched on over the baseline: several vendors at once
 * (logit-split, τ 0.1, work moving 30 % of the gap a month), upgrades over months (staggered, 15 % a
 * month) and work that grows with the models (capability-driven, κ 2). The values are the ones
 * README shows, not a calibration: the facts must come out of the mechanisms, whatever the fit.
 */
const SEEDS = [1, 2, 3];

function withEnterprisePolicies(base: Scenario, name: string, events: Scenario['events'] = base.events): Scenario {
  const json = JSON.parse(JSON.stringify({ ...base, name, events }));
  json.enterprises.policies = {
    ...json.enterprises.policies,
    allocation: { type: 'logit-split', params: { maxVendors: 3, temperature: 0.1, adjustment: 0.3 } },
    upgrade: { type: 'staggered', params: { monthlyProbability: 0.15 } },
    demand: { type: 'capability-driven', params: { capabilityElasticity: 2 } },
  };
  const parsed = parseScenario(json);
  if (!parsed.success) throw new Error(JSON.stringify(parsed.problems));
  return parsed.scenario;
}

const baseline = loadConfig('baseline');
const buying = withEnterprisePolicies(baseline, 'enterprise-buying');
const at = (table: ReturnType<typeof runScenario>, metric: string, entity: string, month: string) => meanOver(table, metric, entity, month, month);

describe('enterprises that buy as surveys find', () => {
  it('mostly upgrade within their vendor, about one in ten changes vendor in a year, and many run several at once (June 2025)', () => {
    for (const seed of SEEDS) {
      const table = runScenario(buying, seed);
      const switched = at(table, 'market.switch_rate_12m', 'market', '2025-06');
      const upgraded = at(table, 'market.upgrade_rate_12m', 'market', '2025-06');
      const unchanged = at(table, 'market.unchanged_share_12m', 'market', '2025-06');
      expect(upgraded, `seed ${seed}`).toBeGreaterThan(0.5);
      expect(switched, `seed ${seed}`).toBeGreaterThan(0.04);
      expect(switched, `seed ${seed}`).toBeLessThan(0.2);
      expect(switched + upgraded + unchanged, `seed ${seed}`).toBeCloseTo(1, 12);
      expect(at(table, 'market.multi_vendor_share', 'market', '2025-06'), `seed ${seed}`).toBeGreaterThan(0.25);
      // Under the baseline's rules (single-vendor) nobody runs two vendors.
      expect(at(runScenario(baseline, seed), 'market.multi_vendor_share', 'market', '2025-06')).toBe(0);
    }
  });

  it('gives a better model its enterprise share over months, not overnight (OpenAI 10 % ahead from 2026-01)', () => {
    const release = withEnterprisePolicies(baseline, 'openai-release', [...baseline.events, { date: '2026-01', type: 'model-release', vendor: 'openai', qualityGain: 1.1 }]);
    for (const seed of SEEDS) {
      const gain = (month: string) => at(runScenario(release, seed), 'vendor.enterprise_share', 'openai', month) - at(runScenario(buying, seed), 'vendor.enterprise_share', 'openai', month);
      // Within the month it ships, less than half of what it has gained by the year's end.
      expect(gain('2026-12'), `seed ${seed}`).toBeGreaterThan(0.005);
      expect(gain('2026-01'), `seed ${seed}`).toBeLessThan(gain('2026-12') / 2);
    }
  });
});
