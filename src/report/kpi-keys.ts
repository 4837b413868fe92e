/**
 * A run's KPIs flattened to one number per key, as sweeps keep them: "final:<metric>:<entity>" for
 * the value in the last month (FINAL_KPIS), "total:<metric>:<entity>" for the sum over the run
 * (TOTAL_KPIS). Entities are ids without ":" (the schema allows lower-case letters, digits, dashes).
 */

export type KpiKind = 'final' | 'total';

export interface KpiKey {
  readonly kind: KpiKind;
  readonly metric: string;
  readonly entity: string;
}

export function kpiKey(kind: KpiKind, metric: string, entity: string): string {
  return `${kind}:${metric}:${entity}`;
}

export function parseKpiKey(key: string): KpiKey {
  const [kind, metric, entity] = key.split(':');
  return { kind: kind as KpiKind, metric: metric ?? '', entity: entity ?? '' };
}

/** A run's final and whole-run KPIs by metric and entity, as a summary holds them. */
export interface KpiTables {
  readonly final: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly totals: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

export function kpiValues(summary: KpiTables): Record<string, number> {
  const values: Record<string, number> = {};
  for (const [metric, byEntity] of Object.entries(summary.final)) {
    for (const [entity, value] of Object.entries(byEntity)) values[kpiKey('final', metric, entity)] = value;
  }
  for (const [metric, byEntity] of Object.entries(summary.totals)) {
    for (const [entity, value] of Object.entries(byEntity)) values[kpiKey('total', metric, entity)] = value;
  }
  return values;
}
