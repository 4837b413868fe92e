/**
 * Every metric a run records, by name. A run records a metric only through one of these names
 * (record-metrics.ts is typed on them), so a targets file or a chart that names a metric can be
 * checked against this list before anything runs.
 */
export const METRIC_NAMES = [
  'vendor.enterprise_share',
  'vendor.enterprise_tokens_mtok',
  'vendor.enterprise_spend_share',
  'vendor.quality_index',
  'vendor.price_usd_per_mtok',
  'vendor.revenue_api_usd',
  'vendor.revenue_marketplace_usd',
  'vendor.revenue_subscription_usd',
  'vendor.revenue_usd',
  'vendor.arr_usd',
  'vendor.revenue_share_paid_usd',
  'vendor.gross_margin',
  'vendor.subscribers',
  'vendor.compute_spend_usd',
  'vendor.idle_capacity_cost_usd',
  'vendor.training_compute_usd',
  'vendor.training_unmet_usd',
  'vendor.commitments_remaining_usd',
  'vendor.capacity_mtok',
  'vendor.capacity_shortfall',
  'vendor.inference_cost_usd_per_mtok',
  'vendor.primary_cloud_share',
  'vendor.asic_share',
  'vendor.clouds_used',
  'vendor.cash_usd',
  'vendor.valuation_usd',
  'stake.share',
  'contract.spend_usd',
  'contract.revenue_share_usd',
  'contract.capacity_mtok',
  'contract.undelivered_mtok',
  'deal.invested_usd',
  'cloud.ai_revenue_usd',
  'cloud.infra_revenue_usd',
  'cloud.vendor_compute_revenue_usd',
  'cloud.marketplace_revenue_usd',
  'cloud.hosting_revenue_usd',
  'cloud.asic_share',
  'cloud.nvidia_dependence',
  'cloud.equity_value_usd',
  'cloud.asic_maturity',
  'cloud.capacity_mtok',
  'cloud.utilization',
  'cloud.training_mtok',
  'cloud.hosting_unmet_mtok',
  'cloud.capex_usd',
  'cloud.fleet_cost_usd',
  'cloud.open_model_price_usd_per_mtok',
  'market.hhi',
  'market.avg_price_usd_per_mtok',
  'market.enterprise_spend_usd',
  'market.enterprise_tokens_mtok',
  'market.open_weights_tokens_mtok',
  'market.open_weights_share',
  'market.switches',
  'market.switch_rate_12m',
  'market.multi_vendor_share',
  'market.upgrade_rate_12m',
  'market.unchanged_share_12m',
  'market.adopter_roi_median',
  'market.adopter_roi_max',
  'market.adoption_rate',
  'market.production_rate',
  'market.contracts_active',
] as const;

export type MetricName = (typeof METRIC_NAMES)[number];

const KNOWN: ReadonlySet<string> = new Set(METRIC_NAMES);

export function isMetricName(name: string): name is MetricName {
  return KNOWN.has(name);
}
