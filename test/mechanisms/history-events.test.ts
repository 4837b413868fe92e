import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/config/parse-scenario.js';
import { contractCapacityAt } from '../../src/world/state.js';
import { cloudJson, computeCosts, eventsOf, offerFactor, run, seriesOf, smallBaseline, withRoomToTrain, vendorJson, type Json } from './support.js';

/**
 * The events an analyst writes 2024–2025 down with (src/simulation/schedule.ts): deal amendments,
 * investors that are not clouds, commitments, contracts with their own ASIC share, ramp and use,
 * listings, vendors coming to market, and the history window in which the record makes releases
 * and rounds. The shrunk baseline starts 2023-12: 2024-01 is tick 1.
 */
function scripted(events: readonly Json[], months = 8, edit: (json: Json) => void = () => {}): Json {
  const json = smallBaseline({ count: 400, months });
  json.events = events;
  edit(json);
  return json;
}

function problemsOf(json: Json) {
  const parsed = parseScenario(json);
  if (parsed.success) throw new Error('expected config errors');
  return parsed.problems;
}

const AZURE_OPENAI = { cloud: 'azure', vendor: 'openai' };

describe('history events', () => {
  describe('a deal amended or ended', () => {
    it('loosens Microsoft’s exclusivity to a right of first refusal: OpenAI asks Azure for all it needs, and others at once for what Azure cannot give', () => {
      // Azure nearly full: OpenAI is short from its first request.
      const edit = (json: Json) => {
        cloudJson(json, 'azure').gpuCapacityMTok = 2.8e7;
        cloudJson(json, 'azure').policies.capex.params.maxGrowthPerMonth = 0.01;
        vendorJson(json, 'openai').computeClouds = ['azure', 'aws', 'oracle'];
        vendorJson(json, 'openai').policies.compute.params.secondCloudShare = 0.3;
      };
      const rofr = run(scripted([{ date: '2024-01', type: 'deal-amendment', ...AZURE_OPENAI, status: 'right-of-first-refusal' }], 8, edit));
      const exclusive = run(scripted([], 8, edit));
      const asked = (r: typeof rofr) => eventsOf(r.events, 'compute.requested').filter((e) => e.vendor === 'openai');
      // Exclusive with no cloud permitted: Azure alone, however short.
      expect(new Set(asked(exclusive).map((e) => e.cloud))).toEqual(new Set(['azure']));
      // From the amendment's month (2024-01, tick 1) on: before it the deal is still exclusive.
      const firstTick = Math.min(...asked(rofr).filter((e) => e.tick >= 1).map((e) => e.tick));
      const first = asked(rofr).filter((e) => e.tick === firstTick);
      // The holder is asked first, for the whole need (no share split off for a second cloud)...
      expect(first[0]!.cloud).toBe('azure');
      const offered = eventsOf(rofr.events, 'compute.offered').find((e) => e.requestId === first[0]!.requestId);
      const declined = eventsOf(rofr.events, 'compute.declined').find((e) => e.requestId === first[0]!.requestId);
      expect(declined !== undefined || offered!.capacityMTok < first[0]!.capacityMTok).toBe(true);
      // ...and in the same month the next cloud is asked for what Azure did not cover.
      expect(first[1]!.cloud).toBe('aws');
      expect(first[1]!.capacityMTok).toBeGreaterThan(0);
    });

    it('ends a tie: from the amendment on, a vendor short of compute may turn to a cloud the exclusive deal kept it from', () => {
      const edit = (j: Json) => {
        vendorJson(j, 'openai').computeClouds = ['azure', 'aws'];
        cloudJson(j, 'azure').gpuCapacityMTok = 2.8e7;
        cloudJson(j, 'azure').policies.capex.params.maxGrowthPerMonth = 0.01;
      };
      const ended = run(scripted([{ date: '2024-02', type: 'deal-amendment', ...AZURE_OPENAI, status: 'none' }], 10, edit));
      const kept = run(scripted([], 10, edit));
      expect(ended.finalWorld.deals.find((d) => d.investor === 'azure')!.status).toBe('none');
      const askedAws = (r: typeof ended) => eventsOf(r.events, 'compute.requested').filter((e) => e.vendor === 'openai' && e.cloud === 'aws').map((e) => e.tick);
      expect(askedAws(kept)).toEqual([]);
      expect(askedAws(ended).length).toBeGreaterThan(0);
      expect(Math.min(...askedAws(ended))).toBeGreaterThanOrEqual(2);
    });

    it('restates the investor’s stake and replaces the clouds it permits', () => {
      const { events, finalWorld } = run(
        scripted([{ date: '2024-03', type: 'deal-amendment', ...AZURE_OPENAI, equityShare: 0.27, permittedClouds: ['oracle', 'aws'] }], 4),
      );
      expect(eventsOf(events, 'deal.amended')).toEqual([
        { type: 'deal.amended', tick: 3, investor: 'azure', vendor: 'openai', equityShare: 0.27, permittedClouds: ['oracle', 'aws'] },
      ]);
      expect(finalWorld.vendors.openai!.equity.azure).toBe(0.27);
      expect(finalWorld.deals.find((d) => d.investor === 'azure')!).toMatchObject({ status: 'exclusive', permittedClouds: ['oracle', 'aws'] });
    });
  });

  describe('investors that are not clouds', () => {
    it('buys equity at the round’s valuation, diluting every holder, and ties no compute', () => {
      const { events, finalWorld, metrics } = run(
        scripted([{ date: '2024-02', type: 'investment', investor: 'softbank', vendor: 'openai', amountUsd: 4e10, valuationUsd: 3e11 }], 4),
      );
      const [closed] = eventsOf(events, 'investment.closed').filter((e) => e.deal.investor === 'softbank');
      expect(closed!.deal).toMatchObject({ cloud: null, status: 'none', amountUsd: 4e10, equityShare: 4e10 / 3e11 });
      // Microsoft's 49 % at the start is diluted by the 13.3 % sold.
      expect(finalWorld.vendors.openai!.equity.azure).toBeCloseTo(0.49 * (1 - 4e10 / 3e11), 12);
      expect(finalWorld.vendors.openai!.equity.softbank).toBeCloseTo(4e10 / 3e11, 12);
      const cash = seriesOf(metrics, 'vendor.cash_usd', 'openai');
      expect(cash[2]! - cash[1]!).toBeGreaterThan(4e10 - 2e9);
      // No cloud tie: nothing but Azure's deal stands among the ties.
      expect(finalWorld.deals.filter((d) => d.vendor === 'openai' && d.status !== 'none').map((d) => d.investor)).toEqual(['azure']);
    });

    it('attaches a compute commitment to a named cloud as a condition of the round', () => {
      const { events } = run(
        scripted(
          [{ date: '2024-02', type: 'investment', investor: 'nvidia', vendor: 'anthropic', amountUsd: 1e10, valuationUsd: 3.5e11, computeCommitmentUsd: 6e9, commitmentCloud: 'azure', commitmentMonths: 48 }],
          3,
        ),
      );
      const deal = eventsOf(events, 'investment.closed').find((e) => e.deal.investor === 'nvidia')!.deal;
      expect(eventsOf(events, 'compute.commitment-made').find((e) => e.commitment.dealId === deal.id)!.commitment).toMatchObject({
        vendor: 'anthropic',
        cloud: 'azure',
        amountUsd: 6e9,
        startTick: 2,
        endTick: 50,
      });
    });

    it('refuses a tie or an ASIC condition from an investor that is not a cloud, and a cloud written as an investor', () => {
      const problems = problemsOf(
        scripted([
          { date: '2024-02', type: 'investment', investor: 'softbank', vendor: 'openai', amountUsd: 1e9, status: 'exclusive' },
          { date: '2024-02', type: 'investment', investor: 'aws', vendor: 'openai', amountUsd: 1e9 },
        ]),
      );
      expect(problems.map((p) => p.path)).toEqual(['events[0].status', 'events[1].investor']);
      expect(problems[0]!.message).toMatch(/not a cloud cannot make itself the vendor’s exclusive cloud/);
      expect(problems[1]!.message).toMatch(/"aws" is a cloud: write it as cloud/);
    });
  });

  describe('a compute commitment with no cash', () => {
    it('binds the vendor to buy its compute at the cloud at least on a straight line over its term, and shows in the books', () => {
      // $100M a month of training needs an Oracle with that much free: a fleet 100 times the baseline's.
      const json = scripted([{ date: '2024-01', type: 'compute-commitment', vendor: 'mistral', cloud: 'oracle', amountUsd: 6e8, months: 6 }], 9, (j) => withRoomToTrain(j, 100));
      const { events, metrics } = run(json);
      // Compute bought from Oracle, inference and training alike, pays the commitment down.
      const spent = seriesOf(metrics, 'contract.spend_usd', 'mistral@oracle');
      const atOracle = (tick: number) => spent.slice(1, tick + 1).reduce((sum, x) => sum + (Number.isFinite(x) ? x : 0), 0);
      for (let tick = 1; tick <= 6; tick++) expect(atOracle(tick), `tick ${tick}`).toBeGreaterThanOrEqual((6e8 * tick) / 6 - 1e-3);
      const remaining = seriesOf(metrics, 'vendor.commitments_remaining_usd', 'mistral');
      expect(remaining[0]).toBe(0);
      expect(remaining[1]).toBeCloseTo(5e8, 0);
      expect(remaining[6]).toBeCloseTo(0, 0);
      // Paid up by the end of its term: settled with nothing left to pay.
      expect(eventsOf(events, 'compute.commitment-settled').filter((e) => e.vendor === 'mistral')).toEqual([
        { type: 'compute.commitment-settled', tick: 7, commitmentId: expect.any(String), vendor: 'mistral', cloud: 'oracle', shortfallUsd: 0 },
      ]);
      expect(spent[1]).toBeGreaterThanOrEqual(1e8);
    });
  });

  describe('compute contracts with their own ASIC share, ramp and use', () => {
    const BASE = smallBaseline();
    const cost = computeCosts(BASE);

    it('places an all-TPU contract on ASICs, priced at the ASIC cost plus the cloud’s markup', () => {
      const { events, metrics } = run(scripted([{ date: '2024-02', type: 'compute-contract', vendor: 'anthropic', cloud: 'gcp', capacityMTok: 1e6, months: 12, asicShare: 1 }], 4));
      // The scripted contract serves from its own month; negotiated ones from the month after signing.
      const contract = eventsOf(events, 'compute.contract-signed').find((e) => e.tick === 2 && e.contract.cloud === 'gcp' && e.contract.startTick === 2)!.contract;
      expect(contract.asicShare).toBe(1);
      const maturity = seriesOf(metrics, 'cloud.asic_maturity', 'gcp')[1]!;
      expect(contract.priceUsdPerMTok).toBeCloseTo(cost.asic(2, maturity) * offerFactor(BASE, 'gcp'), 9);
    });

    it('ramps capacity by tranche, and builds what the cloud’s fleet cannot hold, bringing it into service over months and saying so', () => {
      const json = scripted(
        [{ date: '2024-01', type: 'compute-contract', vendor: 'xai', cloud: 'oracle', ramp: [{ from: '2024-02', capacityMTok: 1e6 }, { from: '2024-04', capacityMTok: 2e7 }], months: 24 }],
        24,
        (j) => {
          cloudJson(j, 'oracle').buildLeadMonths = 5;
          cloudJson(j, 'oracle').buildRampMonths = 3;
        },
      );
      const { events, metrics } = run(json);
      const [contract] = eventsOf(events, 'compute.contract-signed').map((e) => e.contract).filter((c) => c.vendor === 'xai' && c.startTick === 2);
      expect(contract!.ordered).toEqual([{ fromTick: 2, capacityMTok: 1e6 }, { fromTick: 4, capacityMTok: 2e7 }]);
      // Oracle (3M at the start, 1.2M held by xAI) has the first tranche free; most of the second must be built:
      // its first racks 5 months after signing, then tranche by tranche, none more than doubling the fleet.
      const sites = eventsOf(events, 'cloud.construction-started').map((e) => e.construction);
      expect(sites[0]).toMatchObject({ cloud: 'oracle', contractId: contract!.id, readyTick: 6 });
      expect(sites.map((site) => site.readyTick)).toEqual(sites.map((_, i) => 6 + i));
      expect(contractCapacityAt(contract!, 3)).toBe(1e6);
      const onTime = contractCapacityAt(contract!, 4);
      expect(onTime).toBeLessThan(2e7);
      const builtMTok = sites.reduce((sum, site) => sum + site.gpuMTok + site.asicMTok, 0);
      expect(onTime + builtMTok).toBeCloseTo(2e7, 0);
      // Three monthly tranches of a third each were due, but a tranche may only double the fleet Oracle had
      // when it signed (F), with what is built before it: F, then 2F, then the rest.
      const fleet = seriesOf(metrics, 'cloud.capacity_mtok', 'oracle');
      const signedWith = fleet[0]!;
      expect(builtMTok / 3).toBeGreaterThan(signedWith);
      expect(sites.map((site) => site.gpuMTok)).toEqual([
        expect.closeTo(signedWith, 0),
        expect.closeTo(2 * signedWith, 0),
        expect.closeTo(builtMTok - 3 * signedWith, 0),
      ]);
      const doneTick = sites.at(-1)!.readyTick;
      expect(contractCapacityAt(contract!, doneTick)).toBeCloseTo(2e7, 0);
      expect(contractCapacityAt(contract!, doneTick - 1)).toBeLessThan(2e7);
      // The shortfall is reported until the last tranche comes into service, and each tranche's capex is booked then.
      const undelivered = seriesOf(metrics, 'contract.undelivered_mtok', 'xai@oracle');
      expect(undelivered[4]).toBeCloseTo(2e7 - onTime, 0);
      expect(undelivered[6]).toBeCloseTo(2e7 - onTime - sites[0]!.gpuMTok - sites[0]!.asicMTok, 0);
      expect(Number.isNaN(undelivered[doneTick]!)).toBe(true);
      const added = eventsOf(events, 'cloud.capacity-added').filter((e) => e.forContract === contract!.id);
      expect(added.map((e) => e.tick)).toEqual(sites.map((site) => site.readyTick));
      expect(added[0]!.capexUsd).toBeCloseTo(sites[0]!.gpuMTok * cost.gpu(6) * cost.capexMonthsOfCost, 0);
      // Never capacity from nowhere, and never a lump: the fleet holds every contract in force and at most doubles in a month.
      const held = (tick: number) => eventsOf(events, 'compute.contract-signed').map((e) => e.contract).filter((c) => c.cloud === 'oracle').reduce((sum, c) => sum + contractCapacityAt(c, tick), 0);
      for (let tick = 0; tick < 24; tick++) expect(held(tick), `tick ${tick}`).toBeLessThanOrEqual(fleet[tick]! + 1e-6);
      for (let tick = 1; tick < 24; tick++) expect(fleet[tick]! / fleet[tick - 1]!, `tick ${tick}`).toBeLessThanOrEqual(2 + 1e-9);
    });

    it('books a training contract as training, outside the gross margin, and a contract for both as training only where serving left it idle', () => {
      const training = run(scripted([{ date: '2024-01', type: 'compute-contract', vendor: 'mistral', cloud: 'azure', capacityMTok: 1e6, months: 12, use: 'training' }], 3));
      const trainedOnIt = eventsOf(training.events, 'vendor.trained').filter((e) => e.vendor === 'mistral' && e.contractId !== null);
      const contract = eventsOf(training.events, 'compute.contract-signed').map((e) => e.contract).find((c) => c.use === 'training')!;
      expect(trainedOnIt.map((e) => [e.tick, e.contractId])).toEqual([[1, contract.id], [2, contract.id]]);
      expect(trainedOnIt[0]!.spendUsd).toBeCloseTo(1e6 * contract.priceUsdPerMTok, 6);
      const months = eventsOf(training.events, 'vendor.month-closed').filter((e) => e.vendor === 'mistral');
      // Its capacity serves no tokens: serving capacity and inference bills are the opening contract's alone.
      expect(months[1]!.capacityMTok).toBe(months[0]!.capacityMTok);
      const reserved = (m: (typeof months)[number]) => m.inferenceComputeUsd + m.idleCapacityUsd;
      expect(reserved(months[1]!)).toBeCloseTo(reserved(months[0]!), 6);

      const both = run(scripted([{ date: '2024-01', type: 'compute-contract', vendor: 'mistral', cloud: 'azure', capacityMTok: 1e6, months: 12, use: 'both' }], 3));
      const month = eventsOf(both.events, 'vendor.month-closed').find((e) => e.vendor === 'mistral' && e.tick === 1)!;
      const signed = eventsOf(both.events, 'compute.contract-signed').map((e) => e.contract).find((c) => c.use === 'both')!;
      const idle = eventsOf(both.events, 'vendor.trained').find((e) => e.contractId === signed.id)!;
      // What serving used of it is inference; the rest trained; together its whole take-or-pay bill.
      expect(month.capacityMTok).toBeCloseTo(months[0]!.capacityMTok + 1e6, 0);
      const opening = reserved(months[0]!);
      expect(reserved(month) - opening + idle.spendUsd).toBeCloseTo(1e6 * signed.priceUsdPerMTok, 4);
    });
  });

  describe('listings and vendors that appear at a date', () => {
    it('sells a model on a marketplace from its listing, with its revenue share, and makes its buyers move when it is delisted', () => {
      const json = scripted(
        [
          { date: '2024-02', type: 'listing', cloud: 'azure', vendor: 'anthropic', revenueShare: 0.3 },
          { date: '2024-06', type: 'delisting', cloud: 'azure', vendor: 'anthropic' },
        ],
        8,
        // Enough Azure marketplace buyers evaluating in the four months for some to choose Anthropic:
        // with 400 simulated enterprises none did once the enterprise parameters were refitted
        // (docs/model.md §7, distillation and eight enterprise parameters).
        (j) => (j.enterprises.count = 2000),
      );
      const { events, finalWorld } = run(json);
      const onAzure = eventsOf(events, 'enterprise.adopted').filter((e) => e.vendor === 'anthropic' && e.cloud === 'azure' && e.channel === 'marketplace');
      expect(onAzure.length).toBeGreaterThan(0);
      expect(Math.min(...onAzure.map((e) => e.tick))).toBeGreaterThanOrEqual(2);
      expect(onAzure.every((e) => e.tick < 6)).toBe(true);
      const shared = eventsOf(events, 'vendor.month-closed').filter((e) => e.vendor === 'anthropic' && e.tick >= 2 && e.tick < 6);
      expect(shared.some((e) => (e.revenueShareByCloud.azure ?? 0) > 0)).toBe(true);
      expect(finalWorld.listings.some((l) => l.cloud === 'azure' && l.vendor === 'anthropic')).toBe(false);
      expect(eventsOf(events, 'vendor.month-closed').filter((e) => e.vendor === 'anthropic' && e.tick >= 7).every((e) => e.revenueShareByCloud.azure === undefined)).toBe(true);
    });

    it('brings a vendor to market at its entersAt: no buyers, metrics or state before, reachable after', () => {
      const json = scripted([{ date: '2024-03', type: 'listing', cloud: 'aws', vendor: 'deepseek' }], 8, (j) => {
        j.vendors.push({ id: 'deepseek', weights: 'open', quality: 1.1, entersAt: '2024-03', policies: { training: { type: 'frontier-follower' } } });
      });
      const { events, metrics } = run(json);
      expect(eventsOf(events, 'vendor.entered').map((e) => [e.tick, e.vendor.id])).toEqual([[3, 'deepseek']]);
      const share = seriesOf(metrics, 'vendor.enterprise_share', 'deepseek');
      expect(share.slice(0, 3).every(Number.isNaN)).toBe(true);
      expect(share[7]).toBeGreaterThan(0);
      expect(eventsOf(events, 'enterprise.adopted').filter((e) => e.vendor === 'deepseek').every((e) => e.tick >= 3)).toBe(true);
      expect(
        problemsOf(scripted([{ date: '2024-02', type: 'listing', cloud: 'aws', vendor: 'deepseek' }], 8, (j) => j.vendors.push({ ...json.vendors.at(-1) }))),
      ).toContainEqual({ path: 'events[0].vendor', message: 'deepseek comes to market in 2024-03 (its entersAt); an event in 2024-02 cannot name it' });
    });
  });

  describe('scripted events obey the rules of the world', () => {
    it('refuses a contract an exclusive deal forbids, naming the deal, unless the same config amends it first', () => {
      const contract = { date: '2024-04', type: 'compute-contract', vendor: 'openai', cloud: 'aws', capacityMTok: 1e6, months: 6 };
      const [problem] = problemsOf(scripted([contract]));
      expect(problem).toEqual({
        path: 'events[0]',
        message:
          'openai cannot sign a compute contract with aws in 2024-04: dealsAtStart[0] (azure in openai, since 2023-01) makes azure openai’s exclusive cloud; amend that deal first (a deal-amendment event before this one) or drop this event'.replace('’', "'"),
      });
      // Amended in an earlier month, or earlier in the same month: allowed. Later in the same month: still refused.
      for (const date of ['2024-02', '2024-04']) {
        expect(parseScenario(scripted([{ date, type: 'deal-amendment', ...AZURE_OPENAI, status: 'primary' }, contract])).success, date).toBe(true);
      }
      expect(parseScenario(scripted([contract, { date: '2024-04', type: 'deal-amendment', ...AZURE_OPENAI, status: 'primary' }])).success).toBe(false);
      expect(parseScenario(scripted([{ date: '2024-02', type: 'deal-amendment', ...AZURE_OPENAI, permittedClouds: ['aws'] }, contract])).success).toBe(true);
    });

    it('refuses to amend a deal that does not exist yet', () => {
      expect(problemsOf(scripted([{ date: '2024-02', type: 'deal-amendment', cloud: 'oracle', vendor: 'openai', status: 'none' }]))[0]!.message).toMatch(
        /^oracle holds no deal with openai by 2024-02 to amend/,
      );
    });
  });

  describe('the history window', () => {
    const history = (json: Json) => (json.history = { until: '2024-06' });

    it('leaves releases and rounds to the record until its last month, and to the agents after it', () => {
      // Room to train on, so that a vendor with no cash burns it and must raise.
      const json = withRoomToTrain(scripted([{ date: '2024-03', type: 'model-release', vendor: 'xai', quality: 1 }], 12, history));
      vendorJson(json, 'xai').cashUsd = 0;
      const free = withRoomToTrain(smallBaseline({ count: 400, months: 12 }));
      vendorJson(free, 'xai').cashUsd = 0;
      const scriptedRun = run(json);
      const releases = eventsOf(scriptedRun.events, 'vendor.model-released');
      expect(releases.filter((e) => e.tick <= 6).map((e) => [e.tick, e.vendor])).toEqual([[3, 'xai']]);
      const rounds = eventsOf(scriptedRun.events, 'vendor.funding-sought');
      expect(rounds.every((e) => e.tick > 6)).toBe(true);
      expect(rounds.some((e) => e.vendor === 'xai')).toBe(true);
      // Without a history window xAI, with no cash, raises at once.
      expect(eventsOf(run(free).events, 'vendor.funding-sought').some((e) => e.vendor === 'xai' && e.tick === 0)).toBe(true);
    });
  });
});
