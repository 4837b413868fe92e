/**
 * What a link reopens, kept in the URL's fragment (never sent to the server): the config, the
 * changes made to it, the name a save would use, the month shown, the reference and how it is
 * drawn. The token stays in the query, where the server put it.
 */

export interface PageState {
  readonly config: string;
  readonly name: string;
  readonly changes: Record<string, unknown>;
  /** Months shown; undefined for the whole run. */
  readonly month?: number;
  /** The changes of the pinned reference run (to the same config); undefined for none. */
  readonly reference?: Record<string, unknown>;
  readonly difference: boolean;
  /** Runs of the current settings, one per seed; 1 when absent. */
  readonly runs?: number;
}

export function writeState(state: PageState): string {
  const params = new URLSearchParams();
  params.set('config', state.config);
  params.set('name', state.name);
  if (Object.keys(state.changes).length > 0) params.set('changes', JSON.stringify(state.changes));
  if (state.month !== undefined) params.set('month', String(state.month));
  if (state.reference !== undefined) params.set('reference', JSON.stringify(state.reference));
  if (state.difference) params.set('difference', '1');
  if (state.runs !== undefined && state.runs > 1) params.set('runs', String(state.runs));
  return `#${params.toString()}`;
}

export function readState(hash: string): Partial<PageState> {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const json = (key: string): Record<string, unknown> | undefined => {
    const text = params.get(key);
    if (text === null) return undefined;
    try {
      const value = JSON.parse(text) as unknown;
      return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
    } catch {
      return undefined;
    }
  };
  const month = Number(params.get('month'));
  const runs = Number(params.get('runs'));
  const changes = json('changes');
  const reference = json('reference');
  return {
    ...(params.get('config') !== null && { config: params.get('config')! }),
    ...(params.get('name') !== null && { name: params.get('name')! }),
    ...(changes !== undefined && { changes }),
    ...(Number.isInteger(month) && month > 0 && { month }),
    ...(reference !== undefined && { reference }),
    difference: params.get('difference') === '1',
    ...([4, 8, 16].includes(runs) && { runs }),
  };
}
