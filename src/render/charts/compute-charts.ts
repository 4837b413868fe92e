import type { ChartDefinition } from '../chart-definition.js';
import { timeSeriesChart } from '../time-series-chart.js';

/** Compute supply: which vendors ran short of it, and how much of it runs on Nvidia GPUs or on the clouds' own chips. */

export const computeShortfall: ChartDefinition = timeSeriesChart({
  file: 'compute-shortfall.png',
  marks: ['compute-contract', 'capacity-shock'],
  title: 'Compute shortfall',
  describe: "Share of each vendor's token demand left unserved because its contracted compute fell short.",
  lines: { metric: 'vendor.capacity_shortfall' },
  measured: "Share of each vendor's token demand (enterprise API, consumer subscribers and free users) left unserved for lack of contracted compute",
  notes: ["Closed vendors only: open-weights models run on the clouds' own fleets"],
  unit: 'share',
  yTitle: 'Demand left unserved',
  // Shortfalls are usually a few percent: a 0–100 axis would flatten them.
  range: { min: 0, suggestedMax: 10 },
  flat: [{ at: 0, meaning: 'Never short of compute' }],
});

export const asicLockIn: ChartDefinition = timeSeriesChart({
  file: 'asic-lock-in.png',
  marks: ['compute-contract', 'merger'],
  title: "Vendors' capacity on cloud ASICs",
  describe: "Share of each vendor's contracted capacity that runs on clouds' own ASICs rather than Nvidia GPUs.",
  lines: { metric: 'vendor.asic_share' },
  measured: "Share of each vendor's contracted inference capacity on clouds' own ASICs (TPU, Trainium, Maia) rather than Nvidia GPUs",
  notes: ['ASIC capacity ties a vendor to the cloud that makes the chip; gaps where a vendor held no contracts'],
  unit: 'share',
  yTitle: 'Contracted capacity on cloud ASICs',
  range: { min: 0, max: 100 },
  flat: [
    { at: 0, meaning: 'All on Nvidia GPUs' },
    { at: 1, meaning: 'All on cloud ASICs' },
  ],
});

export const nvidiaDependence: ChartDefinition = timeSeriesChart({
  file: 'nvidia-dependence.png',
  marks: ['compute-contract', 'capacity-shock'],
  title: "Clouds' dependence on Nvidia",
  describe: 'Share of the capacity each cloud has in use (vendor contracts, hosted open weights) that runs on Nvidia GPUs.',
  lines: { metric: 'cloud.nvidia_dependence' },
  measured: 'Share of the capacity each cloud has in use (vendor contracts and hosted open weights) that runs on Nvidia GPUs',
  notes: ["The rest runs on the cloud's own ASICs; with nothing in use, the share of its fleet on GPUs"],
  unit: 'share',
  yTitle: 'Capacity in use on Nvidia GPUs',
  range: { min: 0, max: 100 },
  flat: [
    { at: 1, meaning: 'All on Nvidia GPUs' },
    { at: 0, meaning: 'None on Nvidia GPUs' },
  ],
});
