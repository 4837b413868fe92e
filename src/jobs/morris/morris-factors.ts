import type { Scenario } from '../../config/parse-scenario.js';
import { checkPairCorners, type IntervalParam } from '../../sweep/interval-param.js';
import type { PathResult } from '../../sweep/param-path.js';
import { sensitivityPlan } from '../../sweep/sensitivity-plan.js';
import { DEFAULT_CHANGE, describeDerivedRange } from '../../sweep/derived-range.js';
import type { ParamBounds } from '../../sweep/policy-params.js';
import { uncertainFactors, type UncertainFactor } from '../../sweep/uncertain-draws.js';
import { factorCorners } from '../design-factor.js';

/**
 * What a Morris screening moves, and over which range, in this order of preference:
 *
 * - `param`: the --param intervals, when given;
 * - `declared`: else the scenario's declared uncertain parameters, each over its distribution;
 * - `policy`: else every numeric policy parameter, over the range sensitivity moves it
 *   (`sweep/derived-range.ts`: its distance from its bounds ÷/× 1.5), log-uniform where that
 *   range is a positive amount's v/1.5 to 1.5v, so its value is the range's geometric middle.
 *
 * --only PREFIX keeps the paths under a prefix, whichever the source.
 */
export type MorrisFactor =
  | (IntervalParam & { readonly origin: 'param' })
  | (IntervalParam & { readonly origin: 'policy'; readonly value: number; readonly bounds: ParamBounds })
  | (UncertainFactor & { readonly origin: 'declared' });

export const MIN_MORRIS_PARAMS = 1;
/** Far more than an analyst screens at once; each adds r runs a seed. */
export const MAX_MORRIS_PARAMS = 256;

export function underPrefixes(path: string, only: readonly string[]): boolean {
  return only.length === 0 || only.some((prefix) => path === prefix || path.startsWith(`${prefix}.`));
}

/** The factors of a job without --param: the declared uncertain parameters, or every policy parameter. */
export function defaultFactors(scenario: Scenario, only: readonly string[]): PathResult<MorrisFactor[]> {
  const declared = uncertainFactors(scenario);
  if (!declared.success) return declared;
  if (declared.value.length > 0) {
    const kept = declared.value.filter((factor) => underPrefixes(factor.path, only));
    if (kept.length === 0) return { success: false, message: `--only ${only.join(', ')}: none of the scenario's ${declared.value.length} uncertain parameters lies under it (${declared.value.map((f) => f.path).join(', ')})` };
    return checked(scenario, kept.map((f) => ({ origin: 'declared' as const, path: f.path, distribution: f.distribution, source: f.source, ...(f.bounds !== undefined ? { bounds: f.bounds } : {}) })), 'uncertain');
  }
  const plan = sensitivityPlan(scenario, DEFAULT_CHANGE, only);
  const factors: MorrisFactor[] = plan.params.map(({ param, low, high }) => ({
    // In the order a manifest records it, so a job read back equals the one built.
    origin: 'policy',
    path: param.path,
    low: low ?? param.value,
    high: high ?? param.value,
    scale: !param.bounds.integer && param.bounds.min === 0 && param.bounds.max === undefined && low !== undefined && high !== undefined ? 'log' : 'linear',
    integer: param.bounds.integer,
    value: param.value,
    bounds: param.bounds,
  }));
  if (factors.length === 0) return { success: false, message: only.length > 0 ? `--only ${only.join(', ')}: no numeric policy parameter that can move lies under it` : 'the scenario has no numeric policy parameter that can move, and declares no uncertain parameter: name some with --param' };
  return checked(scenario, factors, '--only');
}

/** The factors, or the first pair of them whose ends together break a rule spanning two fields. */
export function checked(scenario: Scenario, factors: MorrisFactor[], flag: string): PathResult<MorrisFactor[]> {
  if (factors.length > MAX_MORRIS_PARAMS) return { success: false, message: `at most ${MAX_MORRIS_PARAMS} parameters at a time, got ${factors.length}: narrow them with --only` };
  const corners = checkPairCorners(scenario, factors.map(factorCorners), flag);
  return corners === undefined ? { success: true, value: factors } : { success: false, message: corners };
}

/** Why a factor moves over its range, as report.md says it. */
export function rangeReason(factor: MorrisFactor): string {
  switch (factor.origin) {
    case 'param':
      return 'given with --param';
    case 'declared':
      return `declared uncertain by the scenario; source: ${factor.source}`;
    case 'policy':
      return `no range declared: from its value ${factor.value}, ${describeDerivedRange(factor.bounds, DEFAULT_CHANGE)}, as sensitivity moves it`;
    default: {
      const never: never = factor;
      return never;
    }
  }
}
