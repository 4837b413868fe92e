import type { EnsembleTable } from '../../ensemble/ensemble-table.js';
import type { ChartConfig } from '../chart-definition.js';
import { referenceLine, type Dataset } from '../chart-parts.js';
import { formatCount, formatPeriod } from '../format.js';
import { entityStyle, inPaletteOrder, SERIES_COLOURS } from '../palette.js';
import { datesTable, monthlyBandChart, valueAxis, type AxisUnit, type BandSeries } from './band-parts.js';

/**
 * The charts of an ensemble (simulate --runs N): each monthly line of a single run's charts becomes
 * the mean of the runs with their 5th–95th percentile shaded. Bar charts of a single run are drawn
 * from the runs' means instead (see ensembleMeanCharts in the CLI).
 */

export interface EnsembleChartContext {
  readonly scenario: string;
  /** "8 runs, seeds 1–8" */
  readonly runsNote: string;
}

export interface EnsembleChartDefinition {
  readonly file: string;
  readonly title: string;
  readonly describe: string;
  build(ensemble: EnsembleTable, ctx: EnsembleChartContext): ChartConfig | null;
}

/** Entities with at least one value, in palette order. */
function entitiesOf(ensemble: EnsembleTable, metric: string): string[] {
  const series = ensemble.series(metric);
  return inPaletteOrder([...series.keys()].filter((id) => series.get(id)!.count.some((n) => n > 0)));
}

function values(column: Float64Array, scale: number, positive: boolean): (number | null)[] {
  return Array.from(column, (v) => (Number.isNaN(v) || (positive && v <= 0) ? null : v * scale));
}

/** Mean line and 5th–95th band of one (metric, entity). */
export function bandOf(ensemble: EnsembleTable, metric: string, entity: string, style: { label: string; colour: string }, scale = 1, positive = false): BandSeries | undefined {
  const stats = ensemble.series(metric).get(entity);
  if (!stats) return undefined;
  return {
    ...style,
    mean: values(stats.mean, scale, positive),
    ...(ensemble.runs > 1 ? { low: values(stats.p5, scale, positive), high: values(stats.p95, scale, positive) } : {}),
  };
}

function subtitle(ensemble: EnsembleTable, ctx: EnsembleChartContext, measured: string): string[] {
  const period = ensemble.dates.length > 0 ? formatPeriod(ensemble.dates[0]!, ensemble.dates.at(-1)!) : '';
  return [`${measured}, monthly, ${period}`, `Lines: mean of ${ctx.runsNote}; shaded: 5th to 95th percentile of the runs`];
}

/** What every band chart states: file, titles, what is measured, unit and axis. */
interface BandChartSpec {
  file: string;
  title: string;
  describe: string;
  measured: string;
  unit: AxisUnit;
  yTitle: string;
  range?: { min?: number; max?: number; suggestedMin?: number; suggestedMax?: number };
  extra?: (ensemble: EnsembleTable) => Dataset[];
}

type Band = NonNullable<ReturnType<typeof bandOf>>;

/** A monthly chart of bands, one per series that has a value; null when none has. */
function bandChart(spec: BandChartSpec, bandsOf: (ensemble: EnsembleTable, scale: number) => (Band | undefined)[]): EnsembleChartDefinition {
  const scale = spec.unit === 'share' ? 100 : 1;
  return {
    file: spec.file,
    title: spec.title,
    describe: spec.describe,
    build(ensemble, ctx) {
      const series = bandsOf(ensemble, scale).filter((band): band is Band => band !== undefined && band.mean.some((v) => v !== null));
      if (series.length === 0) return null;
      return monthlyBandChart({
        dates: ensemble.dates,
        title: spec.title,
        of: `scenario: ${ctx.scenario}`,
        subtitle: subtitle(ensemble, ctx, spec.measured),
        series,
        extra: spec.extra?.(ensemble) ?? [],
        y: valueAxis(spec.unit, spec.yTitle, spec.range ?? {}),
      });
    },
  };
}

/** One band per entity of a metric, in the entities' colours. */
function entityBandChart(spec: BandChartSpec & { metric: string }): EnsembleChartDefinition {
  return bandChart(spec, (ensemble, scale) =>
    entitiesOf(ensemble, spec.metric).map((id) => {
      const { name, colour } = entityStyle(id);
      return bandOf(ensemble, spec.metric, id, { label: name, colour }, scale, spec.unit === 'usd-log');
    }),
  );
}

/** One band per market metric, in series colours. */
function marketBandChart(spec: BandChartSpec & { lines: readonly { metric: string; label: string }[] }): EnsembleChartDefinition {
  return bandChart(spec, (ensemble, scale) =>
    spec.lines.map((l, i) =>
      bandOf(ensemble, l.metric, 'market', { label: l.label, colour: SERIES_COLOURS[i === 0 ? 0 : 2]! }, scale, spec.unit === 'usd-log'),
    ),
  );
}

/** The 2023 US Merger Guidelines call a market with an HHI above 1,800 highly concentrated. */
const HIGHLY_CONCENTRATED_HHI = 1800;

export const ensembleChartDefinitions: readonly EnsembleChartDefinition[] = [
  entityBandChart({
    file: 'enterprise-share.png',
    title: 'Enterprise share of token volume',
    describe: "Each vendor's share of the tokens enterprises consume: mean of the runs and 5th–95th percentile band.",
    metric: 'vendor.enterprise_share',
    measured: "Share of enterprise token volume served by each vendor's models",
    unit: 'share',
    yTitle: 'Share of enterprise token volume',
    range: { min: 0, max: 100 },
  }),
  entityBandChart({
    file: 'vendor-arr.png',
    title: 'Vendor annualised revenue (ARR)',
    describe: "Each vendor's ARR (12 × the month's revenue): mean and 5th–95th percentile band.",
    metric: 'vendor.arr_usd',
    measured: 'ARR = 12 × revenue of the month (API and subscriptions)',
    unit: 'usd',
    yTitle: 'ARR',
    range: { suggestedMin: 0 },
  }),
  entityBandChart({
    file: 'vendor-gross-margin.png',
    title: 'Vendor gross margin',
    describe: "Each vendor's gross margin: mean and 5th–95th percentile band.",
    metric: 'vendor.gross_margin',
    measured: '(revenue − inference compute − revenue share paid to clouds) / revenue',
    unit: 'share',
    yTitle: 'Gross margin',
    range: { suggestedMin: 0, suggestedMax: 100 },
  }),
  entityBandChart({
    file: 'vendor-price.png',
    title: 'Vendor token price',
    describe: "Each closed vendor's API list price per million tokens (log scale): mean and 5th–95th percentile band.",
    metric: 'vendor.price_usd_per_mtok',
    measured: 'API list price per million tokens',
    unit: 'usd-log',
    yTitle: 'Price per million tokens',
  }),
  entityBandChart({
    file: 'cloud-ai-revenue.png',
    title: 'Cloud AI revenue',
    describe: "Each cloud's AI revenue per month: mean and 5th–95th percentile band.",
    metric: 'cloud.ai_revenue_usd',
    measured: 'AI revenue per cloud (compute sold to vendors + marketplace share + open weights hosted)',
    unit: 'usd',
    yTitle: 'AI revenue per month',
    range: { suggestedMin: 0 },
  }),
  entityBandChart({
    file: 'cloud-asic-share.png',
    title: 'Own-ASIC share of cloud AI capacity',
    describe: "Share of each cloud's AI fleet on its own chips: mean and 5th–95th percentile band.",
    metric: 'cloud.asic_share',
    measured: "Share of each cloud's AI fleet capacity on its own ASICs",
    unit: 'share',
    yTitle: 'Share of AI fleet on own ASICs',
    range: { min: 0, max: 100 },
  }),
  marketBandChart({
    file: 'token-price.png',
    title: 'Average token price',
    describe: 'What enterprises pay per million tokens on average (log scale): mean and 5th–95th percentile band.',
    lines: [{ metric: 'market.avg_price_usd_per_mtok', label: 'Average price enterprises pay per million tokens' }],
    measured: 'Average price per million enterprise tokens',
    unit: 'usd-log',
    yTitle: 'Price per million tokens',
  }),
  marketBandChart({
    file: 'market-hhi.png',
    title: 'Market concentration (HHI)',
    describe: 'Herfindahl–Hirschman index of the sellers of enterprise tokens: mean and 5th–95th percentile band.',
    lines: [{ metric: 'market.hhi', label: 'HHI of token sellers (closed vendors; clouds for hosted open weights)' }],
    measured: 'HHI of the sellers of enterprise tokens (sum of squared shares in %; 10,000 is a monopoly)',
    unit: 'count',
    yTitle: 'HHI (0–10,000 points)',
    range: { min: 0, max: 10_000 },
    extra: (ensemble) => [
      referenceLine(datesTable(ensemble.dates), `HHI ${formatCount(HIGHLY_CONCENTRATED_HHI)}: "highly concentrated" (US Merger Guidelines 2023)`, HIGHLY_CONCENTRATED_HHI),
    ],
  }),
  marketBandChart({
    file: 'adoption.png',
    title: 'Enterprise adoption',
    describe: 'Share of enterprises that adopted LLMs (pilot or production) and in production: mean and 5th–95th percentile band.',
    lines: [
      { metric: 'market.adoption_rate', label: 'Adopted: pilot or production' },
      { metric: 'market.production_rate', label: 'In production' },
    ],
    measured: 'Share of simulated enterprises by adoption stage',
    unit: 'share',
    yTitle: 'Share of enterprises',
    range: { min: 0, max: 100 },
  }),
  marketBandChart({
    file: 'model-switches.png',
    title: 'Model switches',
    describe: 'Simulated enterprises that switched model each month: mean and 5th–95th percentile band.',
    lines: [{ metric: 'market.switches', label: 'Enterprises that switched model' }],
    measured: 'Model switches per month (simulated enterprises)',
    unit: 'count',
    yTitle: 'Switches per month',
    range: { suggestedMin: 0 },
  }),
  entityBandChart({
    file: 'compute-shortfall.png',
    title: 'Compute shortfall',
    describe: "Share of each vendor's demand its capacity could not serve: mean and 5th–95th percentile band.",
    metric: 'vendor.capacity_shortfall',
    measured: "Share of each closed vendor's demand (API and subscribers) left unserved",
    unit: 'share',
    yTitle: 'Demand left unserved',
    range: { min: 0, suggestedMax: 20 },
  }),
  entityBandChart({
    file: 'nvidia-dependence.png',
    title: 'Nvidia dependence',
    describe: "Share of each cloud's capacity in use that runs on Nvidia GPUs: mean and 5th–95th percentile band.",
    metric: 'cloud.nvidia_dependence',
    measured: "Share of each cloud's capacity in use running on Nvidia GPUs",
    unit: 'share',
    yTitle: 'Capacity in use on Nvidia GPUs',
    range: { min: 0, max: 100 },
  }),
];
