import { z } from 'zod';

/**
 * A scenario's uncertain parameters: numbers whose value is not known but whose plausible range
 * is, each with the source of that range. `simulate --runs N --uncertain` draws them with the seed
 * (second-order Monte Carlo). What the schema alone cannot check (that the path names a number of
 * the scenario, that the range stays within that number's valid range) is in uncertain-rules.ts.
 */

/** More factors than any analysis of this market would vary together. */
export const MAX_UNCERTAIN = 256;

export const DISTRIBUTION_TYPES = ['uniform', 'log-uniform', 'triangular', 'normal'] as const;
export type DistributionType = (typeof DISTRIBUTION_TYPES)[number];

const finite = (what: string) => z.number({ error: `${what}: a number` }).describe(what);

/** Every refinement reports on the field that would have to change. */
const belowHi = (d: { lo: number; hi: number }, ctx: z.core.$RefinementCtx) => {
  if (!(d.lo < d.hi)) ctx.addIssue({ code: 'custom', path: ['hi'], message: `hi (${d.hi}) must be above lo (${d.lo}): a range of one value is not uncertain; drop the entry to keep the value as it is` });
};

const uniform = z
  .object({ type: z.literal('uniform').describe('every value from lo to hi equally likely'), lo: finite('lowest value, in the parameter’s own unit (USD, MTok, a share, ...)'), hi: finite('highest value, in the parameter’s own unit (USD, MTok, a share, ...)') })
  .strict()
  .superRefine(belowHi)
  .describe('every value from lo to hi equally likely');

const logUniform = z
  .object({
    type: z.literal('log-uniform').describe('ln of the value uniform from ln lo to ln hi'),
    lo: z.number().gt(0, 'above 0: a log-uniform range spans orders of magnitude, so lo > 0').describe('lowest value, in the parameter’s own unit (USD, MTok, a share, ...)'),
    hi: finite('highest value, in the parameter’s own unit (USD, MTok, a share, ...)'),
  })
  .strict()
  .superRefine(belowHi)
  .describe('the logarithm uniform from ln lo to ln hi: every factor of ten in the range equally likely (median √(lo·hi)); for figures known to an order of magnitude');

const triangular = z
  .object({ type: z.literal('triangular').describe('density peaking at mode'), lo: finite('lowest value, in the parameter’s own unit (USD, MTok, a share, ...)'), mode: finite('most likely value, in the parameter’s own unit (USD, MTok, a share, ...)'), hi: finite('highest value, in the parameter’s own unit (USD, MTok, a share, ...)') })
  .strict()
  .superRefine((d, ctx) => {
    belowHi(d, ctx);
    if (d.lo < d.hi && !(d.mode >= d.lo && d.mode <= d.hi)) {
      ctx.addIssue({ code: 'custom', path: ['mode'], message: `mode (${d.mode}) must lie from lo to hi (${d.lo}..${d.hi})` });
    }
  })
  .describe('density rising linearly from lo to mode and falling to hi: a best guess with its bounds');

const normal = z
  .object({
    type: z.literal('normal').describe('normal, truncated to the field’s valid range'),
    mean: finite('mean, in the parameter’s own unit (USD, MTok, a share, ...)'),
    sd: z.number().gt(0, 'above 0: a standard deviation of 0 is no uncertainty; drop the entry to keep the value').describe('standard deviation, in the parameter’s own unit (USD, MTok, a share, ...)'),
  })
  .strict()
  .describe('normal with this mean and standard deviation, truncated to the parameter’s valid range (a reported figure ± its standard error)');

export const distribution = z
  .discriminatedUnion('type', [uniform, logUniform, triangular, normal], {
    error: (issue) =>
      issue.code === 'invalid_union' ? `a distribution's type is one of ${DISTRIBUTION_TYPES.join(', ')}, e.g. { "type": "uniform", "lo": 0.1, "hi": 0.3 }` : undefined,
  })
  .describe(`the values the parameter may take: { "type": one of ${DISTRIBUTION_TYPES.join(', ')}, and its numbers }`);

export type Distribution = z.output<typeof distribution>;

export const uncertainParameter = z
  .object({
    path: z
      .string()
      .describe('the numeric field, as sweeps name it: keys and ids with dots, e.g. enterprises.priceElasticity or vendors.openai.policies.pricing.params.markup; "*" for every entry of a list, several numbers moving together (enterprises.segments.*.switchingCostUsd.median)'),
    distribution,
    source: z
      .string({ error: 'where the range comes from: a source, as reported (the spread of the figure), or the command that fitted it' })
      .trim()
      .min(1, 'where the range comes from: a source, as reported (the spread of the figure), or the command that fitted it; it cannot be empty')
      .max(2000)
      .describe('where the range comes from (required): the spread of a reported figure, or the interval of a calibration'),
  })
  .strict()
  .describe('a parameter whose value is uncertain, the distribution of its plausible values and where that comes from');

export type UncertainParameter = z.output<typeof uncertainParameter>;

export const uncertainParameters = z
  .array(uncertainParameter)
  .max(MAX_UNCERTAIN)
  .describe(
    'parameters whose value is uncertain, each with a distribution and its source: `simulate --runs N --uncertain` draws them with the seed of each run (second-order Monte Carlo). Absent: none',
  );
