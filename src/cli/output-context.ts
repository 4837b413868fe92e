import type { JobCollector } from '../batch/collect.js';
import type { JobPlan } from '../batch/job.js';

/** What every writer gets: the finished job's results and the staging folder to fill. */
export interface OutputContext {
  readonly plan: JobPlan;
  readonly collector: JobCollector;
  readonly staging: string;
  readonly command: string;
  /** Where the staging folder will go, for the last line. */
  readonly outDir: string;
  /** True once Ctrl-C arrived: a writer stops between charts. */
  readonly stopped: () => boolean;
}

/** "a, b and c" */
export function listOf(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
