import { describe, expect, it } from 'vitest';
import { checkReferences, dateBeforeStart, eventsAfterEnd } from '../../src/config/references.js';
import { baselineJson, type RawJson } from '../support/scenario-fixtures.js';

const KNOWN_CLOUDS = 'known clouds: azure, aws, gcp, oracle';

function problemAt(json: RawJson, path: string): string {
  const problems = checkReferences(json);
  const found = problems.find((p) => p.path === path);
  if (!found) throw new Error(`no problem at ${path}; problems: ${JSON.stringify(problems)}`);
  return found.message;
}

describe('checkReferences', () => {
  it('finds nothing wrong in configs/baseline.json', () => {
    expect(checkReferences(baselineJson())).toEqual([]);
  });

  it('names an unknown cloud in a vendor’s compute clouds, with the known ones', () => {
    const json = baselineJson();
    json.vendors[0].computeClouds.push('ibm');
    const index = json.vendors[0].computeClouds.length - 1;
    const message = problemAt(json, `vendors[0].computeClouds[${index}]`);
    expect(message).toContain('unknown cloud "ibm"');
    expect(message).toContain(KNOWN_CLOUDS);
  });

  it('names an unknown cloud in a vendor’s opening contracts', () => {
    const json = baselineJson();
    json.vendors[0].compute[0].cloud = 'ibm';
    expect(problemAt(json, 'vendors[0].compute[0].cloud')).toContain(KNOWN_CLOUDS);
  });

  it('names an unknown cloud or vendor in a marketplace listing, with the known ones', () => {
    const json = baselineJson();
    json.marketplace[0].cloud = 'ibm';
    json.marketplace[1].vendor = 'cohere';
    expect(problemAt(json, 'marketplace[0].cloud')).toContain(KNOWN_CLOUDS);
    expect(problemAt(json, 'marketplace[1].vendor')).toContain('known vendors: openai, anthropic, google, xai, mistral, meta');
  });

  it('refuses a model listed twice on one cloud', () => {
    const json = baselineJson();
    json.marketplace.push({ ...json.marketplace[0] });
    expect(problemAt(json, `marketplace[${json.marketplace.length - 1}]`)).toMatch(/listed twice/);
  });

  it('refuses segment shares that do not add up to 1', () => {
    const json = baselineJson();
    json.enterprises.segments[0].share = 0.3;
    expect(problemAt(json, 'enterprises.segments')).toContain('add up to 1.15');
  });

  it('refuses duplicate cloud, vendor and segment ids, at the second occurrence', () => {
    const json = baselineJson();
    json.clouds[1].id = 'azure';
    json.vendors[2].id = 'openai';
    json.enterprises.segments[2].id = 'mid';
    expect(problemAt(json, 'clouds[1].id')).toBe('duplicate cloud id "azure"');
    expect(problemAt(json, 'vendors[2].id')).toBe('duplicate vendor id "openai"');
    expect(problemAt(json, 'enterprises.segments[2].id')).toBe('duplicate segment id "mid"');
  });

  it('refuses an open-weights model that no cloud lists, since no enterprise could reach it', () => {
    const json = baselineJson();
    json.marketplace = json.marketplace.filter((l: { vendor: string }) => l.vendor !== 'meta');
    const meta = json.vendors.findIndex((v: { id: string }) => v.id === 'meta');
    expect(problemAt(json, `vendors[${meta}]`)).toMatch(/"meta" is listed on no cloud marketplace/);
  });

  it('refuses a quality-weight range whose min is above its max', () => {
    const json = baselineJson();
    json.enterprises.segments[0].qualityWeight = { min: 3, max: 1 };
    expect(problemAt(json, 'enterprises.segments[0].qualityWeight')).toMatch(/above max/);
  });

  it('refuses a market where no cloud is any enterprise’s primary cloud', () => {
    const json = baselineJson();
    for (const cloud of json.clouds) cloud.enterpriseShare = 0;
    expect(problemAt(json, 'clouds')).toMatch(/no cloud has an enterpriseShare above 0/);
  });

  it('names unknown ids in scheduled events and deals at the start', () => {
    const json = baselineJson();
    json.events = [{ date: '2024-06', type: 'merger', cloud: 'ibm', vendor: 'cohere' }];
    json.dealsAtStart[0].vendor = 'cohere';
    expect(problemAt(json, 'events[0].cloud')).toContain(KNOWN_CLOUDS);
    expect(problemAt(json, 'events[0].vendor')).toContain('unknown vendor "cohere"');
    expect(problemAt(json, 'dealsAtStart[0].vendor')).toContain('unknown vendor "cohere"');
  });

  it('refuses a scheduled event dated before the run starts, and lets one after its end stand (it does not happen)', () => {
    const json = baselineJson();
    json.events = [
      { date: '2023-01', type: 'merger', cloud: 'gcp', vendor: 'google' },
      { date: '2040-01', type: 'merger', cloud: 'gcp', vendor: 'google' },
    ];
    expect(problemAt(json, 'events[0].date')).toBe('2023-01 is before the run starts (2023-12)');
    expect(checkReferences(json).some((p) => p.path === 'events[1].date')).toBe(false);
  });

  it('counts the events dated after a run’s last month, start + months − 1', () => {
    const events = [{ date: '2026-12' }, { date: '2027-01' }, { date: '2031-05' }];
    expect(eventsAfterEnd(events, '2023-12', 37)).toBe(2);
    expect(eventsAfterEnd(events, '2023-12', 38)).toBe(1);
    expect(dateBeforeStart('2023-12', '2023-12')).toBeNull();
  });

  it('still checks references in a config the schema refuses', () => {
    const json = baselineJson();
    json.clouds[0].gpuCapacityMTok = 'lots';
    json.vendors[0].computeClouds = ['ibm'];
    expect(problemAt(json, 'vendors[0].computeClouds[0]')).toContain('unknown cloud "ibm"');
  });
});
