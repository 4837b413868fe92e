import { describe, expect, it } from 'vitest';
import { instantiatePolicies } from '../../src/agents/agent-context.js';
import type { Scenario } from '../../src/config/parse-scenario.js';
import { appealAt } from '../../src/simulation/enterprise-appeal.js';
import { runSimulation } from '../../src/simulation/run-simulation.js';
import { Timeline } from '../../src/simulation/timeline.js';
import { baselineJson, scenarioOf } from '../support/scenario-fixtures.js';

function withControl(premium: number, declinePerYear: number, valueFactor = 0.8): Scenario {
  const json = baselineJson();
  json.enterprises.openWeightsValueFactor = valueFactor;
  json.enterprises.openWeightsControl = { premium, declinePerYear };
  return scenarioOf(json);
}

const factorAt = (scenario: Scenario, tick: number) =>
  appealAt(new Timeline(scenario), new Timeline(scenario).at(tick), instantiatePolicies(scenario), tick).openWeightsValueFactor;

describe('the control premium of open weights', () => {
  it('multiplies the open-weights value factor by 1 + premium, the premium losing declinePerYear of itself a year', () => {
    const scenario = withControl(0.5, 0.75);
    expect(factorAt(scenario, 0)).toBeCloseTo(0.8 * 1.5, 12); // 1.2
    expect(factorAt(scenario, 6)).toBeCloseTo(0.8 * (1 + 0.5 * 0.5), 12); // half a year: 0.25^0.5 = 0.5 of it left
    expect(factorAt(scenario, 12)).toBeCloseTo(0.8 * (1 + 0.5 * 0.25), 12); // 0.9
    expect(factorAt(scenario, 24)).toBeCloseTo(0.8 * (1 + 0.5 * 0.0625), 12);
  });

  it('is no premium when the config says nothing: the factor is openWeightsValueFactor, every month', () => {
    const json = baselineJson();
    delete json.enterprises.openWeightsControl;
    const scenario = scenarioOf(json);
    expect(scenario.enterprises.openWeightsControl).toEqual({ premium: 0, declinePerYear: 0 });
    for (const tick of [0, 13, 60]) expect(factorAt(scenario, tick)).toBe(scenario.enterprises.openWeightsValueFactor);
  });

  it('keeps the level a branch inherits and declines from it at the branch’s rate', () => {
    const root = withControl(0.5, 0.75);
    // The branch (2024-12, tick 12) stops the decline: the premium stays at the quarter it had reached.
    const branch: Scenario = {
      ...root,
      branchesAt: '2024-12',
      parent: root,
      enterprises: { ...root.enterprises, openWeightsControl: { premium: 3, declinePerYear: 0 } },
    };
    const timeline = new Timeline(branch);
    const policies = instantiatePolicies(root);
    expect(appealAt(timeline, timeline.at(30), policies, 30).openWeightsValueFactor).toBeCloseTo(0.8 * (1 + 0.5 * 0.25), 12);
  });

  it('lifts open weights’ share of enterprise tokens while it lasts, and the lift fades as the premium does', () => {
    const share = (scenario: Scenario, month: string) => {
      const table = runSimulation(scenario, { seed: 1, months: 25 }).metrics;
      return table.series('market.open_weights_share').get('market')![table.dates.indexOf(month)]!;
    };
    const none = withControl(0, 0);
    const fading = withControl(1, 0.8);
    const liftAtStart = share(fading, '2023-12') - share(none, '2023-12');
    const liftLater = share(fading, '2025-12') - share(none, '2025-12');
    expect(liftAtStart).toBeGreaterThan(0.05);
    expect(liftLater).toBeLessThan(liftAtStart / 2);
  });
});
