import { describe, expect, it } from 'vitest';
import { cloudJson, eventsOf, run, smallBaseline, vendorJson, type Json } from './support.js';

/**
 * Who a cloud serves first when its fleet is short (issue 26): a group serves its own lab before it
 * sells what is left (Gemini on Google Cloud), and what a vendor's second cloud cannot take on of
 * the part it was asked for goes back to its first-choice cloud, if that one had room.
 */

/** Google Cloud with little room to spare, growing 1 % a month; Anthropic asks it for 30 % of each need. */
function crowdedGcp(): Json {
  const json = smallBaseline({ months: 8 });
  const gcp = cloudJson(json, 'gcp');
  // Room for the contracts at the start (Google 4.3M, Anthropic 0.7M MTok a month) and little more.
  gcp.gpuCapacityMTok = 2e6;
  gcp.asicCapacityMTok = 3.2e6;
  gcp.policies.capex.params.maxGrowthPerMonth = 0.01;
  gcp.policies.capex.params.baseGrowthPerYear = 0;
  expect(vendorJson(json, 'google').owner).toBe('gcp');
  expect(vendorJson(json, 'anthropic').policies.compute.params.secondCloudShare).toBeGreaterThan(0);
  return json;
}

describe('compute priority', () => {
  const crowded = run(crowdedGcp());
  const requests = eventsOf(crowded.events, 'compute.requested').filter((e) => e.use === 'inference');

  it('has a lab inside a cloud’s group ask for compute before any other vendor, each month', () => {
    const ticks = [...new Set(requests.map((e) => e.tick))];
    let both = 0;
    for (const tick of ticks) {
      const month = requests.filter((e) => e.tick === tick);
      const google = month.findIndex((e) => e.vendor === 'google');
      const anthropic = month.findIndex((e) => e.vendor === 'anthropic' && e.cloud === 'gcp');
      if (google < 0 || anthropic < 0) continue;
      both++;
      expect(google, `tick ${tick}`).toBeLessThan(anthropic);
      // Google is also asked before OpenAI, first in the config.
      const openai = month.findIndex((e) => e.vendor === 'openai');
      if (openai >= 0) expect(google, `tick ${tick}`).toBeLessThan(openai);
    }
    expect(both).toBeGreaterThanOrEqual(3);
  });

  it('sends what the second cloud could not take on back to the first-choice cloud, the same month', () => {
    const declinedAtGcp = eventsOf(crowded.events, 'compute.declined').filter((e) => e.vendor === 'anthropic' && e.cloud === 'gcp');
    const offeredShort = eventsOf(crowded.events, 'compute.offered').filter((e) => e.vendor === 'anthropic' && e.cloud === 'gcp');
    const askedOfGcp = new Map(requests.filter((e) => e.vendor === 'anthropic' && e.cloud === 'gcp').map((e) => [e.requestId, e]));
    const shortAtGcp = new Map<number, number>();
    for (const e of declinedAtGcp) shortAtGcp.set(e.tick, askedOfGcp.get(e.requestId)!.capacityMTok);
    for (const e of offeredShort) {
      const asked = askedOfGcp.get(e.requestId)!.capacityMTok;
      if (e.capacityMTok < asked) shortAtGcp.set(e.tick, asked - e.capacityMTok);
    }
    expect(shortAtGcp.size).toBeGreaterThanOrEqual(2);
    for (const [tick, shortMTok] of shortAtGcp) {
      const atAws = requests.filter((e) => e.vendor === 'anthropic' && e.cloud === 'aws' && e.tick === tick);
      // Its first ask of AWS was met in full (AWS has room here), so the rest follows as a second ask, for exactly what Google Cloud left.
      expect(atAws.length, `tick ${tick}`).toBe(2);
      expect(atAws[1]!.capacityMTok).toBeCloseTo(shortMTok, 6);
    }
  });
});
