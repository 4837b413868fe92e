/** Statistics of weighted draws (a posterior's particles). */

/** The q-quantile of weighted values: linear between the midpoints of each value's weight. */
export function weightedQuantile(values: readonly number[], weights: readonly number[], q: number): number {
  const order = values.map((v, i) => ({ v, w: weights[i]! })).sort((a, b) => a.v - b.v);
  const total = order.reduce((s, x) => s + x.w, 0);
  if (order.length === 0 || !(total > 0)) return Number.NaN;
  let cumulative = 0;
  const positions = order.map((x) => {
    const mid = (cumulative + x.w / 2) / total;
    cumulative += x.w;
    return mid;
  });
  if (q <= positions[0]!) return order[0]!.v;
  for (let i = 1; i < order.length; i++) {
    if (q <= positions[i]!) {
      const t = (q - positions[i - 1]!) / (positions[i]! - positions[i - 1]!);
      return order[i - 1]!.v + t * (order[i]!.v - order[i - 1]!.v);
    }
  }
  return order.at(-1)!.v;
}

export function weightedCorrelation(x: readonly number[], y: readonly number[], w: readonly number[]): number {
  const total = w.reduce((s, v) => s + v, 0);
  const mx = x.reduce((s, v, i) => s + w[i]! * v, 0) / total;
  const my = y.reduce((s, v, i) => s + w[i]! * v, 0) / total;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < x.length; i++) {
    sxy += w[i]! * (x[i]! - mx) * (y[i]! - my);
    sxx += w[i]! * (x[i]! - mx) ** 2;
    syy += w[i]! * (y[i]! - my) ** 2;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0;
}
