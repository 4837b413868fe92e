import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkTargetsAgainst } from '../../src/calibration/check-targets.js';
import { parseTargetFile } from '../../src/calibration/load-targets-file.js';
import { targetsReference } from '../../src/docs/targets-reference.js';
import { loadConfig } from '../support/scenario-runs.js';

describe('docs/targets.md', () => {
  it('is what `npm run docs` generates from the current schema (run it after changing the schema)', () => {
    const committed = readFileSync(new URL('../../docs/targets.md', import.meta.url), 'utf8');
    expect(committed).toBe(targetsReference());
  });

  it('gives an example that the loader accepts and that fits the baseline', () => {
    const example = /```json\n([\s\S]*?)\n```/.exec(targetsReference())?.[1];
    const parsed = parseTargetFile(JSON.parse(example ?? 'null'));
    expect(parsed.success ? [] : parsed.problems).toEqual([]);
    if (parsed.success) expect(checkTargetsAgainst(parsed.file, loadConfig('baseline'))).toEqual([]);
  });

  it('names every field of a target and of a free parameter, each with a meaning', () => {
    const reference = targetsReference();
    for (const field of ['id', 'metric', 'entity', 'month', 'from', 'to', 'aggregate', 'per', 'band', 'source', 'notModelled']) {
      expect(reference).toMatch(new RegExp(`\\| \`targets\\[\\]\\.${field}\` \\| .+? \\| (yes|no) \\| [^\\n]{10,}`));
    }
    for (const field of ['path', 'range', 'scale', 'source']) expect(reference).toMatch(new RegExp(`\\| \`free\\[\\]\\.${field}\` \\| .+? \\| (yes|no) \\| [^\\n]{10,}`));
  });
});
