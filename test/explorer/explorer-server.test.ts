import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect, createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatProblems } from '../../src/config/format-problems.js';
import { loadScenarioFile } from '../../src/config/load-scenario-file.js';
import { bundlePage, type PageBundle } from '../../src/explorer/server/bundle.js';
import { parseExploreArgs } from '../../src/explorer/server/explore-args.js';
import { MAX_BODY_BYTES, PortTaken, startExplorer, type RunningExplorer } from '../../src/explorer/server/explorer-server.js';
import { TOKEN_COOKIE } from '../../src/explorer/server/request-guard.js';
import { servedAddresses } from '../../src/explorer/server/served-addresses.js';

/** One request as a browser, curl or an attacker's page would send it: raw path, any headers. */
function send(port: number, options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer; address?: string }): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: options.address ?? '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: { host: `127.0.0.1:${port}`, ...options.headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
    });
    req.on('error', reject);
    if (options.body !== undefined) req.end(options.body);
    else req.end();
  });
}

const TOKEN = 'test-token-0123456789';
let bundle: PageBundle;
let explorer: RunningExplorer;
let folder: string;
let port: number;
const auth = { 'x-explorer-token': TOKEN };
const json = { ...auth, 'content-type': 'application/json' };
const post = (path: string, body: unknown, headers: Record<string, string> = json) => send(port, { method: 'POST', path, headers, body: JSON.stringify(body) });
const postTo = (at: number, path: string, body: unknown, headers: Record<string, string>) => send(at, { method: 'POST', path, headers, body: JSON.stringify(body) });

beforeAll(async () => {
  bundle = await bundlePage();
  folder = mkdtempSync(join(tmpdir(), 'explorer-configs-'));
  for (const file of readdirSync('configs')) if (file.endsWith('.json')) copyFileSync(join('configs', file), join(folder, file));
  explorer = await startExplorer({ config: 'baseline.json', host: '127.0.0.1', configsDir: folder, token: TOKEN, bundle, defaultPort: 0 });
  port = explorer.port;
}, 60_000);

afterAll(async () => {
  await explorer?.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('explorer-server', () => {
  it('binds to this machine alone unless --host says otherwise, and prints a URL holding its token', () => {
    const parsed = parseExploreArgs([]);
    expect(parsed.success && parsed.args.host).toBe('127.0.0.1');
    expect(explorer.url).toBe(`http://127.0.0.1:${port}/?token=${TOKEN}`);
  });

  it('serves the page, both bundles and its font with its licence, with no resource from anywhere else', async () => {
    const page = await send(port, { path: `/?token=${TOKEN}` });
    expect(page.status).toBe(200);
    expect(page.headers['set-cookie']).toEqual([expect.stringContaining(`${TOKEN_COOKIE}=${TOKEN}; HttpOnly; SameSite=Strict`)]);
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.headers['content-security-policy']).toContain("font-src 'self'");
    expect(page.body).toContain("@font-face { font-family: 'DejaVu Sans'; src: url('/fonts/dejavu-sans.woff2')");
    expect(page.body).not.toMatch(/https?:\/\//);
    const cookie = { cookie: `${TOKEN_COOKIE}=${TOKEN}` };
    for (const script of ['/app.js', '/worker.js']) {
      const served = await send(port, { path: script, headers: cookie });
      expect(served.status).toBe(200);
      expect(served.body).not.toMatch(/(src|href|import\(|importScripts\()\s*=?\s*["']https?:/);
    }
    for (const font of ['/fonts/dejavu-sans.woff2', '/fonts/dejavu-sans-bold.woff2']) {
      const served = await send(port, { path: font, headers: cookie });
      expect(served.status, font).toBe(200);
      expect(served.headers['content-type'], font).toBe('font/woff2');
      expect(served.body.slice(0, 4), font).toBe('wOF2');
    }
    const licence = await send(port, { path: '/fonts/LICENSE', headers: cookie });
    expect(licence.status).toBe(200);
    expect(licence.body).toContain('Bitstream Vera Fonts Copyright');
  });

  it('bundles a page and a worker whose code reaches no Node API', () => {
    for (const file of ['/app.js', '/worker.js']) {
      const code = bundle.files.get(file)!.body.toString('utf8');
      expect(code, file).not.toMatch(/require\(["'](node:)?(fs|process|worker_threads|path|os|child_process)["']\)/);
      expect(code, file).not.toMatch(/\bprocess\.(env|cwd|argv|exit|stdout|stderr|on)\b/);
    }
  });

  it('refuses a Host header naming another site (DNS rebinding), and answers to localhost', async () => {
    const rebound = await send(port, { path: '/api/configs', headers: { ...auth, host: `attacker.example:${port}` } });
    expect(rebound.status).toBe(421);
    expect(JSON.parse(rebound.body).error).toContain('attacker.example');
    expect((await send(port, { path: '/api/configs', headers: { ...auth, host: `localhost:${port}` } })).status).toBe(200);
    expect((await send(port, { path: '/api/configs', headers: { ...auth, host: `127.0.0.1:${port + 1}` } })).status).toBe(421);
  });

  it("bound to every interface, answers to the printed URL's host, localhost and 127.0.0.1, and still refuses any other name", async () => {
    const everywhere = await startExplorer({ config: 'baseline.json', host: '0.0.0.0', configsDir: folder, token: TOKEN, bundle, defaultPort: 0 });
    try {
      const url = new URL(everywhere.url);
      const at = everywhere.port;
      expect(url.hostname).not.toBe('0.0.0.0');
      expect(url.searchParams.get('token')).toBe(TOKEN);
      // Reached where the URL says, naming it; and on loopback by either name.
      expect((await send(at, { path: '/api/configs', address: url.hostname, headers: { ...auth, host: url.host } })).status).toBe(200);
      for (const host of [`localhost:${at}`, `127.0.0.1:${at}`]) expect((await send(at, { path: '/api/configs', headers: { ...auth, host } })).status, host).toBe(200);
      for (const host of [`attacker.example:${at}`, `0.0.0.0:${at}`, `${url.hostname}:${at + 1}`, `localhost`]) {
        const refused = await send(at, { path: '/api/configs', address: url.hostname, headers: { ...auth, host } });
        expect(refused.status, host).toBe(421);
      }
      // A change from its own page, opened at the printed URL, is taken; one from another site still is not.
      const draft = { base: 'baseline.json', name: 'from-everywhere', changes: {} };
      expect((await postTo(at, '/api/check', draft, { ...json, host: url.host, origin: url.origin })).status).toBe(200);
      expect((await postTo(at, '/api/check', draft, { ...json, host: url.host, origin: 'http://attacker.example' })).status).toBe(403);
    } finally {
      await everywhere.close();
    }
  });

  it('names the addresses of every interface a wildcard bind reaches, IPv6 ones only when bound to ::', () => {
    const interfaces = {
      lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true }, { address: '::1', family: 'IPv6', internal: true, scopeid: 0 }],
      eth0: [{ address: '192.0.2.2', family: 'IPv4', internal: false }, { address: 'fd00::2', family: 'IPv6', internal: false, scopeid: 0 }, { address: 'fe80::1', family: 'IPv6', internal: false, scopeid: 4 }],
    } as never;
    const v4 = servedAddresses('0.0.0.0', 8173, interfaces);
    expect(v4.shown).toBe('192.0.2.2');
    expect([...v4.hosts].sort()).toEqual(['127.0.0.1:8173', '192.0.2.2:8173', 'localhost:8173']);
    const both = servedAddresses('::', 8173, interfaces);
    expect([...both.hosts].sort()).toEqual(['127.0.0.1:8173', '192.0.2.2:8173', '[::1]:8173', '[fd00::2]:8173', 'localhost:8173']);
    // A machine with no network: the URL is loopback's.
    expect(servedAddresses('0.0.0.0', 8173, { lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true }] } as never).shown).toBe('127.0.0.1');
    // One address named: that one alone.
    expect([...servedAddresses('192.0.2.2', 8173, interfaces).hosts]).toEqual(['192.0.2.2:8173']);
  });

  it('refuses a request without the token, or with a wrong one', async () => {
    expect((await send(port, { path: '/' })).status).toBe(403);
    expect((await send(port, { path: '/app.js', headers: { 'x-explorer-token': 'nope' } })).status).toBe(403);
    expect((await send(port, { path: '/api/configs', headers: { cookie: `${TOKEN_COOKIE}=${TOKEN}x` } })).status).toBe(403);
  });

  it("refuses a change requested by another site's page, and takes one from its own", async () => {
    const draft = { base: 'baseline.json', name: 'from-elsewhere', changes: {} };
    const foreign = await post('/api/save', draft, { ...json, origin: 'http://attacker.example' });
    expect(foreign.status).toBe(403);
    expect((await post('/api/save', draft, { ...json, 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect(existsSync(join(folder, 'from-elsewhere.json'))).toBe(false);
    expect((await post('/api/check', draft, { ...json, origin: `http://127.0.0.1:${port}` })).status).toBe(200);
    // A form on another site cannot send JSON: a form's body is refused.
    expect((await post('/api/save', draft, { ...auth, 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(415);
  });

  it('serves nothing outside its bundle, however the path is written', async () => {
    for (const path of ['/../package.json', '/%2e%2e/package.json', '/..%2fpackage.json', '/app.js/..%2f..%2fpackage.json', '/%2fetc%2fpasswd', '//etc/passwd', '/.%2e/.%2e/package.json', '/..\\package.json', '/src/cli/explore.ts', '/configs/baseline.json', '/node_modules/chart.js/package.json']) {
      const answer = await send(port, { path, headers: auth });
      expect([400, 404], path).toContain(answer.status);
      expect(answer.body, path).not.toContain('"name"');
      expect(answer.body, path).not.toContain('root:');
    }
  });

  it('opens only a config file of its folder: no path, no symlink', async () => {
    symlinkSync(join(process.cwd(), 'package.json'), join(folder, 'linked.json'));
    for (const name of ['../package.json', '..%2Fpackage.json', '/etc/passwd', 'linked.json', 'schema', '']) {
      const answer = await send(port, { path: `/api/config?name=${encodeURIComponent(name)}`, headers: auth });
      expect([400, 404], name).toContain(answer.status);
      expect(JSON.parse(answer.body).error).toBeTruthy();
    }
    const list = JSON.parse((await send(port, { path: '/api/configs', headers: auth })).body) as { configs: string[] };
    expect(list.configs).toContain('baseline.json');
    expect(list.configs).not.toContain('linked.json');
    expect(list.configs).not.toContain('schema.json');
  });

  it("shows an invalid draft in the words of npm run validate, from the same code", async () => {
    const answer = await post('/api/check', { base: 'baseline.json', name: 'bad-months', changes: { months: -3, vendors: [{ id: 'openai', priceUsdPerMTok: 'cheap' }] } });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body).valid).toBe(false);
    const message = JSON.parse(answer.body).report as string;
    writeFileSync(join(folder, 'bad-months.json'), JSON.stringify({ $schema: './schema.json', extends: 'baseline.json', name: 'bad-months', description: 'x', months: -3, vendors: [{ id: 'openai', priceUsdPerMTok: 'cheap' }] }));
    const cli = loadScenarioFile(join(folder, 'bad-months.json'));
    expect(cli.success).toBe(false);
    if (!cli.success) expect(message).toBe(formatProblems(cli.file, cli.problems));
    expect(message).toMatch(/bad-months\.json is not a valid scenario \(2 problems\):\n {2}months: /);
    rmSync(join(folder, 'bad-months.json'));
  });

  it('writes only into its folder, under a checked name, and never over a file it did not write unless told to', async () => {
    for (const name of ['../escaped', 'a/b', 'Capital', '.hidden', 'x'.repeat(65), 'baseline']) {
      const answer = await post('/api/save', { base: 'baseline.json', name, changes: {} });
      expect(answer.status, name).toBe(400);
    }
    expect(existsSync(join(folder, '..', 'escaped.json'))).toBe(false);
    const first = await post('/api/save', { base: 'baseline.json', name: 'explored', changes: { months: 24 } });
    expect(first.status).toBe(200);
    expect(JSON.parse(readFileSync(join(folder, 'explored.json'), 'utf8'))).toMatchObject({ extends: 'baseline.json', name: 'explored', months: 24 });
    // Its own file it may write again; another's only when asked to.
    expect((await post('/api/save', { base: 'baseline.json', name: 'explored', changes: { months: 25 } })).status).toBe(200);
    const theirs = await post('/api/save', { base: 'baseline.json', name: 'commoditized', changes: {} });
    expect(theirs.status).toBe(409);
    expect(JSON.parse(theirs.body).error).toContain('not written by this explorer');
    expect(readFileSync(join(folder, 'commoditized.json'), 'utf8')).toBe(readFileSync('configs/commoditized.json', 'utf8'));
    symlinkSync('/tmp/explorer-should-not-exist.json', join(folder, 'trap.json'));
    expect((await post('/api/save', { base: 'baseline.json', name: 'trap', changes: {} })).status).toBe(409);
    expect((await post('/api/save', { base: 'baseline.json', name: 'trap', changes: {}, overwrite: true })).status).toBe(409);
    expect(existsSync('/tmp/explorer-should-not-exist.json')).toBe(false);
    expect((await post('/api/save', { base: 'baseline.json', name: 'commoditized', changes: { months: 30 }, overwrite: true })).status).toBe(200);
  });

  it('caps request bodies and answers bad ones with a 4xx and a sentence, and keeps serving', async () => {
    const big = await send(port, { method: 'POST', path: '/api/check', headers: json, body: Buffer.alloc(MAX_BODY_BYTES + 10, 32) });
    expect(big.status).toBe(413);
    expect((await send(port, { method: 'POST', path: '/api/check', headers: json, body: '{"base":' })).status).toBe(400);
    expect((await send(port, { method: 'POST', path: '/api/check', headers: json, body: '[1]' })).status).toBe(400);
    expect((await post('/api/check', { base: 42, name: 'x', changes: {} })).status).toBe(400);
    expect((await post('/api/check', { base: 'baseline.json', name: 'x', changes: 'months' })).status).toBe(400);
    expect((await send(port, { method: 'DELETE', path: '/api/configs', headers: auth })).status).toBe(405);
    const raw = await new Promise<string>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => socket.write('NOT HTTP AT ALL\r\n\r\n'));
      let text = '';
      socket.on('data', (d) => (text += d.toString()));
      socket.on('close', () => resolve(text));
    });
    expect(raw).toMatch(/^HTTP\/1\.1 400/);
    expect((await send(port, { path: '/api/configs', headers: auth })).status).toBe(200);
  });

  it('takes a free port when the default one is taken, and refuses a named port that is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const taken = (blocker.address() as AddressInfo).port;
    const other = await startExplorer({ config: 'baseline.json', host: '127.0.0.1', configsDir: folder, bundle, defaultPort: taken });
    expect(other.port).not.toBe(taken);
    await other.close();
    await expect(startExplorer({ config: 'baseline.json', host: '127.0.0.1', configsDir: folder, bundle, port: taken })).rejects.toThrow(PortTaken);
    await expect(startExplorer({ config: 'baseline.json', host: '127.0.0.1', configsDir: folder, bundle, port: taken })).rejects.toThrow(`port ${taken} on 127.0.0.1 is taken`);
    const cli = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/explore.ts', '--port', String(taken)], { encoding: 'utf8', timeout: 30_000 });
    expect(cli.status).toBe(2);
    expect(cli.stderr).toContain(`error: port ${taken} on 127.0.0.1 is taken by another program`);
    blocker.close();
  }, 40_000);
});
