import { BYTES_PER_ENTERPRISE_VENDOR_POWERS, QUALITY_POWERS_BUDGET_BYTES } from '../config/limits.js';

/**
 * quality^weight kept per enterprise, vendor and tier (frontier, small) across months: the one
 * power of valuing an option that does not change from month to month while the enterprise is
 * asked about the same model. Each valuation raised it afresh, and the powers were 15 % of a
 * baseline run (docs/performance.md); an enterprise's weight is drawn once, and a vendor's quality
 * moves only when it releases a model.
 *
 * A slot keeps one quality and its power. What it keeps is the enterprise's answer for the model
 * it runs from the vendor (its held quality) where it runs one, else the vendor's newest: asking
 * about another model (an adopter's review of the vendor's newer one) is answered by raising the
 * power, without displacing the one kept. The power given is Math.pow of the same two numbers
 * either way, so nothing any run computes changes. A quality is recognised as `Object.is` would
 * (−0 and +0 apart); a NaN quality is never kept, and raised each time as before.
 *
 * It costs BYTES_PER_ENTERPRISE_VENDOR_POWERS (32) bytes per enterprise and vendor; a population
 * whose powers would take more than QUALITY_POWERS_BUDGET_BYTES keeps none (`powersFor` gives
 * undefined) and raises them every time, as before.
 */
export class QualityPowers {
  private readonly quality: Float64Array;
  private readonly power: Float64Array;

  constructor(enterprises: number, vendorCount: number) {
    this.quality = new Float64Array(enterprises * vendorCount * 2).fill(Number.NaN);
    this.power = new Float64Array(enterprises * vendorCount * 2);
  }

  /** The power kept in `slot` ((enterprise × vendors + vendor) × 2 + tier) if it is of `quality`, else NaN. */
  kept(slot: number, quality: number): number {
    const kept = this.quality[slot]!;
    return kept === quality && (quality !== 0 || Object.is(kept, quality)) ? this.power[slot]! : Number.NaN;
  }

  keep(slot: number, quality: number, power: number): void {
    this.quality[slot] = quality;
    this.power[slot] = power;
  }
}

/** Powers for a population of this size, or undefined when they would take more than the budget. */
export function powersFor(enterprises: number, vendorCount: number): QualityPowers | undefined {
  return enterprises * vendorCount * BYTES_PER_ENTERPRISE_VENDOR_POWERS > QUALITY_POWERS_BUDGET_BYTES ? undefined : new QualityPowers(enterprises, vendorCount);
}
