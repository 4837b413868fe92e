import { z } from 'zod';
import type { Focus } from './job-kind.js';

/** --vendor and --cloud of the kinds that take them, as a job records them. */

export const recordedFocus = z.object({ vendor: z.string().optional(), cloud: z.string().optional() }).strict();

/** The focus with its keys in one order, and without the ones left out. */
export function normaliseFocus(focus: { vendor?: string | undefined; cloud?: string | undefined }): Focus {
  return { ...(focus.vendor !== undefined ? { vendor: focus.vendor } : {}), ...(focus.cloud !== undefined ? { cloud: focus.cloud } : {}) };
}
