import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/config/parse-scenario.js';
import type { ConfigProblem } from '../../src/config/references.js';
import { runCli } from '../support/run-cli.js';
import { baselineJson, type RawJson } from '../support/scenario-fixtures.js';

function problemsOf(json: RawJson): ConfigProblem[] {
  const result = parseScenario(json);
  return result.success ? [] : result.problems;
}

const app = (json: RawJson, id: string) => json.vendors.find((v: { id: string }) => v.id === id).consumerApp;

describe('population rules', () => {
  it('accept the baseline: its apps hold the market’s 6.95M subscribers, far below the 550M who would ever pay', () => {
    expect(problemsOf(baselineJson())).toEqual([]);
  });

  it('refuse apps holding more subscribers than the market at the start, naming the field and the figures', () => {
    const json = baselineJson();
    app(json, 'openai').subscribers = 6.5e6;
    expect(problemsOf(json)).toEqual([
      {
        path: 'consumers.subscribersAtStart',
        message:
          "the apps hold 7,450,000 paying subscribers at the start (openai 6,500,000, anthropic 100,000, google 500,000, xai 300,000, mistral 50,000), more than the market's 6,950,000: set subscribersAtStart to 7,450,000 or lower an app's subscribers",
      },
    ]);
  });

  it('refuse an app with fewer weekly users than paying ones, weekly users with nothing to grow them by, and more than their ceiling', () => {
    const below = baselineJson();
    app(below, 'anthropic').weeklyUsers = 50_000;
    expect(problemsOf(below)).toEqual([
      {
        path: 'vendors[1].consumerApp.weeklyUsers',
        message: "anthropic's app has 50,000 weekly users, fewer than its 100,000 paying subscribers; weekly users include those who pay: set weeklyUsers to at least 100,000",
      },
    ]);
    const orphan = baselineJson();
    delete orphan.consumers.weeklyUsers;
    expect(problemsOf(orphan).map((p) => p.path)).toEqual([0, 1, 2, 3, 4].map((i) => `vendors[${i}].consumerApp.weeklyUsers`));
    expect(problemsOf(orphan)[0]!.message).toContain('but the scenario has no consumers.weeklyUsers');
    const belowPaying = baselineJson();
    // 0.05 of people online could use a chat app weekly, but 0.1 would pay for one.
    belowPaying.consumers.weeklyUsers.weeklyShare = 0.05;
    expect(problemsOf(belowPaying).map((p) => p.path)).toEqual(['consumers.weeklyUsers.weeklyShare']);
    expect(problemsOf(belowPaying)[0]!.message).toBe(
      "weeklyShare 0.05 is below addressableMarket.payingShare 0.1: every paying subscriber is a weekly user, so the weekly users' ceiling (people online × weeklyShare) must be at least the paying market's; set weeklyShare to 0.1 or more",
    );
    const crowded = baselineJson();
    crowded.consumers.weeklyUsers.weeklyShare = 0.02;
    crowded.consumers.addressableMarket.payingShare = 0.01;
    // 115.83 million weekly users at the start against 5.5 billion × 0.02 = 110 million.
    expect(problemsOf(crowded)).toEqual([
      {
        path: 'consumers.weeklyUsers.weeklyShare',
        message: 'the apps hold 115,830,000 weekly users, more than the ceiling of 110,000,000 (peopleOnline 5,500,000,000 × weeklyShare 0.02); weekly users can never exceed it',
      },
    ]);
  });

  it('refuse a market with subscribers no app holds', () => {
    const json = baselineJson();
    json.consumers.subscribersAtStart = 7e6;
    expect(problemsOf(json).map((p) => p.path)).toEqual(['consumers.subscribersAtStart']);
    expect(problemsOf(json)[0]!.message).toContain("the market's 7,000,000 paying subscribers at the start are more than the apps hold");
  });

  it('refuse an addressable market smaller than the subscribers already there', () => {
    const json = baselineJson();
    json.consumers.addressableMarket.payingShare = 0.001;
    expect(problemsOf(json)).toEqual([
      {
        path: 'consumers.addressableMarket',
        message:
          'the addressable market is 5,500,000 paying subscribers (peopleOnline 5,500,000,000 × payingShare 0.001), fewer than the 6,950,000 at the start; subscribers can never exceed it',
      },
    ]);
  });

  it('count the users an app brings when it comes to market later against the addressable market', () => {
    const json = baselineJson();
    json.consumers.addressableMarket.payingShare = 0.0013; // 7,150,000
    const mistral = json.vendors.find((v: { id: string }) => v.id === 'mistral');
    json.vendors.push({ ...structuredClone(mistral), id: 'newcomer', entersAt: '2026-01', consumerApp: { brand: 0.1, subscribers: 300_000 } });
    expect(problemsOf(json).map((p) => p.message)).toEqual([
      'the addressable market is 7,150,000 paying subscribers (peopleOnline 5,500,000,000 × payingShare 0.0013), fewer than the 6,950,000 at the start and 300,000 more that apps coming to market later bring; subscribers can never exceed it',
    ]);
  });

  it('stop the command line with exit code 2 before anything runs', () => {
    const dir = mkdtempSync(join(tmpdir(), 'populations-'));
    const json = baselineJson();
    app(json, 'anthropic').subscribers = 1e6;
    const file = join(dir, 'too-many.json');
    writeFileSync(file, JSON.stringify(json));
    const run = runCli('simulate.ts', [file, '--out', join(dir, 'out'), '--no-charts']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('consumers.subscribersAtStart: the apps hold 7,850,000 paying subscribers at the start');
  });
});
