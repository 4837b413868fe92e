import { describe, expect, it } from 'vitest';
import { otherFile } from '../../src/config/other-file.js';

describe('a file of another kind than a scenario', () => {
  it('names the configs a manifest ran, as its command quotes them', () => {
    const manifest = (command: string) => otherFile({ format: 'llm-market-sim manifest 1', command });
    expect(manifest("npm run simulate -- 'my configs/it'\\''s.json' --seed 3")).toEqual({
      what: 'the manifest.json of a run (npm run simulate)',
      instead: "give the config it ran, my configs/it's.json (the path as given where it ran)",
    });
    expect(manifest('npm run compare -- a.json b.json --no-charts')?.instead).toBe('give one of the configs it ran, a.json, b.json (the path as given where it ran)');
    expect(otherFile({ format: 'llm-market-sim manifest 1' })?.instead).toBe('give the config the run was made from');
  });

  it('knows a summary, a partial and a calibration file, and nothing else', () => {
    expect(otherFile({ scenario: 'x', configHash: 'sha256:0', final: {} })?.what).toBe("a run's summary.json");
    expect(otherFile({ format: 'llm-market-sim partial 2' })?.what).toBe("a shard's partial.json");
    expect(otherFile({ format: 'llm-market-sim calibration state 1' })?.what).toBe('a file of a calibration');
    expect(otherFile({ name: 'x', format: 'mine' })).toBeUndefined();
    expect(otherFile([1])).toBeUndefined();
    expect(otherFile(null)).toBeUndefined();
  });

  it('knows a targets file and the configs’ JSON Schema, not a scenario with a stray targets field', () => {
    expect(otherFile({ $schema: '../targets.schema.json', description: 'x', targets: [] })?.what).toBe('a targets file');
    expect(otherFile({ extends: 'baseline.json', name: 'x', targets: [] })).toBeUndefined();
    expect(otherFile({ $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', properties: {} })?.what).toBe('a JSON Schema');
  });
});
