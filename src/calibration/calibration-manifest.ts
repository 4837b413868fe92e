import { z } from 'zod';
import type { Environment } from '../batch/manifest.js';
import { calibrationHash, ownFields, readCalibrationRecord, type CalibrationRecord } from './calibration-record.js';
import { FIT_CHECK_SEEDS } from './calibration-rounds.js';
import { issueInWords } from '../config/issue-words.js';

/**
 * A calibration's manifest.json: what ran (the record: the resolved scenario, the targets and the
 * digest of their file, the free parameters, budget, seeds), with what code, and how to run it
 * again. Like a job's manifest it holds no clock time and no output path, so a calibration run on
 * one machine and one merged from shards write the same file; `npm run calibrate -- manifest.json`
 * runs it again, bound to its calibrationHash so an edited manifest is refused.
 */

export const CALIBRATION_MANIFEST_FORMAT = 'llm-market-sim calibration manifest 1';

export function calibrationManifestJson(record: CalibrationRecord, command: string, environment: Environment): string {
  const manifest = {
    format: CALIBRATION_MANIFEST_FORMAT,
    command,
    rerun: 'npm run calibrate -- path/to/manifest.json',
    packageVersion: environment.packageVersion,
    node: environment.node,
    git: environment.git,
    calibrationHash: calibrationHash(record),
    // Every point's seeds, and the fit's.
    seeds: Array.from({ length: record.runs }, (_, i) => record.seed + i),
    fitSeeds: Array.from({ length: FIT_CHECK_SEEDS }, (_, i) => record.seed + i),
    calibration: ownFields(record),
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

export function isCalibrationManifest(json: unknown): boolean {
  return json !== null && typeof json === 'object' && (json as { format?: unknown }).format === CALIBRATION_MANIFEST_FORMAT;
}

const manifestShape = z
  .object({
    format: z.literal(CALIBRATION_MANIFEST_FORMAT),
    command: z.string().min(1),
    calibrationHash: z.string().regex(/^sha256:[0-9a-f]{64}$/, 'a calibration hash, sha256:<64 hex digits>'),
    calibration: z.unknown(),
  })
  .passthrough();

export type CalibrationManifestResult = { success: true; record: CalibrationRecord; command: string } | { success: false; problems: string[] };

/** The calibration a manifest records, checked as its config and targets file were, and against its calibrationHash. */
export function parseCalibrationManifest(json: unknown): CalibrationManifestResult {
  const shape = manifestShape.safeParse(json);
  if (!shape.success) return { success: false, problems: shape.error.issues.map((issue) => `${issue.path.map(String).join('.') || '(top level)'}: ${issueInWords(issue)}`) };
  const read = readCalibrationRecord(shape.data.calibration, 'calibration');
  if (!read.success) return read;
  const found = calibrationHash(read.record);
  if (found !== shape.data.calibrationHash) {
    return {
      success: false,
      problems: [
        `calibrationHash: the manifest records ${shape.data.calibrationHash}, but its calibration hashes to ${found}: it was edited after the manifest was written. ` +
          `Restore the manifest as it was written, or run from the config and targets files, as it was made: ${shape.data.command}`,
      ],
    };
  }
  return { success: true, record: read.record, command: shape.data.command };
}
