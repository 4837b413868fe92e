import { describe, expect, it } from 'vitest';
import { findPolicy, instantiatePolicy, parsePolicyParams, POLICIES, policyTypes } from '../../src/policies/registry.js';
import type { PolicyRole } from '../../src/policies/policy-roles.js';
import { POLICY_SLOTS } from '../../src/policies/policy-slots.js';

const ROLES = Object.keys(POLICIES) as PolicyRole[];
const DEFINITIONS = ROLES.flatMap((role) => POLICIES[role].map((definition) => ({ role, definition })));

describe('policy registry', () => {
  it('offers at least one policy for every role an agent has a slot for', () => {
    const slotRoles = new Set(Object.values(POLICY_SLOTS).flatMap((slots) => Object.values(slots)));
    expect([...slotRoles].sort()).toEqual([...ROLES].sort());
    for (const role of ROLES) expect(policyTypes(role).length, role).toBeGreaterThan(0);
  });

  it('files each policy under its own role, with a type unique in that role', () => {
    for (const role of ROLES) {
      const types = policyTypes(role);
      expect(new Set(types).size, role).toBe(types.length);
      for (const definition of POLICIES[role]) expect(definition.role).toBe(role);
    }
  });

  it.each(DEFINITIONS.map(({ role, definition }) => [`${role}/${definition.type}`, definition] as const))(
    '%s rejects a param it does not know',
    (_name, definition) => {
      const result = parsePolicyParams(definition, { notAParam: 1 });
      expect(result.success).toBe(false);
      if (!result.success) expect(result.error.issues[0]?.code).toBe('unrecognized_keys');
    },
  );

  it.each(DEFINITIONS.map(({ role, definition }) => [`${role}/${definition.type}`, role, definition.type] as const))(
    '%s can be built from defaults alone',
    (_name, role, type) => {
      expect(() => instantiatePolicy(role, { type, params: {} })).not.toThrow();
    },
  );

  it('fills the params left out with their defaults', () => {
    const definition = findPolicy('vendor-pricing', 'cost-plus-competitive')!;
    const result = parsePolicyParams(definition, { markup: 1.5 });
    expect(result).toEqual({
      success: true,
      data: { markup: 1.5, floorMarkup: 0.2, rivalWeight: 0.5, qualityPremium: 1, adjustmentPerMonth: 0.2, maxMonthlyChange: 0.15 },
    });
    expect(parsePolicyParams(definition, undefined).success).toBe(true);
  });

  it('rejects a param out of its range', () => {
    const definition = findPolicy('cloud-offer', 'cost-plus-offer')!;
    const result = parsePolicyParams(definition, { maxShareOfFree: 1.5 });
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.issues[0]?.path).toEqual(['maxShareOfFree']);
  });

  it('finds a policy only under its own role', () => {
    expect(findPolicy('vendor-pricing', 'fixed-price')?.type).toBe('fixed-price');
    expect(findPolicy('enterprise-switching', 'fixed-price')).toBeUndefined();
    expect(() => instantiatePolicy('vendor-pricing', { type: 'roi-payback', params: {} })).toThrow(/unknown vendor-pricing policy "roi-payback"/);
  });

  it('builds a policy that follows its params', () => {
    const offer = instantiatePolicy('cloud-offer', { type: 'cost-plus-offer', params: { markup: 1 } });
    const terms = offer.offer({
      requestedMTok: 10,
      transferAtCost: false,
      dealMinAsicShare: 0,
      freeCapacityMTok: 100,
      gpuCostUsdPerMTok: 2,
      asicCostUsdPerMTok: 1,
      fleetAsicShare: 0,
    });
    expect(terms).toMatchObject({ priceUsdPerMTok: 4 });
  });
});
