import type { EnsembleSummary } from './ensemble-outputs.js';
import { describeRunsSpread } from './uncertain-runs.js';
import type { Summary } from './summary.js';

/**
 * What simulate prints once a run is done: the run, the three largest enterprise shares and ARRs,
 * and the market's price, concentration and adoption; means for an ensemble. A figure the run does
 * not have (no token sold, so no average price) reads "none", never "$NaN/MTok".
 */
export function runHeadlines(summary: Summary | EnsembleSummary): string[] {
  const mean = (v: number | { mean: number } | undefined) => (v === undefined ? Number.NaN : typeof v === 'number' ? v : v.mean);
  const top = (metric: string, format: (v: number) => string) => {
    const leaders = Object.entries(summary.final[metric] ?? {})
      .map(([entity, v]) => [entity, mean(v)] as const)
      .filter(([, v]) => Number.isFinite(v))
      .sort(([, a], [, b]) => b - a)
      .slice(0, 3)
      .map(([entity, v]) => `${entity} ${format(v)}`);
    return leaders.length > 0 ? leaders.join(', ') : 'none';
  };
  const market = (metric: string, format: (v: number) => string) => {
    const value = mean(summary.final[metric]?.market);
    return Number.isFinite(value) ? format(value) : 'none';
  };
  const months = `${summary.ticks} month${summary.ticks === 1 ? '' : 's'}`;
  const head =
    'runs' in summary
      ? `${summary.scenario}: ${months} from ${summary.start} to ${summary.end}, ${summary.runs} runs (${describeRunsSpread(summary.seeds, summary.uncertain?.parameters.length)}); means:`
      : `${summary.scenario}: ${months} from ${summary.start} to ${summary.end}, seed ${summary.seed}`;
  return [
    head,
    `  enterprise share at ${summary.end}: ${top('vendor.enterprise_share', (s) => `${(100 * s).toFixed(0)}%`)}`,
    `  ARR at ${summary.end}: ${top('vendor.arr_usd', (a) => `$${(a / 1e9).toFixed(2)}B`)}`,
    `  average token price ${market('market.avg_price_usd_per_mtok', (p) => `$${p.toFixed(2)}/MTok`)}, HHI ${market('market.hhi', (h) => h.toFixed(0))}, adoption ${market('market.adoption_rate', (a) => `${(100 * a).toFixed(0)}%`)}`,
  ];
}
