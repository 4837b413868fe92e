import { describe, expect, it } from 'vitest';
import { contractBills } from '../../src/market/contract-bills.js';
import { cloudState, contract, vendorState, worldState } from '../support/world-fixtures.js';

describe('contractBills', () => {
  const world = worldState({
    vendors: [vendorState('acme')],
    clouds: [cloudState('alpha')],
    contracts: [
      contract({ id: 'serve', vendor: 'acme', cloud: 'alpha', capacityMTok: 100, priceUsdPerMTok: 2 }),
      contract({ id: 'train', vendor: 'acme', cloud: 'alpha', capacityMTok: 50, priceUsdPerMTok: 4, use: 'training' }),
      contract({ id: 'both-a', vendor: 'acme', cloud: 'alpha', capacityMTok: 300, priceUsdPerMTok: 1, use: 'both' }),
      contract({ id: 'both-b', vendor: 'acme', cloud: 'alpha', capacityMTok: 100, priceUsdPerMTok: 3, use: 'both' }),
      contract({ id: 'later', vendor: 'acme', cloud: 'alpha', capacityMTok: 100, startTick: 5 }),
    ],
  });
  const billsAt = (tick: number, servedMTok: number) =>
    Object.fromEntries(contractBills(world, 'acme', tick, servedMTok).map((b) => [b.contract.id, [b.inferenceUsd, b.idleUsd, b.trainingUsd]]));
  const bills = (servedMTok: number) => Object.fromEntries(Object.entries(billsAt(0, servedMTok)).map(([id, [used, idle, training]]) => [id, [used! + idle!, training]]));

  it('bills inference contracts as inference whatever they serve (take-or-pay), training contracts as training', () => {
    expect(bills(0).serve).toEqual([200, 0]);
    expect(bills(0).train).toEqual([0, 200]);
    expect(bills(0).later).toBeUndefined();
  });

  it('splits an inference contract’s bill into the capacity that served and the capacity left idle', () => {
    // 30 of its 100 MTok served: $60 served, $140 idle.
    expect(billsAt(0, 30).serve).toEqual([60, 140, 0]);
    // Tokens go to the inference contract before the contracts for both, which never stand idle.
    expect(billsAt(0, 100).serve).toEqual([200, 0, 0]);
    expect(billsAt(0, 100)['both-a']).toEqual([0, 0, 300]);
  });

  it('spreads the tokens served beyond the inference contracts over the contracts for both, and trains on the rest of them', () => {
    // 300 served: 100 on the inference contract, 200 of the 400 for both (half of each).
    expect(bills(300)['both-a']).toEqual([150, 150]);
    expect(bills(300)['both-b']).toEqual([150, 150]);
    expect(bills(50)['both-a']).toEqual([0, 300]);
    expect(bills(1e9)['both-b']).toEqual([300, 0]);
  });
});
