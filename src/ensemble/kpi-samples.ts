import { sampleStats, type SampleStats } from './quantiles.js';

/**
 * A run's KPIs (final and total values of key metrics) by key, e.g. "final:vendor.enterprise_share:openai".
 * Sweeps keep only these of a run, never its time series.
 */
export type KpiValues = Readonly<Record<string, number>>;

/** KPI statistics over one variant's runs (a sweep point, a sensitivity case), by key. */
export type KpiStats = ReadonlyMap<string, SampleStats>;

/**
 * Collects the KPIs of runs as they arrive, in any order, and reduces a variant to statistics the
 * moment its last run is in, then lets its runs go: memory holds the statistics of finished
 * variants and the runs of the few variants under way, never every run of a big sweep.
 */
export class KpiCollector {
  private readonly pending = new Map<number, (KpiValues | undefined)[]>();
  private readonly arrived = new Map<number, number>();
  private readonly finished = new Map<number, KpiStats>();
  /** Finished variants' runs, packed 8 bytes a value, by task (variant × runs + run); only with `keepRuns`. */
  private readonly kept = new KpiRows();

  /** `keepRuns`: keep each finished variant's runs too, for `runs(variant)`. */
  constructor(
    private readonly runsPerVariant: number,
    private readonly keepRuns = false,
  ) {}

  add(variant: number, run: number, values: KpiValues): void {
    if (this.finished.has(variant)) throw new Error(`variant ${variant} already has all its runs`);
    let runs = this.pending.get(variant);
    if (!runs) this.pending.set(variant, (runs = new Array<KpiValues | undefined>(this.runsPerVariant).fill(undefined)));
    if (run < 0 || run >= this.runsPerVariant) throw new Error(`run ${run} is outside 0..${this.runsPerVariant - 1}`);
    if (runs[run] !== undefined) throw new Error(`run ${run} of variant ${variant} arrived twice`);
    runs[run] = values;
    const arrived = (this.arrived.get(variant) ?? 0) + 1;
    this.arrived.set(variant, arrived);
    if (arrived < this.runsPerVariant) return;
    this.finished.set(variant, reduceRuns(runs as KpiValues[]));
    if (this.keepRuns) runs.forEach((values, run) => this.kept.add(variant * this.runsPerVariant + run, values!));
    this.pending.delete(variant);
    this.arrived.delete(variant);
  }

  /** The variant's statistics once all its runs are in. */
  stats(variant: number): KpiStats | undefined {
    return this.finished.get(variant);
  }

  /** The variant's runs in seed order once all are in, when the collector keeps them. */
  runs(variant: number): readonly KpiValues[] | undefined {
    if (!this.keepRuns || !this.finished.has(variant)) return undefined;
    return Array.from({ length: this.runsPerVariant }, (_, run) => this.kept.values(variant * this.runsPerVariant + run)!);
  }

  /** Variants whose runs are not all in yet. */
  unfinished(variantCount: number): number[] {
    return Array.from({ length: variantCount }, (_, i) => i).filter((i) => !this.finished.has(i));
  }
}

/**
 * Statistics per key over runs given in seed order. Keys are sorted, so the result does not depend
 * on how a run's values were packed on the way (a shard's rows list keys in their own order).
 */
export function reduceRuns(runs: readonly KpiValues[]): KpiStats {
  const keys = [...new Set(runs.flatMap((run) => Object.keys(run)))].sort();
  const stats = new Map<string, SampleStats>();
  for (const key of keys) {
    const at = sampleStats(runs.map((run) => run[key] ?? Number.NaN));
    if (at) stats.set(key, at);
  }
  return stats;
}

/**
 * Runs' KPIs packed as numbers over a shared list of keys (8 bytes a value), for a shard to keep
 * and write its runs unreduced: a run's row has a value per key known when it arrived.
 */
export class KpiRows {
  readonly keys: string[] = [];
  private readonly index = new Map<string, number>();
  private readonly rows = new Map<number, Float64Array>();

  add(task: number, values: KpiValues): void {
    for (const key of Object.keys(values)) {
      if (!this.index.has(key)) {
        this.index.set(key, this.keys.length);
        this.keys.push(key);
      }
    }
    const row = new Float64Array(this.keys.length).fill(Number.NaN);
    for (const [key, value] of Object.entries(values)) row[this.index.get(key)!] = value;
    this.rows.set(task, row);
  }

  /** The tasks held, ascending. */
  tasks(): number[] {
    return [...this.rows.keys()].sort((a, b) => a - b);
  }

  values(task: number): KpiValues | undefined {
    const row = this.rows.get(task);
    if (!row) return undefined;
    const values: Record<string, number> = {};
    row.forEach((value, i) => {
      if (!Number.isNaN(value)) values[this.keys[i]!] = value;
    });
    return values;
  }

  /** One row per task, in the given order, each as long as `keys`: NaN where the run had no value. */
  packed(tasks: readonly number[]): Float64Array {
    const packed = new Float64Array(tasks.length * this.keys.length).fill(Number.NaN);
    tasks.forEach((task, i) => {
      const row = this.rows.get(task);
      if (row) packed.set(row, i * this.keys.length);
    });
    return packed;
  }
}
