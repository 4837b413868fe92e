import type { ChartDefinition } from './chart-definition.js';
import { cloudAiRevenue, cloudAiRevenueMix, cloudAsicShare } from './charts/cloud-charts.js';
import { asicLockIn, computeShortfall, nvidiaDependence } from './charts/compute-charts.js';
import { adoption, enterpriseShare, marketHhi, modelSwitches, switchRate, tokenPrice } from './charts/market-charts.js';
import { computeTies, investments, primaryCloudShare } from './charts/tie-charts.js';
import { vendorAppUsers, vendorArr, vendorGrossMargin, vendorPrice, vendorQuality, vendorRevenueMix, vendorTraining } from './charts/vendor-charts.js';

/**
 * Every chart of a simulate run, single run or ensemble alike, in report order. To add a chart,
 * write a ChartDefinition (a time series is a TimeSeriesSpec) next to its family in charts/ and
 * list it here; renderCharts skips those whose metrics the run did not record.
 */
export const chartDefinitions: readonly ChartDefinition[] = [
  enterpriseShare,
  vendorArr,
  vendorRevenueMix,
  vendorGrossMargin,
  vendorPrice,
  vendorQuality,
  vendorTraining,
  vendorAppUsers,
  cloudAiRevenue,
  cloudAiRevenueMix,
  cloudAsicShare,
  tokenPrice,
  marketHhi,
  adoption,
  modelSwitches,
  switchRate,
  computeTies,
  investments,
  computeShortfall,
  primaryCloudShare,
  asicLockIn,
  nvidiaDependence,
];
