import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { bundlePage, type PageBundle } from './bundle.js';
import { ConfigStore, type StoreResult } from './config-store.js';
import { DEFAULT_PORT } from './explore-args.js';
import { pageHtml } from './page-html.js';
import { checkRequest, TOKEN_COOKIE, type GuardSettings } from './request-guard.js';
import { servedAddresses } from './served-addresses.js';

/**
 * The explorer's local server: the page, its two scripts and its font from memory (nothing else of the disk
 * is served, so no path can reach outside them), the configs folder's list, a config opened or a
 * draft checked by the command line's own loader, and a draft written into the folder. Every
 * request passes request-guard.ts first; a bad one gets a 4xx and a sentence, never a crash.
 */

/** Largest request body: a draft holds only what changed, far below a whole config's 10 MB. */
export const MAX_BODY_BYTES = 1024 * 1024;

export interface ExplorerOptions {
  /** The config opened first, a file name in the configs folder. */
  readonly config: string;
  readonly host: string;
  /** A port named by the user: refused with a message when taken. Without it, DEFAULT_PORT or a free one. */
  readonly port?: number;
  readonly configsDir: string;
  /** Given in tests; random otherwise. */
  readonly token?: string;
  /** The port tried first when none is named (DEFAULT_PORT); tests name another. */
  readonly defaultPort?: number;
  /** Built once by the caller when several servers share it (tests). */
  readonly bundle?: PageBundle;
}

export interface RunningExplorer {
  readonly url: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

export class PortTaken extends Error {}

const SECURITY_HEADERS = {
  'content-security-policy': "default-src 'none'; script-src 'self'; worker-src 'self'; connect-src 'self'; font-src 'self'; style-src 'unsafe-inline'; img-src 'self' data: blob:; form-action 'none'; frame-ancestors 'none'; base-uri 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
  'x-frame-options': 'DENY',
};

class BadRequest extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

export async function startExplorer(options: ExplorerOptions): Promise<RunningExplorer> {
  const bundle = options.bundle ?? (await bundlePage());
  const store = new ConfigStore(options.configsDir);
  const token = options.token ?? randomBytes(24).toString('base64url');
  let guard: GuardSettings = { hosts: new Set(), token };
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => send(response, 500, { error: `the explorer failed on this request: ${(error as Error).message}` }));
  });
  // A request the HTTP parser refuses (a broken request line, oversized headers) gets a 400, never a crash.
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\ncontent-type: text/plain\r\nconnection: close\r\n\r\nnot an HTTP request this server reads\n');
    else socket.destroy();
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const raw = request.url ?? '/';
    // Only the page's own few paths are served, matched exactly: anything with an encoding, a dot
    // segment or a backslash is refused before it is looked at.
    if (!raw.startsWith('/') || /%|\\|\/\.|\/\//.test(raw.split('?')[0]!)) return send(response, 400, { error: 'not a path this server serves' });
    const url = new URL(raw, 'http://explorer.invalid');
    const verdict = checkRequest(request, url, guard);
    if (!verdict.ok) return send(response, verdict.status, { error: verdict.message });
    const route = `${request.method} ${url.pathname}`;
    try {
      switch (route) {
        case 'GET /':
          response.writeHead(200, { ...SECURITY_HEADERS, 'content-type': 'text/html; charset=utf-8', 'set-cookie': `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/` });
          response.end(pageHtml({ config: options.config }));
          return;
        case 'GET /api/configs':
          return send(response, 200, { configs: store.list(), opened: options.config });
        case 'GET /api/config':
          return reply(response, store.open(url.searchParams.get('name')));
        case 'POST /api/check': {
          // An invalid draft is a valid request: its answer is the report, as npm run validate prints it.
          const checked = store.check(await jsonBody(request));
          if (!checked.ok && checked.status === 422) return send(response, 200, { valid: false, report: checked.message });
          return reply(response, checked.ok ? { ok: true, value: { valid: true, ...checked.value } } : checked);
        }
        case 'POST /api/save':
          return reply(response, store.save(await jsonBody(request)));
        default: {
          const file = request.method === 'GET' ? bundle.files.get(url.pathname) : undefined;
          if (file === undefined) return send(response, request.method === 'GET' || request.method === 'POST' ? 404 : 405, { error: `no ${route} here` });
          response.writeHead(200, { ...SECURITY_HEADERS, 'content-type': file.contentType });
          response.end(file.body);
        }
      }
    } catch (error) {
      if (error instanceof BadRequest) {
        // The rest of an oversized body is not read: the connection closes after the answer.
        if (error.status === 413) response.setHeader('connection', 'close');
        return send(response, error.status, { error: error.message });
      }
      throw error;
    }
  }

  const port = await listen(server, options);
  const served = servedAddresses(options.host, port);
  guard = { hosts: served.hosts, token };
  return {
    url: `http://${served.shown}:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function listen(server: Server, options: ExplorerOptions): Promise<number> {
  const attempt = (port: number) =>
    new Promise<number>((resolve, reject) => {
      const onError = (error: NodeJS.ErrnoException) => {
        server.off('listening', onListening);
        reject(error);
      };
      const onListening = () => {
        server.off('error', onError);
        resolve((server.address() as AddressInfo).port);
      };
      server.once('error', onError);
      server.once('listening', onListening);
      server.listen(port, options.host);
    });
  if (options.port !== undefined) {
    return attempt(options.port).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') throw new PortTaken(`port ${options.port} on ${options.host} is taken by another program: name another with --port, or leave --port out to get a free one`);
      if (error.code === 'EACCES') throw new PortTaken(`port ${options.port} on ${options.host} needs privileges this user lacks: name a port above 1023`);
      throw error;
    });
  }
  return attempt(options.defaultPort ?? DEFAULT_PORT).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EADDRINUSE' || error.code === 'EACCES') return attempt(0);
    throw error;
  });
}

function send(response: ServerResponse, status: number, body: unknown): void {
  if (response.headersSent) return void response.end();
  response.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
}

function reply<T>(response: ServerResponse, result: StoreResult<T>): void {
  if (result.ok) send(response, 200, result.value);
  else send(response, result.status, { error: result.message });
}

async function jsonBody(request: IncomingMessage): Promise<{ base: unknown; name: unknown; changes: unknown; overwrite?: boolean }> {
  const type = request.headers['content-type'] ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) throw new BadRequest(415, 'send the request body as JSON (content-type: application/json)');
  const declared = Number(request.headers['content-length'] ?? Number.NaN);
  if (declared > MAX_BODY_BYTES) throw new BadRequest(413, `a request body holds at most ${MAX_BODY_BYTES} bytes; this one declares ${declared}`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new BadRequest(413, `a request body holds at most ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk as Buffer);
  }
  let body: unknown;
  try {
    body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch (error) {
    throw new BadRequest(400, `the request body is not JSON: ${(error as Error).message}`);
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new BadRequest(400, 'the request body must be a JSON object');
  const { base, name, changes, overwrite } = body as Record<string, unknown>;
  return { base, name, changes, ...(overwrite === true && { overwrite: true }) };
}
