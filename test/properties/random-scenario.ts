import fc from 'fast-check';
import { scenarioJsonSchema, type JsonSchema } from '../../src/config/json-schema.js';
import { parseScenario, type Scenario } from '../../src/config/parse-scenario.js';
import { monthIndex } from '../../src/engine/calendar.js';
import { POLICIES } from '../../src/policies/registry.js';
import type { PolicyRole } from '../../src/policies/policy-roles.js';
import { baselineJson } from '../support/scenario-fixtures.js';

/**
 * Random valid scenarios, made by perturbing configs/baseline.json: a small population (20–300
 * enterprises) over 3–24 months, any seed, and random values within their schema ranges for the
 * market's parameters (the GPU cost, its fall, the price elasticity, taste dispersion and the
 * segments' log-sds over their whole ranges), every policy's params, the segments' shares, the clouds' enterprise shares,
 * revenue shares, and which models each cloud lists.
 */

type Json = Record<string, unknown>;

/** Where the scenario holds a policy and which role it plays, e.g. "clouds[].policies.offer". */
const SCHEMA = scenarioJsonSchema();

/**
 * A number in [min, max], spread evenly with the bounds themselves now and then. fc.double alone
 * leans hard on extremes (5e-324, 1 − ε), so half the markets it drew adopted nothing at all.
 */
function between(min: number, max: number): fc.Arbitrary<number> {
  const steps = 1_000_000;
  return fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: 0, max: steps }).map((i) => min + ((max - min) * i) / steps) },
    { weight: 1, arbitrary: fc.constantFrom(min, max) },
  );
}

function policySlots(): Map<string, PolicyRole> {
  const schema = SCHEMA;
  const slots = new Map<string, PolicyRole>();
  const walk = (node: JsonSchema | undefined, path: string): void => {
    if (!node) return;
    const ref = node.$ref?.match(/^#\/\$defs\/(.+)-policy$/);
    if (ref) {
      slots.set(path, ref[1] as PolicyRole);
      return;
    }
    for (const [key, field] of Object.entries(node.properties ?? {})) walk(field, path === '' ? key : `${path}.${key}`);
    if (node.items) walk(node.items, `${path}[]`);
    for (const variant of node.oneOf ?? node.anyOf ?? []) walk(variant, path);
  };
  walk(schema.$defs?.scenario, '');
  return slots;
}

const SLOTS = policySlots();

/** A number in a param's range; unbounded ranges stay within a few times the default. */
function numberIn(schema: JsonSchema): fc.Arbitrary<number> {
  const fallback = typeof schema.default === 'number' ? schema.default : 1;
  const low = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum : Math.min(0, fallback));
  const high = schema.maximum ?? Math.max(low + 1, 3 * Math.abs(fallback));
  if (schema.type === 'integer') return fc.integer({ min: Math.ceil(low + (schema.exclusiveMinimum !== undefined ? 1 : 0)), max: Math.floor(high) });
  const min = schema.exclusiveMinimum !== undefined ? low + (high - low) * 1e-3 : low;
  return between(min, high);
}

/** Random params for one policy type: numbers drawn in range, anything else left to its default. */
function paramsOf(role: PolicyRole, type: string): fc.Arbitrary<Json> {
  const definition = POLICIES[role].find((p) => p.type === type)!;
  const schema = SCHEMA.$defs?.[`${role}-policy`]?.oneOf?.find((v) => v.title === definition.type);
  const properties = schema?.properties?.params?.properties ?? {};
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, param] of Object.entries(properties)) {
    if (param.type === 'number' || param.type === 'integer') record[name] = numberIn(param);
    else if (param.type === 'boolean') record[name] = fc.boolean();
  }
  return fc.record(record, { requiredKeys: [] }) as fc.Arbitrary<Json>;
}

/** Policy types every param of which has a default or can be drawn, so a random pick is valid. */
function drawableTypes(role: PolicyRole): string[] {
  const defs = SCHEMA.$defs?.[`${role}-policy`]?.oneOf ?? [];
  return defs
    .filter((variant) => {
      const params = variant.properties?.params;
      return (params?.required ?? []).every((name) => ['number', 'integer', 'boolean'].includes(String(params?.properties?.[name]?.type)));
    })
    .map((variant) => String(variant.title));
}

function policyArbitrary(role: PolicyRole, current: Json): fc.Arbitrary<Json> {
  const types = drawableTypes(role);
  const keep = typeof current.type === 'string' ? current.type : types[0]!;
  return fc
    .constantFrom(keep, ...types.filter((t) => t !== keep))
    .chain((type) => paramsOf(role, type).map((params) => ({ type, params })));
}

/** Every policy of the baseline, wherever it sits, replaced by a random one of its role. */
function randomizePolicies(json: Json): fc.Arbitrary<Json> {
  const replacements: { set: (value: Json) => void; arbitrary: fc.Arbitrary<Json> }[] = [];
  const visit = (node: unknown, path: string): void => {
    if (Array.isArray(node)) return node.forEach((item) => visit(item, `${path}[]`));
    if (node === null || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node as Json)) {
      const childPath = path === '' ? key : `${path}.${key}`;
      const role = SLOTS.get(childPath);
      if (role && value !== null && typeof value === 'object') {
        replacements.push({ set: (policy) => ((node as Json)[key] = policy), arbitrary: policyArbitrary(role, value as Json) });
      } else visit(value, childPath);
    }
  };
  visit(json, '');
  return fc.tuple(...replacements.map((r) => r.arbitrary)).map((policies) => {
    policies.forEach((policy, i) => replacements[i]!.set(policy));
    return json;
  });
}

const share = between(0, 1);
const factor = between(0.5, 2);

function normalise(weights: number[]): number[] {
  const total = weights.reduce((sum, w) => sum + w, 0);
  const shares = weights.map((w) => w / total);
  // Put rounding on the last share, so the shares add up to 1 within the checker's 1e-6.
  shares[shares.length - 1] = 1 - shares.slice(0, -1).reduce((sum, s) => sum + s, 0);
  return shares;
}

/** Raw JSON of a random valid scenario. */
export function randomScenarioJson(): fc.Arbitrary<Json> {
  const base = baselineJson();
  const clouds = base.clouds as Json[];
  const vendors = base.vendors as Json[];
  const listings = base.marketplace as Json[];
  const segments = (base.enterprises as Json).segments as Json[];
  const openIds = new Set(vendors.filter((v) => v.weights === 'open').map((v) => v.id));
  return fc
    .record({
      count: fc.integer({ min: 20, max: 300 }),
      months: fc.integer({ min: 3, max: 24 }),
      seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
      adoptedAtStart: between(0, 0.6),
      demandGrowthPerYear: between(0, 3),
      // Deep parameters over their whole documented ranges (issue 21, item 9): the schema's bounds
      // are where the books must still balance, or the config be refused.
      priceElasticity: between(0, 5),
      tasteDispersion: between(0, 3),
      logSds: fc.array(fc.array(between(0, 3), { minLength: 3, maxLength: 3 }), { minLength: segments.length, maxLength: segments.length }),
      // Log-uniform over the schema's range, from a millionth of a dollar to 1e15.
      gpuCostUsdPerMTok: between(Math.log(1e-6), Math.log(1e15)).map(Math.exp),
      segmentWeights: fc.array(between(0.01, 1), { minLength: segments.length, maxLength: segments.length }),
      marketplaceShares: fc.array(share, { minLength: segments.length, maxLength: segments.length }),
      cloudWeights: fc.array(between(0.01, 1), { minLength: clouds.length, maxLength: clouds.length }),
      capacityFactors: fc.array(factor, { minLength: clouds.length, maxLength: clouds.length }),
      asicMaturities: fc.array(share, { minLength: clouds.length, maxLength: clouds.length }),
      revenueShares: fc.array(share, { minLength: listings.length, maxLength: listings.length }),
      kept: fc.array(fc.boolean(), { minLength: listings.length, maxLength: listings.length }),
      qualityFactors: fc.array(factor, { minLength: vendors.length, maxLength: vendors.length }),
      priceFactors: fc.array(factor, { minLength: vendors.length, maxLength: vendors.length }),
      gpuCostDeclinePerYear: between(0, 0.9),
      asicMaxAdvantage: between(0, 0.9),
      // The enterprise policies of issue 25, each over its whole range, or absent (the old rules).
      allocation: fc.option(fc.record({ maxVendors: fc.integer({ min: 1, max: 8 }), temperature: between(0.001, 10), adjustment: between(0.01, 1) })),
      upgrade: fc.option(between(0.001, 1)),
      capabilityElasticity: fc.option(between(0, 20)),
    })
    .chain((draw) => {
      const json = baselineJson();
      const enterprises = json.enterprises as Json;
      Object.assign(json, { name: 'random', months: draw.months, seed: draw.seed });
      Object.assign(json.compute as Json, {
        gpuCostDeclinePerYear: draw.gpuCostDeclinePerYear,
        asicMaxAdvantage: draw.asicMaxAdvantage,
        gpuCostUsdPerMTok: Math.min(1e15, Math.max(1e-6, draw.gpuCostUsdPerMTok)),
      });
      Object.assign(enterprises, {
        count: draw.count,
        adoptedAtStart: draw.adoptedAtStart,
        demandGrowthPerYear: draw.demandGrowthPerYear,
        priceElasticity: draw.priceElasticity,
        tasteDispersion: draw.tasteDispersion,
      });
      const policies = enterprises.policies as Json;
      if (draw.allocation !== null) policies.allocation = { type: 'logit-split', params: draw.allocation };
      if (draw.upgrade !== null) policies.upgrade = { type: 'staggered', params: { monthlyProbability: draw.upgrade } };
      if (draw.capabilityElasticity !== null) policies.demand = { type: 'capability-driven', params: { capabilityElasticity: draw.capabilityElasticity } };
      const segmentShares = normalise(draw.segmentWeights);
      (enterprises.segments as Json[]).forEach((segment, i) => {
        segment.share = segmentShares[i];
        segment.marketplaceShare = draw.marketplaceShares[i];
        const [demandSd, valueSd, switchingSd] = draw.logSds[i]!;
        Object.assign(segment.demandMTokPerMonth as Json, { logSd: demandSd });
        Object.assign(segment.valueUsdPerTask as Json, { logSd: valueSd });
        Object.assign(segment.switchingCostUsd as Json, { logSd: switchingSd });
      });
      const cloudShares = normalise(draw.cloudWeights);
      (json.clouds as Json[]).forEach((cloud, i) => {
        cloud.enterpriseShare = cloudShares[i];
        cloud.gpuCapacityMTok = (cloud.gpuCapacityMTok as number) * draw.capacityFactors[i]!;
        cloud.asicCapacityMTok = (cloud.asicCapacityMTok as number) * draw.capacityFactors[i]!;
        cloud.asicMaturity = draw.asicMaturities[i];
      });
      // A fleet never smaller than the contracts its vendors hold at the start (validation refuses that).
      (json.clouds as Json[]).forEach((cloud) => {
        const held = (json.vendors as Json[])
          .filter((v) => v.entersAt === undefined)
          .flatMap((v) => ((v.compute as Json[] | undefined) ?? []).filter((h) => h.cloud === cloud.id))
          .reduce((sum, h) => sum + (h.capacityMTok as number), 0);
        cloud.gpuCapacityMTok = Math.max(cloud.gpuCapacityMTok as number, held - (cloud.asicCapacityMTok as number));
      });
      (json.vendors as Json[]).forEach((vendor, i) => {
        vendor.quality = (vendor.quality as number) * draw.qualityFactors[i]!;
        if (vendor.weights === 'closed') vendor.priceUsdPerMTok = (vendor.priceUsdPerMTok as number) * draw.priceFactors[i]!;
      });
      // Any subset of listings, as long as every open-weights model stays reachable somewhere.
      const marketplace = (json.marketplace as Json[])
        .map((listing, i): Json => ({ ...listing, revenueShare: draw.revenueShares[i] }))
        .filter((listing, i) => draw.kept[i] || (openIds.has(listing.vendor) && !listings.some((l, j) => j < i && draw.kept[j] && l.vendor === listing.vendor)));
      json.marketplace = marketplace;
      // Scheduled events, entries and history after a shortened run would be refused as outside it: keep those within.
      const end = monthIndex(json.start as string) + draw.months;
      if (Array.isArray(json.events)) json.events = (json.events as Json[]).filter((e) => monthIndex(e.date as string) < end);
      const late = new Set((json.vendors as Json[]).filter((v) => typeof v.entersAt === 'string' && monthIndex(v.entersAt) >= end).map((v) => v.id));
      json.vendors = (json.vendors as Json[]).filter((v) => !late.has(v.id));
      json.marketplace = (json.marketplace as Json[]).filter((l) => !late.has(l.vendor));
      const history = json.history as Json | undefined;
      if (history && monthIndex(history.until as string) >= end) history.until = json.start;
      return randomizePolicies(json);
    });
}

/** A random valid scenario; a scenario the generator got wrong fails loudly with its problems. */
export function randomScenario(): fc.Arbitrary<Scenario> {
  return randomScenarioJson().map((json) => {
    const parsed = parseScenario(json);
    if (!parsed.success) throw new Error(`generated an invalid scenario: ${parsed.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
    return parsed.scenario;
  });
}
