import { describe, expect, it } from 'vitest';
import { boundedValue, createPopulation, NO_VENDOR, priceTasks, retunePopulation, STAGE_NONE } from '../../src/agents/enterprise-population.js';
import type { ScenarioInput } from '../../src/config/scenario-schema.js';
import { scenarioOf, tinyScenarioInput } from '../support/scenario-fixtures.js';

type Segment = ScenarioInput['enterprises']['segments'][number];

function scenario(count: number, segments?: Segment[], edit: (input: ScenarioInput) => void = () => {}) {
  const input = tinyScenarioInput();
  input.enterprises.count = count;
  if (segments) input.enterprises.segments = segments;
  edit(input);
  return scenarioOf(input);
}

const segment = (fields: Partial<Segment>): Segment => ({
  id: 'all',
  share: 1,
  demandMTokPerMonth: { median: 100, logSd: 1 },
  valueUsdPerTask: { median: 30, logSd: 0.5 },
  mTokPerTask: { atStart: 0.01, growthPerYear: 0.8 },
  integrationCostShare: 0.2,
  qualityWeight: { min: 0.5, max: 2 },
  switchingCostUsd: { median: 1000, logSd: 0.5 },
  marketplaceShare: 0.5,
  ...fields,
});

describe('enterprise population', () => {
  it('draws the same enterprises from the same seed, and others from another seed', () => {
    const a = createPopulation(scenario(50, [segment({})]), 3);
    const b = createPopulation(scenario(50, [segment({})]), 3);
    const c = createPopulation(scenario(50, [segment({})]), 4);
    expect(Array.from(a.baseDemandMTok)).toEqual(Array.from(b.baseDemandMTok));
    expect(Array.from(a.baseDemandMTok)).not.toEqual(Array.from(c.baseDemandMTok));
  });

  it('derives each enterprise’s stream from seed and id, so no enterprise repeats another’s under a neighbouring seed', () => {
    const seed3 = createPopulation(scenario(5, [segment({})]), 3);
    const seed4 = createPopulation(scenario(5, [segment({})]), 4);
    expect(seed4.baseDemandMTok[0]).not.toBe(seed3.baseDemandMTok[1]);
    expect(seed4.valueUsdPerTask[1]).not.toBe(seed3.valueUsdPerTask[2]);
  });

  it('keeps each enterprise’s traits when more enterprises are simulated', () => {
    const few = createPopulation(scenario(20, [segment({})]), 3);
    const many = createPopulation(scenario(40, [segment({})]), 3);
    expect(Array.from(many.baseDemandMTok.slice(0, 20))).toEqual(Array.from(few.baseDemandMTok));
    expect(Array.from(many.qualityWeight.slice(0, 20))).toEqual(Array.from(few.qualityWeight));
    expect(Array.from(many.switchingCostUsd.slice(0, 20))).toEqual(Array.from(few.switchingCostUsd));
    // Later draws of the same streams are the same too.
    expect(many.rngs[7]!.next()).toBe(few.rngs[7]!.next());
  });

  it('has a vendor’s refusers refuse it (taste 0) in the share its config gives, leaving every other draw as it was', () => {
    const plain = createPopulation(scenario(2000, [segment({})]), 5);
    const refused = createPopulation(
      scenario(2000, [segment({})], (input) => {
        input.vendors[1]!.enterpriseRefusal = { share: 0.6 };
      }),
      5,
    );
    const V = refused.vendorCount;
    const column = (population: typeof refused, v: number) => Array.from({ length: population.size }, (_, i) => population.taste[i * V + v]!);
    const zeros = column(refused, 1).filter((t) => t === 0).length;
    // 2,000 draws of 0.6: a standard deviation of 22, so 1,200 ± 66 at three.
    expect(zeros).toBeGreaterThan(1134);
    expect(zeros).toBeLessThan(1266);
    // Those who do not refuse keep their taste; the other vendors' tastes and every trait are unchanged.
    column(refused, 1).forEach((t, i) => expect(t === 0 || t === column(plain, 1)[i]).toBe(true));
    for (let v = 0; v < V; v++) if (v !== 1) expect(column(refused, v)).toEqual(column(plain, v));
    expect(Array.from(refused.baseDemandMTok)).toEqual(Array.from(plain.baseDemandMTok));
    expect(column(plain, 1).every((t) => t > 0)).toBe(true);
  });

  it('starts everyone without AI and without a model', () => {
    const population = createPopulation(scenario(30), 1);
    expect(population.stage.every((s) => s === STAGE_NONE)).toBe(true);
    expect(population.vendor.every((v) => v === NO_VENDOR)).toBe(true);
  });

  it('gives everyone a segment’s median when its spread is 0, and a quality weight in its range', () => {
    const population = createPopulation(
      scenario(200, [
        segment({
          demandMTokPerMonth: { median: 60, logSd: 0 },
          valueUsdPerTask: { median: 30, logSd: 0 },
          switchingCostUsd: { median: 1000, logSd: 0 },
          marketplaceShare: 0,
        }),
      ]),
      1,
    );
    expect(new Set(population.baseDemandMTok)).toEqual(new Set([60]));
    expect(new Set(population.valueUsdPerTask)).toEqual(new Set([30]));
    expect(new Set(population.switchingCostUsd)).toEqual(new Set([1000]));
    expect(Math.min(...population.qualityWeight)).toBeGreaterThanOrEqual(0.5);
    expect(Math.max(...population.qualityWeight)).toBeLessThan(2);
  });

  it('draws segments, primary clouds and channels in proportion to their shares', () => {
    const population = createPopulation(
      scenario(20_000, [segment({ id: 'big', share: 0.2, marketplaceShare: 1 }), segment({ id: 'small', share: 0.8, marketplaceShare: 0 })], (input) => {
        input.clouds[0]!.enterpriseShare = 3;
        input.clouds[1]!.enterpriseShare = 1;
      }),
      5,
    );
    const share = (values: Uint8Array, value: number) => values.filter((v) => v === value).length / values.length;
    expect(share(population.segment, 0)).toBeCloseTo(0.2, 1);
    expect(share(population.cloud, 0)).toBeCloseTo(0.75, 1);
    // Every enterprise of the first segment buys through its marketplace, none of the second.
    population.segment.forEach((s, i) => expect(population.marketplace[i]).toBe(s === 0 ? 1 : 0));
  });

  it('assigns no enterprise to a cloud with no enterprise share', () => {
    const population = createPopulation(scenario(500), 1);
    expect(population.cloud.every((c) => c === 0)).toBe(true);
  });

  it('scales a marketplace buyer’s switching cost by the segment’s marketplace factor', () => {
    const population = createPopulation(
      scenario(300, [segment({ switchingCostUsd: { median: 1000, logSd: 0 }, marketplaceShare: 0.5, marketplaceSwitchingCostFactor: 0.25 })]),
      2,
    );
    population.marketplace.forEach((m, i) => expect(population.switchingCostUsd[i]).toBe(m === 1 ? 250 : 1000));
  });

  it('gives each enterprise an integration cost per task of its segment’s share of its value per task', () => {
    // Value 30 a task, integration share 0.25: 7.5 a task, for every enterprise of the segment.
    const population = createPopulation(scenario(50, [segment({ valueUsdPerTask: { median: 30, logSd: 0 }, integrationCostShare: 0.25 })]), 1);
    expect(new Set(population.integrationUsdPerTask)).toEqual(new Set([7.5]));
    expect(Array.from(population.mTokPerTaskAtStart)).toEqual([0.01]);
  });

  it('values a month’s tokens as value per task ÷ tokens per task, against the best model of the month', () => {
    // Two segments: 0.8 a task at 0.016 MTok a task = 50 a MTok; 0.3 a task at 0.01 MTok = 30 a MTok.
    // Best quality 1.25: the first enterprise (weight 2) sees 50 / 1.25² = 32 a MTok from a quality-1 model.
    const population = createPopulation(
      scenario(400, [
        segment({ id: 'big', share: 0.5, valueUsdPerTask: { median: 0.8, logSd: 0 }, qualityWeight: { min: 2, max: 2 }, integrationCostShare: 0.25 }),
        segment({ id: 'small', share: 0.5, valueUsdPerTask: { median: 0.3, logSd: 0 }, qualityWeight: { min: 0, max: 0 }, integrationCostShare: 0.2 }),
      ]),
      1,
    );
    priceTasks(population, Float64Array.of(0.016, 0.01), 1.25);
    population.segment.forEach((s, i) => {
      // Integration: 0.25 × 0.8 = 0.2 a task, / 0.016 = 12.5 a MTok; 0.2 × 0.3 = 0.06, / 0.01 = 6 a MTok.
      // At most 2 × the task's value: 2 × 50 = 100 a MTok, 2 × 30 = 60.
      expect(population.valueUsdPerMTok[i]).toBeCloseTo(s === 0 ? 32 : 30, 10);
      expect(population.integrationUsdPerMTok[i]).toBeCloseTo(s === 0 ? 12.5 : 6, 10);
      expect(population.valueCapUsdPerMTok[i]).toBeCloseTo(s === 0 ? 100 : 60, 10);
    });
    // Tasks twice as long: every token is worth half as much, and costs half as much to integrate.
    priceTasks(population, Float64Array.of(0.032, 0.02), 1.25);
    expect(population.valueUsdPerMTok[0]).toBeCloseTo(population.segment[0] === 0 ? 16 : 15, 10);
  });

  it('moves the integration cost with the value when a branch retunes a segment', () => {
    const before = scenario(20, [segment({ valueUsdPerTask: { median: 30, logSd: 0 }, integrationCostShare: 0.2 })]);
    const after = scenario(20, [segment({ valueUsdPerTask: { median: 40, logSd: 0 }, integrationCostShare: 0.25 })]);
    const population = createPopulation(before, 1);
    retunePopulation(population, before.enterprises.segments, after.enterprises.segments);
    expect(new Set(population.valueUsdPerTask)).toEqual(new Set([40]));
    expect(new Set(population.integrationUsdPerTask)).toEqual(new Set([10]));
  });

  it('saturates a MTok’s value towards its cap, barely below half of it and never above it', () => {
    // cap × tanh(x / cap): 10 × tanh(0.5) = 4.621; 10 × tanh(3) = 9.951; far above the cap, the cap.
    expect(boundedValue(5, 10)).toBeCloseTo(4.6212, 4);
    expect(boundedValue(30, 10)).toBeCloseTo(9.9505, 4);
    expect(boundedValue(1e6, 10)).toBe(10);
  });

  it('draws a fit with every vendor, around 1', () => {
    const population = createPopulation(scenario(2000, undefined, (input) => (input.enterprises.tasteDispersion = 0.25)), 1);
    expect(population.taste).toHaveLength(2000 * 2);
    const logs = Array.from(population.taste, Math.log);
    expect(logs.reduce((s, x) => s + x, 0) / logs.length).toBeCloseTo(0, 1);
    const flat = createPopulation(scenario(10), 1);
    expect(new Set(flat.taste)).toEqual(new Set([1]));
  });
});
