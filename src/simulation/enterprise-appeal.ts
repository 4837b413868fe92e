import type { AgentPolicies } from '../agents/agent-context.js';
import type { Scenario } from '../config/parse-scenario.js';
import type { Appeal } from '../market/catalogue.js';
import type { Timeline } from './timeline.js';

/**
 * How enterprises weigh a model beyond its price in month `tick`, under the scenario in force.
 * Open weights carry the value of the control they give (own hosting, fine-tuning, data kept in
 * house) on top of `openWeightsValueFactor`: a premium set at the run's start that loses
 * `declinePerYear` of itself each year, stretch by stretch, as long context and prompting replace
 * fine-tuning (docs/model.md, "Enterprise choice").
 */
export function appealAt(timeline: Timeline, active: Scenario, policies: AgentPolicies, tick: number): Appeal {
  const control = timeline.root.enterprises.openWeightsControl.premium * timeline.compound((s) => -s.enterprises.openWeightsControl.declinePerYear, tick);
  return {
    codingShare: active.enterprises.codingShare,
    placement: placementOf(policies),
    brandPremium: active.enterprises.brandPremium,
    openWeightsValueFactor: active.enterprises.openWeightsValueFactor * (1 + control),
  };
}

/** Each cloud's marketplace placement policy, read afresh each month (a policy change swaps it). */
function placementOf(policies: AgentPolicies): Appeal['placement'] {
  return (cloud, vendor) =>
    policies.clouds[cloud]?.marketplace?.placement({ ownModel: vendor.owner === cloud, openWeights: vendor.weights === 'open' }) ?? 1;
}
