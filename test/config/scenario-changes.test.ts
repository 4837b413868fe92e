import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mergeScenario } from '../../src/config/compose.js';
import { sameJson, scenarioChanges } from '../../src/config/scenario-changes.js';

const baseline = JSON.parse(readFileSync('configs/baseline.json', 'utf8')) as Record<string, any>;
const copy = <T>(value: T): T => structuredClone(value);

describe('scenario-changes', () => {
  it('holds nothing when nothing changed', () => {
    expect(scenarioChanges(baseline, copy(baseline))).toEqual({});
  });

  it('holds a changed parameter with the id of its entity only, and merges back to the edit', () => {
    const edited = copy(baseline);
    edited.vendors[1].policies.pricing.params.markup = 2.75;
    edited.months = 24;
    const child = scenarioChanges(baseline, edited);
    expect(child).toEqual({ months: 24, vendors: [{ id: edited.vendors[1].id, policies: { pricing: { params: { markup: 2.75 } } } }] });
    expect(sameJson(mergeScenario(baseline, child), edited)).toBe(true);
  });

  it('gives a policy whose type changed whole, so none of the old type’s params are left in it', () => {
    const edited = copy(baseline);
    edited.clouds[0].policies.marketplace = { type: 'promote-own', params: { boost: 0.1 } };
    const child = scenarioChanges(baseline, edited) as any;
    expect(child.clouds[0].policies.marketplace).toEqual({ type: 'promote-own', params: { boost: 0.1 } });
    expect(sameJson(mergeScenario(baseline, child), edited)).toBe(true);
  });

  it('replaces an edited event whole, removes a deleted one by id and appends a new one', () => {
    const edited = copy(baseline);
    const removed = edited.events.splice(2, 1)[0];
    edited.events[0] = { ...edited.events[0], date: '2024-04' };
    edited.events.push({ id: 'explorer-added', date: '2025-06', type: 'model-release', vendor: 'openai', model: 'X', quality: 1.3 });
    const child = scenarioChanges(baseline, edited) as any;
    expect(child.events).toEqual([{ id: removed.id, remove: true }, edited.events[0], edited.events.at(-1)]);
    expect(sameJson(mergeScenario(baseline, child), edited)).toBe(true);
  });

  it('keys a marketplace listing by its cloud and vendor', () => {
    const edited = copy(baseline);
    edited.marketplace[1].revenueShare = 0.45;
    const child = scenarioChanges(baseline, edited) as any;
    expect(child.marketplace).toEqual([{ cloud: edited.marketplace[1].cloud, vendor: edited.marketplace[1].vendor, revenueShare: 0.45 }]);
    expect(sameJson(mergeScenario(baseline, child), edited)).toBe(true);
  });
});
