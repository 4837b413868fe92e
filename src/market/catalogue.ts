import { exclusiveDeal, servedShare, type VendorState, type WorldState } from '../world/state.js';
import type { Channel } from '../world/events.js';

/** Models an enterprise on one cloud and channel can buy this month, and at what price. */
export interface OptionSet {
  /** Vendor index (config order) of each option. */
  readonly vendor: Int16Array;
  readonly priceUsdPerMTok: Float64Array;
  /** Quality for enterprise work of the vendor's frontier model (`workQuality`). */
  readonly quality: Float64Array;
  /**
   * The vendor's small tier, as its quality for enterprise work ÷ the frontier's (so an adopter
   * still on an older generation runs its small model at the same ratio to what it holds); 0 where
   * the vendor sells one model.
   */
  readonly smallQualityRatio: Float64Array;
  /** The small tier's list price, USD per MTok; 0 where there is none. */
  readonly smallPriceUsdPerMTok: Float64Array;
  /**
   * Multiplier on the value buyers see in the option: the cloud's placement (marketplace only),
   * the familiarity a consumer brand brings, the in-house work open weights need.
   */
  readonly appeal: Float64Array;
  /** Vendor index → option index, or -1 when the vendor is out of reach. */
  readonly optionOfVendor: Int16Array;
}

/**
 * The choice sets of the month, one per (primary cloud, channel). Direct buyers reach every closed
 * vendor's API and the open-weights models their cloud hosts; marketplace buyers reach what their
 * cloud lists, closed models at the vendor's list price (marketplaces match list prices) and open
 * weights at the cloud's hosting price.
 */
export interface Catalogue {
  readonly vendorIds: readonly string[];
  readonly cloudIds: readonly string[];
  /** Vendor index → 1 for open weights (served by the clouds that host them). */
  readonly openWeights: Uint8Array;
  /**
   * The best quality any enterprise can buy this month (over every option set; 1 when there is
   * none): the model that does a task fully, against which the value of the others is measured.
   */
  readonly frontierQuality: number;
  options(cloudIndex: number, channel: Channel): OptionSet;
}

/** Value multiplier a cloud's marketplace gives a listed vendor (its placement policy). */
export type Placement = (cloud: string, vendor: VendorState) => number;

/** How enterprises weigh a model beyond its price. */
export interface Appeal {
  /**
   * Share of their work that is coding: a model's quality for enterprise work is
   * quality^(1 − share) × codingQuality^share (on the Elo scale of the qualities, a blend of its
   * text and coding ratings).
   */
  readonly codingShare: number;
  readonly placement: Placement;
  /** Extra value per unit of consumer brand (developers know ChatGPT). */
  readonly brandPremium: number;
  /** Value of an open-weights model relative to a closed one of equal quality (own ops, support). */
  readonly openWeightsValueFactor: number;
}

const NEUTRAL: Appeal = { codingShare: 0, placement: () => 1, brandPremium: 0, openWeightsValueFactor: 1 };

/**
 * A closed vendor under an exclusive deal is sold on its investor's marketplace only (and those
 * of the clouds the deal permits): OpenAI models on Azure.
 */
function listedOn(world: WorldState, cloudId: string, vendor: VendorState): boolean {
  if (!world.listings.some((l) => l.cloud === cloudId && l.vendor === vendor.id)) return false;
  const exclusive = exclusiveDeal(world, vendor.id);
  return !exclusive || exclusive.cloud === cloudId || exclusive.permittedClouds.includes(cloudId);
}

/** A model's quality for enterprise work: its text and coding qualities weighed by the coding share of the work. */
export function workQuality(vendor: Pick<VendorState, 'quality' | 'codingQuality'>, codingShare: number): number {
  return codingShare === 0 ? vendor.quality : vendor.quality ** (1 - codingShare) * vendor.codingQuality ** codingShare;
}

export function buildCatalogue(
  world: WorldState,
  vendorIds: readonly string[],
  cloudIds: readonly string[],
  appeal: Appeal = NEUTRAL,
  lastMonth: WorldState = world,
): Catalogue {
  const sets: OptionSet[] = [];
  for (const cloudId of cloudIds) {
    const cloud = world.clouds[cloudId]!;
    for (const channel of ['direct', 'marketplace'] as const) {
      const chosen: { vendor: number; price: number; quality: number; appeal: number; smallRatio: number; smallPrice: number }[] = [];
      vendorIds.forEach((vendorId, v) => {
        const vendor = world.vendors[vendorId];
        if (!vendor) return; // not in the market yet
        const listed = listedOn(world, cloudId, vendor);
        const reachable = vendor.weights === 'open' ? listed : channel === 'direct' || listed;
        if (!reachable) return;
        const price = vendor.weights === 'open' ? cloud.openModelPriceUsdPerMTok : vendor.priceUsdPerMTok;
        const placed = channel === 'marketplace' ? appeal.placement(cloudId, vendor) : 1;
        const familiar = 1 + appeal.brandPremium * vendor.brand;
        const ops = vendor.weights === 'open' ? appeal.openWeightsValueFactor : 1;
        // Last month's rationing: a token the vendor cannot serve is worth nothing to the buyer.
        const served = servedShare((lastMonth.vendors[vendorId] ?? vendor).books);
        const quality = workQuality(vendor, appeal.codingShare);
        const small = vendor.weights === 'closed' ? vendor.smallTier : undefined;
        chosen.push({
          vendor: v,
          price,
          quality,
          appeal: placed * familiar * ops * served,
          smallRatio: small ? workQuality(small, appeal.codingShare) / quality : 0,
          smallPrice: small ? small.priceUsdPerMTok : 0,
        });
      });
      const optionOfVendor = new Int16Array(vendorIds.length).fill(-1);
      chosen.forEach((o, j) => (optionOfVendor[o.vendor] = j));
      sets.push({
        vendor: Int16Array.from(chosen.map((o) => o.vendor)),
        priceUsdPerMTok: Float64Array.from(chosen.map((o) => o.price)),
        quality: Float64Array.from(chosen.map((o) => o.quality)),
        smallQualityRatio: Float64Array.from(chosen.map((o) => o.smallRatio)),
        smallPriceUsdPerMTok: Float64Array.from(chosen.map((o) => o.smallPrice)),
        appeal: Float64Array.from(chosen.map((o) => o.appeal)),
        optionOfVendor,
      });
    }
  }
  let frontierQuality = 0;
  for (const set of sets) for (const quality of set.quality) frontierQuality = Math.max(frontierQuality, quality);
  return {
    vendorIds,
    cloudIds,
    frontierQuality: frontierQuality > 0 ? frontierQuality : 1,
    openWeights: Uint8Array.from(vendorIds.map((id) => (world.vendors[id]?.weights === 'open' ? 1 : 0))),
    options: (cloudIndex, channel) => sets[cloudIndex * 2 + (channel === 'direct' ? 0 : 1)]!,
  };
}
