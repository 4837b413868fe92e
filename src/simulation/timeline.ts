import type { Scenario } from '../config/parse-scenario.js';
import { dateToTick } from '../engine/calendar.js';

/** A stretch of the run under one scenario: the root from tick 0, each branch from its month. */
export interface Regime {
  readonly fromTick: number;
  readonly scenario: Scenario;
}

/**
 * The scenarios a run goes through: a branching scenario is its parent's until its branch month,
 * itself from then on (a branch of a branch adds a third stretch). Rates that compound over time
 * (demand growth, usage growth, the fall of GPU costs) compound stretch by stretch, so a
 * branch that changes a rate changes the path from the branch on, not the level it had reached.
 */
export class Timeline {
  readonly regimes: readonly Regime[];

  constructor(scenario: Scenario) {
    const chain: Regime[] = [];
    for (let s: Scenario | undefined = scenario; s !== undefined; s = s.parent) {
      chain.unshift({ fromTick: s.branchesAt === undefined || s.parent === undefined ? 0 : dateToTick(s.start, s.branchesAt), scenario: s });
    }
    // A later scenario of the chain branching at the same month as its parent supersedes it.
    this.regimes = chain.filter((regime, i) => chain[i + 1]?.fromTick !== regime.fromTick);
  }

  /** The root scenario: what the world is at the start. */
  get root(): Scenario {
    return this.regimes[0]!.scenario;
  }

  /** The scenario in force at a tick. */
  at(tick: number): Scenario {
    let current = this.regimes[0]!.scenario;
    for (const regime of this.regimes) if (regime.fromTick <= tick) current = regime.scenario;
    return current;
  }

  /** The regime that begins at this tick after the first, if any. */
  beginning(tick: number): { previous: Scenario; next: Scenario } | undefined {
    const index = this.regimes.findIndex((r) => r.fromTick === tick);
    if (index <= 0) return undefined;
    return { previous: this.regimes[index - 1]!.scenario, next: this.regimes[index]!.scenario };
  }

  /**
   * (1 + rate)^(years) compounded over the months to `tick`, each month at the rate of the
   * scenario in force: exactly (1 + rate)^(tick / 12) for a run without branches.
   */
  compound(rate: (scenario: Scenario) => number, tick: number): number {
    let factor = 1;
    this.regimes.forEach((regime, i) => {
      const until = Math.min(tick, this.regimes[i + 1]?.fromTick ?? Number.POSITIVE_INFINITY);
      if (until > regime.fromTick || (i === 0 && until >= 0)) factor *= (1 + rate(regime.scenario)) ** ((until - regime.fromTick) / 12);
    });
    return factor;
  }
}
