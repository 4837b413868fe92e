import type { PolicyRole } from './policy-roles.js';

/** Which role each policy slot of each kind of agent plays. */
export const POLICY_SLOTS: Readonly<Record<'vendor' | 'cloud' | 'enterprises' | 'consumers', Readonly<Record<string, PolicyRole>>>> = {
  vendor: { pricing: 'vendor-pricing', compute: 'vendor-compute', training: 'vendor-training', funding: 'vendor-funding' },
  cloud: {
    offer: 'cloud-offer',
    capex: 'cloud-capex',
    hostingPricing: 'cloud-hosting-pricing',
    investment: 'cloud-investment',
    marketplace: 'cloud-marketplace',
  },
  enterprises: { adoption: 'enterprise-adoption', switching: 'enterprise-switching', allocation: 'enterprise-allocation', upgrade: 'enterprise-upgrade', demand: 'enterprise-demand' },
  consumers: { policy: 'consumer-choice' },
};

export function slotRole(agent: string, slot: string): PolicyRole | undefined {
  const kind = agent.includes('/') ? agent.slice(0, agent.indexOf('/')) : agent;
  return (POLICY_SLOTS as Record<string, Record<string, PolicyRole>>)[kind]?.[slot];
}
