/**
 * Thrown when a metric of the month comes out NaN or infinite: the run stops naming the metric,
 * entity and month, rather than leave a hole in metrics.csv and summary.json that nobody sees.
 */
export class NonFiniteMetricError extends Error {
  constructor(
    readonly metric: string,
    readonly entity: string,
    readonly date: string,
    readonly value: number,
  ) {
    super(`${metric} of ${entity} in ${date} is ${value}: the model could not compute it from this config's parameters`);
    this.name = 'NonFiniteMetricError';
  }
}
