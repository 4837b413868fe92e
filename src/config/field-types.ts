import { z } from 'zod';

/**
 * Field types shared by the scenario's schemas. A month is a pattern rather than a refinement so
 * that JSON Schema carries it too and editors underline "2024-13" as it is typed.
 */
export const YEAR_MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

export const yearMonth = z.string().regex(YEAR_MONTH_PATTERN, 'a month as YYYY-MM, e.g. 2024-01');

/** A vendor, cloud or segment id. */
export const id = z.string().regex(/^[a-z][a-z0-9-]*$/, 'an id of lower-case letters, digits and dashes');

export const share = z.number().min(0).max(1);

/**
 * The largest amount any field takes (USD, MTok, people): 1e15 is ten times world GDP in USD, so
 * beyond any figure of this market; larger inputs overflow to Infinity within a run.
 */
export const MAX_AMOUNT = 1e15;
const AMOUNT_MESSAGE = `at most ${MAX_AMOUNT.toExponential(0)}, beyond any figure of this market (world GDP is about 1e14 USD)`;

/** An amount greater than 0, bounded by MAX_AMOUNT. */
export const positiveAmount = z.number().gt(0).max(MAX_AMOUNT, AMOUNT_MESSAGE);
/** An amount of 0 or more, bounded by MAX_AMOUNT. */
export const nonNegativeAmount = z.number().min(0).max(MAX_AMOUNT, AMOUNT_MESSAGE);
