import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/config/load-scenario-file.js';
import { checkReferences, type ConfigProblem } from '../../src/config/references.js';
import { PROJECT_ROOT, runCli } from '../support/run-cli.js';
import { baselineJson, type RawJson } from '../support/scenario-fixtures.js';

function equityProblems(json: RawJson): ConfigProblem[] {
  return checkReferences(json).filter((p) => /stake|merge|cap table/.test(p.message));
}

function withEvents(...events: RawJson[]): RawJson {
  const json = baselineJson();
  json.events.push(...events);
  return json;
}

function eventIndex(json: RawJson, id: string): number {
  return json.events.findIndex((e: RawJson) => e.id === id);
}

/** A branch of the baseline in a file of its own, as a user would write one. */
function branchFile(events: RawJson[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'llm-sim-equity-'));
  const file = join(dir, 'branch.json');
  writeFileSync(file, JSON.stringify({ extends: resolve(PROJECT_ROOT, 'configs/baseline.json'), branchesAt: '2026-01', name: 'branch', events }));
  return file;
}

describe('cap table rules at load', () => {
  it('find nothing wrong in the shipped configs, vertical-integration’s merger of Anthropic into AWS (a holder since 2023) included', () => {
    for (const name of ['baseline', 'vertical-integration', 'asic-push', 'exclusive-azure']) {
      const loaded = loadScenarioFile(resolve(PROJECT_ROOT, `configs/${name}.json`));
      expect(loaded.success ? [] : loaded.problems, name).toEqual([]);
    }
  });

  it('find every round the baseline scripts priced from the record, with the valuation’s source in its note', () => {
    const rounds = baselineJson().events.filter((e: RawJson) => e.type === 'investment');
    expect(rounds.length).toBeGreaterThanOrEqual(14);
    for (const round of rounds) {
      expect(round.valuationUsd ?? round.preMoneyValuationUsd, round.id).toBeGreaterThan(round.amountUsd);
      // The note gives the valuation as reported ("$61.5B post-money"), or says none was and which it took.
      expect(round.note, round.id).toMatch(/[$€][\d.]+B[^.;]*(post-money|valuation)|Valuation: none published/);
    }
  });

  it('refuse stakes held at the start that add up to more than the whole vendor, naming the vendor and each holder', () => {
    const json = baselineJson();
    json.dealsAtStart.push({ cloud: 'aws', vendor: 'openai', amountUsd: 1e9, equityShare: 0.56 });
    const last = json.dealsAtStart.length - 1;
    expect(equityProblems(json)).toEqual([
      {
        path: `dealsAtStart[${last}]`,
        message: `the stakes held in openai at the start add up to 1.05, above the whole vendor: azure 0.49 (dealsAtStart[0]), aws 0.56 (dealsAtStart[${last}]); lower them so they add up to at most 1 (the founders and others hold the rest)`,
      },
    ]);
  });

  it('refuse a restated stake the remainder holder cannot absorb, naming the event', () => {
    const json = baselineJson();
    const recap = eventIndex(json, 'microsoft-openai-recap');
    json.events[recap].equityShare = 0.9;
    // By 2025-10 the funds hold 6.6/157 × (1 − 40/300) = 0.0364 and SoftBank 40/300 = 0.1333 of OpenAI: 0.1698 together.
    const [problem] = equityProblems(json);
    expect(problem!.path).toBe(`events[${recap}].equityShare`);
    expect(problem!.message).toMatch(/^microsoft-openai-recap gives azure 0\.9 of openai in 2025-10, which its cap table cannot hold: the other holders \(funds 0\.0364, softbank 0\.1333\) own 0\.1698/);
  });

  it('refuse a vendor merged twice, naming both events', () => {
    const json = withEvents(
      { id: 'aws-buys-anthropic', date: '2026-01', type: 'merger', cloud: 'aws', vendor: 'anthropic' },
      { id: 'gcp-buys-anthropic', date: '2026-02', type: 'merger', cloud: 'gcp', vendor: 'anthropic' },
    );
    expect(equityProblems(json)).toEqual([
      {
        path: `events[${json.events.length - 1}]`,
        message: 'gcp-buys-anthropic merges anthropic into gcp in 2026-02, but aws-buys-anthropic merged it into aws in 2026-01; a vendor merges once: drop one of them',
      },
    ]);
  });

  it('refuse a merger into a cloud that holds no stake by then, counting only investments before it', () => {
    const json = withEvents(
      { id: 'oracle-buys-openai', date: '2026-01', type: 'merger', cloud: 'oracle', vendor: 'openai' },
      { id: 'aws-buys-xai', date: '2026-01', type: 'merger', cloud: 'aws', vendor: 'xai' },
      { id: 'aws-in-xai', date: '2026-01', type: 'investment', cloud: 'aws', vendor: 'xai', amountUsd: 1e9, valuationUsd: 1e11 },
    );
    const messages = equityProblems(json).map((p) => p.message);
    expect(messages).toHaveLength(2);
    expect(messages[0]).toBe(
      'oracle-buys-openai merges openai into oracle in 2026-01, but oracle holds no stake in openai by then (stakes come from dealsAtStart and earlier investment events; clouds holding one: azure); script oracle\'s investment before the merger, or merge into a holder',
    );
    expect(messages[1]).toMatch(/^aws-buys-xai merges xai into aws in 2026-01, but aws holds no stake in xai by then/);
  });

  it('let a cloud merge a vendor it invested in earlier the same month, and its own division', () => {
    const json = withEvents(
      { id: 'aws-in-xai', date: '2026-01', type: 'investment', cloud: 'aws', vendor: 'xai', amountUsd: 1e9 },
      { id: 'aws-buys-xai', date: '2026-01', type: 'merger', cloud: 'aws', vendor: 'xai' },
      { id: 'gcp-integrates-gemini', date: '2026-01', type: 'merger', cloud: 'gcp', vendor: 'google' },
    );
    expect(equityProblems(json)).toEqual([]);
  });

  it('refuse a branch that merges a vendor into a cloud holding none of it, at load and from the CLI with exit 2', () => {
    const file = branchFile([{ id: 'oracle-buys-anthropic', date: '2026-01', type: 'merger', cloud: 'oracle', vendor: 'anthropic' }]);
    const loaded = loadScenarioFile(file);
    expect(loaded.success).toBe(false);
    if (!loaded.success) expect(loaded.problems.map((p) => p.message).join('\n')).toContain('oracle-buys-anthropic merges anthropic into oracle in 2026-01, but oracle holds no stake');

    const run = runCli('validate.ts', [file]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('oracle-buys-anthropic merges anthropic into oracle');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuse a branch of vertical-integration that merges Anthropic a second time', () => {
    const dir = mkdtempSync(join(tmpdir(), 'llm-sim-equity-'));
    const file = join(dir, 'twice.json');
    writeFileSync(
      file,
      JSON.stringify({
        extends: resolve(PROJECT_ROOT, 'configs/vertical-integration.json'),
        name: 'twice',
        events: [{ id: 'gcp-buys-anthropic', date: '2026-06', type: 'merger', cloud: 'gcp', vendor: 'anthropic' }],
      }),
    );
    const run = runCli('simulate.ts', [file, '--ticks', '2', '--no-charts', '--quiet', '--out', join(dir, 'out')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('gcp-buys-anthropic merges anthropic into gcp in 2026-06, but aws-buys-anthropic merged it into aws in 2026-01');
  });
});
