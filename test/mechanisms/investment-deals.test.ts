import { describe, expect, it } from 'vitest';
import { cloudJson, eventsOf, run, seriesOf, smallBaseline, withRoomToTrain, vendorJson, type Json } from './support.js';

/**
 * Mechanism 1, investment for exclusivity: a cloud invests cash for equity, the vendor makes it
 * its exclusive or primary cloud, and much of the cash comes back as compute spend.
 *
 * The round: in the shrunk baseline xAI (little cash, $100M a month of training) runs short of cash
 * in its first month and asks for a round; Oracle, which never invests in the baseline, is given a
 * strategic-stake policy for it.
 */
const BASE = smallBaseline();
const XAI = vendorJson(BASE, 'xai');
const RUNWAY = XAI.policies.funding.params;
const dealAtStart = (cloud: string, vendor: string): Json => BASE.dealsAtStart.find((d: Json) => d.cloud === cloud && d.vendor === vendor);

function xaiRound(stake: Record<string, unknown>, edit: (json: Json) => void = () => {}): Json {
  const json = withRoomToTrain(smallBaseline({ months: 3 }));
  cloudJson(json, 'oracle').policies.investment = {
    type: 'strategic-stake',
    params: { vendors: ['xai'], shareOfRound: 0.5, maxInvestmentUsd: 1e10, status: 'primary', computeCommitmentShare: 0.4, minAsicShare: 0, ...stake },
  };
  edit(json);
  return json;
}

/** xAI's first month, from its own books: what it earned, paid and spent on training. */
function firstMonthOfXai(events: ReturnType<typeof run>['events']) {
  const books = eventsOf(events, 'vendor.month-closed').find((e) => e.vendor === 'xai' && e.tick === 0)!;
  const trainingUsd = eventsOf(events, 'vendor.trained').find((e) => e.vendor === 'xai' && e.tick === 0)!.spendUsd;
  const revenueUsd = books.revenueApiDirectUsd + books.revenueMarketplaceUsd + books.revenueSubscriptionUsd;
  // Capacity it reserved and did not use is paid for as well (idle), as the runway policy counts it.
  const burnUsd = books.revenueShareUsd + books.inferenceComputeUsd + books.idleCapacityUsd + trainingUsd - revenueUsd;
  const cashUsd = XAI.cashUsd + revenueUsd - books.revenueShareUsd - books.inferenceComputeUsd - books.idleCapacityUsd - trainingUsd;
  return { revenueUsd, burnUsd, cashUsd };
}

describe('investment deals', () => {
  it('has a vendor short of runway ask for months of burn, valued at ARR × its revenue multiple', () => {
    const { events } = run(xaiRound({}));
    const { revenueUsd, burnUsd, cashUsd } = firstMonthOfXai(events);
    // Runway policy: raise below raiseBelowMonths of burn, enough for raiseMonthsOfBurn.
    expect(cashUsd).toBeLessThan(RUNWAY.raiseBelowMonths * burnUsd);
    const [round] = eventsOf(events, 'vendor.funding-sought').filter((e) => e.vendor === 'xai');
    expect(round!.tick).toBe(0);
    expect(round!.amountUsd).toBeCloseTo(Math.max(RUNWAY.minRoundUsd, RUNWAY.raiseMonthsOfBurn * burnUsd - cashUsd), 0);
    // Valuation floored at $1B (a seed-stage frontier lab).
    expect(round!.valuationUsd).toBeCloseTo(Math.max(1e9, 12 * revenueUsd * XAI.valuationRevenueMultiple), 0);
  });

  it('has a strategic investor offer its share of the round for its share of the post-money vendor, with its status, commitment and ASIC condition', () => {
    const { events } = run(xaiRound({ status: 'exclusive', minAsicShare: 0.1 }));
    const round = eventsOf(events, 'vendor.funding-sought').find((e) => e.vendor === 'xai')!;
    const offers = eventsOf(events, 'investment.offered');
    expect(offers.map((o) => [o.cloud, o.vendor])).toEqual([['oracle', 'xai']]);
    const amount = 0.5 * round.amountUsd;
    expect(offers[0]).toMatchObject({ tick: 0, status: 'exclusive', minAsicShare: 0.1 });
    expect(offers[0]!.amountUsd).toBeCloseTo(amount, 0);
    expect(offers[0]!.computeCommitmentUsd).toBeCloseTo(0.4 * amount, 0);
    // Its share of the vendor after the whole round: amount / (pre-money valuation + round).
    expect(offers[0]!.equityShare).toBeCloseTo(amount / (round.valuationUsd + round.amountUsd), 12);
  });

  it('caps an offer at the investor’s largest single investment', () => {
    const { events } = run(xaiRound({ maxInvestmentUsd: 3e8 }));
    const offer = eventsOf(events, 'investment.offered').find((e) => e.vendor === 'xai')!;
    const round = eventsOf(events, 'vendor.funding-sought').find((e) => e.vendor === 'xai')!;
    expect(0.5 * round.amountUsd).toBeGreaterThan(3e8);
    expect(offer.amountUsd).toBe(3e8);
    expect(offer.equityShare).toBeCloseTo(3e8 / (round.valuationUsd + round.amountUsd), 12);
  });

  it('has the vendor take the offer, raise the rest from financial investors, and gain the whole round in cash', () => {
    const { events, metrics, finalWorld } = run(xaiRound({}));
    const round = eventsOf(events, 'vendor.funding-sought').find((e) => e.vendor === 'xai')!;
    const offer = eventsOf(events, 'investment.offered').find((e) => e.vendor === 'xai')!;
    const closed = eventsOf(events, 'investment.closed').filter((e) => e.deal.vendor === 'xai');
    expect(closed).toHaveLength(1);
    expect(closed[0]!.deal).toMatchObject({ cloud: 'oracle', tick: 0, amountUsd: offer.amountUsd, preMoneyUsd: round.valuationUsd, status: 'primary' });
    // Taken first, at the round's pre-money: amount ÷ (pre-money + amount) when it closes.
    expect(closed[0]!.deal.equityShare).toBeCloseTo(offer.amountUsd / (round.valuationUsd + offer.amountUsd), 12);
    const made = eventsOf(events, 'compute.commitment-made').find((e) => e.commitment.dealId === closed[0]!.deal.id)!;
    expect(made.commitment).toMatchObject({ vendor: 'xai', cloud: 'oracle', startTick: 0, endTick: 36 });
    expect(made.commitment.amountUsd).toBeCloseTo(0.4 * offer.amountUsd, 0);
    const funded = eventsOf(events, 'vendor.funded').filter((e) => e.vendor === 'xai');
    expect(funded.map((e) => e.tick)).toEqual([0]);
    expect(funded[0]!.amountUsd).toBeCloseTo(round.amountUsd - offer.amountUsd, 0);
    expect(seriesOf(metrics, 'vendor.cash_usd', 'xai')[0]).toBeCloseTo(firstMonthOfXai(events).cashUsd + round.amountUsd, 0);
    expect(finalWorld.deals.filter((d) => d.vendor === 'xai').map((d) => d.cloud)).toEqual(['oracle']);
  });

  it('has the vendor turn down an investor asking more of its capacity on ASICs than it accepts, and raise the whole round elsewhere', () => {
    const { events, finalWorld } = run(
      xaiRound({ minAsicShare: 0.6 }, (json) => {
        vendorJson(json, 'xai').policies.funding.params.maxAsicShare = 0.5;
      }),
    );
    const round = eventsOf(events, 'vendor.funding-sought').find((e) => e.vendor === 'xai')!;
    const rejected = eventsOf(events, 'investment.rejected');
    expect(rejected.map((e) => [e.tick, e.cloud, e.vendor])).toEqual([[0, 'oracle', 'xai']]);
    expect(rejected[0]!.reason).toMatch(/60 %.*ASIC/);
    expect(eventsOf(events, 'investment.closed').filter((e) => e.deal.vendor === 'xai')).toEqual([]);
    expect(eventsOf(events, 'vendor.funded').find((e) => e.vendor === 'xai')!.amountUsd).toBe(round.amountUsd);
    expect(finalWorld.deals.some((d) => d.vendor === 'xai')).toBe(false);
  });

  it('takes the largest offer first and turns away the rest once the round is filled', () => {
    const { events } = run(
      xaiRound({}, (json) => {
        Object.assign(cloudJson(json, 'azure').policies.investment.params, { vendors: ['openai', 'xai'], shareOfRound: 1 });
      }),
    );
    const round = eventsOf(events, 'vendor.funding-sought').find((e) => e.vendor === 'xai')!;
    expect(eventsOf(events, 'investment.closed').filter((e) => e.tick === 0).map((e) => [e.deal.cloud, e.deal.amountUsd])).toEqual([['azure', round.amountUsd]]);
    expect(eventsOf(events, 'investment.rejected').map((e) => [e.cloud, e.reason])).toEqual([['oracle', 'the round is already filled']]);
    expect(eventsOf(events, 'vendor.funded').filter((e) => e.vendor === 'xai')).toEqual([]);
  });

  it('keeps a cloud out of a round when a rival holds the vendor exclusively', () => {
    const tiedTo = (status: string) =>
      run(
        xaiRound({}, (json) => {
          json.dealsAtStart.push({ cloud: 'aws', vendor: 'xai', amountUsd: 1e8, equityShare: 0.05, status });
        }),
      );
    expect(eventsOf(tiedTo('primary').events, 'investment.offered').map((e) => e.cloud)).toEqual(['oracle']);
    expect(eventsOf(tiedTo('exclusive').events, 'investment.offered')).toEqual([]);
  });

  it('dilutes the cloud’s part by the rest of the round to amount ÷ post-money, and marks its stake at that post-money', () => {
    const { events, metrics, finalWorld } = run(xaiRound({}));
    const round = eventsOf(events, 'vendor.funding-sought').find((e) => e.vendor === 'xai')!;
    const offer = eventsOf(events, 'investment.offered').find((e) => e.vendor === 'xai')!;
    const [funded] = eventsOf(events, 'vendor.funded').filter((e) => e.vendor === 'xai');
    // The financial investors' part comes at the same price per share: pre-money + Oracle's part.
    expect(funded!.preMoneyUsd).toBeCloseTo(round.valuationUsd + offer.amountUsd, 0);
    const postMoneyUsd = round.valuationUsd + round.amountUsd;
    const oracleStake = offer.amountUsd / postMoneyUsd;
    const table = finalWorld.vendors.xai!.equity;
    expect(table.oracle).toBeCloseTo(oracleStake, 12);
    expect(table['financial-investors']).toBeCloseTo((round.amountUsd - offer.amountUsd) / postMoneyUsd, 12);
    expect(table['founders-and-others']).toBeCloseTo(round.valuationUsd / postMoneyUsd, 12);
    // xAI is marked at the round's post-money from then on; Oracle's stake at its share of it.
    const valuation = seriesOf(metrics, 'vendor.valuation_usd', 'xai');
    const oracleValue = seriesOf(metrics, 'cloud.equity_value_usd', 'oracle');
    valuation.forEach((mark, tick) => {
      expect(mark).toBeCloseTo(postMoneyUsd, 0);
      expect(oracleValue[tick]).toBeCloseTo(oracleStake * postMoneyUsd, 0);
      expect(seriesOf(metrics, 'stake.share', 'oracle@xai')[tick]).toBeCloseTo(oracleStake, 12);
    });
    // Anthropic raises no round in these months: the valuation policy marks it, ARR × its multiple, floored.
    const anthropicRevenue = seriesOf(metrics, 'vendor.revenue_usd', 'anthropic');
    const awsValue = seriesOf(metrics, 'cloud.equity_value_usd', 'aws');
    anthropicRevenue.forEach((revenue, tick) => {
      const mark = Math.max(1e9, 12 * revenue * vendorJson(BASE, 'anthropic').valuationRevenueMultiple);
      expect(awsValue[tick]).toBeCloseTo(dealAtStart('aws', 'anthropic').equityShare * mark, 0);
    });
  });

  it('pays a commitment down with compute bought from the investor, and not with compute bought elsewhere', () => {
    const { events, finalWorld } = run(smallBaseline({ months: 2 }));
    const spentAt = (cloud: string) =>
      eventsOf(events, 'vendor.month-closed')
        .filter((e) => e.vendor === 'anthropic')
        .reduce((sum, e) => sum + (e.computeSpendByCloud[cloud] ?? 0), 0) +
      eventsOf(events, 'vendor.trained')
        .filter((e) => e.vendor === 'anthropic' && e.cloud === cloud)
        .reduce((sum, e) => sum + e.spendUsd, 0);
    // Baseline deals at the start: Anthropic owes both AWS and Google Cloud compute spend.
    const owedTo = (cloud: string) => finalWorld.commitments.find((c) => c.vendor === 'anthropic' && c.cloud === cloud)!.remainingUsd;
    const owedAtStart = (cloud: string): number => dealAtStart(cloud, 'anthropic').computeCommitmentUsd;
    expect(spentAt('aws')).toBeGreaterThan(0);
    expect(spentAt('gcp')).toBeGreaterThan(0);
    expect(owedTo('aws')).toBeCloseTo(owedAtStart('aws') - spentAt('aws'), 0);
    expect(owedTo('gcp')).toBeCloseTo(owedAtStart('gcp') - spentAt('gcp'), 0);
    expect(owedTo('aws')).toBeGreaterThan(0);
  });

  it('brings the cash back as compute: a vendor taking an exclusive stake trains and asks for compute at the investor only', () => {
    // Azure, which xAI never asked for compute, takes an exclusive stake in its first round.
    const { events, finalWorld } = run(
      xaiRound({}, (json) => {
        cloudJson(json, 'oracle').policies.investment = { type: 'no-investment' };
        cloudJson(json, 'azure').policies.investment.params.vendors = ['openai', 'xai'];
        cloudJson(json, 'azure').policies.investment.params.permittedClouds = [];
        json.months = 6;
      }),
    );
    const deal = finalWorld.deals.find((d) => d.vendor === 'xai')!;
    expect(deal).toMatchObject({ cloud: 'azure', status: 'exclusive', tick: 0 });
    // The clouds it trained at, month by month (a month may buy twice at one cloud: what it owes, then more).
    const trainedAt = eventsOf(events, 'vendor.trained')
      .filter((e) => e.vendor === 'xai')
      .map((e) => `${e.tick}:${e.cloud}`);
    expect([...new Set(trainedAt)]).toEqual(['0:oracle', '1:azure', '2:azure', '3:azure', '4:azure', '5:azure']);
    const asked = eventsOf(events, 'compute.requested').filter((e) => e.vendor === 'xai');
    expect(asked.length).toBeGreaterThan(0);
    expect(new Set(asked.map((e) => e.cloud))).toEqual(new Set(['azure']));
    const committed = eventsOf(events, 'compute.commitment-made').find((e) => e.commitment.vendor === 'xai')!.commitment;
    expect(committed).toMatchObject({ cloud: 'azure', dealId: deal.id });
    expect(committed.amountUsd).toBeGreaterThan(0);
    expect(finalWorld.commitments.find((c) => c.id === committed.id)!.remainingUsd).toBeLessThan(committed.amountUsd);
  });

  /**
   * Azure holds OpenAI exclusively, Oracle permitted (as from June 2024 in the baseline), or only as primary cloud. OpenAI
   * also asks AWS and lists on Bedrock; it asks its second cloud for 30 % of each need.
   */
  const openAiWithRivals = (status: 'exclusive' | 'primary') => {
    const json = withRoomToTrain(smallBaseline({ count: 1000, months: 12 }));
    const openai = vendorJson(json, 'openai');
    openai.computeClouds = ['azure', 'aws', 'oracle'];
    openai.policies.compute.params.secondCloudShare = 0.3;
    json.marketplace.push({ cloud: 'aws', vendor: 'openai', revenueShare: 0.5 });
    const deal = json.dealsAtStart.find((d: Json) => d.vendor === 'openai');
    deal.status = status;
    deal.permittedClouds = ['oracle'];
    return run(json);
  };
  const exclusive = openAiWithRivals('exclusive');
  const primary = openAiWithRivals('primary');

  it('keeps an exclusive vendor’s compute requests with the investor and the clouds it permits', () => {
    const asked = (r: typeof exclusive) => new Set(eventsOf(r.events, 'compute.requested').filter((e) => e.vendor === 'openai').map((e) => e.cloud));
    expect(asked(primary)).toContain('aws');
    expect(asked(exclusive)).toEqual(new Set(['azure', 'oracle']));
  });

  it('sells an exclusive vendor on the investor’s marketplace only: every marketplace sale pays Azure’s share', () => {
    const azureShare: number = BASE.marketplace.find((l: Json) => l.cloud === 'azure' && l.vendor === 'openai').revenueShare;
    const boughtOnBedrock = (r: typeof exclusive) =>
      eventsOf(r.events, 'enterprise.adopted').filter((e) => e.vendor === 'openai' && e.channel === 'marketplace' && e.cloud === 'aws').length;
    expect(boughtOnBedrock(primary)).toBeGreaterThan(0);
    expect(boughtOnBedrock(exclusive)).toBe(0);
    const shareOfSales = (r: typeof exclusive) =>
      eventsOf(r.events, 'vendor.month-closed')
        .filter((e) => e.vendor === 'openai' && e.revenueMarketplaceUsd > 0)
        .map((e) => e.revenueShareUsd / e.revenueMarketplaceUsd);
    expect(shareOfSales(exclusive).length).toBeGreaterThan(0);
    for (const share of shareOfSales(exclusive)) expect(share).toBeCloseTo(azureShare, 12);
    expect(Math.max(...shareOfSales(primary))).toBeGreaterThan(azureShare);
  });

  it('seats the enterprises in production at the start under the deals in force at the start', () => {
    const forced = eventsOf(exclusive.events, 'enterprise.switched').filter((e) => e.tick === 0 && e.from === 'openai' && e.monthlyGainUsd === 0);
    expect(forced).toEqual([]);
  });
});
