import { compareKind } from './compare/kind.js';
import { discoverKind } from './discover/kind.js';
import type { JobKind, JobKinds } from './job-kind.js';
import { morrisKind } from './morris/kind.js';
import { sensitivityKind } from './sensitivity/kind.js';
import { simulateKind } from './simulate/kind.js';
import { sobolKind } from './sobol/kind.js';
import { sweepKind } from './sweep/kind.js';

/**
 * Every job kind by name, as `npm run <name>` and a manifest's `job.kind` name it. Adding a kind is
 * its folder and one line here. The order is the order a manifest's job is checked against them.
 */
export const JOB_KINDS: JobKinds = new Map<string, JobKind>([
  [simulateKind.name, simulateKind],
  [compareKind.name, compareKind],
  [sweepKind.name, sweepKind],
  [sensitivityKind.name, sensitivityKind],
  [sobolKind.name, sobolKind],
  [morrisKind.name, morrisKind],
  [discoverKind.name, discoverKind],
]);
