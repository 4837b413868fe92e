import type { ChartDefinition } from './chart-definition.js';
import { cloudAiRevenue, cloudAiRevenueMix, cloudAsicShare } from './charts/cloud-charts.js';
import { asicLockIn, computeShortfall, nvidiaDependence } from './charts/compute-charts.js';
import { adoptionSwitching, enterpriseShare, tokenPriceHhi } from './charts/market-charts.js';
import { computeTies, investments, primaryCloudShare } from './charts/tie-charts.js';
import { vendorGrossMargin, vendorPrice, vendorRevenueMix } from './charts/vendor-charts.js';

/**
 * Every chart of a run, in report order. To add a chart, write a ChartDefinition next to its family in
 * charts/ and list it here; renderCharts skips those whose metrics the run did not record.
 */
export const chartDefinitions: readonly ChartDefinition[] = [
  enterpriseShare,
  vendorRevenueMix,
  vendorGrossMargin,
  cloudAiRevenue,
  cloudAiRevenueMix,
  tokenPriceHhi,
  vendorPrice,
  cloudAsicShare,
  adoptionSwitching,
  computeTies,
  investments,
  computeShortfall,
  primaryCloudShare,
  asicLockIn,
  nvidiaDependence,
];
