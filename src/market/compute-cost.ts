import type { ScenarioShape } from '../config/scenario-schema.js';
import { GW_IN_MTOK_PER_MONTH } from '../config/capacity-units.js';
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

/**
 * MTok a month that 1 GW of AI data centre coming into service at a tick serves. A GW costs about
 * the same to build and run each year — $1.8B a month at the 2023 H100 rate (config/capacity-units.ts),
 * $1.1B in Oracle's 2025 contract for 2027–2032 — so what makes tokens cheaper is that each GW
 * serves more of them: the model's fall in cost per token (compute.gpuCostDeclinePerYear) is, in
 * these units, a rise in tokens per GW. A GW keeps the hardware it came into service with.
 */
export function mTokPerGwAt(market: ComputeMarket, tick: number): number {
  return (GW_IN_MTOK_PER_MONTH * market.gpuCostUsdPerMTok) / gpuCostUsdPerMTok(market, tick);
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
