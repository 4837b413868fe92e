/**
 * What a link reopens, kept in the URL's fragment (never sent to the server): the config, the
 * changes made to it, the name a save would use, the month shown, the pinned references and how
 * they are drawn. The token stays in the query, where the server put it.
 */

export interface PageState {
  readonly config: string;
  readonly name: string;
  readonly changes: Record<string, unknown>;
  /** Months shown; undefined for the whole run. */
  readonly month?: number;
  /** The changes of each pinned reference run (to the same config), in the order pinned; undefined for none. */
  readonly references?: readonly Record<string, unknown>[];
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
  if (state.references !== undefined) params.set('references', JSON.stringify(state.references));
  if (state.difference) params.set('difference', '1');
  if (state.runs !== undefined && state.runs > 1) params.set('runs', String(state.runs));
  return `#${params.toString()}`;
}

export function readState(hash: string): Partial<PageState> {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const parsed = (key: string): unknown => {
    const text = params.get(key);
    if (text === null) return undefined;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return undefined;
    }
  };
  const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);
  const json = (key: string): Record<string, unknown> | undefined => {
    const value = parsed(key);
    return isObject(value) ? value : undefined;
  };
  // A link made before several references could be pinned holds one, as `reference`.
  const list = parsed('references');
  const references = Array.isArray(list) ? list.filter(isObject) : json('reference') !== undefined ? [json('reference')!] : undefined;
  const month = Number(params.get('month'));
  const runs = Number(params.get('runs'));
  const changes = json('changes');
  return {
    ...(params.get('config') !== null && { config: params.get('config')! }),
    ...(params.get('name') !== null && { name: params.get('name')! }),
    ...(changes !== undefined && { changes }),
    ...(Number.isInteger(month) && month > 0 && { month }),
    ...(references !== undefined && { references }),
    difference: params.get('difference') === '1',
    ...([4, 8, 16].includes(runs) && { runs }),
  };
}
