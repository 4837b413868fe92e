import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configReference } from '../../src/docs/config-reference.js';
import { POLICIES } from '../../src/policies/registry.js';

describe('docs/config.md', () => {
  it('is what `npm run docs` generates from the current schema (run it after changing the schema)', () => {
    const committed = readFileSync(new URL('../../docs/config.md', import.meta.url), 'utf8');
    expect(committed).toBe(configReference());
  });

  it('documents every policy type and every param with a meaning', () => {
    const reference = configReference();
    for (const definitions of Object.values(POLICIES)) {
      for (const policy of definitions) expect(reference).toContain(`**\`${policy.type}\`**`);
    }
    expect(reference).not.toMatch(/\| `[^`]+` \| `[^`]*` \| [^|]+ \|  \|\n/);
  });
});
