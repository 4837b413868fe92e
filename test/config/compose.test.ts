import { describe, expect, it } from 'vitest';
import { emptyComposition, mergeScenario } from '../../src/config/compose.js';

describe('mergeScenario', () => {
  it('merges objects key by key, recursively', () => {
    const parent = { name: 'baseline', compute: { gpuCostUsdPerMTok: 2, gpuCostDeclinePerYear: 0.45 } };
    const child = { name: 'cheap-gpus', compute: { gpuCostUsdPerMTok: 1 } };
    expect(mergeScenario(parent, child)).toEqual({ name: 'cheap-gpus', compute: { gpuCostUsdPerMTok: 1, gpuCostDeclinePerYear: 0.45 } });
  });

  it('merges lists of entities by id, keeping the parent’s order and appending new ids', () => {
    const parent = { vendors: [{ id: 'openai', quality: 1.05, weights: 'closed' }, { id: 'meta', quality: 0.8, weights: 'open' }] };
    const child = { vendors: [{ id: 'meta', quality: 1 }, { id: 'deepseek', quality: 0.9, weights: 'open' }] };
    expect(mergeScenario(parent, child)).toEqual({
      vendors: [
        { id: 'openai', quality: 1.05, weights: 'closed' },
        { id: 'meta', quality: 1, weights: 'open' },
        { id: 'deepseek', quality: 0.9, weights: 'open' },
      ],
    });
  });

  it('reports entries appended to an entity list, so a mistyped id can be explained', () => {
    const composition = emptyComposition();
    mergeScenario({ vendors: [{ id: 'openai' }, { id: 'meta' }] }, { vendors: [{ id: 'opnai', quality: 2 }] }, composition);
    expect(composition.appended).toEqual([{ path: 'vendors[2]', id: 'opnai', parentIds: ['openai', 'meta'] }]);
  });

  it('replaces other arrays whole', () => {
    const parent = { vendors: [{ id: 'openai', computeClouds: ['azure', 'oracle'] }], dealsAtStart: [{ cloud: 'azure' }] };
    const child = { vendors: [{ id: 'openai', computeClouds: ['aws'] }], dealsAtStart: [] };
    expect(mergeScenario(parent, child)).toEqual({ vendors: [{ id: 'openai', computeClouds: ['aws'] }], dealsAtStart: [] });
  });

  it('merges listings on their cloud and vendor: a known pair is changed, a new one added, a removal takes one out', () => {
    const parent = {
      marketplace: [
        { cloud: 'azure', vendor: 'openai', revenueShare: 0.2 },
        { cloud: 'aws', vendor: 'meta' },
        { cloud: 'gcp', vendor: 'anthropic', revenueShare: 0.33 },
      ],
    };
    const child = {
      marketplace: [
        { cloud: 'gcp', vendor: 'anthropic', revenueShare: 0.25 },
        { cloud: 'aws', vendor: 'meta', remove: true },
        { cloud: 'azure', vendor: 'anthropic', revenueShare: 0.3 },
      ],
    };
    expect(mergeScenario(parent, child)).toEqual({
      marketplace: [
        { cloud: 'azure', vendor: 'openai', revenueShare: 0.2 },
        { cloud: 'gcp', vendor: 'anthropic', revenueShare: 0.25 },
        { cloud: 'azure', vendor: 'anthropic', revenueShare: 0.3 },
      ],
    });
  });

  describe('events', () => {
    const parent = {
      events: [
        { id: 'aws-round', date: '2024-03', type: 'investment', amountUsd: 2.75e9 },
        { date: '2024-05', type: 'model-release', vendor: 'openai', quality: 1.2 },
        { id: 'gpt-5', date: '2025-08', type: 'model-release', vendor: 'openai', quality: 1.5 },
      ],
    };

    it('appends a child’s events to the parent’s, so a scenario that adds one keeps all of history', () => {
      const composition = emptyComposition();
      const merged = mergeScenario(parent, { events: [{ date: '2026-01', type: 'merger', cloud: 'aws', vendor: 'anthropic' }] }, composition) as typeof parent;
      expect(merged.events.map((e) => e.date)).toEqual(['2024-03', '2024-05', '2025-08', '2026-01']);
      expect(composition.events).toEqual({ inherits: 3, adds: 1, replaces: 0, removes: 0 });
    });

    it('replaces a parent’s event whole by its id, in its place, and removes one by id', () => {
      const composition = emptyComposition();
      const merged = mergeScenario(
        parent,
        { events: [{ id: 'gpt-5', date: '2025-09', type: 'model-release', vendor: 'openai', qualityGain: 1.1 }, { id: 'aws-round', remove: true }] },
        composition,
      );
      expect(merged).toEqual({
        events: [
          { date: '2024-05', type: 'model-release', vendor: 'openai', quality: 1.2 },
          { id: 'gpt-5', date: '2025-09', type: 'model-release', vendor: 'openai', qualityGain: 1.1 },
        ],
      });
      expect(composition.events).toEqual({ inherits: 1, adds: 0, replaces: 1, removes: 1 });
      expect(composition.problems).toEqual([]);
    });

    it('counts every parent event as inherited when the child leaves events out', () => {
      const composition = emptyComposition();
      mergeScenario(parent, { name: 'x' }, composition);
      expect(composition.events).toEqual({ inherits: 3, adds: 0, replaces: 0, removes: 0 });
    });

    it('refuses to remove an event the parent does not have, naming the ids it has', () => {
      const composition = emptyComposition();
      mergeScenario(parent, { events: [{ id: 'gpt-6', remove: true }] }, composition);
      expect(composition.problems).toEqual([{ path: 'events[0].id', message: 'no event "gpt-6" in the parent to remove (did you mean "gpt-5"?); its event ids: aws-round, gpt-5' }]);
    });

    it('refuses a removal that also carries fields, and one with no id', () => {
      const composition = emptyComposition();
      mergeScenario(parent, { events: [{ id: 'gpt-5', remove: true, quality: 2 }, { remove: true }] }, composition);
      expect(composition.problems.map((p) => p.path)).toEqual(['events[0]', 'events[1]']);
    });
  });

  it('refuses an id given twice in one of the child’s lists, naming both places', () => {
    const composition = emptyComposition();
    mergeScenario(
      { vendors: [{ id: 'openai', quality: 1 }], events: [] },
      { vendors: [{ id: 'openai', quality: 2 }, { id: 'openai', quality: 3 }], events: [{ id: 'x', date: '2024-01' }, { id: 'x', date: '2024-02' }] },
      composition,
    );
    expect(composition.problems).toEqual([
      { path: 'vendors[1]', message: 'id "openai" is given twice, here and at vendors[0]; merge them into one entry' },
      { path: 'events[1]', message: 'event id "x" is given twice, here and at events[0]; merge them into one entry' },
    ]);
  });

  it('merges the params of a policy that keeps its type', () => {
    const parent = { pricing: { type: 'cost-plus-competitive', params: { markup: 2, rivalWeight: 0.5 } } };
    const child = { pricing: { type: 'cost-plus-competitive', params: { markup: 1 } } };
    expect(mergeScenario(parent, child)).toEqual({ pricing: { type: 'cost-plus-competitive', params: { markup: 1, rivalWeight: 0.5 } } });
  });

  it('replaces a policy whole when the child names another type, leaving the old params behind', () => {
    const parent = { pricing: { type: 'cost-plus-competitive', params: { markup: 2 } } };
    const child = { pricing: { type: 'fixed-price' } };
    expect(mergeScenario(parent, child)).toEqual({ pricing: { type: 'fixed-price' } });
  });

  it('does not inherit the parent’s own extends', () => {
    expect(mergeScenario({ extends: 'grandparent.json', name: 'parent' }, { extends: 'parent.json', seed: 3 })).toEqual({ name: 'parent', seed: 3 });
  });

  it('lets a child value replace a parent value of another kind', () => {
    expect(mergeScenario({ description: { text: 'x' } }, { description: 'plain' })).toEqual({ description: 'plain' });
    expect(mergeScenario({ seed: 1 }, { seed: 0 })).toEqual({ seed: 0 });
  });
});
