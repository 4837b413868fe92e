import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/config/parse-scenario.js';
import { MetricRecorder } from '../../src/metrics/metric-table.js';
import { recordMonth } from '../../src/metrics/record-metrics.js';
import { baselineJson } from '../support/scenario-fixtures.js';
import { cloudState, vendorState, worldState } from '../support/world-fixtures.js';

/** The problems of the baseline with one edit, as "path: message". */
function problemsWith(edit: (json: any) => void): string[] {
  const json = baselineJson() as any;
  edit(json);
  const parsed = parseScenario(json);
  return parsed.success ? [] : parsed.problems.map((p) => `${p.path}: ${p.message}`);
}

describe('non-finite numbers', () => {
  it('refuses at load the documented ranges that gave NaN or Infinity, naming the field and the bound', () => {
    expect(problemsWith((j) => (j.compute.gpuCostDeclinePerYear = 1))).toEqual([expect.stringMatching(/^compute\.gpuCostDeclinePerYear: at most 0\.9/)]);
    expect(problemsWith((j) => (j.enterprises.priceElasticity = 500))).toEqual([expect.stringMatching(/^enterprises\.priceElasticity: at most 5/)]);
    expect(problemsWith((j) => (j.enterprises.tasteDispersion = 400))).toEqual([expect.stringMatching(/^enterprises\.tasteDispersion: at most 3/)]);
    expect(problemsWith((j) => (j.enterprises.segments[0].demandMTokPerMonth.logSd = 50))).toEqual([expect.stringMatching(/^enterprises\.segments\[0\]\.demandMTokPerMonth\.logSd: at most 3/)]);
    expect(problemsWith((j) => (j.vendors[0].policies.pricing.params.qualityPremium = 1000))).toEqual([expect.stringMatching(/qualityPremium: at most 10/)]);
    expect(problemsWith((j) => (j.compute.gpuCostUsdPerMTok = 1e300))).toEqual([expect.stringMatching(/^compute\.gpuCostUsdPerMTok: at most 1e\+15/)]);
    // 1e-300 ran to a cloud's unserved requests of Infinity MTok (exit 1); a millionth of a dollar is the floor.
    expect(problemsWith((j) => (j.compute.gpuCostUsdPerMTok = 1e-300))).toEqual([expect.stringMatching(/^compute\.gpuCostUsdPerMTok: at least 0\.000001 USD/)]);
    // The bounds themselves are valid.
    expect(problemsWith((j) => (j.compute.gpuCostDeclinePerYear = 0.9))).toEqual([]);
    expect(problemsWith((j) => (j.compute.gpuCostUsdPerMTok = 1e-6))).toEqual([]);
  });

  it('stops on a metric that comes out NaN, naming the metric, the entity and the month, instead of leaving a hole', () => {
    const recorder = new MetricRecorder(1);
    recorder.beginTick('2027-03');
    const world = worldState({ vendors: [vendorState('acme', { priceUsdPerMTok: Number.NaN })], clouds: [cloudState('alpha')] });
    const demand = { directMTok: new Float64Array(1), viaCloudMTok: new Float64Array(1), adopters: 0, inProduction: 0, switches: 0, switchedInLastYear: 0, multiVendor: 0, upgrades: 0, upgradedInLastYear: 0 };
    expect(() => recordMonth(recorder, world, demand, 10, {}, { vendors: ['acme'], clouds: ['alpha'] })).toThrow(/^vendor\.price_usd_per_mtok of acme in 2027-03 is NaN/);
  });
});
