import type { EnterpriseDemand } from '../agents/enterprises.js';
import type { MetricName } from './metric-names.js';
import { NonFiniteMetricError } from './non-finite-metric.js';
import { markedValuationUsd, type ValuationTerms } from '../agents/funding.js';
import { asicShare, capacityInUseMTok, computeDemandMTok, contractCapacityAt, freeUsers, grossMargin, servedShare, totalDemandMTok, undeliveredAt, vendorRevenueUsd, type WorldState } from '../world/state.js';
import type { MetricRecorder } from './metric-table.js';

/** A vendor with no terms (none in the map) is marked at its floor, as with a multiple of 0. */
const NO_VALUATION: ValuationTerms = { revenueMultiple: 0, growthElasticity: 0, referenceGrowth: 1 };

/** Which vendor, cloud and market figures a month leaves behind; the README lists them. */
export function recordMonth(
  table: MetricRecorder,
  world: WorldState,
  demand: EnterpriseDemand,
  enterprises: number,
  valuationMultiples: Readonly<Record<string, ValuationTerms>>,
  /** The vendors and clouds in the order `demand` indexes them. */
  order: { readonly vendors: readonly string[]; readonly clouds: readonly string[] },
  /** The month's price at constant quality (market/quality-price-index.ts); null before any model is on sale. */
  priceAtConstantQualityUsdPerMTok: number | null = null,
): void {
  const recorder = finiteOnly(table);
  const active = world.contracts.filter((c) => contractCapacityAt(c, world.tick) > 0 || undeliveredAt(c, world.tick) > 0);
  const vendors = Object.values(world.vendors);
  const enterpriseMTok = vendors.reduce((sum, v) => sum + v.books.apiDemandMTok, 0);

  let spendUsd = 0;
  let servedMTok = 0;
  for (const vendor of vendors) {
    const b = vendor.books;
    const id = vendor.id;
    const share = enterpriseMTok > 0 ? b.apiDemandMTok / enterpriseMTok : 0;
    recorder.record('vendor.enterprise_share', id, share);
    recorder.record('vendor.enterprise_tokens_mtok', id, b.apiDemandMTok);
    recorder.record('vendor.quality_index', id, vendor.quality);
    recorder.record('vendor.training_spend_usd', id, b.trainingComputeUsd);
    recorder.record('vendor.training_stock_usd', id, vendor.trainingStockUsd);
    if (vendor.weights === 'open') continue;

    // What enterprises paid: tokens actually served, at the price they were billed.
    spendUsd += b.revenueApiDirectUsd + b.revenueMarketplaceUsd;
    servedMTok += b.apiDemandMTok * servedShare(b);
    const revenue = vendorRevenueUsd(b);
    const totalDemand = totalDemandMTok(b);
    recorder.record('vendor.price_usd_per_mtok', id, vendor.priceUsdPerMTok);
    recorder.record('vendor.revenue_api_usd', id, b.revenueApiDirectUsd + b.revenueMarketplaceUsd);
    recorder.record('vendor.revenue_marketplace_usd', id, b.revenueMarketplaceUsd);
    recorder.record('vendor.revenue_subscription_usd', id, b.revenueSubscriptionUsd);
    recorder.record('vendor.revenue_usd', id, revenue);
    recorder.record('vendor.arr_usd', id, 12 * revenue);
    recorder.record('vendor.revenue_share_paid_usd', id, b.revenueShareUsd);
    const margin = grossMargin(b);
    if (margin !== null) {
      recorder.record('vendor.gross_margin', id, margin);
      recorder.record('vendor.operating_margin', id, margin - b.trainingComputeUsd / revenue);
    }
    recorder.record('vendor.subscribers', id, vendor.subscribers);
    recorder.record('vendor.weekly_users', id, vendor.weeklyUsers);
    recorder.record('vendor.free_users', id, freeUsers(vendor));
    // Every frontier token served shares the month's reservations alike (a small-tier token its
    // servingCostShare of one): free users' part of the cost is their part of the compute.
    const computeDemand = computeDemandMTok(b);
    recorder.record('vendor.free_user_cost_usd', id, computeDemand > 0 ? (b.inferenceComputeUsd * b.freeUserDemandMTok) / computeDemand : 0);
    recorder.record('vendor.small_tier_share', id, b.smallTier && b.apiDemandMTok > 0 ? b.smallTier.apiDemandMTok / b.apiDemandMTok : 0);
    recorder.record('vendor.compute_spend_usd', id, b.inferenceComputeUsd + b.idleCapacityUsd + b.trainingComputeUsd + b.commitmentShortfallUsd);
    recorder.record('vendor.idle_capacity_cost_usd', id, b.idleCapacityUsd);
    recorder.record('vendor.training_unmet_usd', id, b.trainingUnmetUsd);
    recorder.record('vendor.capacity_mtok', id, b.capacityMTok);
    recorder.record('vendor.capacity_shortfall', id, totalDemand > 0 ? 1 - b.servedMTok / totalDemand : 0);
    if (b.servedMTok > 0) recorder.record('vendor.inference_cost_usd_per_mtok', id, b.inferenceComputeUsd / b.servedMTok);
    const spendByCloud = Object.values(b.computeSpendByCloud);
    const spend = spendByCloud.reduce((sum, x) => sum + x, 0);
    if (spend > 0) recorder.record('vendor.primary_cloud_share', id, Math.max(...spendByCloud) / spend);
    const mine = active.filter((c) => c.vendor === id && contractCapacityAt(c, world.tick) > 0);
    const capacity = mine.reduce((sum, c) => sum + contractCapacityAt(c, world.tick), 0);
    if (capacity > 0) recorder.record('vendor.asic_share', id, mine.reduce((sum, c) => sum + contractCapacityAt(c, world.tick) * c.asicShare, 0) / capacity);
    recorder.record('vendor.clouds_used', id, new Set(mine.map((c) => c.cloud)).size);
    recorder.record('vendor.cash_usd', id, vendor.cashUsd);
    recorder.record('vendor.valuation_usd', id, markedValuationUsd(world, id, valuationMultiples[id] ?? NO_VALUATION));
    recorder.record('vendor.raised_usd', id, vendor.raisedToDateUsd);
    for (const [holder, share] of Object.entries(vendor.equity)) recorder.record('stake.share', `${holder}@${id}`, share);
    recorder.record(
      'vendor.commitments_remaining_usd',
      id,
      world.commitments.reduce((sum, c) => sum + (c.vendor === id ? c.remainingUsd : 0), 0),
    );
    for (const [cloud, spendUsd] of Object.entries(b.computeSpendByCloud)) recorder.record('contract.spend_usd', `${id}@${cloud}`, spendUsd);
    for (const [cloud, shareUsd] of Object.entries(b.revenueShareByCloud)) recorder.record('contract.revenue_share_usd', `${id}@${cloud}`, shareUsd);
  }
  // A vendor may hold several contracts with one cloud: record their sum per pair.
  const capacityByPair = new Map<string, number>();
  const undeliveredByPair = new Map<string, number>();
  for (const contract of active) {
    const pair = `${contract.vendor}@${contract.cloud}`;
    capacityByPair.set(pair, (capacityByPair.get(pair) ?? 0) + contractCapacityAt(contract, world.tick));
    undeliveredByPair.set(pair, (undeliveredByPair.get(pair) ?? 0) + undeliveredAt(contract, world.tick));
  }
  for (const [pair, mTok] of capacityByPair) recorder.record('contract.capacity_mtok', pair, mTok);
  for (const [pair, mTok] of undeliveredByPair) if (mTok > 0) recorder.record('contract.undelivered_mtok', pair, mTok);
  const investedByPair = new Map<string, number>();
  for (const deal of world.deals) {
    if (deal.cloud === null) continue;
    const pair = `${deal.vendor}@${deal.cloud}`;
    investedByPair.set(pair, (investedByPair.get(pair) ?? 0) + deal.amountUsd);
  }
  for (const [pair, usd] of investedByPair) recorder.record('deal.invested_usd', pair, usd);

  let openMTok = 0;
  for (const cloud of Object.values(world.clouds)) {
    const b = cloud.books;
    const id = cloud.id;
    const fleet = cloud.gpuCapacityMTok + cloud.asicCapacityMTok;
    openMTok += b.hostingMTok;
    spendUsd += b.hostingRevenueUsd;
    servedMTok += b.hostingMTok;
    // Infrastructure revenue is compute sold, to vendors or as open-weights tokens to enterprises;
    // the marketplace revenue share is a distribution fee on top.
    recorder.record('cloud.ai_revenue_usd', id, b.vendorComputeRevenueUsd + b.marketplaceRevenueUsd + b.hostingRevenueUsd);
    recorder.record('cloud.infra_revenue_usd', id, b.vendorComputeRevenueUsd + b.hostingRevenueUsd);
    recorder.record('cloud.vendor_compute_revenue_usd', id, b.vendorComputeRevenueUsd);
    recorder.record('cloud.marketplace_revenue_usd', id, b.marketplaceRevenueUsd);
    recorder.record('cloud.hosting_revenue_usd', id, b.hostingRevenueUsd);
    recorder.record('cloud.asic_share', id, asicShare(cloud));
    recorder.record('cloud.nvidia_dependence', id, nvidiaDependence(world, cloud.id));
    recorder.record('cloud.equity_value_usd', id, equityValueUsd(world, cloud.id, valuationMultiples));
    recorder.record('cloud.asic_maturity', id, cloud.asicMaturity);
    recorder.record('cloud.capacity_mtok', id, fleet);
    // A fleet in full use sums its parts to 1 + 2e-16 at times: rounding, not a sale beyond it
    // (cloudsSellNoMoreThanTheyHave would stop the run on one).
    if (fleet > 0) recorder.record('cloud.utilization', id, Math.min(1, capacityInUseMTok(cloud) / fleet));
    recorder.record('cloud.training_mtok', id, b.trainingMTok);
    recorder.record('cloud.hosting_unmet_mtok', id, b.hostingDemandMTok - b.hostingMTok);
    recorder.record('cloud.capex_usd', id, b.capexUsd);
    recorder.record('cloud.fleet_cost_usd', id, b.fleetCostUsd);
    recorder.record('cloud.open_model_price_usd_per_mtok', id, cloud.openModelPriceUsdPerMTok);
  }

  const totalMTok = enterpriseMTok;
  // Price and concentration are undefined in a month no enterprise buys anything: left absent.
  if (totalMTok > 0) recorder.record('market.hhi', 'market', supplierHhi(world, enterpriseMTok));
  if (servedMTok > 0) recorder.record('market.avg_price_usd_per_mtok', 'market', spendUsd / servedMTok);
  if (priceAtConstantQualityUsdPerMTok !== null) recorder.record('market.price_at_constant_quality_usd_per_mtok', 'market', priceAtConstantQualityUsdPerMTok);
  recorder.record('market.enterprise_spend_usd', 'market', spendUsd);
  recorder.record('market.enterprise_tokens_mtok', 'market', totalMTok);
  recorder.record('market.open_weights_tokens_mtok', 'market', openMTok);
  recorder.record('market.open_weights_share', 'market', totalMTok > 0 ? openMTok / totalMTok : 0);
  recorder.record('market.switches', 'market', demand.switches);
  for (const [vendor, usd] of enterpriseSpendByVendor(world, demand, order)) {
    if (spendUsd > 0) recorder.record('vendor.enterprise_spend_share', vendor, usd / spendUsd);
  }
  // Share of the month's adopters whose vendor changed in the last 12 months; 0 in a month with none.
  recorder.record('market.switch_rate_12m', 'market', demand.adopters > 0 ? demand.switchedInLastYear / demand.adopters : 0);
  // Share of the month's adopters with models of two vendors or more in production; 0 in a month with none.
  recorder.record('market.multi_vendor_share', 'market', demand.adopters > 0 ? demand.multiVendor / demand.adopters : 0);
  // The survey's three answers over 12 months, which add up to 1: changed primary vendor
  // (switch_rate_12m), moved to a newer model of a vendor in use without changing primary, neither.
  recorder.record('market.upgrade_rate_12m', 'market', demand.adopters > 0 ? demand.upgradedInLastYear / demand.adopters : 0);
  recorder.record(
    'market.unchanged_share_12m',
    'market',
    demand.adopters > 0 ? (demand.adopters - demand.switchedInLastYear - demand.upgradedInLastYear) / demand.adopters : 0,
  );
  // ROI over the month's adopters, (value − price − integration) / (price + integration); 0 in a
  // month none adopts, so every run has the same columns whichever month adoption starts.
  recorder.record('market.adopter_roi_median', 'market', demand.adopterRoi?.median ?? 0);
  recorder.record('market.adopter_roi_max', 'market', demand.adopterRoi?.max ?? 0);
  recorder.record('market.adoption_rate', 'market', demand.adopters / enterprises);
  recorder.record('market.production_rate', 'market', demand.inProduction / enterprises);
  recorder.record('market.contracts_active', 'market', world.contracts.length);
}

/**
 * Share of the capacity a cloud has in use (vendors' contracts and hosted open weights) that runs
 * on Nvidia GPUs rather than its own ASICs; the fleet's GPU share when nothing is in use.
 */
export function nvidiaDependence(world: WorldState, cloudId: string): number {
  const cloud = world.clouds[cloudId]!;
  const fleetGpuShare = 1 - asicShare(cloud);
  let used = cloud.books.hostingMTok;
  let onGpu = cloud.books.hostingMTok * fleetGpuShare;
  for (const c of world.contracts) {
    if (c.cloud !== cloudId) continue;
    const mTok = contractCapacityAt(c, world.tick);
    used += mTok;
    onGpu += mTok * (1 - c.asicShare);
  }
  return used > 0 ? onGpu / used : fleetGpuShare;
}

/**
 * The cloud's stakes in vendors at their marks: the share of each vendor it holds (after every
 * dilution) × the vendor's valuation (its last round's post-money, or the valuation policy's mark
 * before its first round in the run). Open-weights vendors have no valuation and count nothing.
 */
export function equityValueUsd(world: WorldState, cloudId: string, valuationMultiples: Readonly<Record<string, ValuationTerms>>): number {
  let value = 0;
  for (const vendor of Object.values(world.vendors)) {
    const held = vendor.equity[cloudId] ?? 0;
    if (held > 0 && vendor.weights === 'closed') value += held * markedValuationUsd(world, vendor.id, valuationMultiples[vendor.id] ?? NO_VALUATION);
  }
  return value;
}

/**
 * What enterprises paid each vendor's models this month: a closed vendor's API and marketplace
 * sales; for open weights, what they paid the clouds hosting them, each cloud's hosting revenue
 * split by what the vendor's models were asked of it (every model a cloud hosts is served in the
 * same proportion, market/settlement.ts). Sums to market.enterprise_spend_usd.
 */
export function enterpriseSpendByVendor(
  world: WorldState,
  demand: EnterpriseDemand,
  order: { readonly vendors: readonly string[]; readonly clouds: readonly string[] },
): Map<string, number> {
  const spend = new Map<string, number>();
  order.vendors.forEach((id, v) => {
    const vendor = world.vendors[id];
    if (vendor === undefined) return;
    if (vendor.weights === 'closed') {
      spend.set(id, vendor.books.revenueApiDirectUsd + vendor.books.revenueMarketplaceUsd);
      return;
    }
    let usd = 0;
    order.clouds.forEach((cloudId, c) => {
      const books = world.clouds[cloudId]?.books;
      if (books && books.hostingDemandMTok > 0) usd += (books.hostingRevenueUsd * demand.viaCloudMTok[v * order.clouds.length + c]!) / books.hostingDemandMTok;
    });
    spend.set(id, usd);
  });
  return spend;
}

/**
 * Herfindahl–Hirschman index (0–10,000) of the sellers of enterprise tokens: each closed vendor,
 * and each cloud for the open-weights tokens it hosts and sells (Meta earns nothing per token).
 */
export function supplierHhi(world: WorldState, enterpriseMTok: number): number {
  if (enterpriseMTok <= 0) return Number.NaN;
  let hhi = 0;
  for (const vendor of Object.values(world.vendors)) {
    if (vendor.weights === 'closed') hhi += ((100 * vendor.books.apiDemandMTok) / enterpriseMTok) ** 2;
  }
  for (const cloud of Object.values(world.clouds)) hhi += ((100 * cloud.books.hostingMTok) / enterpriseMTok) ** 2;
  return hhi;
}

/**
 * The recorder, refusing a NaN or an Infinity: the run stops naming the metric, entity and month,
 * rather than leave a hole in metrics.csv and summary.json that nobody sees.
 */
function finiteOnly(table: MetricRecorder): { record(metric: MetricName, entity: string, value: number): void } {
  return {
    record(metric, entity, value) {
      if (!Number.isFinite(value)) {
        throw new NonFiniteMetricError(metric, entity, table.dates.at(-1) ?? '', value);
      }
      table.record(metric, entity, value);
    },
  };
}
