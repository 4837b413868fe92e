import { statSync } from 'node:fs';
import { PROJECT_ROOT } from './project-root.js';

/**
 * The size in bytes of a file shipped with the tool (`configs/baseline.json`), for messages that
 * compare a file with it: measured when said, so the figure cannot drift from the file. Undefined
 * where the file is not (a copy of the code without its configs).
 */
export function shippedFileBytes(path: string): number | undefined {
  try {
    const stat = statSync(`${PROJECT_ROOT}${path}`);
    return stat.isFile() ? stat.size : undefined;
  } catch {
    return undefined;
  }
}

/** "41.4 KB", as the size limits are given in decimal units. */
export function kilobytes(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} KB`;
}
