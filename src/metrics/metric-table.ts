/**
 * The run's time series, column by column: one Float64Array per (metric, entity), indexed by tick.
 * Columnar so that recording a tick is a handful of array writes and a 100,000-enterprise run
 * holds a few kilobytes of metrics, not millions of row objects.
 */
export interface MetricTable {
  /** "YYYY-MM" of each recorded tick; index = tick. */
  readonly dates: readonly string[];
  /** Metric names in the order they were first recorded. */
  metricNames(): readonly string[];
  /** Entity id → value per tick, for one metric; an empty map for an unknown metric. */
  series(metric: string): ReadonlyMap<string, Float64Array>;
}

export class MetricRecorder implements MetricTable {
  private readonly columns = new Map<string, Map<string, Float64Array>>();
  readonly dates: string[] = [];

  constructor(private readonly ticks: number) {}

  beginTick(date: string): void {
    this.dates.push(date);
  }

  record(metric: string, entity: string, value: number): void {
    const tick = this.dates.length - 1;
    let byEntity = this.columns.get(metric);
    if (!byEntity) {
      byEntity = new Map();
      this.columns.set(metric, byEntity);
    }
    let column = byEntity.get(entity);
    if (!column) {
      column = new Float64Array(this.ticks).fill(Number.NaN);
      byEntity.set(entity, column);
    }
    column[tick] = value;
  }

  metricNames(): readonly string[] {
    return [...this.columns.keys()];
  }

  series(metric: string): ReadonlyMap<string, Float64Array> {
    return this.columns.get(metric) ?? new Map();
  }
}
