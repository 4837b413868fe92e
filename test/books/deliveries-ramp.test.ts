import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/config/load-scenario-file.js';
import { runSimulation } from '../../src/simulation/run-simulation.js';
import { PROJECT_ROOT } from '../support/run-cli.js';
import { capacityMovesGradually } from '../../src/books/deliveries-ramp.js';
import type { MonthBooks } from '../../src/books/month-books.js';
import type { Scenario } from '../../src/config/parse-scenario.js';
import type { ScheduledEvent } from '../../src/config/schedule-schema.js';
import { EMPTY_CLOUD_BOOKS, type ComputeContract, type WorldState } from '../../src/world/state.js';
import { baselineJson, scenarioOf } from '../support/scenario-fixtures.js';
import { cloudState, contract, vendorState, worldState } from '../support/world-fixtures.js';

const BASE = scenarioOf(baselineJson());
// Tick 5 of a run from 2024-01 is 2024-06.
const TICK = 5;

function books(previous: WorldState, world: WorldState, events: readonly object[] = []): MonthBooks {
  const scenario: Scenario = { ...BASE, start: '2024-01', events: events as ScheduledEvent[] };
  return { scenario, tick: TICK, date: '2024-06', world, previous, demand: {} as MonthBooks['demand'] };
}

const world = (fleet: { gpu: number; asic?: number }, contracts: readonly ComputeContract[] = [], hostingMTok = 0) =>
  worldState({
    vendors: [vendorState('acme', { books: { ...vendorState('acme').books } })],
    clouds: [cloudState('alpha', { gpuCapacityMTok: fleet.gpu, asicCapacityMTok: fleet.asic ?? 0, books: { ...EMPTY_CLOUD_BOOKS, hostingMTok } })],
    contracts,
  });
const held = (capacityMTok: number, fields: Partial<ComputeContract> = {}) =>
  contract({ id: 'c-1', vendor: 'acme', cloud: 'alpha', capacityMTok: 0, startTick: 0, endTick: 24, ...fields, delivered: [{ fromTick: 0, capacityMTok: 100 }, { fromTick: TICK, capacityMTok }] } as never);

describe('capacityMovesGradually: capacity comes into service over months', () => {
  it('lets a fleet triple in a month, and names a fleet that grows 4× with no event on its cloud', () => {
    expect(capacityMovesGradually(books(world({ gpu: 1000 }), world({ gpu: 3000 })))).toEqual([]);
    const [violation, ...rest] = capacityMovesGradually(books(world({ gpu: 1000 }), world({ gpu: 4000 })));
    expect(rest).toEqual([]);
    expect(violation).toMatchObject({ invariant: 'capacityMovesGradually', entity: 'alpha' });
    expect(violation!.message).toContain('cloud.capacity_mtok moved ×4.00');
  });

  it('lets a scripted event on the cloud move it as far as it says: a capacity shock halving the fleet twice over', () => {
    const shock = { type: 'capacity-shock', date: '2024-06', cloud: 'alpha', gpuChange: -0.8 };
    expect(capacityMovesGradually(books(world({ gpu: 1000 }), world({ gpu: 200 }), [shock]))).toEqual([]);
    // The same shock a month later excuses nothing now.
    expect(capacityMovesGradually(books(world({ gpu: 1000 }), world({ gpu: 200 }), [{ ...shock, date: '2024-07' }]))).toHaveLength(1);
  });

  it('names a contract whose delivered capacity jumps 5× in a month, and the vendor and the Nvidia share it moves', () => {
    // All on GPUs, so the Nvidia share stays 1 and the fleet as it was; the pair and the vendor move ×5.
    const before = world({ gpu: 1000 }, [held(100)], 100);
    const after = world({ gpu: 1000 }, [held(500)], 100);
    const found = capacityMovesGradually(books(before, after));
    expect(found.map((v) => v.entity).sort()).toEqual(['acme', 'acme@alpha']);
  });

  it('excuses a scripted contract’s pair and vendor in the months its ramp dates', () => {
    const before = world({ gpu: 1000 }, [held(100)]);
    const after = world({ gpu: 1000 }, [held(500)]);
    const stepped = { type: 'compute-contract', date: '2024-02', vendor: 'acme', cloud: 'alpha', ramp: [{ from: '2024-03', capacityMTok: 100 }, { from: '2024-06', capacityMTok: 500 }] };
    expect(capacityMovesGradually(books(before, after, [stepped]))).toEqual([]);
  });

  it('names the cloud whose Nvidia dependence falls from 0.5 to 0.1 as ASIC capacity comes, counting shares below 10 % as 10 %', () => {
    const gpu = held(100, { id: 'c-gpu' } as Partial<ComputeContract>);
    const asic = (mTok: number) => ({ ...held(mTok), id: 'c-asic', asicShare: 1 });
    // 100 on GPUs and 100 on ASICs in use, then more on ASICs.
    const dependence = (n: number) => capacityMovesGradually(books(world({ gpu: 500, asic: 1500 }, [gpu, asic(100)]), world({ gpu: 500, asic: 1500 }, [gpu, asic(n)])));
    expect(dependence(250).filter((v) => v.message.startsWith('cloud.nvidia_dependence'))).toEqual([]); // 0.5 → 0.2857
    // 0.5 → 100/1,100 ≈ 0.09, counted as 0.1: ×0.2 (and the pair ×5.5).
    expect(dependence(1000).filter((v) => v.message.startsWith('cloud.nvidia_dependence'))).toHaveLength(1);
    // An ASIC share from 1 % to 4 % of the fleet is no lump: both count as 10 %.
    expect(capacityMovesGradually(books(world({ gpu: 990, asic: 10 }), world({ gpu: 990, asic: 41 })))).toEqual([]);
  });

  it('takes a contract signed or ended as a new or gone entity, not a ratio from or to nothing', () => {
    const kept = { ...held(100), id: 'c-kept' };
    const ended = { ...held(400), id: 'c-old', endTick: TICK };
    // 500 of the vendor's at the cloud, then 100 as a contract ends; then a new one of 10× what it had.
    expect(capacityMovesGradually(books(world({ gpu: 1000 }, [{ ...ended, delivered: [{ fromTick: 0, capacityMTok: 400 }] }, kept]), world({ gpu: 1000 }, [kept])))).toEqual([]);
    const signed = { ...held(1000), id: 'c-new', startTick: TICK };
    expect(capacityMovesGradually(books(world({ gpu: 2000 }, [kept]), world({ gpu: 2000 }, [kept, signed])))).toEqual([]);
  });

  it('compares nothing in the first month: the opening world is not a month', () => {
    const first = { ...books(world({ gpu: 1000 }), world({ gpu: 9000 })), tick: 0 };
    expect(capacityMovesGradually(first)).toEqual([]);
  });
});

describe('the baseline’s late builds come into service over months (issue 21, “Lumps”)', () => {
  const loaded = loadScenarioFile(join(PROJECT_ROOT, 'configs/baseline.json'));
  if (!loaded.success) throw new Error('baseline.json does not load');
  // To 2027-12: Rainier, the TPU deal, OpenAI–AWS and Stargate's first two steps all built.
  const { metrics } = runSimulation(loaded.scenario, { seed: 1, months: 49 });
  const column = (metric: string, entity: string) => [...metrics.series(metric).get(entity)!];
  const largestMove = (values: number[]) =>
    Math.max(...values.slice(1).map((after, i) => (values[i]! > 0 && after > 0 ? Math.max(after / values[i]!, values[i]! / after) : 1)));
  const at = (date: string) => metrics.dates.indexOf(date);

  it('grows no cloud’s fleet more than 3× in a month, nor swings AWS’s Nvidia dependence (was: Oracle ×17.5 in 2026-07; AWS 42 % → 5 %)', () => {
    for (const cloud of ['azure', 'aws', 'gcp', 'oracle']) expect(largestMove(column('cloud.capacity_mtok', cloud)), cloud).toBeLessThanOrEqual(3);
    // The months OpenAI's scripted $38B of Nvidia GPUs at AWS steps up (2026-01, -07, -12) are the
    // record's; between them AWS's Nvidia dependence moves gradually.
    const scripted = new Set(['2026-01', '2026-07', '2026-12'].map(at));
    const nvidia = column('cloud.nvidia_dependence', 'aws');
    const moves = nvidia.slice(1).map((after, i) => (scripted.has(i + 1) || !(nvidia[i]! > 0 && after > 0) ? 1 : Math.max(after / nvidia[i]!, nvidia[i]! / after)));
    expect(Math.max(...moves)).toBeLessThanOrEqual(3);
  });

  it('fills Stargate’s first gigawatt over months from its first racks in 2026-07, not in one month', () => {
    const stargate = column('contract.capacity_mtok', 'openai@oracle');
    expect(stargate[at('2026-07')]).toBeLessThan(0.25e9);
    for (let tick = at('2026-08'); tick <= at('2027-01'); tick++) expect(stargate[tick]!).toBeGreaterThan(stargate[tick - 1]!);
    expect(stargate[at('2027-06')]).toBeGreaterThan(1e9);
  });
});
