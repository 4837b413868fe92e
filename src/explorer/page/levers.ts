import type { PolicyRole } from '../../policies/policy-roles.js';
import { POLICY_SLOTS } from '../../policies/policy-slots.js';
import { getAt, type Path } from './json-path.js';

/**
 * The levers an analyst reaches for first, found in a scenario's JSON: the enterprises' switching
 * (its cost per segment, how often they review, the payback they ask), open-weights parity, the
 * brand premium, each marketplace listing's revenue share, each cloud's ASIC push, and the
 * vendors' pricing and compute and the clouds' investment policies. Every other number is in the
 * "all parameters" panel.
 */

export interface NumberLever {
  readonly group: string;
  readonly path: Path;
  readonly label: string;
}

export interface PolicyLever {
  readonly group: string;
  /** Path of the policy object, { type, params }. */
  readonly path: Path;
  readonly label: string;
  readonly role: PolicyRole;
}

type Entity = { id?: string; name?: string };

function entities(json: unknown, key: string): Entity[] {
  const list = getAt(json, [key]);
  return Array.isArray(list) ? (list as Entity[]) : [];
}

function present(json: unknown, lever: { path: Path }): boolean {
  return getAt(json, lever.path) !== undefined;
}

export function numberLevers(json: unknown): NumberLever[] {
  const segments = Array.isArray(getAt(json, ['enterprises', 'segments'])) ? (getAt(json, ['enterprises', 'segments']) as Entity[]) : [];
  const listings = Array.isArray(getAt(json, ['marketplace'])) ? (getAt(json, ['marketplace']) as { cloud?: string; vendor?: string }[]) : [];
  const levers: NumberLever[] = [
    { group: 'Run', path: ['seed'], label: 'Seed' },
    { group: 'Run', path: ['months'], label: 'Months simulated' },
    { group: 'Enterprises: switching', path: ['enterprises', 'policies', 'switching', 'params', 'reviewProbability'], label: 'Review rate (chance an enterprise reviews its model in a month)' },
    { group: 'Enterprises: switching', path: ['enterprises', 'policies', 'switching', 'params', 'paybackMonths'], label: 'Payback asked of a switch' },
    ...segments.map((s, i) => ({ group: 'Enterprises: switching', path: ['enterprises', 'segments', i, 'switchingCostUsd', 'median'], label: `Switching cost, ${s.id ?? i} enterprises (median)` })),
    { group: 'Enterprises: choice', path: ['enterprises', 'openWeightsValueFactor'], label: 'Open-weights parity (value of an open model against a closed one)' },
    { group: 'Enterprises: choice', path: ['enterprises', 'openWeightsControl', 'premium'], label: 'Control premium of open weights at the start (fine-tuning, own hosting)' },
    { group: 'Enterprises: choice', path: ['enterprises', 'openWeightsControl', 'declinePerYear'], label: 'Share of the control premium lost each year' },
    { group: 'Enterprises: choice', path: ['enterprises', 'brandPremium'], label: 'Brand premium' },
    ...listings.map((l, i) => ({ group: 'Marketplace revenue share', path: ['marketplace', i, 'revenueShare'], label: `${l.vendor} on ${l.cloud}` })),
    ...entities(json, 'clouds').map((c, i) => ({ group: 'Clouds: ASIC push', path: ['clouds', i, 'policies', 'capex', 'params', 'asicShareOfNew'], label: `${c.name ?? c.id}: share of new capacity on own ASICs` })),
  ];
  return levers.filter((lever) => typeof getAt(json, lever.path) === 'number');
}

export function policyLevers(json: unknown): PolicyLever[] {
  const levers: PolicyLever[] = [
    ...entities(json, 'vendors').flatMap((v, i) => [
      { group: 'Vendors: pricing', path: ['vendors', i, 'policies', 'pricing'], label: `${v.name ?? v.id}: pricing`, role: POLICY_SLOTS.vendor.pricing! },
      { group: 'Vendors: compute', path: ['vendors', i, 'policies', 'compute'], label: `${v.name ?? v.id}: compute`, role: POLICY_SLOTS.vendor.compute! },
    ]),
    ...entities(json, 'clouds').map((c, i) => ({ group: 'Clouds: investment', path: ['clouds', i, 'policies', 'investment'], label: `${c.name ?? c.id}: investment`, role: POLICY_SLOTS.cloud.investment! })),
  ];
  return levers.filter((lever) => present(json, lever));
}
