import { contractCapacityAt, type ComputeContract, type WorldState } from '../world/state.js';

/** What one contract costs the vendor in a month, split by what its capacity did. */
export interface ContractBill {
  readonly contract: ComputeContract;
  /** Capacity that served tokens (or stood ready to): cost of revenue. */
  readonly inferenceUsd: number;
  /** Capacity that trained models: an operating expense that counts towards the next release. */
  readonly trainingUsd: number;
}

/**
 * The month's bills of a vendor's contracts, all take-or-pay. Inference contracts bill as
 * inference whether used or not; training contracts as training; a contract for both serves first
 * and trains on what serving leaves idle: the tokens served beyond the inference contracts'
 * capacity are spread over the `both` contracts by capacity, and the rest of their bill is training.
 */
export function contractBills(world: WorldState, vendor: string, tick: number, servedMTok: number): ContractBill[] {
  const mine = world.contracts.filter((c) => c.vendor === vendor && contractCapacityAt(c, tick) > 0);
  let inferenceOnlyMTok = 0;
  let bothMTok = 0;
  for (const c of mine) {
    if (c.use === 'inference') inferenceOnlyMTok += contractCapacityAt(c, tick);
    if (c.use === 'both') bothMTok += contractCapacityAt(c, tick);
  }
  const servingShareOfBoth = bothMTok > 0 ? Math.min(1, Math.max(0, servedMTok - inferenceOnlyMTok) / bothMTok) : 0;
  return mine.map((contract) => {
    const billUsd = contractCapacityAt(contract, tick) * contract.priceUsdPerMTok;
    const inferenceShare = contract.use === 'inference' ? 1 : contract.use === 'training' ? 0 : servingShareOfBoth;
    return { contract, inferenceUsd: billUsd * inferenceShare, trainingUsd: billUsd * (1 - inferenceShare) };
  });
}
