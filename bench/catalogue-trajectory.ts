/**
 * The option sets enterprises faced in one engine run, month by month, recorded so that the
 * hand-written kernel (kernel.ts) can replay the same workload without the rest of the engine.
 *
 * The engine keeps its world private, so the recorder rebuilds it from the event stream: the world
 * is a fold of its events (src/world/apply-event.ts), and enterprise events change nothing in it.
 * It follows the engine's phase order (run-simulation.ts): in the first month the adopters at the
 * start choose once the opening contracts and deals are in force, so before the first other event
 * of that month; each month's catalogue is built after the vendors' phases and before the
 * consumers', so the first `consumers.subscribed` or `vendor.month-closed` event of a month marks
 * the world the enterprises saw, and `lastMonth` is the world as the month opened. Alongside, it
 * records the engine's decisions of each month (from its enterprise events and metrics), which the
 * kernel must reproduce exactly: that check is what makes the kernel's workload the engine's, and
 * what tells when a change to the engine's phases or rules needs the same change here.
 */
import { produce } from 'immer';
import { instantiatePolicies, replacePolicy } from '../src/agents/agent-context.js';
import type { Scenario } from '../src/config/parse-scenario.js';
import { buildCatalogue, type Catalogue } from '../src/market/catalogue.js';
import { runSimulation } from '../src/simulation/run-simulation.js';
import { appealAt } from '../src/simulation/enterprise-appeal.js';
import { Timeline } from '../src/simulation/timeline.js';
import { initialWorld } from '../src/simulation/initial-world.js';
import { applyEvent } from '../src/world/apply-event.js';
import type { WorldState } from '../src/world/state.js';

/** One (cloud, channel) option set as plain arrays; index = cloud × 2 + (marketplace ? 1 : 0). */
export interface RecordedOptionSet {
  readonly vendor: number[];
  readonly priceUsdPerMTok: number[];
  readonly quality: number[];
  readonly appeal: number[];
  /** Each option's small tier: quality ÷ the frontier's (0: none), and its price. */
  readonly smallQualityRatio: number[];
  readonly smallPriceUsdPerMTok: number[];
}

/** What the engine's enterprise phase did in one month. */
export interface MonthDecisions {
  readonly adopted: number;
  readonly inProduction: number;
  readonly abandoned: number;
  readonly switched: number;
  /** Vendors put in production beside others without changing the primary (enterprise.vendor-added). */
  readonly added: number;
  /** Enterprises in pilot or production at the end of the month, and in production. */
  readonly adopters: number;
  readonly producing: number;
  /** Adopters with two vendors or more in production. */
  readonly multiVendor: number;
  /** Adopters that moved to a newer model of a vendor they use in the last 12 months, primary unchanged. */
  readonly upgradedInLastYear: number;
}

export interface CatalogueTrajectory {
  readonly enterprises: number;
  readonly months: number;
  readonly vendorCount: number;
  readonly cloudCount: number;
  /** Vendor index → 1 for open weights. */
  readonly openWeights: number[];
  /** The catalogue `seedAdopters` uses, with the opening contracts and deals in force. */
  readonly atStart: RecordedOptionSet[];
  /** Month → its option sets. */
  readonly byMonth: RecordedOptionSet[][];
  /** Month → the engine's decisions, for the kernel to match. */
  readonly engineDecisions: MonthDecisions[];
}

/** Events of the first month published before the adopters at the start choose their model. */
const OPENING_EVENTS: ReadonlySet<string> = new Set(['market.month-opened', 'compute.contract-signed', 'investment.in-force']);

function recordSets(catalogue: Catalogue): RecordedOptionSet[] {
  const sets: RecordedOptionSet[] = [];
  for (let c = 0; c < catalogue.cloudIds.length; c++) {
    for (const channel of ['direct', 'marketplace'] as const) {
      const set = catalogue.options(c, channel);
      sets.push({
        vendor: Array.from(set.vendor),
        priceUsdPerMTok: Array.from(set.priceUsdPerMTok),
        quality: Array.from(set.quality),
        appeal: Array.from(set.appeal),
        smallQualityRatio: Array.from(set.smallQualityRatio),
        smallPriceUsdPerMTok: Array.from(set.smallPriceUsdPerMTok),
      });
    }
  }
  return sets;
}

/** Runs the engine once (untimed) and records the catalogue of every month and its decisions. */
export function recordCatalogueTrajectory(scenario: Scenario, months: number): CatalogueTrajectory {
  const vendorIds = scenario.vendors.map((v) => v.id);
  const cloudIds = scenario.clouds.map((c) => c.id);
  const policies = instantiatePolicies(scenario);
  const timeline = new Timeline(scenario);
  let world: WorldState = initialWorld(scenario, policies);
  let atStart: RecordedOptionSet[] | null = null;
  // From the config: a vendor that comes to market later is not in the world at the start.
  const openWeights = scenario.vendors.map((v) => (v.weights === 'open' ? 1 : 0));

  const byMonth: RecordedOptionSet[][] = [];
  const counts = { adopted: 0, inProduction: 0, abandoned: 0, switched: 0, added: 0 };
  const decisionCounts: (typeof counts)[] = [];
  let lastMonth = world;
  let month = -1;
  let recorded = true;
  const result = runSimulation(scenario, {
    months,
    onEvent: (event) => {
      if (event.type === 'market.month-opened') {
        if (!recorded) throw new Error(`month ${month}: no phase after the enterprises' published an event`);
        lastMonth = world;
        month = event.tick;
        recorded = false;
        decisionCounts.push({ ...counts });
        counts.adopted = counts.inProduction = counts.abandoned = counts.switched = counts.added = 0;
      }
      if (atStart === null && !OPENING_EVENTS.has(event.type)) atStart = recordSets(buildCatalogue(world, vendorIds, cloudIds, appealAt(timeline, scenario, policies, 0)));
      if (!recorded && (event.type === 'consumers.subscribed' || event.type === 'vendor.month-closed')) {
        byMonth.push(recordSets(buildCatalogue(world, vendorIds, cloudIds, appealAt(timeline, scenario, policies, month), lastMonth)));
        recorded = true;
      }
      switch (event.type) {
        case 'enterprise.adopted':
          counts.adopted++;
          return;
        case 'enterprise.in-production':
          counts.inProduction++;
          return;
        case 'enterprise.abandoned':
          counts.abandoned++;
          return;
        case 'enterprise.switched':
          counts.switched++;
          return;
        case 'enterprise.vendor-added':
          counts.added++;
          return;
        case 'policy.changed':
          replacePolicy(policies, event.agent, event.slot, event.policy);
          break;
        default:
          break;
      }
      world = produce(world, (draft) => applyEvent(draft, event));
    },
  });
  if (!recorded || atStart === null) throw new Error(`month ${month}: no phase after the enterprises' published an event`);
  decisionCounts.push({ ...counts });
  decisionCounts.shift();

  const size = scenario.enterprises.count;
  const column = (metric: string) => result.metrics.series(metric).get('market')!;
  const adoptionRate = column('market.adoption_rate');
  const productionRate = column('market.production_rate');
  const multiVendorShare = column('market.multi_vendor_share');
  const upgradeRate = column('market.upgrade_rate_12m');
  const engineDecisions = decisionCounts.map((c, t) => {
    const adopters = Math.round(adoptionRate[t]! * size);
    return { ...c, adopters, producing: Math.round(productionRate[t]! * size), multiVendor: Math.round(multiVendorShare[t]! * adopters), upgradedInLastYear: Math.round(upgradeRate[t]! * adopters) };
  });
  return {
    enterprises: size,
    months,
    vendorCount: vendorIds.length,
    cloudCount: cloudIds.length,
    openWeights,
    atStart,
    byMonth,
    engineDecisions,
  };
}
