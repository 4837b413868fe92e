import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startSimulation } from '../../src/cli/run-in-worker.js';
import type { Scenario } from '../../src/config/parse-scenario.js';
import { runSimulation } from '../../src/simulation/run-simulation.js';
import { baselineJson, scenarioOf } from '../support/scenario-fixtures.js';

function small(): Scenario {
  const json = baselineJson() as Record<string, any>;
  json.enterprises.count = 200;
  // As --ticks does: a shorter run of a valid scenario.
  return { ...scenarioOf(json), months: 3 };
}

describe('startSimulation (the run on its own thread)', () => {
  it('gives the same metrics and events as a run in the main thread', async () => {
    const scenario = small();
    const eventsFile = join(mkdtempSync(join(tmpdir(), 'llm-sim-worker-')), 'events.jsonl');
    const outcome = await startSimulation({ scenario, eventsFile }).outcome;
    if (!outcome.success) throw new Error(outcome.message);
    const events: string[] = [];
    const direct = runSimulation(scenario, { onEvent: (event) => events.push(JSON.stringify(event)) });
    expect(outcome.events).toBe(events.length);
    expect(readFileSync(eventsFile, 'utf8')).toBe(events.map((e) => `${e}\n`).join(''));
    expect(outcome.metrics.dates).toEqual(direct.metrics.dates);
    expect(outcome.metrics.metricNames()).toEqual(direct.metrics.metricNames());
    for (const metric of direct.metrics.metricNames()) expect(outcome.metrics.series(metric)).toEqual(direct.metrics.series(metric));
  });

  it('turns a failure inside the run into a message, not a crash', async () => {
    const scenario = small();
    const broken = { ...scenario, enterprises: { ...scenario.enterprises, policies: { ...scenario.enterprises.policies, adoption: { type: 'no-such-policy', params: {} } } } };
    const eventsFile = join(mkdtempSync(join(tmpdir(), 'llm-sim-worker-')), 'events.jsonl');
    const outcome = await startSimulation({ scenario: broken, eventsFile }).outcome;
    expect(outcome).toEqual({ success: false, message: expect.stringContaining('no-such-policy') });
  });

  it('stops at once when asked, mid-run', async () => {
    const scenario = { ...small(), months: 600, enterprises: { ...small().enterprises, count: 100_000 } };
    const eventsFile = join(mkdtempSync(join(tmpdir(), 'llm-sim-worker-')), 'events.jsonl');
    const run = startSimulation({ scenario, eventsFile });
    const started = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 300));
    await run.stop();
    expect(await run.outcome).toEqual({ success: false, message: 'the simulation was stopped' });
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
