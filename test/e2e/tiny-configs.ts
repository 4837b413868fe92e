import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { BASELINE_PATH } from '../support/scenario-fixtures.js';

/**
 * Small scenarios for end-to-end runs of the batch commands: the baseline and a commoditized
 * variant with 300 enterprises over 6 months, so each run takes a few tens of milliseconds.
 */
export function tinyConfigs(prefix: string): { dir: string; baseline: string; cheap: string } {
  const dir = mkdtempSync(join(tmpdir(), `llm-sim-${prefix}-`));
  const baseline = join(dir, 'tiny.json');
  const cheap = join(dir, 'cheap.json');
  // It declares no uncertain parameters of its own (the baseline's list is replaced by none), so the
  // commands' tests say what they move.
  writeFileSync(baseline, JSON.stringify({ extends: BASELINE_PATH, name: 'tiny', months: 6, enterprises: { count: 300 }, uncertain: [] }));
  writeFileSync(
    cheap,
    JSON.stringify({
      extends: 'tiny.json',
      name: 'cheap',
      enterprises: { policies: { switching: { type: 'roi-payback', params: { reviewProbability: 0.6, paybackMonths: 24 } } } },
    }),
  );
  return { dir, baseline, cheap };
}

/** Every file under a folder, by relative path, with its bytes. */
export function filesOf(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (at: string) => {
    for (const entry of readdirSync(at).sort()) {
      const path = join(at, entry);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(relative(dir, path), readFileSync(path));
    }
  };
  walk(dir);
  return files;
}

/** The names of files that differ between two folders, or exist in only one. */
export function differingFiles(a: string, b: string): string[] {
  const [left, right] = [filesOf(a), filesOf(b)];
  const names = [...new Set([...left.keys(), ...right.keys()])].sort();
  return names.filter((name) => !left.get(name)?.equals(right.get(name) ?? Buffer.alloc(0)) || !right.has(name));
}

/** The relative links of a Markdown file: [text](target) and ![alt](target). */
export function markdownLinks(markdown: string): string[] {
  return [...markdown.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => decodeURI(m[1]!)).filter((target) => !/^[a-z]+:/.test(target));
}
