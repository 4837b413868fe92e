import { z } from 'zod';
import { findPolicy, parsePolicyParams, policyTypes } from '../policies/registry.js';
import { POLICY_SLOTS, slotRole } from '../policies/policy-slots.js';
import { id, share, yearMonth } from './field-types.js';
import { MAX_MONTHS } from './limits.js';
import { quote } from './quote.js';
import { issueInWords } from './issue-words.js';

/**
 * Dated events: what happened (or what a scenario supposes will happen) at a month, each turned by
 * src/simulation/schedule.ts into the bus events an agent's decision would have produced. Fields
 * every event shares: `date`, an optional `id` (so a child config can replace or remove it), a
 * short chart `label` and a `note` saying where the figures come from.
 */

const month = yearMonth.describe('month the event happens, YYYY-MM, within the run');

const common = {
  id: id.optional().describe('id of the event, unique in the list: a child config replaces or removes the event by it'),
  date: month,
  label: z.string().max(32).optional().describe('short label drawn on charts at the event’s month, e.g. "AWS +$4B", "GPT-5"; default: made from the event'),
  note: z.string().max(2000).optional().describe('where the event and its figures come from (a source, as reported)'),
};

const dealStatus = z
  .enum(['exclusive', 'right-of-first-refusal', 'primary', 'none'])
  .describe(
    'exclusive: the vendor buys compute only from this cloud (and permittedClouds); right-of-first-refusal: the cloud is asked first for all new capacity and other clouds get what it declines; primary: asked first for most of it; none: no tie',
  );

/** Who invests: a cloud (whose investment can tie the vendor's compute) or another investor. */
const investorFields = {
  cloud: id.optional().describe('investing cloud (give cloud or investor)'),
  investor: id.optional().describe('investor that is not a cloud: softbank, nvidia, a fund (give cloud or investor)'),
};

function oneInvestor(event: { cloud?: string; investor?: string }, ctx: z.RefinementCtx): void {
  if ((event.cloud === undefined) === (event.investor === undefined)) {
    ctx.addIssue({ code: 'custom', path: ['cloud'], message: 'give exactly one of cloud (an investing cloud) and investor (any other investor)' });
  }
}

/** Conditions only a cloud can attach: they tie the vendor's compute to it. */
function cloudOnlyConditions(
  event: { cloud?: string; status?: string; minAsicShare?: number; permittedClouds?: readonly string[] },
  ctx: z.RefinementCtx,
): void {
  if (event.cloud !== undefined) return;
  if (event.status !== undefined && event.status !== 'none') {
    ctx.addIssue({ code: 'custom', path: ['status'], message: `an investor that is not a cloud cannot make itself the vendor’s ${event.status} cloud; use cloud` });
  }
  if ((event.minAsicShare ?? 0) > 0) ctx.addIssue({ code: 'custom', path: ['minAsicShare'], message: 'only a cloud can ask for its ASICs; use cloud' });
  if ((event.permittedClouds ?? []).length > 0) {
    ctx.addIssue({ code: 'custom', path: ['permittedClouds'], message: 'only an exclusive cloud can permit other clouds; use cloud' });
  }
}

const investment = z
  .object({
    ...common,
    type: z
      .literal('investment')
      .describe(
        'an investor buys equity in a vendor, with conditions, at a valuation: valuationUsd (post-money), preMoneyValuationUsd or equityShare; with none, the valuation policy’s (ARR × the vendor’s revenue multiple, floored)',
      ),
    ...investorFields,
    vendor: id.describe('vendor invested in'),
    amountUsd: z.number().gt(0).describe('cash invested, USD'),
    valuationUsd: z
      .number()
      .gt(0)
      .optional()
      .describe('post-money valuation of the round as reported, USD; the equity bought is amount / valuation, and every holder is diluted by it'),
    preMoneyValuationUsd: z
      .number()
      .gt(0)
      .optional()
      .describe('pre-money valuation, USD, for a tranche priced at an earlier round’s valuation; the equity bought is amount / (pre-money + amount)'),
    equityShare: z
      .number()
      .gt(0)
      .lt(1)
      .optional()
      .describe(
        'equity bought, share of the vendor after the round (0..1, exclusive), when the record gives a stake but no valuation: it implies a pre-money of amount / share − amount',
      ),
    status: dealStatus.optional().describe('tie the investing cloud gets (default none)'),
    minAsicShare: share.optional().describe('share of the vendor’s capacity at the investing cloud that must run on its ASICs (default 0)'),
    permittedClouds: z.array(id).optional().describe('under exclusivity, other clouds the vendor may buy compute from'),
    computeCommitmentUsd: z.number().min(0).default(0).describe('compute spend the vendor commits to as a condition, USD (binding over commitmentMonths)'),
    commitmentCloud: id.optional().describe('cloud the commitment is owed to; default: the investing cloud (required for an investor that is not a cloud)'),
    commitmentMonths: z.number().int().min(1).max(MAX_MONTHS).default(36).describe('term of the commitment from the event’s month, months'),
  })
  .strict()
  .superRefine((event, ctx) => {
    oneInvestor(event, ctx);
    cloudOnlyConditions(event, ctx);
    const prices = (['valuationUsd', 'preMoneyValuationUsd', 'equityShare'] as const).filter((key) => event[key] !== undefined);
    if (prices.length > 1) {
      ctx.addIssue({ code: 'custom', path: [prices[1]!], message: `give one price of the round: ${prices.join(' and ')} say the same thing twice` });
    }
    if (event.valuationUsd !== undefined && event.valuationUsd <= event.amountUsd) {
      ctx.addIssue({ code: 'custom', path: ['valuationUsd'], message: `a post-money valuation must exceed the amount raised (${event.amountUsd})` });
    }
    if (event.computeCommitmentUsd > 0 && event.cloud === undefined && event.commitmentCloud === undefined) {
      ctx.addIssue({ code: 'custom', path: ['commitmentCloud'], message: 'name the cloud the compute commitment is owed to' });
    }
  });

const dealAmendment = z
  .object({
    ...common,
    type: z.literal('deal-amendment').describe('the terms between an investor and a vendor change: a tie loosened or ended, a stake restated, clouds permitted'),
    ...investorFields,
    vendor: id.describe('vendor whose deals with the investor change (every deal between them)'),
    status: dealStatus.optional().describe('new tie'),
    equityShare: share
      .optional()
      .describe('the investor’s whole stake after the amendment, 0..1 (a recapitalisation); the remainder holder (founders and others, or the owner) absorbs the difference'),
    permittedClouds: z.array(id).optional().describe('other clouds the vendor may now buy from under exclusivity (replaces the list)'),
    minAsicShare: share.optional().describe('new required share of the vendor’s capacity on the cloud’s ASICs'),
  })
  .strict()
  .superRefine((event, ctx) => {
    oneInvestor(event, ctx);
    cloudOnlyConditions(event, ctx);
    if ([event.status, event.equityShare, event.permittedClouds, event.minAsicShare].every((v) => v === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['type'], message: 'an amendment changes something: give status, equityShare, permittedClouds or minAsicShare' });
    }
  });

const computeCommitment = z
  .object({
    ...common,
    type: z.literal('compute-commitment').describe('a vendor binds itself to spend an amount on a cloud’s compute over a term, no cash attached'),
    vendor: id.describe('vendor committing'),
    cloud: id.describe('cloud the spend is owed to'),
    amountUsd: z.number().gt(0).describe('compute spend committed, USD'),
    months: z.number().int().min(1).max(MAX_MONTHS).describe('term, months from `from`'),
    from: yearMonth.optional().describe('first month whose spend counts, YYYY-MM; default: the event’s month'),
  })
  .strict()
  .superRefine((event, ctx) => {
    if (event.from !== undefined && event.from < event.date) {
      ctx.addIssue({ code: 'custom', path: ['from'], message: `a commitment cannot start (${event.from}) before it is made (${event.date})` });
    }
  });

const rampStep = z
  .object({
    from: yearMonth.describe('month this capacity starts, YYYY-MM'),
    capacityMTok: z.number().min(0).optional().describe('capacity from this month on, MTok per month (give this or capacityGw, the same in every tranche)'),
    capacityGw: z
      .number()
      .min(0)
      .optional()
      .describe('capacity from this month on, GW of AI data centre: each GW serves the tokens of the hardware of the month it comes into service (docs/model.md)'),
  })
  .strict();

const computeContract = z
  .object({
    ...common,
    type: z.literal('compute-contract').describe('a vendor signs a compute contract, e.g. openai with oracle in 2024-06'),
    vendor: id.describe('vendor buying the capacity'),
    cloud: id.describe('cloud selling it'),
    capacityMTok: z.number().gt(0).optional().describe('reserved capacity from the event’s month, MTok per month (give this, capacityGw or ramp)'),
    capacityGw: z
      .number()
      .gt(0)
      .optional()
      .describe('reserved capacity from the event’s month in GW, as deals are reported: it serves the tokens of that month’s hardware (give this, capacityMTok or ramp)'),
    ramp: z
      .array(rampStep)
      .min(1)
      .max(MAX_MONTHS)
      .optional()
      .describe('capacity by tranche, in date order: each from its month until the next (give this or capacityMTok)'),
    months: z.number().int().min(1).max(MAX_MONTHS).describe('length of the contract from its first capacity, months'),
    priceUsdPerMTok: z.number().gt(0).optional().describe('price per MTok of capacity, for capacity in MTok; default: the cloud’s offer policy'),
    priceUsdPerGwMonth: z
      .number()
      .gt(0)
      .optional()
      .describe('price of a GW for a month, for capacity in GW (e.g. $300B over 5 years for 4.5 GW ≈ 1.1e9); default: the cloud’s offer policy'),
    asicShare: share.optional().describe('share of the capacity on the cloud’s own ASICs (1 = all TPU); default: the cloud’s offer policy'),
    use: z
      .enum(['inference', 'training', 'both'])
      .default('inference')
      .describe('inference: serves tokens; training: trains models (a training cost); both: serves first and trains on what serving leaves idle'),
  })
  .strict()
  .superRefine((event, ctx) => {
    const given = [event.capacityMTok, event.capacityGw, event.ramp].filter((field) => field !== undefined).length;
    if (given !== 1) ctx.addIssue({ code: 'custom', path: ['capacityMTok'], message: 'give exactly one of capacityMTok, capacityGw and ramp' });
    const inGw = contractInGw(event);
    if (inGw && event.priceUsdPerMTok !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['priceUsdPerMTok'],
        message: 'capacity in GW is priced by priceUsdPerGwMonth: a GW serves more tokens each year, so a price per MTok would not say which year’s tokens',
      });
    }
    if (!inGw && event.priceUsdPerGwMonth !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['priceUsdPerGwMonth'], message: 'a price per GW-month needs capacity in GW (capacityGw, or capacityGw in each ramp tranche)' });
    }
    event.ramp?.forEach((step, i) => {
      if ((step.capacityMTok === undefined) === (step.capacityGw === undefined)) {
        ctx.addIssue({ code: 'custom', path: ['ramp', i, 'capacityMTok'], message: 'give exactly one of capacityMTok and capacityGw' });
      } else if ((step.capacityGw !== undefined) !== inGw) {
        ctx.addIssue({ code: 'custom', path: ['ramp', i], message: 'every tranche of a ramp gives its capacity in the same unit: capacityMTok in all or capacityGw in all' });
      }
      const before = event.ramp![i - 1];
      if (inGw && before?.capacityGw !== undefined && step.capacityGw !== undefined && step.capacityGw < before.capacityGw) {
        ctx.addIssue({
          code: 'custom',
          path: ['ramp', i, 'capacityGw'],
          message: `a ramp in GW only grows (${step.capacityGw} after ${before.capacityGw}): each GW comes into service with the hardware of its month and serves to the contract’s end`,
        });
      }
      if (step.from < event.date) ctx.addIssue({ code: 'custom', path: ['ramp', i, 'from'], message: `a tranche cannot start (${step.from}) before the contract is signed (${event.date})` });
      const previous = event.ramp![i - 1];
      if (previous && step.from <= previous.from) {
        ctx.addIssue({ code: 'custom', path: ['ramp', i, 'from'], message: `tranches must be in date order: ${step.from} does not come after ${previous.from}` });
      }
    });
  });

/** Whether a contract event states its capacity in GW (at once or in its ramp's first tranche). */
export function contractInGw(event: { capacityGw?: number | undefined; ramp?: readonly { capacityGw?: number | undefined }[] | undefined }): boolean {
  return event.capacityGw !== undefined || event.ramp?.[0]?.capacityGw !== undefined;
}

const listing = z
  .object({
    ...common,
    type: z.literal('listing').describe('a cloud’s marketplace starts selling a model, e.g. Claude on Azure in 2025-11'),
    cloud: id.describe('cloud whose marketplace lists the model'),
    vendor: id.describe('vendor whose model is listed'),
    revenueShare: share.default(0).describe('share of each marketplace sale the cloud keeps (ignored for open weights)'),
  })
  .strict();

const delisting = z
  .object({
    ...common,
    type: z.literal('delisting').describe('a cloud’s marketplace stops selling a model; its buyers must move'),
    cloud: id.describe('cloud whose marketplace drops the model'),
    vendor: id.describe('vendor whose model is dropped'),
  })
  .strict();

const merger = z
  .object({
    ...common,
    type: z
      .literal('merger')
      .describe(
        'vertical integration: the vendor joins the cloud’s group, which buys out every other holder; a vendor merges once, into a cloud that holds a stake in it by then (or owns it)',
      ),
    cloud: id.describe('acquiring cloud'),
    vendor: id.describe('vendor acquired'),
  })
  .strict();

const capacityShock = z
  .object({
    ...common,
    type: z.literal('capacity-shock').describe('capacity lost or gained outside the capex cycle'),
    cloud: id.describe('cloud whose fleet changes'),
    gpuChange: z.number().min(-1).default(0).describe('relative change of the GPU fleet (−0.3 = lose 30 %)'),
    asicChange: z.number().min(-1).default(0).describe('relative change of the ASIC fleet'),
  })
  .strict();

const modelRelease = z
  .object({
    ...common,
    type: z.literal('model-release').describe('a vendor ships a model of a given quality'),
    vendor: id.describe('vendor shipping the model'),
    model: z.string().max(40).optional().describe('name of the model, for labels and reports ("GPT-5")'),
    quality: z.number().gt(0).optional().describe('new quality index (GPT-4, March 2023 = 1.0)'),
    qualityGain: z.number().gt(0).optional().describe('multiplier of the current quality, when quality is not given'),
    codingQuality: z
      .number()
      .gt(0)
      .optional()
      .describe('the model’s quality index for coding work (its SWE-bench Verified score at release, on quality’s scale). Default: the vendor’s coding quality × the release’s gain in quality (its edge or lag in coding carries over)'),
    tier: z
      .enum(['frontier', 'small'])
      .optional()
      .describe('which of the vendor’s models it replaces: frontier (its best), or small (its cheap tier: GPT-4o mini, Claude 3.5 Haiku, Gemini Flash). Default: frontier'),
    smallTierFollows: z
      .boolean()
      .optional()
      .describe('frontier only: whether the vendor’s small tier is lifted with it, keeping its ratios to the frontier (a small model distilled from it and shipped at once). Default false: the small tier stays the model it is until a small-tier release replaces it, as Claude 3.5 Haiku stayed through Claude 3.7 and 4. A model from the vendor’s own training (its training policy’s release) always lifts it'),
    priceUsdPerMTok: z
      .number()
      .gt(0)
      .optional()
      .describe('small tier only: its list price from this month, USD per MTok blended 3:1 (the frontier’s price is its pricing policy’s). Default: the small tier’s price as it stands; needed when the vendor had no small tier'),
    servingCostShare: z
      .number()
      .gt(0)
      .max(1)
      .optional()
      .describe('small tier only: the compute a token of it takes, as a share of a frontier token’s, 0..1. Default: as it stands; needed when the vendor had no small tier'),
  })
  .strict()
  .refine((e) => (e.quality === undefined) !== (e.qualityGain === undefined), 'give exactly one of quality and qualityGain')
  .refine((e) => e.tier === 'small' || (e.priceUsdPerMTok === undefined && e.servingCostShare === undefined), {
    message: 'priceUsdPerMTok and servingCostShare belong to a small-tier release (tier small); a frontier model’s price is its pricing policy’s',
  })
  .refine((e) => e.tier !== 'small' || e.smallTierFollows === undefined, {
    message: 'smallTierFollows belongs to a frontier release: a small-tier release is the small tier',
    path: ['smallTierFollows'],
  });

const policyChange = z
  .object({
    ...common,
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
      ctx.addIssue({ code: 'custom', path: ['slot'], message: `unknown policy slot ${quote(change.slot)} for ${change.agent}; valid: ${Object.keys(POLICY_SLOTS[kind] ?? {}).join(', ')}` });
      return z.NEVER;
    }
    const definition = findPolicy(role, change.policy.type);
    if (!definition) {
      ctx.addIssue({ code: 'custom', path: ['policy', 'type'], message: `unknown ${role} policy ${quote(change.policy.type)}; valid types: ${policyTypes(role).join(', ')}` });
      return z.NEVER;
    }
    const params = parsePolicyParams(definition, change.policy.params);
    if (!params.success) {
      for (const issue of params.error.issues) {
        ctx.addIssue({ code: 'custom', path: ['policy', 'params', ...issue.path.map(String)], message: issueInWords(issue) });
      }
      return z.NEVER;
    }
    return { ...change, policy: { type: change.policy.type, params: params.data } };
  });

export const SCHEDULED_EVENT_TYPES = [
  'investment',
  'deal-amendment',
  'compute-commitment',
  'compute-contract',
  'listing',
  'delisting',
  'merger',
  'capacity-shock',
  'model-release',
  'policy-change',
] as const;

export const scheduledEvent = z
  .discriminatedUnion('type', [investment, dealAmendment, computeCommitment, computeContract, listing, delisting, merger, capacityShock, modelRelease, policyChange])
  .describe(`a dated event: ${SCHEDULED_EVENT_TYPES.join(', ')}`);

export type ScheduledEvent = z.output<typeof scheduledEvent>;

/** An investment made before the run, with its conditions still in force at the start. */
export const dealAtStart = z
  .object({
    since: yearMonth.optional().describe('when the deal was struck, YYYY-MM (for the record)'),
    ...investorFields,
    vendor: id.describe('vendor invested in'),
    amountUsd: z.number().gt(0).describe('cash invested, USD'),
    equityShare: share.describe('equity held, 0..1'),
    status: dealStatus.default('none').describe('tie the investing cloud holds'),
    minAsicShare: share.default(0).describe('share of the vendor’s capacity at this cloud that must run on its ASICs'),
    permittedClouds: z.array(id).default([]).describe('under exclusivity, other clouds the vendor may buy compute from'),
    computeCommitmentUsd: z.number().min(0).default(0).describe('compute spend the vendor still owes the cloud at the start, USD'),
    commitmentMonths: z.number().int().min(1).max(MAX_MONTHS).default(36).describe('months left of that commitment’s term at the start'),
    note: z.string().max(2000).optional().describe('where the deal and its figures come from'),
  })
  .strict()
  .superRefine((deal, ctx) => {
    oneInvestor(deal, ctx);
    cloudOnlyConditions(deal, ctx);
    if (deal.computeCommitmentUsd > 0 && deal.cloud === undefined) {
      ctx.addIssue({ code: 'custom', path: ['computeCommitmentUsd'], message: 'a compute commitment at the start is owed to the investing cloud; use cloud' });
    }
  });

export type DealAtStart = z.output<typeof dealAtStart>;
