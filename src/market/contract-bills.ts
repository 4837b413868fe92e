import { contractCapacityAt, type ComputeContract, type WorldState } from '../world/state.js';

/** What one contract costs the vendor in a month, split by what its capacity did. */
export interface ContractBill {
  readonly contract: ComputeContract;
  /** Capacity that served tokens: cost of revenue, and the unit cost of a token served. */
  readonly inferenceUsd: number;
  /** Inference capacity reserved and left idle, paid all the same: cost of revenue, not unit cost. */
  readonly idleUsd: number;
  /** Capacity that trained models: an operating expense that counts towards the next release. */
  readonly trainingUsd: number;
}

/**
 * The month's bills of a vendor's contracts, all take-or-pay. Tokens are served first on the
 * inference contracts, spread over them by capacity: what they leave unused is idle. Training
 * contracts bill as training; a contract for both serves what the inference contracts could not
 * and trains on the rest: the tokens served beyond the inference contracts' capacity are spread
 * over the `both` contracts by capacity, and the rest of their bill is training.
 */
export function contractBills(world: WorldState, vendor: string, tick: number, servedMTok: number): ContractBill[] {
  const mine = world.contracts.filter((c) => c.vendor === vendor && contractCapacityAt(c, tick) > 0);
  let inferenceOnlyMTok = 0;
  let bothMTok = 0;
  for (const c of mine) {
    if (c.use === 'inference') inferenceOnlyMTok += contractCapacityAt(c, tick);
    if (c.use === 'both') bothMTok += contractCapacityAt(c, tick);
  }
  const servedShareOfInference = inferenceOnlyMTok > 0 ? Math.min(1, Math.max(0, servedMTok) / inferenceOnlyMTok) : 0;
  const servingShareOfBoth = bothMTok > 0 ? Math.min(1, Math.max(0, servedMTok - inferenceOnlyMTok) / bothMTok) : 0;
  return mine.map((contract) => {
    const billUsd = contractCapacityAt(contract, tick) * contract.priceUsdPerMTok;
    switch (contract.use) {
      case 'inference':
        return { contract, inferenceUsd: billUsd * servedShareOfInference, idleUsd: billUsd * (1 - servedShareOfInference), trainingUsd: 0 };
      case 'training':
        return { contract, inferenceUsd: 0, idleUsd: 0, trainingUsd: billUsd };
      case 'both':
        return { contract, inferenceUsd: billUsd * servingShareOfBoth, idleUsd: 0, trainingUsd: billUsd * (1 - servingShareOfBoth) };
    }
  });
}
