import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../../src/config/parse-scenario.js';
import { loadScenarioFile } from '../../../src/config/load-scenario-file.js';
import { ownEvents, partingMonth, scenarioPartings } from '../../../src/jobs/compare/scenario-parting.js';

function config(name: string): Scenario {
  const loaded = loadScenarioFile(fileURLToPath(new URL(`../../../configs/${name}.json`, import.meta.url)));
  if (!loaded.success) throw new Error(`${name}: ${JSON.stringify(loaded.problems)}`);
  return loaded.scenario;
}

const baseline = config('baseline');
const commoditized = config('commoditized');
const exclusive = config('exclusive-azure');
const crunch = config('compute-crunch');

describe('where compared scenarios part from the first', () => {
  it('is each branch’s own branch month, not the earliest of them all', () => {
    const partings = scenarioPartings([baseline, commoditized, exclusive]);
    expect(partings.map((p) => p.partsAt)).toEqual([undefined, '2026-01', '2025-01']);
  });

  it('is the earlier branch month of two siblings, and never for a scenario compared with itself', () => {
    expect(partingMonth(commoditized, exclusive)).toBe('2025-01');
    expect(partingMonth(exclusive, commoditized)).toBe('2025-01');
    expect(partingMonth(commoditized, config('commoditized'))).toBeUndefined();
  });

  it('is none for scenarios of different roots: they differ from the start', () => {
    const other: Scenario = { ...baseline, enterprises: { ...baseline.enterprises, count: baseline.enterprises.count + 1 } };
    expect(partingMonth(baseline, other)).toBeUndefined();
    expect(scenarioPartings([baseline, other])[1]).toEqual({ own: [] });
  });
});

describe('a branch’s own events', () => {
  it('are the events it adds, and the first scenario’s it drops, from its branch month', () => {
    const own = scenarioPartings([baseline, crunch, exclusive]).map((p) => p.own.map((o) => `${o.change} ${o.event.id}`));
    expect(own[1]).toEqual(['adds azure-capacity-shock']);
    expect(own[2]).toEqual([
      'drops azure-openai-rofr',
      'drops microsoft-openai-recap',
      'drops openai-azure-250b',
      'drops azure-investment-after-recap',
      'drops openai-aws-38b',
    ]);
  });

  it('count an event it changes (same id, other content) as added and the first’s as dropped, and the same event written in another key order as the same', () => {
    const event = baseline.events.find((e) => e.id === 'openai-aws-38b')!;
    const reordered = Object.fromEntries(Object.entries(event).reverse()) as typeof event;
    const changed = { ...event, months: 12 };
    const withReordered: Scenario = { ...baseline, events: baseline.events.map((e) => (e === event ? reordered : e)) };
    expect(ownEvents(baseline, withReordered, '2025-01')).toEqual([]);
    const withChanged: Scenario = { ...baseline, events: baseline.events.map((e) => (e === event ? changed : e)) };
    expect(ownEvents(baseline, withChanged, '2025-01')).toEqual([
      { event: changed, change: 'adds' },
      { event, change: 'drops' },
    ]);
    expect(ownEvents(baseline, withChanged, '2026-01')).toEqual([]);
  });
});
