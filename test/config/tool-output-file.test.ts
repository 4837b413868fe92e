import { describe, expect, it } from 'vitest';
import { toolOutputFile } from '../../src/config/tool-output-file.js';

describe('a file the tool wrote', () => {
  it('names the configs a manifest ran, as its command quotes them', () => {
    const manifest = (command: string) => toolOutputFile({ format: 'llm-market-sim manifest 1', command });
    expect(manifest("npm run simulate -- 'my configs/it'\\''s.json' --seed 3")).toEqual({
      what: 'the manifest.json of a run (npm run simulate)',
      instead: "give the config it ran, my configs/it's.json (the path as given where it ran)",
    });
    expect(manifest('npm run compare -- a.json b.json --no-charts')?.instead).toBe('give one of the configs it ran, a.json, b.json (the path as given where it ran)');
    expect(toolOutputFile({ format: 'llm-market-sim manifest 1' })?.instead).toBe('give the config the run was made from');
  });

  it('knows a summary, a partial and a calibration file, and nothing else', () => {
    expect(toolOutputFile({ scenario: 'x', configHash: 'sha256:0', final: {} })?.what).toBe("a run's summary.json");
    expect(toolOutputFile({ format: 'llm-market-sim partial 2' })?.what).toBe("a shard's partial.json");
    expect(toolOutputFile({ format: 'llm-market-sim calibration state 1' })?.what).toBe('a file of a calibration');
    expect(toolOutputFile({ name: 'x', format: 'mine' })).toBeUndefined();
    expect(toolOutputFile([1])).toBeUndefined();
    expect(toolOutputFile(null)).toBeUndefined();
  });
});
