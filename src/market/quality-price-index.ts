import type { Catalogue } from './catalogue.js';

/**
 * The price of a given capability over time: a chained index of the cheapest price at which an
 * enterprise can buy each level of quality (Epoch AI's measure, by benchmark threshold: the
 * cheapest model at or above the threshold, month by month; a16z's "LLMflation" the same at MMLU
 * thresholds). A month's link is the geometric mean, over the quality levels of last month's
 * models, of this month's cheapest price at or above that level ÷ last month's; the index starts at
 * the cheapest price of the best model of the first month, USD per MTok. Unlike the average price
 * paid (market.avg_price_usd_per_mtok), which rises when buyers move to better and dearer models,
 * it falls only when a capability gets cheaper: a cut in a list price, a cheaper model reaching a
 * level, open weights hosted for less.
 */

/** A model on sale this month: its quality and the lowest price any enterprise pays for it, USD per MTok. */
export interface Offer {
  readonly quality: number;
  readonly priceUsdPerMTok: number;
}

export interface QualityPriceIndex {
  /** The index this month, USD per MTok; null before a month with any model on sale. */
  readonly levelUsdPerMTok: number | null;
  /** This month's offers, the next month's link is measured on. */
  readonly offers: readonly Offer[];
}

export const EMPTY_INDEX: QualityPriceIndex = { levelUsdPerMTok: null, offers: [] };

/**
 * Every model on sale in a catalogue, at the lowest price it sells at across clouds and channels:
 * each vendor's frontier model, then the small tiers.
 */
export function offersOf(catalogue: Catalogue): Offer[] {
  const cheapest = new Map<number, Offer>();
  const small = catalogue.vendorIds.length;
  const consider = (key: number, offer: Offer) => {
    const held = cheapest.get(key);
    if (!held || offer.priceUsdPerMTok < held.priceUsdPerMTok) cheapest.set(key, offer);
  };
  for (let c = 0; c < catalogue.cloudIds.length; c++) {
    for (const channel of ['direct', 'marketplace'] as const) {
      const set = catalogue.options(c, channel);
      for (let j = 0; j < set.vendor.length; j++) {
        const vendor = set.vendor[j]!;
        consider(vendor, { quality: set.quality[j]!, priceUsdPerMTok: set.priceUsdPerMTok[j]! });
        const ratio = set.smallQualityRatio[j]!;
        if (ratio > 0) consider(small + vendor, { quality: set.quality[j]! * ratio, priceUsdPerMTok: set.smallPriceUsdPerMTok[j]! });
      }
    }
  }
  return [...cheapest.keys()].sort((a, b) => a - b).map((v) => cheapest.get(v)!);
}

/** The cheapest price of a model at or above `quality`; null when none reaches it. */
export function cheapestAtLeast(offers: readonly Offer[], quality: number): number | null {
  let best: number | null = null;
  for (const o of offers) if (o.quality >= quality && (best === null || o.priceUsdPerMTok < best)) best = o.priceUsdPerMTok;
  return best;
}

/** The index after a month whose models are `offers`. */
export function nextIndex(previous: QualityPriceIndex, offers: readonly Offer[]): QualityPriceIndex {
  if (offers.length === 0) return previous;
  if (previous.levelUsdPerMTok === null) {
    const best = Math.max(...offers.map((o) => o.quality));
    return { levelUsdPerMTok: cheapestAtLeast(offers, best), offers };
  }
  let logSum = 0;
  let levels = 0;
  for (const quality of new Set(previous.offers.map((o) => o.quality))) {
    const before = cheapestAtLeast(previous.offers, quality)!;
    const now = cheapestAtLeast(offers, quality);
    // A level no model reaches any more (a model withdrawn) says nothing of this month's prices.
    if (now === null || !(before > 0) || !(now > 0)) continue;
    logSum += Math.log(now / before);
    levels++;
  }
  const link = levels > 0 ? Math.exp(logSum / levels) : 1;
  return { levelUsdPerMTok: previous.levelUsdPerMTok * link, offers };
}
