import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/config/parse-scenario.js';
import { EVENT_EXAMPLES } from '../../src/docs/event-examples.js';
import { runSimulation } from '../../src/simulation/run-simulation.js';
import { baselineJson } from '../support/scenario-fixtures.js';

describe('the event examples of docs/config.md', () => {
  it('cover every type of scripted event', () => {
    const types = new Set(EVENT_EXAMPLES.map((e) => e.event.type));
    for (const type of ['investment', 'deal-amendment', 'compute-commitment', 'compute-contract', 'listing', 'merger', 'capacity-shock', 'model-release', 'policy-change']) {
      expect(types, type).toContain(type);
    }
  });

  for (const example of EVENT_EXAMPLES) {
    it(`${example.title}: is valid in the baseline and runs`, () => {
      const json = baselineJson();
      json.enterprises.count = 200;
      json.months = 30;
      // Each stands alone: the baseline's own history would already hold some of them.
      json.events = json.events.filter((e: { id?: string; date: string }) => e.date < '2024-06' && e.id !== example.event.id);
      delete json.history;
      json.vendors = json.vendors.filter((v: { entersAt?: string }) => v.entersAt === undefined);
      json.events.push(example.event);
      const parsed = parseScenario(json);
      expect(parsed.success ? [] : parsed.problems).toEqual([]);
      if (parsed.success) expect(() => runSimulation(parsed.scenario)).not.toThrow();
    });
  }
});

describe('docs/model.md', () => {
  it('lists every event the baseline scripts, by its id', async () => {
    const { readFileSync } = await import('node:fs');
    const model = readFileSync(new URL('../../docs/model.md', import.meta.url), 'utf8');
    const ids = baselineJson().events.map((e: { id: string }) => e.id);
    expect(ids.length).toBeGreaterThan(40);
    for (const id of ids) expect(model, id).toContain(`\`${id}\``);
  });
});
