import type { OptionSet } from '../market/catalogue.js';
import { boundedValue, type EnterprisePopulation } from './enterprise-population.js';

/** `smallTier` of a valuation not worked out yet (a refused vendor's: its surplus needs no tier). */
const TIER_UNKNOWN = 2;

/**
 * What the options of the month are worth to the enterprise being stepped: each option's per-MTok
 * surplus on a given model quality, and whether the vendor's small tier is what gives it.
 *
 * An adopter's month asks the same question several times (its primary's surplus, the tier its
 * tokens are booked to, its ROI at that tier's price), and each answer costs two `Math.pow` and two
 * `Math.tanh`: valuing options was a third of a baseline run, nearly half of it repeats
 * (docs/performance.md). So the last answer for each option is kept, for the enterprise and
 * quality it was worked out for, and given again when asked again. The answer is the same function
 * of the same numbers either way, so the outputs are unchanged; nothing it reads (prices, appeal,
 * the population's values and tastes) changes while a month's enterprises are stepped, and one is
 * made for each month.
 */
export class OptionValuations {
  private readonly enterprise: Int32Array;
  private readonly quality: Float64Array;
  private readonly surplusUsdPerMTok: Float64Array;
  /** 1: the small tier; 0: the frontier model; TIER_UNKNOWN: not worked out. */
  private readonly smallTier: Uint8Array;

  constructor(
    private readonly population: EnterprisePopulation,
    optionCount: number,
  ) {
    this.enterprise = new Int32Array(optionCount).fill(-1);
    this.quality = new Float64Array(optionCount);
    this.surplusUsdPerMTok = new Float64Array(optionCount);
    this.smallTier = new Uint8Array(optionCount);
  }

  /**
   * Per-MTok surplus of option j to enterprise i: value − price, of the vendor's tier that serves it
   * best (its frontier model, or its small one at the small tier's ratio to the quality given). The
   * enterprise's integration cost is the same whichever model it uses, so choices compare this; ROI
   * subtracts it as well.
   */
  surplus(i: number, set: OptionSet, j: number, quality: number): number {
    if (!this.holds(i, j, quality)) this.value(i, set, j, quality);
    return this.surplusUsdPerMTok[j]!;
  }

  /** Whether enterprise i, running `quality` from option j's vendor, is better served by its small tier. */
  runsSmallTier(i: number, set: OptionSet, j: number, quality: number): boolean {
    if (set.smallQualityRatio[j] === 0) return false;
    if (!this.holds(i, j, quality)) this.value(i, set, j, quality);
    if (this.smallTier[j] === TIER_UNKNOWN) this.smallTier[j] = this.smallTierWins(i, set, j, quality, this.tasteOf(i, set, j)) ? 1 : 0;
    return this.smallTier[j] === 1;
  }

  /** Whether the kept answer for option j is enterprise i's at this quality. */
  private holds(i: number, j: number, quality: number): boolean {
    return this.enterprise[j] === i && this.quality[j] === quality;
  }

  private value(i: number, set: OptionSet, j: number, quality: number): void {
    this.enterprise[j] = i;
    this.quality[j] = quality;
    const taste = this.tasteOf(i, set, j);
    // A vendor the enterprise refuses is no option at all: no choice, logit or review can land on it.
    if (taste === 0) {
      this.surplusUsdPerMTok[j] = -Infinity;
      this.smallTier[j] = TIER_UNKNOWN;
      return;
    }
    const frontier = this.tierSurplus(i, set, j, quality, 0, quality, taste, set.priceUsdPerMTok[j]!);
    const ratio = set.smallQualityRatio[j]!;
    if (ratio === 0) {
      this.surplusUsdPerMTok[j] = frontier;
      this.smallTier[j] = 0;
      return;
    }
    const small = this.tierSurplus(i, set, j, quality * ratio, 1, quality, taste, set.smallPriceUsdPerMTok[j]!);
    this.surplusUsdPerMTok[j] = small > frontier ? small : frontier;
    this.smallTier[j] = small > frontier ? 1 : 0;
  }

  /** The tier comparison on its own, for a refused vendor (whose tokens are still booked to a tier). */
  private smallTierWins(i: number, set: OptionSet, j: number, quality: number, taste: number): boolean {
    const ratio = set.smallQualityRatio[j]!;
    return (
      this.tierSurplus(i, set, j, quality * ratio, 1, quality, taste, set.smallPriceUsdPerMTok[j]!) >
      this.tierSurplus(i, set, j, quality, 0, quality, taste, set.priceUsdPerMTok[j]!)
    );
  }

  private tasteOf(i: number, set: OptionSet, j: number): number {
    return this.population.taste[i * this.population.vendorCount + set.vendor[j]!]!;
  }

  /**
   * The per-MTok surplus of tier `tier` (0: frontier, 1: small) of option j's vendor, at `quality`,
   * the tier's quality for the vendor's model of quality `model`.
   */
  private tierSurplus(i: number, set: OptionSet, j: number, quality: number, tier: number, model: number, taste: number, price: number): number {
    const population = this.population;
    const uncapped = population.valueUsdPerMTok[i]! * this.power(i, set.vendor[j]!, tier, quality, model) * taste * set.appeal[j]!;
    return boundedValue(uncapped, population.valueCapUsdPerMTok[i]!) - price;
  }

  /**
   * quality^(enterprise i's quality weight): kept from an earlier month when it was of this
   * quality, else raised, and kept when `model` is the one the enterprise runs from vendor v, or
   * it runs none of v's (src/agents/quality-powers.ts).
   */
  private power(i: number, v: number, tier: number, quality: number, model: number): number {
    const population = this.population;
    const powers = population.qualityPowers;
    if (powers === undefined) return Math.pow(quality, population.qualityWeight[i]!);
    const row = i * population.vendorCount + v;
    const slot = row * 2 + tier;
    const kept = powers.kept(slot, quality);
    if (kept === kept) return kept;
    const power = Math.pow(quality, population.qualityWeight[i]!);
    if (population.inUse[row] === 0 || model === population.heldQuality[row]) powers.keep(slot, quality, power);
    return power;
  }
}
