import { describe, expect, it } from 'vitest';
import { scheduledEvent, type ScheduledEvent } from '../../src/config/schedule-schema.js';
import type { ComputeMarket } from '../../src/market/compute-cost.js';
import { contractTranches } from '../../src/simulation/contract-tranches.js';

// GPU costs fall 45 % a year from $1.8 per MTok-month: at tick 12 a GW serves 1e9 / 0.55 MTok a
// month, at tick 24 1e9 / 0.55² (src/market/compute-cost.ts, mTokPerGwAt).
const compute = { gpuCostUsdPerMTok: 1.8, gpuCostDeclinePerYear: 0.45 } as ComputeMarket;
const tickOf = (month: string | undefined) => ({ '2025-01': 12, '2026-01': 24 })[month ?? '2025-01']!;

type Contract = Extract<ScheduledEvent, { type: 'compute-contract' }>;
function contract(fields: Record<string, unknown>): Contract {
  return scheduledEvent.parse({ date: '2025-01', type: 'compute-contract', vendor: 'openai', cloud: 'oracle', months: 60, ...fields }) as Contract;
}

describe('a compute contract reported in GW', () => {
  it('is a tranche per step of its ramp, each GW serving the tokens of its own month’s hardware at the GW price over them', () => {
    const tranches = contractTranches(
      contract({ priceUsdPerGwMonth: 1.1e9, ramp: [{ from: '2025-01', capacityGw: 0.5 }, { from: '2026-01', capacityGw: 2 }] }),
      compute,
      tickOf,
    );
    expect(tranches).toHaveLength(2);
    expect(tranches[0]!.ordered).toEqual([{ fromTick: 12, capacityMTok: expect.closeTo(0.5e9 / 0.55, 0) }]);
    expect(tranches[0]!.priceUsdPerMTok).toBeCloseTo(1.1 * 0.55, 12);
    // The second tranche is the 1.5 GW added, on 2026 hardware: more tokens per GW, each cheaper.
    expect(tranches[1]!.ordered).toEqual([{ fromTick: 24, capacityMTok: expect.closeTo(1.5e9 / 0.55 ** 2, 0) }]);
    expect(tranches[1]!.priceUsdPerMTok).toBeCloseTo(1.1 * 0.55 ** 2, 12);
    // What the vendor pays for a GW is the reported price, whatever month it came into service.
    for (const [tranche, gw] of [[tranches[0]!, 0.5], [tranches[1]!, 1.5]] as const) {
      expect(tranche.ordered[0]!.capacityMTok * tranche.priceUsdPerMTok!).toBeCloseTo(gw * 1.1e9, 0);
    }
  });

  it('leaves the price to the cloud’s offer policy when the event states none, and starts at the event’s month when it has no ramp', () => {
    const [tranche, ...rest] = contractTranches(contract({ capacityGw: 1 }), compute, tickOf);
    expect(rest).toEqual([]);
    expect(tranche!.priceUsdPerMTok).toBeUndefined();
    expect(tranche!.ordered).toEqual([{ fromTick: 12, capacityMTok: expect.closeTo(1e9 / 0.55, 0) }]);
  });

  it('keeps a contract in MTok whole, at the price it states', () => {
    const tranches = contractTranches(contract({ priceUsdPerMTok: 0.8, ramp: [{ from: '2025-01', capacityMTok: 2e8 }, { from: '2026-01', capacityMTok: 5e8 }] }), compute, tickOf);
    expect(tranches).toEqual([
      {
        ordered: [
          { fromTick: 12, capacityMTok: 2e8 },
          { fromTick: 24, capacityMTok: 5e8 },
        ],
        priceUsdPerMTok: 0.8,
      },
    ]);
  });
});

describe('a compute contract event that mixes units', () => {
  const problems = (fields: Record<string, unknown>) => {
    const parsed = scheduledEvent.safeParse({ date: '2025-01', type: 'compute-contract', vendor: 'openai', cloud: 'oracle', months: 60, ...fields });
    return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  };

  it('is refused when capacity in GW is priced per MTok, naming the field to use', () => {
    expect(problems({ capacityGw: 1, priceUsdPerMTok: 1.1 })).toEqual([expect.stringMatching(/^priceUsdPerMTok: .*priceUsdPerGwMonth/)]);
  });
  it('is refused when capacity in MTok is priced per GW-month', () => {
    expect(problems({ capacityMTok: 1e9, priceUsdPerGwMonth: 1.1e9 })).toEqual([expect.stringMatching(/^priceUsdPerGwMonth: a price per GW-month needs capacity in GW/)]);
  });
  it('is refused when its tranches mix GW and MTok, or a GW ramp falls', () => {
    expect(problems({ ramp: [{ from: '2025-01', capacityGw: 1 }, { from: '2026-01', capacityMTok: 1e9 }] })).toEqual([
      expect.stringMatching(/^ramp\.1: every tranche of a ramp gives its capacity in the same unit/),
    ]);
    expect(problems({ ramp: [{ from: '2025-01', capacityGw: 1 }, { from: '2026-01', capacityGw: 0.5 }] })).toEqual([expect.stringMatching(/^ramp\.1\.capacityGw: a ramp in GW only grows/)]);
  });
  it('is refused when it gives two capacities, or none', () => {
    expect(problems({ capacityGw: 1, capacityMTok: 1e9 })).toEqual([expect.stringMatching(/^capacityMTok: give exactly one of capacityMTok, capacityGw and ramp/)]);
    expect(problems({})).toEqual([expect.stringMatching(/^capacityMTok: give exactly one/)]);
  });
});
