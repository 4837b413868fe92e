import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The names of the JSON files in the folder of a path, to find the one a mistyped path meant
 * (configs/basline.json → baseline.json); none when the folder cannot be read (the error about the
 * path says why anyway).
 */
export function siblingJsonFiles(path: string): string[] {
  try {
    return readdirSync(dirname(path)).filter((name) => name.endsWith('.json'));
  } catch {
    return [];
  }
}
