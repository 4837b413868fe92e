import { formatPath, type Path, type Segment } from './json-path.js';

/**
 * Where a path of a saved changes file lands in the scenario the page edits. The file holds only
 * what changed (config/scenario-changes.ts): in a list keyed by id (vendors, clouds, segments,
 * events) its entry 1 may be the scenario's vendor 6, and a marketplace listing is keyed by its
 * (cloud, vendor) pair. `npm run validate` names paths in the file; the page marks fields by
 * their paths in the scenario, so each list index is taken through the entry's key.
 */

/** "vendors[1].entersAt" → ["vendors", 1, "entersAt"]. */
export function parsePath(text: string): Path {
  const segments: Segment[] = [];
  for (const match of text.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) segments.push(match[2] !== undefined ? Number(match[2]) : match[1]!);
  return segments;
}

type Entry = Record<string, unknown>;

function isEntry(value: unknown): value is Entry {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The index in the scenario's list of the entry the file's list holds at `index`. */
function indexInScenario(fileList: unknown[], scenarioList: unknown[], index: number): number {
  const entry = fileList[index];
  if (!isEntry(entry)) return index;
  const matches = (other: unknown) =>
    isEntry(other) && (typeof entry.id === 'string' ? other.id === entry.id : typeof entry.cloud === 'string' && typeof entry.vendor === 'string' ? other.cloud === entry.cloud && other.vendor === entry.vendor : false);
  const found = scenarioList.findIndex(matches);
  return found < 0 ? index : found;
}

/** The scenario path (as formatPath writes it) of a path the changes file names. */
export function scenarioPathOf(changes: unknown, scenario: unknown, filePath: string): string {
  const path = parsePath(filePath);
  const out: Segment[] = [];
  let inFile: unknown = changes;
  let inScenario: unknown = scenario;
  for (const segment of path) {
    const at = typeof segment === 'number' && Array.isArray(inFile) && Array.isArray(inScenario) ? indexInScenario(inFile, inScenario, segment) : segment;
    out.push(at);
    inFile = isEntry(inFile) || Array.isArray(inFile) ? (inFile as Record<Segment, unknown>)[segment] : undefined;
    inScenario = isEntry(inScenario) || Array.isArray(inScenario) ? (inScenario as Record<Segment, unknown>)[at] : undefined;
  }
  return formatPath(out);
}
