import { EMPTY_INDEX, nextIndex, offersOf } from '../market/quality-price-index.js';
import { produce } from 'immer';
import type { Scenario } from '../config/parse-scenario.js';
import { agentRngs, instantiatePolicies, replacePolicy, type AgentPolicies, type TickContext } from '../agents/agent-context.js';
import { buildFleets, listenForComputeRequests, listenForFundingRounds, priceOpenModels } from '../agents/clouds.js';
import { investorOf, newCommitment, newDeal, raiseFunds, valuationTermsOf, type ValuationTerms } from '../agents/funding.js';
import { updateSubscriptions } from '../agents/consumers.js';
import { createPopulation } from '../agents/enterprise-population.js';
import { seedAdopters, stepEnterprises } from '../agents/enterprises.js';
import { buyTraining, negotiateCompute, releaseModels, setPrices } from '../agents/vendors.js';
import { tickToDate } from '../engine/calendar.js';
import { EventBus } from '../engine/event-bus.js';
import { buildCatalogue } from '../market/catalogue.js';
import { settleMonth } from '../market/settlement.js';
import { checkMonth } from '../books/check-month.js';
import { MetricRecorder, type MetricTable } from '../metrics/metric-table.js';
import { recordMonth } from '../metrics/record-metrics.js';
import { applyEvent, WORLD_UNCHANGED } from '../world/apply-event.js';
import type { MarketEvent } from '../world/events.js';
import { stepCapacityAt, type WorldState } from '../world/state.js';
import { entryTick, initialWorld, openingContracts, vendorAtEntry } from './initial-world.js';
import { enterBranch } from './branch.js';
import { applyScheduledEvents } from './schedule.js';
import { Timeline } from './timeline.js';
import { appealAt } from './enterprise-appeal.js';

export interface RunOptions {
  /** Overrides the scenario's seed. */
  readonly seed?: number;
  /** Overrides the scenario's number of months. */
  readonly months?: number;
  /** Receives every event in order of publication (the CLI writes them to events.jsonl). */
  readonly onEvent?: (event: MarketEvent) => void;
  /**
   * Called at the end of each month, once its metrics are recorded and its books checked, with the
   * metrics of the months so far (`metrics.dates.length` of them; the table goes on filling, so a
   * caller that keeps it copies it). The explorer draws a run as it goes from it.
   */
  readonly onMonth?: (metrics: MetricTable) => void;
}

export interface RunResult {
  readonly seed: number;
  readonly months: number;
  readonly metrics: MetricTable;
  readonly finalWorld: WorldState;
}

/**
 * Runs a scenario month by month. A pure function of (scenario, seed, months): no clock, no
 * Math.random, no I/O; every random draw comes from a stream seeded by the run's seed and the
 * agent's id.
 *
 * Each month runs fixed phases: open the books; scripted events of the month; expire contracts;
 * clouds build fleets and price open weights; vendors release models and set prices; enterprises
 * adopt and switch; consumers subscribe; settle the month; vendors buy training; vendors short of
 * cash raise money, clouds invest; vendors and clouds negotiate compute for the next month; record
 * metrics; check the month's books (src/books), stopping the run on the first month that does not
 * balance.
 */
export function runSimulation(scenario: Scenario, options: RunOptions = {}): RunResult {
  const seed = options.seed ?? scenario.seed;
  const months = options.months ?? scenario.months;
  const timeline = new Timeline(scenario);
  // What the world is at the start is the root's; a branch's changes take effect at its month.
  const root = timeline.root;
  const policies = instantiatePolicies(root);
  const rngs = agentRngs(scenario, seed);
  const bus = new EventBus<MarketEvent>();
  let world = initialWorld(root, policies);
  bus.onAny((event) => {
    if (!WORLD_UNCHANGED.has(event.type)) world = produce(world, (draft) => applyEvent(draft, event));
  });
  bus.on('policy.changed', (change) => replacePolicy(policies, change.agent, change.slot, change.policy));
  if (options.onEvent) bus.onAny(options.onEvent);

  // Every vendor any stretch of the run knows, in config order: a branch only appends new ones.
  const vendorIds = scenario.vendors.map((v) => v.id);
  const cloudIds = root.clouds.map((c) => c.id);
  const population = createPopulation(root, seed, scenario.vendors);
  const recorder = new MetricRecorder(months);
  const gpuCostIndex = (tick: number) => timeline.compound((s) => -s.compute.gpuCostDeclinePerYear, tick);

  // The best model's quality at the start: the demand policy measures the models adopters run against it.
  let startFrontier = 1;
  let priceIndex = EMPTY_INDEX;
  for (let tick = 0; tick < months; tick++) {
    const date = tickToDate(root.start, tick);
    const active = timeline.at(tick);
    const compute = timeline.regimes.length > 1 ? { ...active.compute, gpuCostIndex } : active.compute;
    const inMarket = () => active.vendors.filter((v) => world.vendors[v.id] !== undefined);
    const ctx: TickContext = {
      scenario: active,
      tick,
      date,
      compute,
      timeline,
      roster: vendorIds,
      vendors: inMarket,
      world: () => world,
      lastMonth: world,
      bus,
      policies,
      rngs,
    };
    bus.publish({ type: 'market.month-opened', tick });
    const branch = timeline.beginning(tick);
    if (branch) enterBranch(ctx, branch.previous, branch.next, population, policies);
    for (const vendor of active.vendors) {
      if (entryTick(active, vendor) !== tick) continue;
      if (tick > 0) bus.publish({ type: 'vendor.entered', tick, vendor: vendorAtEntry(vendor) });
      for (const contract of openingContracts(active, compute, policies, world, vendor, tick)) bus.publish({ type: 'compute.contract-signed', tick, contract });
    }
    if (tick === 0) {
      for (const deal of root.dealsAtStart) {
        const inForce = newDeal(world, tick, investorOf(deal), deal.vendor, deal, { preMoneyUsd: null, equityShare: deal.equityShare });
        bus.publish({ type: 'investment.in-force', tick, deal: inForce });
        if (deal.computeCommitmentUsd > 0 && deal.cloud !== undefined) {
          const commitment = { vendor: deal.vendor, cloud: deal.cloud, amountUsd: deal.computeCommitmentUsd, startTick: 0, months: deal.commitmentMonths, dealId: inForce.id };
          bus.publish({ type: 'compute.commitment-made', tick, commitment: newCommitment(world, commitment) });
        }
      }
      // Enterprises already in production chose under the deals and listings in force at the start.
      const opening = buildCatalogue(world, vendorIds, cloudIds, appealAt(timeline, active, policies, tick));
      startFrontier = opening.frontierQuality;
      seedAdopters(
        population,
        opening,
        root.enterprises.adoptedAtStart,
        policies.enterprises.adoption.hurdleRoi,
        mTokPerTask(timeline, root, tick),
      );
    }
    applyScheduledEvents(ctx, active.events);
    for (const contract of world.contracts.filter((c) => c.endTick <= tick)) {
      bus.publish({
        type: 'compute.contract-expired',
        tick,
        contractId: contract.id,
        vendor: contract.vendor,
        cloud: contract.cloud,
        capacityMTok: stepCapacityAt(contract.delivered, contract.endTick - 1),
      });
    }
    for (const commitment of world.commitments.filter((c) => c.endTick <= tick)) {
      bus.publish({
        type: 'compute.commitment-settled',
        tick,
        commitmentId: commitment.id,
        vendor: commitment.vendor,
        cloud: commitment.cloud,
        shortfallUsd: commitment.remainingUsd,
      });
    }
    buildFleets(ctx);
    priceOpenModels(ctx);
    releaseModels(ctx);
    setPrices(ctx);
    const catalogue = buildCatalogue(world, vendorIds, cloudIds, appealAt(timeline, active, policies, tick), ctx.lastMonth);
    priceIndex = nextIndex(priceIndex, offersOf(catalogue));
    const demand = stepEnterprises({
      population,
      catalogue,
      tick,
      adoption: policies.enterprises.adoption,
      switching: policies.enterprises.switching,
      allocation: policies.enterprises.allocation,
      upgrade: policies.enterprises.upgrade,
      demand: {
        growthFactor: timeline.compound((s) => s.enterprises.demandGrowthPerYear, tick),
        priceElasticity: active.enterprises.priceElasticity,
        referencePriceUsdPerMTok: active.enterprises.referencePriceUsdPerMTok,
        capabilityElasticity: policies.enterprises.demand.capabilityElasticity,
        maxLift: policies.enterprises.demand.maxLift,
        referenceQuality: startFrontier,
      },
      mTokPerTask: mTokPerTask(timeline, root, tick),
      weight: root.enterprises.represents / root.enterprises.count,
      publish: (event) => bus.publish(event),
    });
    updateSubscriptions(ctx);
    settleMonth(ctx, demand);
    buyTraining(ctx);
    const investors = listenForFundingRounds(ctx);
    raiseFunds(ctx);
    investors.unsubscribe();
    const clouds = listenForComputeRequests(ctx);
    negotiateCompute(ctx);
    clouds.unsubscribe();

    recorder.beginTick(date);
    recordMonth(recorder, world, demand, population.size, valuationMultiples(active), { vendors: vendorIds, clouds: cloudIds }, priceIndex.levelUsdPerMTok);
    checkMonth({ scenario: active, tick, date, world, previous: ctx.lastMonth, demand });
    options.onMonth?.(recorder);
  }
  bus.complete();
  return { seed, months, metrics: recorder, finalWorld: world };
}

/**
 * Segment → MTok one task takes this month: the root's tokens per task at the start, grown at each
 * stretch's rate (reasoning lengthens tasks; docs/model.md, "Value of a task").
 */
function mTokPerTask(timeline: Timeline, root: Scenario, tick: number): Float64Array {
  return Float64Array.from(root.enterprises.segments, (segment, s) =>
    segment.mTokPerTask.atStart * timeline.compound((scenario) => scenario.enterprises.segments[s]!.mTokPerTask.growthPerYear, tick),
  );
}

function valuationMultiples(scenario: Scenario): Record<string, ValuationTerms> {
  return Object.fromEntries(scenario.vendors.flatMap((v) => (v.weights === 'closed' ? [[v.id, valuationTermsOf(v)] as const] : [])));
}

