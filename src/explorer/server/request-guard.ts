import type { IncomingMessage } from 'node:http';
import { timingSafeEqual } from 'node:crypto';

/**
 * Who may talk to the explorer's server. A page on another site can make the browser send
 * requests to 127.0.0.1 (and, through DNS rebinding, read the answers), so every request must:
 * - name this server in its Host header (a rebound name such as attacker.example:8173 is refused);
 * - carry the token the server printed in its URL, as a cookie set when that URL was opened, a
 *   header, or the URL's own `token` parameter (as Jupyter does);
 * and a request that changes something (POST) must come from this server's own page: an Origin
 * header, when sent, naming this server, and a JSON body (a form on another site cannot send one).
 */

export const TOKEN_COOKIE = 'llm-market-sim-explorer';
export const TOKEN_HEADER = 'x-explorer-token';

export interface GuardSettings {
  /** host:port values a request may name, e.g. "127.0.0.1:8173", "localhost:8173" (served-addresses.ts). */
  readonly hosts: ReadonlySet<string>;
  readonly token: string;
}

export type Verdict = { readonly ok: true } | { readonly ok: false; readonly status: number; readonly message: string };

const OK: Verdict = { ok: true };

function sameToken(given: string | undefined, token: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function cookieToken(request: IncomingMessage): string | undefined {
  const cookies = request.headers.cookie ?? '';
  for (const part of cookies.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === TOKEN_COOKIE) return value.join('=');
  }
  return undefined;
}

export function checkRequest(request: IncomingMessage, url: URL, settings: GuardSettings): Verdict {
  const host = request.headers.host;
  if (host === undefined || !settings.hosts.has(host.toLowerCase())) {
    return { ok: false, status: 421, message: `this server answers to ${[...settings.hosts].join(', ')}, not to the host "${host ?? ''}"` };
  }
  const header = request.headers[TOKEN_HEADER];
  const given = cookieToken(request) ?? (typeof header === 'string' ? header : undefined) ?? url.searchParams.get('token') ?? undefined;
  const tokenOk = sameToken(cookieToken(request), settings.token) || sameToken(typeof header === 'string' ? header : undefined, settings.token) || sameToken(url.searchParams.get('token') ?? undefined, settings.token);
  if (!tokenOk) {
    return { ok: false, status: 403, message: given === undefined ? 'open the URL the server printed: it holds the token this server asks for' : 'wrong token: open the URL the server printed' };
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    const origin = request.headers.origin;
    if (origin !== undefined && !settings.hosts.has(originHost(origin))) {
      return { ok: false, status: 403, message: `a request from ${origin} may not change anything here; only this server's own page may` };
    }
    if (request.headers['sec-fetch-site'] === 'cross-site') return { ok: false, status: 403, message: 'a request from another site may not change anything here' };
  }
  return OK;
}

function originHost(origin: string): string {
  try {
    const url = new URL(origin);
    return url.protocol === 'http:' ? url.host.toLowerCase() : '';
  } catch {
    return '';
  }
}
