import type { MonthBooks } from './month-books.js';
import type { Violation } from './violation.js';

/**
 * Every number in the month's world is finite: a NaN or an Infinity stops the run, named by its
 * path in the state (`vendors.openai.books.revenueShareUsd`), rather than vanishing from the outputs.
 */
export function stateIsFinite(books: MonthBooks): Violation[] {
  // Checked without paths first (every month); the paths are built only for a state that fails.
  if (allFinite(books.world)) return [];
  const found: Violation[] = [];
  walk(books.world, '', found);
  return found;
}

function allFinite(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (value === null || typeof value !== 'object') return true;
  if (Array.isArray(value)) {
    for (const item of value) if (!allFinite(item)) return false;
    return true;
  }
  for (const key in value) if (!allFinite((value as Record<string, unknown>)[key])) return false;
  return true;
}

function walk(value: unknown, path: string, found: Violation[]): void {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) found.push({ invariant: 'stateIsFinite', entity: entityOf(path), message: `${path} is ${value}` });
    return;
  }
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    value.forEach((item, i) => walk(item, `${path}[${i}]`, found));
    return;
  }
  for (const [key, item] of Object.entries(value)) walk(item, path === '' ? key : `${path}.${key}`, found);
}

/** `vendors.openai.books.x` → openai; `clouds.azure.y` → azure; anything else → market. */
function entityOf(path: string): string {
  const [collection, id] = path.split('.');
  return (collection === 'vendors' || collection === 'clouds') && id !== undefined ? id.replace(/\[.*$/, '') : 'market';
}
