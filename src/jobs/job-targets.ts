import { printableLine, printablePath } from '../io/json-text.js';
import { resolve } from 'node:path';
import { z } from 'zod';
import { asRun } from '../batch/job.js';
import { checkTargetsAgainst } from '../calibration/check-targets.js';
import { loadTargetsFile, parseTargetFile } from '../calibration/load-targets-file.js';
import type { Target } from '../calibration/target-file.js';
import type { Scenario } from '../config/parse-scenario.js';
import { tickToDate } from '../engine/calendar.js';
import { digestOfFile } from '../io/file-digest.js';
import { fsCause } from '../io/fs-errors.js';

/**
 * --targets of the kinds whose charts draw a targets file's figures (simulate, compare), as a job
 * records it: the file as the command line named it, its SHA-256, and its content, so that a job
 * run again from its manifest, or merged from shards, draws the same markers whatever became of
 * the file.
 */

export interface JobTargets {
  /** The targets file as the command line named it. */
  readonly file: string;
  /** "sha256:<64 hex digits>" of the file's bytes. */
  readonly sha256: string;
  /** The file's JSON as written (before defaults), valid against the targets file schema. */
  readonly content: unknown;
}

export const recordedTargets = z
  .object({
    file: z.string().min(1),
    sha256: z.string().regex(/^sha256:[0-9a-f]{64}$/, 'a SHA-256, sha256:<64 hex digits>'),
    content: z.unknown().superRefine((content, ctx) => {
      const parsed = parseTargetFile(content);
      if (!parsed.success) for (const p of parsed.problems) ctx.addIssue({ code: 'custom', message: `not a valid targets file: ${p.path}: ${p.message}` });
    }),
  })
  .strict();

/** The targets a job draws, in the file's order; none without --targets. */
export function targetsOfJob(targets: JobTargets | undefined): readonly Target[] {
  if (targets === undefined) return [];
  const parsed = parseTargetFile(targets.content);
  // A job's targets were checked when it was made, or when its manifest or partial result was read.
  if (!parsed.success) throw new Error(`${targets.file}: the recorded targets are not a valid targets file`);
  return parsed.file.targets;
}

/** A scenario the job runs, with the file that named it, for messages. */
export interface TargetedScenario {
  readonly scenario: Scenario;
  readonly file: string;
}

/**
 * Reads --targets as the calibrate command does (loadTargetsFile, checkTargetsAgainst) and checks
 * it against each scenario as the job runs it (--ticks included): every modelled target's months
 * lie within the run and its entity exists. The free parameters are the calibration's business, not
 * the charts'. Problems come back as the message to print, with each one's place in the file.
 */
export function loadJobTargets(
  file: string,
  scenarios: readonly TargetedScenario[],
  ticks: number | undefined,
): { success: true; targets: JobTargets } | { success: false; message: string } {
  const loaded = loadTargetsFile(file);
  if (!loaded.success) return { success: false, message: `${printablePath(file)} is not a valid targets file:\n${loaded.problems.map((p) => `  ${printableLine(`${p.path}: ${p.message}`)}`).join('\n')}` };
  const messages: string[] = [];
  for (const { scenario, file: configFile } of scenarios) {
    const run = asRun({ ...(ticks !== undefined ? { ticks } : {}) }, scenario);
    // With --ticks, the run's months are not the scenario's own: say which set them.
    const problems = checkTargetsAgainst({ ...loaded.file, free: [] }, run).map((p) =>
      ticks === undefined ? p : { ...p, message: p.message.replace('(start and months of the scenario)', `(the scenario's start, and --ticks ${ticks})`) },
    );
    if (problems.length === 0) continue;
    const hint =
      ticks !== undefined && problems.some((p) => /outside the run/.test(p.message))
        ? `\n  --ticks ${ticks} ends the run at ${tickToDate(run.start, run.months - 1)}: run more months, or name a targets file whose figures lie within the run`
        : '';
    messages.push(`${printablePath(file)} does not fit ${printablePath(configFile)}:\n${problems.map((p) => `  ${printableLine(`${p.path}: ${p.message}`)}`).join('\n')}${hint}`);
  }
  if (messages.length > 0) return { success: false, message: messages.join('\n') };
  let sha256: string;
  try {
    sha256 = digestOfFile(resolve(file)).sha256;
  } catch (error) {
    return { success: false, message: `${printablePath(file)}: ${fsCause(error)}` };
  }
  return { success: true, targets: { file, sha256, content: loaded.json } };
}
