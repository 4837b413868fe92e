import { KpiCollector, KpiRows, type KpiStats, type KpiValues } from '../ensemble/kpi-samples.js';
import type { MetricTable } from '../metrics/metric-table.js';
import type { JobPlan, JobResults } from '../jobs/job-kind.js';

/** What a run hands back: its whole time series (ensembles, comparisons) or only its KPIs (sweeps). */
export type TaskResult =
  | { readonly kind: 'series'; readonly metrics: MetricTable }
  | { readonly kind: 'kpis'; readonly kpis: KpiValues }
  /** A calibration's run: each target's figure (npm run calibrate, which collects them itself). */
  | { readonly kind: 'figures'; readonly figures: readonly number[] };

/**
 * Takes runs' results as they arrive, in any order, and files each under its task number, so what
 * comes out depends on the tasks alone, never on the worker count or the order runs finished in.
 * - reduce: the whole job runs here. Time series are kept per run (an ensemble's percentiles need
 *   every run's value of every cell); KPIs are reduced to statistics as each variant completes.
 * - keep: a shard keeps its runs as they are, to write them to its partial result.
 */
export class JobCollector implements JobResults {
  private readonly tables = new Map<number, MetricTable>();
  private readonly kpiStats: KpiCollector;
  readonly keptKpis = new KpiRows();
  private received = 0;

  constructor(
    private readonly plan: JobPlan,
    private readonly mode: 'reduce' | 'keep',
  ) {
    this.kpiStats = new KpiCollector(plan.job.runs, plan.kind.keepsRunKpis === true);
  }

  add(task: number, result: TaskResult): void {
    if (task < 0 || task >= this.plan.tasks) throw new Error(`task ${task} is not part of the job (0..${this.plan.tasks - 1})`);
    this.received++;
    if (result.kind === 'figures') throw new Error(`task ${task} handed back a calibration's figures, which a job does not collect`);
    if (result.kind === 'series') {
      if (this.tables.has(task)) throw new Error(`task ${task} arrived twice`);
      this.tables.set(task, result.metrics);
    } else if (this.mode === 'keep') {
      this.keptKpis.add(task, result.kpis);
    } else {
      const { variant, run } = this.plan.task(task);
      this.kpiStats.add(variant, run, result.kpis);
    }
  }

  get count(): number {
    return this.received;
  }

  /** A series task's table, for a shard to write. */
  table(task: number): MetricTable | undefined {
    return this.tables.get(task);
  }

  /** Runs of a variant in seed order; throws if one is missing, which would be a bug of the runner. */
  runs(variant: number): MetricTable[] {
    return Array.from({ length: this.plan.job.runs }, (_, run) => {
      const table = this.tables.get(variant * this.plan.job.runs + run);
      if (!table) throw new Error(`run ${run} of variant ${variant} is missing`);
      return table;
    });
  }

  /** Each run's KPIs of a variant whose runs are all in, for a kind that keeps them. */
  runKpis(variant: number): readonly KpiValues[] {
    const runs = this.kpiStats.runs(variant);
    if (!runs) throw new Error(`variant ${variant} is missing runs, or its kind does not keep each run's KPIs`);
    return runs;
  }

  /** KPI statistics of a variant whose runs are all in. */
  stats(variant: number): KpiStats {
    const stats = this.kpiStats.stats(variant);
    if (!stats) throw new Error(`variant ${variant} is missing runs`);
    return stats;
  }
}
