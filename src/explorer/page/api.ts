import type { Scenario } from '../../config/parse-scenario.js';

/** The server's few endpoints, as the page calls them. Errors come back as the server's sentence. */

export interface Opened {
  readonly file: string;
  readonly json: unknown;
  readonly scenario: Scenario;
  readonly text?: string;
}

export type Answer<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly status: number; readonly message: string };

async function call<T>(path: string, body?: unknown): Promise<Answer<T>> {
  const response = await fetch(path, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const json = (await response.json()) as T & { error?: string };
  return response.ok ? { ok: true, value: json } : { ok: false, status: response.status, message: json.error ?? response.statusText };
}

export const api = {
  configs: () => call<{ configs: string[]; opened: string }>('/api/configs'),
  open: (name: string) => call<Opened>(`/api/config?name=${encodeURIComponent(name)}`),
  /** A draft that is not a valid scenario is an answer too, with the report npm run validate would print. */
  check: (base: string, name: string, changes: unknown) => call<(Opened & { readonly valid: true }) | { readonly valid: false; readonly report: string }>('/api/check', { base, name, changes }),
  save: (base: string, name: string, changes: unknown, overwrite: boolean) => call<{ file: string; text: string }>('/api/save', { base, name, changes, ...(overwrite && { overwrite }) }),
};
