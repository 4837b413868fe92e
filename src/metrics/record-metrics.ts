import type { EnterpriseDemand } from '../agents/enterprises.js';
import { asicShare, grossMargin, vendorRevenueUsd, type WorldState } from '../world/state.js';
import type { MetricRecorder } from './metric-table.js';

/** Which vendor, cloud and market figures a month leaves behind; see docs/metrics.md. */
export function recordMonth(recorder: MetricRecorder, world: WorldState, demand: EnterpriseDemand, enterprises: number): void {
  const vendors = Object.values(world.vendors);
  const enterpriseMTok = vendors.reduce((sum, v) => sum + v.books.apiDemandMTok, 0);

  let hhi = 0;
  let spendUsd = 0;
  for (const vendor of vendors) {
    const b = vendor.books;
    const id = vendor.id;
    const share = enterpriseMTok > 0 ? b.apiDemandMTok / enterpriseMTok : 0;
    hhi += (share * 100) ** 2;
    recorder.record('vendor.enterprise_share', id, share);
    recorder.record('vendor.enterprise_tokens_mtok', id, b.apiDemandMTok);
    recorder.record('vendor.quality_index', id, vendor.quality);
    if (vendor.weights === 'open') continue;

    spendUsd += b.apiDemandMTok * vendor.priceUsdPerMTok;
    const revenue = vendorRevenueUsd(b);
    const totalDemand = b.apiDemandMTok + b.subscriberDemandMTok;
    recorder.record('vendor.price_usd_per_mtok', id, vendor.priceUsdPerMTok);
    recorder.record('vendor.revenue_api_usd', id, b.revenueApiDirectUsd + b.revenueMarketplaceUsd);
    recorder.record('vendor.revenue_marketplace_usd', id, b.revenueMarketplaceUsd);
    recorder.record('vendor.revenue_subscription_usd', id, b.revenueSubscriptionUsd);
    recorder.record('vendor.revenue_usd', id, revenue);
    recorder.record('vendor.arr_usd', id, 12 * revenue);
    recorder.record('vendor.revenue_share_paid_usd', id, b.revenueShareUsd);
    const margin = grossMargin(b);
    if (Number.isFinite(margin)) recorder.record('vendor.gross_margin', id, margin);
    recorder.record('vendor.subscribers', id, vendor.subscribers);
    recorder.record('vendor.compute_spend_usd', id, b.inferenceComputeUsd + b.trainingComputeUsd);
    recorder.record('vendor.capacity_mtok', id, b.capacityMTok);
    recorder.record('vendor.capacity_shortfall', id, totalDemand > 0 ? 1 - b.servedMTok / totalDemand : 0);
    if (b.servedMTok > 0) recorder.record('vendor.inference_cost_usd_per_mtok', id, b.inferenceComputeUsd / b.servedMTok);
  }

  let openMTok = 0;
  for (const cloud of Object.values(world.clouds)) {
    const b = cloud.books;
    const id = cloud.id;
    const fleet = cloud.gpuCapacityMTok + cloud.asicCapacityMTok;
    openMTok += b.hostingMTok;
    spendUsd += b.hostingRevenueUsd;
    recorder.record('cloud.ai_revenue_usd', id, b.infraRevenueUsd + b.marketplaceRevenueUsd + b.hostingRevenueUsd);
    recorder.record('cloud.infra_revenue_usd', id, b.infraRevenueUsd);
    recorder.record('cloud.marketplace_revenue_usd', id, b.marketplaceRevenueUsd);
    recorder.record('cloud.hosting_revenue_usd', id, b.hostingRevenueUsd);
    recorder.record('cloud.asic_share', id, asicShare(cloud));
    recorder.record('cloud.asic_maturity', id, cloud.asicMaturity);
    recorder.record('cloud.capacity_mtok', id, fleet);
    recorder.record('cloud.capex_usd', id, b.capexUsd);
    recorder.record('cloud.open_model_price_usd_per_mtok', id, cloud.openModelPriceUsdPerMTok);
  }

  const totalMTok = enterpriseMTok;
  recorder.record('market.hhi', 'market', hhi);
  recorder.record('market.avg_price_usd_per_mtok', 'market', totalMTok > 0 ? spendUsd / totalMTok : Number.NaN);
  recorder.record('market.enterprise_spend_usd', 'market', spendUsd);
  recorder.record('market.enterprise_tokens_mtok', 'market', totalMTok);
  recorder.record('market.open_weights_tokens_mtok', 'market', openMTok);
  recorder.record('market.switches', 'market', demand.switches);
  recorder.record('market.adoption_rate', 'market', demand.adopters / enterprises);
  recorder.record('market.production_rate', 'market', demand.inProduction / enterprises);
  recorder.record('market.contracts_active', 'market', world.contracts.length);
}
