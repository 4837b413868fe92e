import type { Scenario } from '../../config/parse-scenario.js';
import { closestName } from '../../config/suggest.js';
import { METRIC_NAMES } from '../../metrics/metric-names.js';
import { ALL_KPIS, type KpiDefinition } from '../../report/kpi-catalog.js';
import { formatKpi, monthName } from '../../report/kpi-format.js';
import { kpiKey } from '../../report/kpi-keys.js';
import { FINAL_KPIS } from '../../report/summary.js';
import { lastMonthOf, monthsToAt } from '../at-month.js';

/**
 * `--condition "METRIC[:ENTITY][@YYYY-MM] (>|<) NUMBER"`: the outcome scenario discovery looks for,
 * a metric of one entity at one month (the last when no @) against a threshold. A point's value is
 * the mean of its runs; the condition holds at a point when that mean is strictly beyond the threshold.
 */

export type Comparison = '>' | '<';

export interface Condition {
  readonly metric: string;
  /** A vendor or cloud id, or "market". */
  readonly entity: string;
  /** YYYY-MM; the runs stop there. Absent: the scenario's last month. */
  readonly at?: string;
  readonly comparison: Comparison;
  readonly threshold: number;
}

export const CONDITION_FORM = 'METRIC[:ENTITY][@YYYY-MM] > NUMBER or < NUMBER, e.g. "vendor.enterprise_share:anthropic@2027-12 > 0.3"';

const PATTERN = /^\s*([A-Za-z0-9_.\-]+)(?::([A-Za-z0-9_\-]+))?(?:@(\S+))?\s*([<>])\s*(\S+)\s*$/;

/** The condition's text read into its parts, or a message giving the form. */
export function parseCondition(text: string): { success: true; value: Condition } | { success: false; message: string } {
  const match = PATTERN.exec(text);
  if (match === null) return { success: false, message: `--condition "${text}" does not parse: write ${CONDITION_FORM}` };
  const [, metric, entity, at, comparison, number] = match;
  const threshold = Number(number);
  if (number!.trim() === '' || !Number.isFinite(threshold)) return { success: false, message: `--condition "${text}": "${number}" is not a number; write ${CONDITION_FORM}` };
  return {
    success: true,
    value: { metric: metric!, entity: entity ?? '', ...(at !== undefined ? { at } : {}), comparison: comparison as Comparison, threshold },
  };
}

/** The metrics a run keeps for a KPI job: their value at the last month it runs (summary's FINAL_KPIS). */
const READABLE: readonly string[] = FINAL_KPIS;

/**
 * The condition checked against the scenario: a metric a run keeps, an entity the scenario has, a
 * month within the run; the entity filled in for a market metric. A message otherwise.
 */
export function checkCondition(condition: Condition, scenario: Scenario): { success: true; value: Condition } | { success: false; message: string } {
  const { metric } = condition;
  if (!(METRIC_NAMES as readonly string[]).includes(metric)) {
    const guess = closestName(metric, METRIC_NAMES);
    return { success: false, message: `--condition: no metric is called "${metric}"${guess ? ` (did you mean "${guess}"?)` : ''}; discover reads ${READABLE.join(', ')}` };
  }
  if (!READABLE.includes(metric)) {
    return { success: false, message: `--condition: ${metric} is a metric, but not one a run keeps for discover, which reads a metric's value at one month: ${READABLE.join(', ')}` };
  }
  const kind = metric.split('.')[0]!;
  const known = kind === 'vendor' ? scenario.vendors.map((v) => v.id) : kind === 'cloud' ? scenario.clouds.map((c) => c.id) : ['market'];
  let entity = condition.entity;
  if (entity === '' && kind === 'market') entity = 'market';
  if (entity === '') return { success: false, message: `--condition: ${metric} is about a ${kind}: name one, ${metric}:${known[0]} (${kind}s: ${known.join(', ')})` };
  if (!known.includes(entity)) {
    const guess = closestName(entity, known);
    return { success: false, message: `--condition: ${metric} is about a ${kind} and the scenario has no ${kind} "${entity}"${guess ? ` (did you mean "${guess}"?)` : ''}; ${kind === 'market' ? 'write it without an entity' : `${kind}s: ${known.join(', ')}`}` };
  }
  if (condition.at !== undefined) {
    const months = monthsToAt(scenario, condition.at, '--condition: the month after @');
    if (typeof months === 'string') return { success: false, message: months };
  }
  return { success: true, value: { ...condition, entity } };
}

/** The months the runs take: to the condition's month, or the scenario's own. */
export function conditionTicks(condition: Condition, scenario: Scenario): number | undefined {
  if (condition.at === undefined) return undefined;
  const months = monthsToAt(scenario, condition.at);
  return typeof months === 'string' ? undefined : months;
}

/** The KPI key the condition reads: the metric's value at the runs' last month. */
export function conditionKey(condition: Condition): string {
  return kpiKey('final', condition.metric, condition.entity);
}

export function conditionDefinition(condition: Condition): KpiDefinition {
  return ALL_KPIS.find((k) => k.kind === 'final' && k.metric === condition.metric)!;
}

/** "vendor.enterprise_share:anthropic@2027-12 > 0.3": the condition in its canonical spelling. */
export function conditionText(condition: Condition): string {
  const entity = condition.metric.startsWith('market.') ? '' : `:${condition.entity}`;
  return `${condition.metric}${entity}${condition.at !== undefined ? `@${condition.at}` : ''} ${condition.comparison} ${condition.threshold}`;
}

/** Whether a point's value meets the condition; a point without a value does not. */
export function holds(condition: Condition, value: number): boolean {
  if (!Number.isFinite(value)) return false;
  return condition.comparison === '>' ? value > condition.threshold : value < condition.threshold;
}

/** The condition in words: "Anthropic enterprise share", "Dec 2027", "above 30.0%". */
export interface ConditionWords {
  readonly subject: string;
  readonly month: string;
  readonly relation: string;
}

export function conditionWords(condition: Condition, scenario: Pick<Scenario, 'start' | 'months'>, names: ReadonlyMap<string, string>): ConditionWords {
  const definition = conditionDefinition(condition);
  const label = condition.entity === 'market' ? definition.label : `${names.get(condition.entity) ?? condition.entity} ${definition.label.charAt(0).toLowerCase()}${definition.label.slice(1)}`;
  return {
    subject: label,
    month: monthName(condition.at ?? lastMonthOf(scenario)),
    relation: `${condition.comparison === '>' ? 'above' : 'below'} ${formatKpi(condition.threshold, definition.unit)}`,
  };
}
