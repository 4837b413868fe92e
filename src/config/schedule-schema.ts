import { z } from 'zod';
import { findPolicy, parsePolicyParams, policyTypes } from '../policies/registry.js';
import { POLICY_SLOTS, slotRole } from '../policies/policy-slots.js';
import { id, share, yearMonth } from './field-types.js';
import { MAX_MONTHS } from './limits.js';

const month = yearMonth.describe('month the event happens, YYYY-MM, within the run');

/** What a cloud's investment buys and binds: shared by scripted investments and deals at start. */
const dealTerms = {
  cloud: id.describe('investing cloud'),
  vendor: id.describe('vendor invested in'),
  amountUsd: z.number().gt(0).describe('cash invested, USD'),
  status: z
    .enum(['exclusive', 'primary', 'none'])
    .default('none')
    .describe('exclusive: the vendor buys compute only from this cloud (and permittedClouds); primary: asks it first'),
  minAsicShare: share.default(0).describe('share of the vendor’s capacity at this cloud that must run on its ASICs'),
  permittedClouds: z.array(id).default([]).describe('under exclusivity, other clouds the vendor may buy compute from'),
};

const investment = z
  .object({
    date: month,
    type: z.literal('investment').describe('a cloud buys equity in a vendor, with conditions'),
    ...dealTerms,
    equityShare: share.optional().describe('equity bought, 0..1; default: amount / (valuation + amount) at the vendor’s revenue multiple'),
    computeCommitmentUsd: z.number().min(0).default(0).describe('compute spend the vendor commits to the cloud, USD'),
  })
  .strict();

/** An investment made before the run, with its conditions still in force at the start. */
export const dealAtStart = z
  .object({
    since: yearMonth.optional().describe('when the deal was struck, YYYY-MM (for the record)'),
    ...dealTerms,
    equityShare: share.describe('equity held, 0..1'),
    computeCommitmentUsd: z.number().min(0).default(0).describe('compute spend the vendor still owes the cloud at the start, USD'),
  })
  .strict();

const merger = z
  .object({
    date: month,
    type: z.literal('merger').describe('vertical integration: the vendor joins the cloud’s group'),
    cloud: id.describe('acquiring cloud'),
    vendor: id.describe('vendor acquired'),
  })
  .strict();

const capacityShock = z
  .object({
    date: month,
    type: z.literal('capacity-shock').describe('capacity lost or gained outside the capex cycle'),
    cloud: id.describe('cloud whose fleet changes'),
    gpuChange: z.number().min(-1).default(0).describe('relative change of the GPU fleet (−0.3 = lose 30 %)'),
    asicChange: z.number().min(-1).default(0).describe('relative change of the ASIC fleet'),
  })
  .strict();

const modelRelease = z
  .object({
    date: month,
    type: z.literal('model-release').describe('a vendor ships a model of a given quality'),
    vendor: id.describe('vendor shipping the model'),
    quality: z.number().gt(0).optional().describe('new quality index (GPT-4, March 2023 = 1.0)'),
    qualityGain: z.number().gt(0).optional().describe('multiplier of the current quality, when quality is not given'),
  })
  .strict()
  .refine((e) => (e.quality === undefined) !== (e.qualityGain === undefined), 'give exactly one of quality and qualityGain');

const computeContract = z
  .object({
    date: month,
    type: z.literal('compute-contract').describe('a vendor signs a compute contract, e.g. openai with oracle in 2024-06'),
    vendor: id.describe('vendor buying the capacity'),
    cloud: id.describe('cloud selling it'),
    capacityMTok: z.number().gt(0).describe('reserved inference capacity, MTok per month'),
    months: z.number().int().min(1).max(MAX_MONTHS).describe('length of the contract, months'),
    priceUsdPerMTok: z.number().gt(0).optional().describe('price per MTok of capacity; default: the cloud’s offer policy'),
  })
  .strict();

const policyChange = z
  .object({
    date: month,
    type: z.literal('policy-change').describe('an agent’s decision rule replaced from this month on'),
    agent: z
      .string()
      .regex(/^(vendor\/[a-z][a-z0-9-]*|cloud\/[a-z][a-z0-9-]*|enterprises|consumers)$/, 'vendor/<id>, cloud/<id>, enterprises or consumers')
      .describe('whose policy: vendor/<id>, cloud/<id>, enterprises or consumers'),
    slot: z.string().describe('which policy: a key of the agent’s policies (pricing, compute, capex, switching, ...; consumers: policy)'),
    policy: z
      .object({
        type: z.string().describe('policy type, one of the slot’s role (see "Policies")'),
        params: z.record(z.string(), z.unknown()).optional().describe('the policy’s parameters; defaults fill what is left out'),
      })
      .strict()
      .describe('the new policy, { type, params }'),
  })
  .strict()
  .transform((change, ctx) => {
    const role = slotRole(change.agent, change.slot);
    if (!role) {
      const kind = change.agent.split('/')[0] as keyof typeof POLICY_SLOTS;
      ctx.addIssue({ code: 'custom', path: ['slot'], message: `unknown policy slot "${change.slot}" for ${change.agent}; valid: ${Object.keys(POLICY_SLOTS[kind] ?? {}).join(', ')}` });
      return z.NEVER;
    }
    const definition = findPolicy(role, change.policy.type);
    if (!definition) {
      ctx.addIssue({ code: 'custom', path: ['policy', 'type'], message: `unknown ${role} policy "${change.policy.type}"; valid types: ${policyTypes(role).join(', ')}` });
      return z.NEVER;
    }
    const params = parsePolicyParams(definition, change.policy.params);
    if (!params.success) {
      for (const issue of params.error.issues) {
        ctx.addIssue({ code: 'custom', path: ['policy', 'params', ...issue.path.map(String)], message: issue.message });
      }
      return z.NEVER;
    }
    return { ...change, policy: { type: change.policy.type, params: params.data } };
  });

export const scheduledEvent = z
  .discriminatedUnion('type', [investment, merger, capacityShock, modelRelease, computeContract, policyChange])
  .describe('a dated event: investment, merger, capacity-shock, model-release, compute-contract or policy-change');

export type ScheduledEvent = z.output<typeof scheduledEvent>;
