import type { ScenarioShape } from '../config/scenario-schema.js';
import type { CloudState } from '../world/state.js';

/**
 * The compute market as configured; a run whose scenario branches adds the path GPU costs have
 * fallen along so far (each stretch of the run at its own rate), so that a branch changing the
 * rate changes the costs from the branch on.
 */
export type ComputeMarket = ScenarioShape['compute'] & {
  /** GPU cost at a tick relative to the start; (1 − gpuCostDeclinePerYear)^(tick / 12) without it. */
  readonly gpuCostIndex?: (tick: number) => number;
};

/** Cost to a cloud of 1 MTok/month of inference capacity on Nvidia GPUs at a tick, USD. */
export function gpuCostUsdPerMTok(market: ComputeMarket, tick: number): number {
  return market.gpuCostUsdPerMTok * (market.gpuCostIndex ? market.gpuCostIndex(tick) : (1 - market.gpuCostDeclinePerYear) ** (tick / 12));
}

/** The same on the cloud's own ASICs: cheaper as the programme matures. */
export function asicCostUsdPerMTok(market: ComputeMarket, tick: number, maturity: number): number {
  return gpuCostUsdPerMTok(market, tick) * (1 - market.asicMaxAdvantage * maturity);
}

/** Fleet-weighted unit cost of a cloud. */
export function fleetUnitCostUsdPerMTok(market: ComputeMarket, tick: number, cloud: CloudState): number {
  const fleet = cloud.gpuCapacityMTok + cloud.asicCapacityMTok;
  const gpu = gpuCostUsdPerMTok(market, tick);
  if (fleet <= 0) return gpu;
  const asic = asicCostUsdPerMTok(market, tick, cloud.asicMaturity);
  return (cloud.gpuCapacityMTok * gpu + cloud.asicCapacityMTok * asic) / fleet;
}

/** Maturity after spending `capexUsd` more on ASICs: closes 1 − e^(−capex/scale) of the gap. */
export function maturityAfter(market: ComputeMarket, maturity: number, capexUsd: number): number {
  return maturity + (1 - maturity) * (1 - Math.exp(-capexUsd / market.asicMaturityScaleUsd));
}
