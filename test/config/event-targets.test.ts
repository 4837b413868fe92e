import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/config/parse-scenario.js';
import { baselineJson, type RawJson } from '../support/scenario-fixtures.js';

/**
 * Every scripted event whose target cannot take it is refused at load, naming the event: a policy
 * slot the agent does not have, ids inside a new policy, what an open-weights vendor cannot do (buy
 * compute, merge, take a tie), a delisting of a pair not listed then, a run past year 9999.
 */

function problemsOf(json: RawJson): string[] {
  const result = parseScenario(json);
  return result.success ? [] : result.problems.map((p) => `${p.path}: ${p.message}`);
}

/** The baseline with `events` appended; returns the index of the first one added. */
function withEvents(...events: RawJson[]): { json: RawJson; at: number } {
  const json = baselineJson();
  const at = json.events.length;
  json.events.push(...events);
  return { json, at };
}

const open = { vendor: 'meta' };

describe('event targets', () => {
  it('finds nothing wrong in configs/baseline.json', () => {
    expect(problemsOf(baselineJson())).toEqual([]);
  });

  it('refuses a policy-change on a slot an open-weights vendor does not have, naming the event and the slots it has', () => {
    const { json, at } = withEvents(
      { id: 'meta-prices', date: '2026-01', type: 'policy-change', agent: 'vendor/meta', slot: 'pricing', policy: { type: 'fixed-price' } },
      { date: '2026-02', type: 'policy-change', agent: 'vendor/deepseek', slot: 'compute', policy: { type: 'utilisation-target' } },
    );
    const problems = problemsOf(json);
    expect(problems).toContainEqual(expect.stringMatching(new RegExp(`^events\\[${at}\\]\\.slot: meta-prices: meta is an open-weights vendor, whose only policy is training; it has no pricing policy to change`)));
    expect(problems).toContainEqual(expect.stringMatching(new RegExp(`^events\\[${at + 1}\\]\\.slot: events\\[${at + 1}\\]: deepseek is an open-weights vendor`)));
  });

  it('refuses a policy-change for a vendor before it comes to market', () => {
    const { json, at } = withEvents({ id: 'ds-early', date: '2024-06', type: 'policy-change', agent: 'vendor/deepseek', slot: 'training', policy: { type: 'frontier-follower' } });
    expect(problemsOf(json)).toContainEqual(expect.stringMatching(new RegExp(`^events\\[${at}\\]\\.agent: ds-early: deepseek comes to market in 2025-01 \\(its entersAt\\)`)));
  });

  it('checks the vendor and cloud ids inside a new policy, as inside a cloud’s own', () => {
    const { json, at } = withEvents({
      id: 'aws-invests',
      date: '2026-01',
      type: 'policy-change',
      agent: 'cloud/aws',
      slot: 'investment',
      policy: { type: 'strategic-stake', params: { vendors: ['anthropc', 'meta'], permittedClouds: ['ibm'] } },
    });
    const problems = problemsOf(json);
    expect(problems).toContainEqual(expect.stringMatching(new RegExp(`^events\\[${at}\\]\\.policy\\.params\\.vendors\\[0\\]: unknown vendor "anthropc"; known vendors: openai, anthropic`)));
    expect(problems).toContainEqual(expect.stringMatching(new RegExp(`^events\\[${at}\\]\\.policy\\.params\\.vendors\\[1\\]: aws-invests: meta is an open-weights vendor, which raises no rounds`)));
    expect(problems).toContainEqual(expect.stringMatching(new RegExp(`^events\\[${at}\\]\\.policy\\.params\\.permittedClouds\\[0\\]: unknown cloud "ibm"`)));
  });

  it('refuses a cloud’s own investment policy aimed at an open-weights vendor', () => {
    const json = baselineJson();
    const c = json.clouds.findIndex((cloud: RawJson) => cloud.policies.investment !== undefined);
    json.clouds[c].policies.investment.params = { ...json.clouds[c].policies.investment.params, vendors: ['deepseek'] };
    expect(problemsOf(json)).toContainEqual(expect.stringMatching(new RegExp(`^clouds\\[${c}\\]\\.policies\\.investment\\.params\\.vendors\\[0\\]: deepseek is an open-weights vendor, which raises no rounds`)));
  });

  it.each([
    ['compute-contract', { type: 'compute-contract', cloud: 'aws', capacityMTok: 1e6, months: 12 }, ''],
    ['compute-commitment', { type: 'compute-commitment', cloud: 'aws', amountUsd: 1e9, months: 12 }, ''],
    ['merger', { type: 'merger', cloud: 'aws' }, ''],
    ['exclusive investment', { type: 'investment', cloud: 'aws', amountUsd: 1e9, valuationUsd: 1e11, status: 'exclusive' }, '.status'],
    ['investment asking for ASICs', { type: 'investment', cloud: 'aws', amountUsd: 1e9, valuationUsd: 1e11, minAsicShare: 0.5 }, '.minAsicShare'],
    ['investment with a compute commitment', { type: 'investment', cloud: 'aws', amountUsd: 1e9, valuationUsd: 1e11, computeCommitmentUsd: 1e9 }, '.computeCommitmentUsd'],
    ['deal-amendment to a tie', { type: 'deal-amendment', cloud: 'aws', status: 'primary' }, '.status'],
  ])('refuses a %s for an open-weights vendor, naming the event', (_what, event, field) => {
    const { json, at } = withEvents({ id: 'odd', date: '2026-03', ...open, ...event });
    const problems = problemsOf(json);
    expect(problems).toContainEqual(expect.stringMatching(new RegExp(`^events\\[${at}\\]${field.replace('.', '\\.')}: odd: meta is an open-weights vendor`)));
  });

  it('refuses a tie held at the start by an open-weights vendor', () => {
    const json = baselineJson();
    json.dealsAtStart.push({ cloud: 'aws', vendor: 'meta', amountUsd: 1e9, equityShare: 0.01, status: 'exclusive' });
    expect(problemsOf(json)).toContainEqual(expect.stringMatching(new RegExp(`^dealsAtStart\\[${json.dealsAtStart.length - 1}\\]\\.status: meta is an open-weights vendor`)));
  });

  it('refuses a delisting of a pair not listed at its month, and accepts one of a pair listed by then', () => {
    const { json, at } = withEvents(
      { id: 'never', date: '2026-01', type: 'delisting', cloud: 'oracle', vendor: 'anthropic' },
      { id: 'too-early', date: '2024-06', type: 'delisting', cloud: 'azure', vendor: 'deepseek' },
      { id: 'ok', date: '2026-01', type: 'delisting', cloud: 'azure', vendor: 'anthropic' },
      { id: 'twice', date: '2026-02', type: 'delisting', cloud: 'azure', vendor: 'anthropic' },
    );
    const problems = problemsOf(json);
    expect(problems).toContainEqual(expect.stringMatching(new RegExp(`^events\\[${at}\\]: never: oracle does not list anthropic in 2026-01`)));
    expect(problems).toContainEqual(expect.stringMatching(new RegExp(`^events\\[${at + 1}\\]: too-early: azure does not list deepseek in 2024-06`)));
    expect(problems).toContainEqual(expect.stringMatching(new RegExp(`^events\\[${at + 3}\\]: twice: azure does not list anthropic in 2026-02 \\(ok delisted it in 2026-01\\)`)));
    expect(problems.filter((p) => p.startsWith(`events[${at + 2}]`))).toEqual([]);
  });

  it('refuses a run that would go past 9999-12, whose months cannot be written YYYY-MM', () => {
    const json = baselineJson();
    json.start = '9999-06';
    json.events = [];
    json.dealsAtStart = [];
    delete json.history;
    delete json.calibratedThrough;
    json.months = 12;
    expect(problemsOf(json)).toContainEqual(expect.stringMatching(/^months: a run of 12 months from 9999-06 would end in year 10000; months are YYYY-MM: at most 7 months from 9999-06/));
  });
});
