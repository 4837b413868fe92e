import { describe, expect, it } from 'vitest';
import { Timeline } from '../../src/simulation/timeline.js';
import type { Scenario } from '../../src/config/parse-scenario.js';
import { baselineJson, scenarioOf } from '../support/scenario-fixtures.js';

const root = scenarioOf(baselineJson());
const branch = (at: string, growth: number, parent: Scenario): Scenario => ({
  ...parent,
  branchesAt: at,
  enterprises: { ...parent.enterprises, demandGrowthPerYear: growth },
  parent,
});

describe('Timeline', () => {
  it('runs a scenario without branches as one stretch, compounding exactly as (1 + rate)^(tick / 12)', () => {
    const timeline = new Timeline(root);
    expect(timeline.regimes).toHaveLength(1);
    for (const tick of [0, 1, 7, 60]) expect(timeline.compound(() => 0.45, tick)).toBe(1.45 ** (tick / 12));
    expect(timeline.at(40)).toBe(root);
  });

  it('is the parent until the branch month and the branch from it, compounding each stretch at its own rate', () => {
    const child = branch('2026-01', 3, root); // tick 25
    const timeline = new Timeline(child);
    expect(timeline.regimes.map((r) => r.fromTick)).toEqual([0, 25]);
    expect(timeline.at(24)).toBe(root);
    expect(timeline.at(25)).toBe(child);
    expect(timeline.beginning(25)).toEqual({ previous: root, next: child });
    expect(timeline.beginning(24)).toBeUndefined();
    const rate = (s: Scenario) => s.enterprises.demandGrowthPerYear;
    // Before the branch, exactly the parent's path; after it, the level reached grows at the branch's rate.
    expect(timeline.compound(rate, 24)).toBe(new Timeline(root).compound(rate, 24));
    expect(timeline.compound(rate, 37)).toBeCloseTo((1 + root.enterprises.demandGrowthPerYear) ** (25 / 12) * 4 ** (12 / 12), 12);
  });

  it('chains a branch of a branch, and lets a child branching in the same month as its parent supersede it', () => {
    const first = branch('2026-01', 2, root);
    const later = branch('2027-01', 5, first);
    expect(new Timeline(later).regimes.map((r) => r.fromTick)).toEqual([0, 25, 37]);
    const sibling = branch('2026-01', 4, first);
    const timeline = new Timeline(sibling);
    expect(timeline.regimes.map((r) => r.scenario)).toEqual([root, sibling]);
  });
});
