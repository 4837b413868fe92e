import { z } from 'zod';
import { yearMonth, id as anyId, share, positiveAmount, nonNegativeAmount } from './field-types.js';
import { LIMIT_REASONS, MAX_CLOUDS, MAX_ENTERPRISES, MAX_LISTINGS, MAX_MONTHS, MAX_SEGMENTS, MAX_VENDORS } from './limits.js';
import { MIN_INTEGRATION_COST_SHARE } from '../agents/value-bounds.js';
import { policySpec } from './policy-spec.js';
import { dealAtStart, scheduledEvent } from './schedule-schema.js';
import { uncertainParameters } from './uncertain-schema.js';

const id = anyId.describe('id: lower-case letters, digits and dashes');
const positive = positiveAmount;
const nonNegative = nonNegativeAmount;

/** A log-normal spread of a quantity across enterprises. */
const spread = (unit: string) =>
  z
    .object({
      median: positive.describe(`median, ${unit}`),
      logSd: z
        .number()
        .min(0)
        .max(3, 'at most 3: a spread of e^3 = 20 times per standard deviation; wider ones overflow')
        .default(0)
        .describe('standard deviation of the natural logarithm (0 = everyone at the median), 0..3'),
    })
    .strict()
    .describe(`log-normal spread across the segment’s enterprises of ${unit}`);

const computeMarket = z
  .object({
    gpuCostUsdPerMTok: positive
      .min(1e-6, 'at least 0.000001 USD, a millionth of a dollar (the record’s is about $1.8): below it a month’s tokens overflow to Infinity')
      .describe('cloud’s cost of 1 MTok/month of inference capacity on Nvidia GPUs at the start, USD'),
    gpuCostDeclinePerYear: z
      .number()
      .min(0)
      .max(0.9, 'at most 0.9: a cost that falls 100 % a year is nothing within months, and every price with it')
      .describe('yearly fall of that cost from newer GPUs and better serving software, share per year 0..0.9'),
    asicMaxAdvantage: share.describe('cost advantage of a fully mature ASIC over GPUs (0.4 = 40 % cheaper)'),
    asicMaturityScaleUsd: positive.describe('ASIC capex that closes 63 % of the remaining maturity gap, USD'),
    capexMonthsOfCost: positive.describe('capex to build 1 MTok/month of capacity, in months of its running cost'),
    distillationReach: z
      .number()
      .min(0)
      .max(1.5, 'at most 1.5: a small model half as good again as the frontier it was distilled from has never been seen')
      .default(0)
      .describe(
        'what a closed vendor’s small tier reaches when it trains a new frontier generation: its new small model is distilled to this share of the outgoing frontier’s quality (text and coding each), at the small tier’s price and serving cost, and never above the new frontier. The compute a given capability takes falls with each generation. 0 (default): the small tier is lifted in step with the frontier only, 0..1.5',
      ),
  })
  .strict()
  .describe('cost of inference compute, shared by every cloud');

const cloud = z
  .object({
    id,
    name: z.string().optional().describe('display name'),
    enterpriseShare: nonNegative.describe('weight of enterprises whose primary cloud this is (normalised across clouds)'),
    gpuCapacityMTok: nonNegative.describe('GPU fleet at the start, MTok of inference per month'),
    asicCapacityMTok: nonNegative.describe('own-ASIC fleet at the start, MTok of inference per month'),
    asicMaturity: share.describe('ASIC programme maturity at the start, 0..1'),
    buildLeadMonths: z
      .number()
      .int()
      .min(0)
      .max(120)
      .default(12)
      .describe('months to build capacity a contract calls for beyond the free fleet (data-centre build time: 12–24 months from ground-breaking to first racks, e.g. Stargate Abilene); until then that part is delivered late'),
    buildRampMonths: z
      .number()
      .int()
      .min(1)
      .max(60)
      .default(12)
      .describe('months over which capacity built for a contract comes into service, in equal monthly tranches from its first racks (a campus energised building by building: Stargate Abilene, first ~200 MW in mid-2025, 1.2 GW planned by mid-2026)'),
    policies: z
      .object({
        offer: policySpec('cloud-offer'),
        capex: policySpec('cloud-capex'),
        hostingPricing: policySpec('cloud-hosting-pricing'),
        investment: policySpec('cloud-investment').optional(),
        marketplace: policySpec('cloud-marketplace').optional(),
      })
      .strict()
      .describe('the cloud’s decision rules, each a policy { type, params }'),
  })
  .strict();

const computeHolding = z
  .object({
    cloud: id.describe('cloud the contract is with'),
    capacityMTok: positive.describe('reserved inference capacity, MTok per month'),
    months: z.number().int().min(1).max(MAX_MONTHS).describe('months the contract still runs from the start'),
  })
  .strict()
  .describe('a compute contract the vendor holds at the start, priced by the cloud’s offer policy');

const consumerApp = z
  .object({
    brand: share.describe('consumer brand strength at the start, 0..1'),
    subscribers: nonNegative.describe('paying subscribers at the start'),
    weeklyUsers: nonNegative
      .optional()
      .describe('people who use the app in a week at the start, paying ones included (at least its subscribers); with consumers.weeklyUsers, those who do not pay are its free users. Default: its subscribers (no free users)'),
  })
  .strict()
  .describe('the vendor’s consumer chat subscription (ChatGPT, Claude, ...); absent = none');

/**
 * Enterprises that will not run a vendor's models whatever their value: a security or
 * data-residency policy (DeepSeek, 2025: 52 % of Netskope's clients blocked it, about 70 % of
 * Armis's asked to; Bloomberg, 30 Jan 2025). Each enterprise draws once whether it refuses.
 */
const enterpriseRefusal = z
  .object({
    share: share.describe('share of enterprises that refuse the vendor, 0..1, drawn once per enterprise'),
    source: z.string().max(2000).optional().describe('where the share comes from (sources, as reported)'),
  })
  .strict()
  .optional()
  .describe('enterprises that refuse the vendor outright: they never adopt, add or move to its models, at any price or quality. Absent: none refuses it');

const entersAt = yearMonth
  .optional()
  .describe('month the vendor comes to market, YYYY-MM (DeepSeek: 2025-01); its other fields describe it then. Default: there from the start');

/**
 * A closed vendor's cheap tier (GPT-4o mini, Claude Haiku, Gemini Flash): its own quality, list
 * price and serving cost. Enterprises choose it as they choose models; a frontier release lifts it in
 * step, a frontier price change moves its price in step, and a small-tier release replaces it.
 */
const smallTier = z
  .object({
    quality: positive.describe('quality index of the small model at the start (GPT-4, March 2023 = 1.0)'),
    codingQuality: positive.optional().describe('its quality index for coding work. Default: its quality'),
    priceUsdPerMTok: positive.describe('its list price at the start, blended 3:1 input:output, USD per MTok'),
    servingCostShare: z
      .number()
      .gt(0)
      .max(1)
      .describe('the compute a token of it takes, as a share of a frontier token’s (a model of a tenth of the active parameters: about 0.1), 0..1'),
    source: z.string().max(2000).optional().describe('where the figures come from (sources, as reported)'),
  })
  .strict()
  .describe('the vendor’s small tier at the start; absent = one model only (a small-tier model-release can bring one in later)');

const closedVendor = z
  .object({
    id,
    name: z.string().optional().describe('display name'),
    weights: z.literal('closed').describe('closed weights: the vendor sells an API and buys compute'),
    quality: positive.describe('capability index at the start (GPT-4, March 2023 = 1.0)'),
    codingQuality: positive
      .optional()
      .describe('capability index for coding work at the start, on quality’s scale. Default: its quality (no edge or lag in coding)'),
    priceUsdPerMTok: positive.describe('API list price at the start, blended 3:1 input:output, USD per MTok'),
    smallTier: smallTier.optional(),
    consumerApp: consumerApp.optional(),
    owner: id.optional().describe('cloud whose group owns the vendor (gemini: gcp); it can favour the vendor on its marketplace'),
    cashUsd: nonNegative.default(0).describe('cash on hand at the start, USD'),
    trainingStockUsd: nonNegative
      .default(0)
      .describe('training compute used before the run (every training run and experiment to date), USD at the start’s hardware price: the stock the capital-plan training policy grows quality from'),
    valuationRevenueMultiple: positive
      .default(25)
      .describe('valuation as a multiple of ARR (a ratio), for funding rounds and clouds’ stakes; with valuationGrowthElasticity, the multiple at valuationReferenceGrowth'),
    valuationGrowthElasticity: nonNegative
      .max(5)
      .default(0)
      .describe('elasticity of the multiple to revenue growth: multiple × (growth over the last 12 months ÷ valuationReferenceGrowth)^this, growth taken between 1 (flat) and valuationReferenceGrowth, so the multiple is at most valuationRevenueMultiple (0 = one multiple whatever the growth)'),
    valuationReferenceGrowth: z
      .number()
      .min(1)
      .max(10)
      .default(3)
      .describe('annual revenue growth, a ratio (3 = tripling in a year), at and above which valuationRevenueMultiple applies'),
    computeClouds: z.array(id).min(1).max(MAX_CLOUDS).describe('clouds the vendor asks for compute, in order of preference'),
    compute: z.array(computeHolding).max(MAX_CLOUDS * 4).describe('compute contracts held at the start'),
    policies: z
      .object({
        pricing: policySpec('vendor-pricing'),
        compute: policySpec('vendor-compute'),
        training: policySpec('vendor-training'),
        funding: policySpec('vendor-funding').optional(),
      })
      .strict()
      .describe('the vendor’s decision rules, each a policy { type, params }'),
    enterpriseRefusal,
    entersAt,
  })
  .strict();

const openVendor = z
  .object({
    id,
    name: z.string().optional().describe('display name'),
    weights: z.literal('open').describe('open weights: clouds host the model and keep its whole price'),
    quality: positive.describe('capability index at the start (GPT-4, March 2023 = 1.0)'),
    codingQuality: positive
      .optional()
      .describe('capability index for coding work at the start, on quality’s scale. Default: its quality (no edge or lag in coding)'),
    trainingStockUsd: nonNegative
      .default(0)
      .describe('training compute used before the run (every training run and experiment to date), USD at the start’s hardware price: the stock the capital-plan training policy grows quality from'),
    policies: z.object({ training: policySpec('vendor-training') }).strict().describe('the open-weights maker’s decision rules: only training'),
    enterpriseRefusal,
    entersAt,
  })
  .strict();

const listing = z
  .object({
    cloud: id.describe('cloud whose marketplace lists the model'),
    vendor: id.describe('vendor whose model is listed'),
    revenueShare: share.default(0).describe('share of each marketplace sale the cloud keeps (ignored for open weights)'),
  })
  .strict();

/**
 * The stretch of the run the config scripts from the record: until `until`, model releases and
 * investment rounds happen only as its dated events; the agents' own release and funding decisions
 * take over the month after.
 */
const history = z
  .object({
    until: yearMonth.describe('last month of scripted history, YYYY-MM'),
    scripts: z
      .array(z.enum(['model-release', 'investment']))
      .default(['model-release', 'investment'])
      .describe('decisions the record makes until then: model-release (vendors ship only scripted models), investment (rounds and cloud investments only as scripted)'),
    note: z.string().max(2000).optional().describe('what the history is taken from'),
  })
  .strict()
  .describe('the months the config scripts from the record, and which decisions the record makes in them');

const segment = z
  .object({
    id,
    share: share.describe('share of the simulated enterprises in this segment'),
    demandMTokPerMonth: spread('MTok per month in production at the start'),
    // Value per token is value per task ÷ tokens per task (docs/model.md, "Value of a task").
    valueUsdPerTask: spread(
      'USD of value one task brings when done by the best model of the month at an ordinary fit, at most twice that with a better fit (minutes of skilled work saved: Brynjolfsson, Li & Raymond 2023, NBER w31161, +14 % support resolutions an hour)',
    ),
    mTokPerTask: z
      .object({
        atStart: positive.describe('MTok one task takes at the start (prompt with retrieved context, answer)'),
        growthPerYear: nonNegative
          .max(20)
          .describe('growth of tokens per task per year as longer contexts, agents and reasoning spread (Epoch AI, Apr 2025: answers ×2.2 a year without reasoning, ×5 with it; a16z/OpenRouter, Dec 2025: prompts ×4, outputs ×3 over 2025)'),
      })
      .strict()
      .describe('tokens one task takes, MTok, and how fast that grows'),
    integrationCostShare: z
      .number()
      .min(MIN_INTEGRATION_COST_SHARE)
      .max(1)
      .describe(
        'the enterprise’s own running cost of a task (people, integration), as a share of the task’s value, at least 0.2; counted with tokens on the cost side of ROI, so that no adopter returns more than 2 / 0.2 − 1 = 9 per $1 (IDC for Microsoft 2024: $3.7 back per $1 on average, $10.3 for the top 5 %, spend counting people and integration; Menlo Ventures 2024: model APIs about a quarter of enterprise GenAI spend)',
      ),
    qualityWeight: z
      .object({
        min: nonNegative.describe('lowest exponent on quality in the segment (0 = price only)'),
        max: nonNegative.describe('highest exponent on quality in the segment'),
      })
      .strict()
      .describe(
        'range of the exponent w on quality in a task’s value = valueUsdPerTask × (quality / best quality of the month)^w (0 = price only); on the Elo scale of the qualities (quality ∝ 10^(Elo/3000)) w = 7.5 × (1 − P), P the share of its tasks the best model gets done (a Rasch model; docs/model.md §6), so 7.5 bounds it',
      ),
    switchingCostUsd: spread('USD, one-off cost of moving the deployment an enterprise has at the start to another model; a deployment running more tasks costs that many times more to move (a16z 2025: switching gets harder as workflows are built around a model)'),
    marketplaceShare: share.describe('share of the segment buying through its cloud’s marketplace rather than direct'),
    marketplaceSwitchingCostFactor: positive
      .default(1)
      .describe('switching cost of a marketplace buyer relative to a direct buyer (the cloud keeps the relationship: switching is nearer one line of code)'),
    note: z.string().max(2000).optional().describe('where the segment’s figures come from'),
  })
  .strict()
  .describe('a kind of enterprise, with the spread of its traits');

const enterprises = z
  .object({
    count: z
      .number()
      .int()
      .min(1)
      .max(MAX_ENTERPRISES, { error: (issue) => LIMIT_REASONS.enterprises(issue.input) })
      .describe(`simulated enterprises (resolution, not market size), at most ${MAX_ENTERPRISES.toLocaleString('en-US')}`),
    represents: positive.describe('real enterprises the simulated ones stand for (scales money and tokens): the population adopters are bounded by'),
    representsSource: z.string().max(2000).optional().describe('where the number of real enterprises comes from (a source, as reported, or how it was calibrated)'),
    adoptedAtStart: share.describe('share of enterprises already in production at the start'),
    demandGrowthPerYear: nonNegative.describe('growth of each adopter’s token demand per year at constant price'),
    priceElasticity: z
      .number()
      .min(0)
      .max(5, 'at most 5: beyond it a price cut multiplies demand past any fleet and overflows')
      .describe('−d ln(tokens) / d ln(price) of an adopter’s demand, 0..5'),
    referencePriceUsdPerMTok: positive.describe('price at which demand equals its base level, USD per MTok'),
    brandPremium: nonNegative.default(0).describe('extra value enterprises see per unit of a vendor’s consumer brand (0.2 = +20 % at brand 1)'),
    openWeightsValueFactor: positive
      .max(1)
      .default(1)
      .describe('value of an open-weights model relative to a closed one of equal quality, net of the hosting, tuning and support it needs'),
    openWeightsControl: z
      .object({
        premium: nonNegative
          .max(3, 'at most 3: open weights worth 4 times a closed model of equal quality')
          .describe('extra value of an open-weights model at the run’s start for the control it gives (own hosting, fine-tuning, data kept in house), on top of openWeightsValueFactor: 0.5 = worth 1.5 times as much'),
        declinePerYear: share
          .max(0.99, 'below 1: a premium that vanishes in a month is 0 premium')
          .describe('share of that premium lost each year as long context and prompting replace fine-tuning, 0..0.99: 0.75 leaves a quarter after a year'),
        source: z.string().max(2000).optional().describe('where the premium and its decline come from (sources, or how they were fitted)'),
      })
      .strict()
      .default({ premium: 0, declinePerYear: 0 })
      .describe('the control premium of open weights, fading over the run. Absent: none'),
    codingShare: share
      .default(0)
      .describe('share of enterprise work that is coding, 0..1: enterprises value a model at quality^(1 − this) × codingQuality^this (a weighted geometric mean, so a blend of its text and coding Elo). 0 = text quality only'),
    tasteDispersion: z
      .number()
      .min(0)
      .max(3, 'at most 3: a fit that varies e^3 = 20 times per standard deviation; wider ones overflow')
      .describe('log-sd of each enterprise’s idiosyncratic fit with each model, 0..3'),
    segments: z.array(segment).min(1).max(MAX_SEGMENTS).describe('kinds of enterprise; shares add up to 1'),
    policies: z
      .object({
        adoption: policySpec('enterprise-adoption'),
        switching: policySpec('enterprise-switching'),
        allocation: policySpec('enterprise-allocation').optional().describe('how an adopter spreads its work over vendors; single-vendor when left out'),
        upgrade: policySpec('enterprise-upgrade').optional().describe('how an adopter moves to a vendor’s newer model; immediate when left out'),
        demand: policySpec('enterprise-demand').optional().describe('what an adopter’s token demand grows with beyond time; steady when left out'),
      })
      .strict()
      .describe('how enterprises adopt AI, switch models, spread their work over vendors, upgrade and grow their demand, each a policy { type, params }'),
  })
  .strict()
  .describe('the enterprise customers, simulated one by one');

/**
 * The people who could ever pay for a chat assistant: the ceiling the paying market approaches.
 * Its figures name their source in `source` (the baseline's: ITU's people online in 2024, and the
 * share of them a mature consumer subscription category reaches).
 */
const addressableMarket = z
  .object({
    peopleOnline: positive.describe('people using the Internet, a count: the population a chat app can reach'),
    payingShare: z
      .number()
      .gt(0)
      .max(1)
      .describe('share of the people online who would ever pay for a chat assistant, 0..1'),
    source: z.string().max(2000).optional().describe('where both figures come from (sources, as reported)'),
  })
  .strict()
  .describe('the addressable market of paying subscribers: peopleOnline × payingShare, the ceiling the market approaches');

/**
 * The apps' weekly users, paying and free. Free users (weekly users less subscribers) pay nothing
 * and are served on the vendor's own capacity: a cost in its gross margin (ChatGPT: ~500 million
 * weekly users in March 2025, a few percent paying).
 */
const weeklyUsers = z
  .object({
    growthPerYear: nonNegative.describe(
      'growth of the apps’ weekly users per year while far from their ceiling: the rate of their logistic approach to peopleOnline × weeklyShare',
    ),
    weeklyShare: z
      .number()
      .gt(0)
      .max(1)
      .describe('share of the people online who would ever use a chat assistant in a week, 0..1: the ceiling of weekly users (addressableMarket.peopleOnline × this)'),
    mTokPerFreeUserPerMonth: nonNegative.describe(
      'tokens a free weekly user consumes a month at the start, MTok (rate limits and smaller default models keep it below a subscriber’s); grows with usageGrowthPerYear',
    ),
    source: z.string().max(2000).optional().describe('where the figures come from (sources, as reported)'),
  })
  .strict()
  .describe('the apps’ weekly users: each app’s share of them moves as its share of subscribers does (the consumer policy); its free users are its weekly users less its subscribers. Absent: apps have no free users');

const consumers = z
  .object({
    subscribersAtStart: nonNegative.describe('paying chat-app subscribers across all apps at the start: the sum of the apps’ subscribers'),
    addressableMarket,
    growthPerYear: nonNegative.describe(
      'growth of the paying subscriber market per year while it is far from its ceiling: the rate of its logistic approach to the addressable market',
    ),
    priceUsdPerMonth: nonNegative.describe('subscription price, USD per month'),
    mTokPerSubscriberPerMonth: nonNegative.describe(
      'tokens a paying subscriber consumes a month at the start, MTok (without weeklyUsers, include the free users each paying one carries)',
    ),
    usageGrowthPerYear: nonNegative
      .default(0)
      .describe('growth of tokens per user per year, paying and free (longer chats, reasoning models), at constant hardware cost: usageCostElasticity adds what falling costs give back'),
    usageCostElasticity: nonNegative
      .max(3)
      .default(0)
      .describe(
        'how far the apps give back what cheaper hardware saves as more tokens per user (reasoning by default, higher free limits): tokens per user grow by a further (1 − compute.gpuCostDeclinePerYear)^(−elasticity) a year; 1 spends every dollar saved on tokens, 0 keeps usage to usageGrowthPerYear',
      ),
    weeklyUsers: weeklyUsers.optional(),
    policy: policySpec('consumer-choice'),
  })
  .strict()
  .describe('the aggregate consumer subscription market');

export const scenarioSchema = z
  .object({
    $schema: z.string().optional().describe('path of the JSON Schema, for editors'),
    extends: z.string().optional().describe('parent scenario file this one overrides (resolved before validation)'),
    branchesAt: yearMonth
      .optional()
      .describe('month this scenario branches from its parent (extends): before it the run is the parent’s exactly; its changes take effect from it'),
    name: id.describe('scenario name; outputs go to output/<name>/'),
    description: z.string().default('').describe('what the scenario asks, in a sentence or two'),
    seed: z.number().int().min(0).max(2 ** 32 - 1).default(1).describe('seed of every random stream'),
    start: yearMonth.describe('first simulated month, YYYY-MM'),
    calibratedThrough: z
      .object({
        month: yearMonth.describe('last month, YYYY-MM, to which the scenario’s growth rates are sourced'),
        note: z.string().max(2000).optional().describe('why the window ends there: the horizon beyond which the rates have no source'),
      })
      .strict()
      .optional()
      .describe('the calibrated window: a run going past its month says so once on the console and in report.md, since the months after it extrapolate rates with no source'),
    months: z
      .number()
      .int()
      .min(1)
      .max(MAX_MONTHS, { error: (issue) => LIMIT_REASONS.months(issue.input) })
      .describe(`months to simulate, at most ${MAX_MONTHS}`),
    compute: computeMarket,
    clouds: z.array(cloud).min(1).max(MAX_CLOUDS).describe('cloud hyperscalers'),
    vendors: z
      .array(z.discriminatedUnion('weights', [closedVendor, openVendor]))
      .min(1)
      .max(MAX_VENDORS)
      .describe('model vendors, closed or open weights'),
    marketplace: z.array(listing).max(MAX_LISTINGS).describe('which models each cloud lists, and its revenue share'),
    enterprises,
    consumers,
    history: history.optional(),
    dealsAtStart: z.array(dealAtStart).max(1000).default([]).describe('investments in vendors made before the start, in force at the start'),
    events: z
      .array(scheduledEvent)
      .max(10_000)
      .default([])
      .describe(
        'dated events scripting history or a scenario: investments, deal amendments, compute commitments and contracts, listings, mergers, capacity shocks, model releases, policy changes',
      ),
    // Optional without a default, so that a scenario that declares none resolves (and hashes) as before.
    uncertain: uncertainParameters.optional(),
  })
  .strict();

export type ScenarioInput = z.input<typeof scenarioSchema>;
export type ScenarioShape = z.output<typeof scenarioSchema>;
