import type { ScenarioShape } from '../config/scenario-schema.js';
import type { CloudState } from '../world/state.js';

export type ComputeMarket = ScenarioShape['compute'];

/** Cost to a cloud of 1 MTok/month of inference capacity on Nvidia GPUs at a tick, USD. */
export function gpuCostUsdPerMTok(market: ComputeMarket, tick: number): number {
  return market.gpuCostUsdPerMTok * (1 - market.gpuCostDeclinePerYear) ** (tick / 12);
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
