import { describe, expect, it } from 'vitest';
import { mergeScenario, type AppendedEntry } from '../../src/config/compose.js';

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
    const appended: AppendedEntry[] = [];
    mergeScenario({ vendors: [{ id: 'openai' }, { id: 'meta' }] }, { vendors: [{ id: 'opnai', quality: 2 }] }, appended);
    expect(appended).toEqual([{ path: 'vendors[2]', id: 'opnai', parentIds: ['openai', 'meta'] }]);
  });

  it('replaces other arrays whole', () => {
    const parent = {
      vendors: [{ id: 'openai', computeClouds: ['azure', 'oracle'] }],
      marketplace: [{ cloud: 'azure', vendor: 'openai' }, { cloud: 'aws', vendor: 'meta' }],
    };
    const child = { vendors: [{ id: 'openai', computeClouds: ['aws'] }], marketplace: [{ cloud: 'gcp', vendor: 'meta' }] };
    expect(mergeScenario(parent, child)).toEqual({
      vendors: [{ id: 'openai', computeClouds: ['aws'] }],
      marketplace: [{ cloud: 'gcp', vendor: 'meta' }],
    });
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
