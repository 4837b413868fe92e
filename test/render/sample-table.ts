import { MetricRecorder, type MetricTable } from '../../src/metrics/metric-table.js';

export const VENDORS = ['openai', 'anthropic', 'google', 'xai', 'mistral', 'meta'] as const;
export const CLOUDS = ['azure', 'aws', 'gcp', 'oracle'] as const;

/** Month `tick` of a run starting in January 2024, as "YYYY-MM". */
export function monthOf(tick: number): string {
  return `${2024 + Math.floor(tick / 12)}-${String((tick % 12) + 1).padStart(2, '0')}`;
}

/**
 * A run from 2024-01 with every metric the charts use, with values simple enough to sum by hand:
 * vendor k earns (k + 1) × (tick + 1) $M per month from the API, a quarter of it via marketplaces,
 * plus $2M of subscriptions (ARR 12 × their sum); meta (open weights) earns nothing, has no gross margin and a price of 0.
 * Compute ties, as "vendor@cloud" pairs: OpenAI holds 100 MTok with Azure throughout and adds Oracle from the 4th
 * month (50 MTok more each month); Anthropic splits 60/40 between AWS and Google Cloud; xAI holds AWS capacity in
 * months 2 and 3 only; Azure has invested $13B in OpenAI, AWS $1.25B in Anthropic (topped up to $4B in the 4th
 * month), Google Cloud $2B from the 3rd month. OpenAI is short of compute by 10 % a month from the 3rd month on.
 * `skip` leaves metrics out, as a run that does not model them would.
 */
export function sampleTable(months: number, skip: readonly string[] = []): MetricTable {
  const table = new MetricRecorder(months);
  const record = (metric: string, entity: string, value: number) => {
    if (!skip.includes(metric)) table.record(metric, entity, value);
  };
  for (let tick = 0; tick < months; tick++) {
    table.beginTick(monthOf(tick));
    VENDORS.forEach((vendor, k) => {
      const earns = vendor !== 'meta';
      const api = earns ? (k + 1) * (tick + 1) * 1e6 : 0;
      record('vendor.enterprise_share', vendor, 1 / VENDORS.length);
      record('vendor.revenue_api_usd', vendor, api);
      record('vendor.revenue_marketplace_usd', vendor, api / 4);
      record('vendor.revenue_subscription_usd', vendor, earns ? 2e6 : 0);
      record('vendor.gross_margin', vendor, earns ? 0.4 + 0.01 * tick : Number.NaN);
      record('vendor.price_usd_per_mtok', vendor, earns ? 10 / (k + 1) : 0);
      record('vendor.quality_index', vendor, 1 + 0.1 * k + 0.01 * tick);
      record('vendor.training_spend_usd', vendor, 1e8 * (k + 1) * 1.05 ** tick);
      if (earns) {
        record('vendor.arr_usd', vendor, 12 * (api + 2e6));
        record('vendor.weekly_users', vendor, 1e7 * (k + 1) * 1.1 ** tick);
        record('vendor.capacity_shortfall', vendor, vendor === 'openai' && tick >= 2 ? 0.1 : 0);
        record('vendor.primary_cloud_share', vendor, vendor === 'openai' ? Math.max(0.5, 1 - 0.05 * tick) : 1);
        record('vendor.asic_share', vendor, vendor === 'anthropic' ? 0.3 : vendor === 'google' ? 0.6 : 0);
      }
    });
    record('contract.capacity_mtok', 'openai@azure', 100);
    if (tick >= 3) record('contract.capacity_mtok', 'openai@oracle', 50 * (tick - 2));
    record('contract.capacity_mtok', 'anthropic@aws', 60);
    record('contract.capacity_mtok', 'anthropic@gcp', 40);
    record('contract.capacity_mtok', 'google@gcp', 80);
    if (tick === 1 || tick === 2) record('contract.capacity_mtok', 'xai@aws', 5);
    record('contract.capacity_mtok', 'mistral@azure', 10);
    record('deal.invested_usd', 'openai@azure', 13e9);
    record('deal.invested_usd', 'anthropic@aws', tick >= 3 ? 4e9 : 1.25e9);
    if (tick >= 2) record('deal.invested_usd', 'anthropic@gcp', 2e9);
    CLOUDS.forEach((cloud, k) => {
      record('cloud.ai_revenue_usd', cloud, (k + 1) * 100e6);
      record('cloud.vendor_compute_revenue_usd', cloud, (k + 1) * 60e6);
      record('cloud.marketplace_revenue_usd', cloud, (k + 1) * 15e6);
      record('cloud.hosting_revenue_usd', cloud, (k + 1) * 25e6);
      record('cloud.asic_share', cloud, 0.1 * k);
      record('cloud.nvidia_dependence', cloud, cloud === 'oracle' ? 1 : 0.9 - 0.2 * k);
    });
    record('market.avg_price_usd_per_mtok', 'market', 8 * 0.95 ** tick);
    record('market.price_at_constant_quality_usd_per_mtok', 'market', 7 * 0.96 ** tick);
    record('market.hhi', 'market', 2500);
    record('market.adoption_rate', 'market', 0.2 + 0.02 * tick);
    record('market.production_rate', 'market', 0.05 + 0.01 * tick);
    record('market.switches', 'market', 10 + tick);
    record('market.switch_rate_12m', 'market', Math.min(0.2, 0.01 * tick));
    record('market.multi_vendor_share', 'market', Math.min(0.5, 0.02 * tick));
    record('market.upgrade_rate_12m', 'market', Math.min(0.7, 0.03 * tick));
  }
  return table;
}
