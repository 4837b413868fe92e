import type { ScenarioShape } from './scenario-schema.js';

export interface ConfigProblem {
  /** JSON path of the offending value, e.g. "vendors[2].computeClouds[0]". */
  readonly path: string;
  readonly message: string;
}

/** Checks what a schema cannot: ids that must exist, be unique, shares that must add up. */
export function checkReferences(scenario: ScenarioShape): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const cloudIds = scenario.clouds.map((c) => c.id);
  const vendorIds = scenario.vendors.map((v) => v.id);
  const known = (kind: string, ids: string[], value: string, path: string) => {
    if (!ids.includes(value)) problems.push({ path, message: `unknown ${kind} "${value}"; known ${kind}s: ${ids.join(', ')}` });
  };
  const unique = (kind: string, ids: string[], path: string) => {
    ids.forEach((value, i) => {
      if (ids.indexOf(value) !== i) problems.push({ path: `${path}[${i}].id`, message: `duplicate ${kind} id "${value}"` });
    });
  };

  unique('cloud', cloudIds, 'clouds');
  unique('vendor', vendorIds, 'vendors');
  unique('segment', scenario.enterprises.segments.map((s) => s.id), 'enterprises.segments');

  scenario.vendors.forEach((vendor, v) => {
    if (vendor.weights !== 'closed') return;
    vendor.computeClouds.forEach((cloud, i) => known('cloud', cloudIds, cloud, `vendors[${v}].computeClouds[${i}]`));
    vendor.compute.forEach((holding, i) => known('cloud', cloudIds, holding.cloud, `vendors[${v}].compute[${i}].cloud`));
  });

  const pairs = new Set<string>();
  scenario.marketplace.forEach((listing, i) => {
    known('cloud', cloudIds, listing.cloud, `marketplace[${i}].cloud`);
    known('vendor', vendorIds, listing.vendor, `marketplace[${i}].vendor`);
    const pair = `${listing.cloud}/${listing.vendor}`;
    if (pairs.has(pair)) problems.push({ path: `marketplace[${i}]`, message: `${listing.vendor} is listed twice on ${listing.cloud}` });
    pairs.add(pair);
  });

  scenario.vendors.forEach((vendor, v) => {
    if (vendor.weights === 'open' && !scenario.marketplace.some((l) => l.vendor === vendor.id)) {
      problems.push({
        path: `vendors[${v}]`,
        message: `open-weights model "${vendor.id}" is listed on no cloud marketplace, so no enterprise can reach it`,
      });
    }
  });

  const segmentShares = scenario.enterprises.segments.reduce((sum, s) => sum + s.share, 0);
  if (Math.abs(segmentShares - 1) > 1e-6) {
    problems.push({ path: 'enterprises.segments', message: `segment shares add up to ${segmentShares}, not 1` });
  }
  scenario.enterprises.segments.forEach((segment, i) => {
    if (segment.qualityWeight.min > segment.qualityWeight.max) {
      problems.push({ path: `enterprises.segments[${i}].qualityWeight`, message: 'min is above max' });
    }
  });
  if (!scenario.clouds.some((c) => c.enterpriseShare > 0)) {
    problems.push({ path: 'clouds', message: 'no cloud has an enterpriseShare above 0, so enterprises have no primary cloud' });
  }
  return problems;
}
