import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { buildErrorMessage, ensureBuild } from '../../scripts/compile-src.mjs';
import { filesOf, tinyConfigs } from '../e2e/tiny-configs.js';
import { launch, launchableProject } from '../support/launch-project.js';
import { PROJECT_ROOT, runCli } from '../support/run-cli.js';

const build = ensureBuild;

type Tiny = ReturnType<typeof tinyConfigs>;

/** A project of two commands' worth: src/cli/hello.ts printing what src/engine/greeting.ts says. */
function tinyProject(): string {
  const root = mkdtempSync(join(tmpdir(), 'llm-sim-launch-'));
  writeFileSync(join(root, 'tsconfig.json'), JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', strict: true } }));
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  write('src/engine/greeting.ts', "export const greeting: string = 'hello';\n");
  write('src/cli/hello.ts', "import { greeting } from '../engine/greeting.js';\nprocess.stdout.write(`${greeting}\\n`);\n");
  write('src/cli/unused.ts', 'export const unused: number = 1;\n');
  return root;
}

function runBuilt(root: string): string {
  const run = spawnSync(process.execPath, [join(root, 'dist/cli/hello.js')], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  return run.stdout;
}

/** Sets a file's modification time `seconds` from now, as an editor or a checkout would. */
function touch(path: string, seconds: number): void {
  const at = Date.now() / 1000 + seconds;
  utimesSync(path, at, at);
}

describe('scripts/compile-src.mjs: src/ compiled to dist/ whenever it is not of the current sources', () => {
  it('compiles a fresh tree, then leaves an up-to-date build alone', async () => {
    const root = tinyProject();
    expect(await build(root)).toBe(true);
    expect(runBuilt(root)).toBe('hello\n');
    const stamp = statSync(join(root, 'dist/.build-stamp.json')).mtimeMs;
    expect(await build(root)).toBe(false);
    expect(statSync(join(root, 'dist/.build-stamp.json')).mtimeMs).toBe(stamp);
  });

  it('compiles again when a source is edited, and the command runs the edit', async () => {
    const root = tinyProject();
    await build(root);
    writeFileSync(join(root, 'src/engine/greeting.ts'), "export const greeting: string = 'hello again';\n");
    touch(join(root, 'src/engine/greeting.ts'), 5);
    expect(await build(root)).toBe(true);
    expect(runBuilt(root)).toBe('hello again\n');
  });

  it('compiles again for a source put back older than the build, a new file, a deleted one, and an edited tsconfig.json', async () => {
    const root = tinyProject();
    await build(root);
    // A file restored from elsewhere with its old time: older than the build, yet not what was built.
    writeFileSync(join(root, 'src/engine/greeting.ts'), "export const greeting: string = 'restored';\n");
    touch(join(root, 'src/engine/greeting.ts'), -3600);
    expect(await build(root)).toBe(true);
    expect(runBuilt(root)).toBe('restored\n');
    writeFileSync(join(root, 'src/engine/extra.ts'), 'export const extra = 2;\n');
    expect(await build(root)).toBe(true);
    rmSync(join(root, 'src/cli/unused.ts'));
    expect(await build(root)).toBe(true);
    expect(existsSync(join(root, 'dist/cli/unused.js'))).toBe(false);
    touch(join(root, 'tsconfig.json'), 5);
    expect(await build(root)).toBe(true);
    expect(await build(root)).toBe(false);
  });

  it('refuses a source that does not compile, naming the file and the line, and leaves the last build in place', async () => {
    const root = tinyProject();
    await build(root);
    writeFileSync(join(root, 'src/engine/greeting.ts'), "export const greeting: string = 'unclosed;\n");
    const error = await build(root).then(() => undefined, (reason: unknown) => reason);
    expect(buildErrorMessage(error)).toBe('src/engine/greeting.ts:1:42: Unterminated string literal');
    expect(runBuilt(root)).toBe('hello\n');
    expect(readdirSync(root).sort()).toEqual(['dist', 'src', 'tsconfig.json']);
    // Once fixed, it compiles.
    writeFileSync(join(root, 'src/engine/greeting.ts'), "export const greeting: string = 'fixed';\n");
    expect(await build(root)).toBe(true);
    expect(runBuilt(root)).toBe('fixed\n');
  });

  it('compiles once for two commands started at once, and neither runs a half-written build', async () => {
    const root = tinyProject();
    const both = await Promise.all([build(root), build(root)]);
    expect(both.sort()).toEqual([false, true]);
    expect(runBuilt(root)).toBe('hello\n');
    // Nothing left of the build's own folders, nor the lock.
    expect(readdirSync(root).sort()).toEqual(['dist', 'src', 'tsconfig.json']);
  });

  it('lets commands started while another compiles, each a process of its own, all run the same build, on a missing and on a stale dist/ (the tasks of a SLURM array on one node)', async () => {
    // 200 modules to compile: some hundreds of milliseconds, over which 12 commands start 40 ms apart.
    const root = launchableProject({ parts: 200 });
    onTestFinished(() => rmSync(root, { recursive: true, force: true }));
    const staggered = async () => {
      const started: number[] = [];
      const runs = await Promise.all(
        Array.from({ length: 12 }, (_, i) => i).map(async (i) => {
          await new Promise((resolve) => setTimeout(resolve, 40 * i));
          started.push(Date.now());
          return launch(root, ['hello']);
        }),
      );
      // The build was put in place after two or more of them had started: they found dist/ missing or stale.
      const placed = statSync(join(root, 'dist/.build-stamp.json')).mtimeMs;
      expect(started.filter((at) => at < placed).length).toBeGreaterThanOrEqual(2);
      return runs;
    };
    for (const run of await staggered()) expect(run).toEqual({ status: 0, stdout: 'hello\n', stderr: '' });
    writeFileSync(join(root, 'src/engine/greeting.ts'), "export const greeting: string = 'hello again';\n");
    touch(join(root, 'src/engine/greeting.ts'), 5);
    for (const run of await staggered()) expect(run).toEqual({ status: 0, stdout: 'hello again\n', stderr: '' });
    // Nothing left of the build's own folders, nor the lock.
    expect(readdirSync(root).sort()).toEqual(['dist', 'node_modules', 'package.json', 'scripts', 'src', 'tsconfig.json']);
  }, 60_000);

  it("clears what a command killed while compiling left behind", async () => {
    const root = tinyProject();
    mkdirSync(join(root, 'dist.building-999999999'));
    mkdirSync(join(root, 'dist.old-999999999'));
    expect(await build(root)).toBe(true);
    expect(readdirSync(root).sort()).toEqual(['dist', 'src', 'tsconfig.json']);
  });
});

describe('scripts/launch.mjs: the npm scripts run the compiled commands', () => {
  const { scripts } = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const commands = Object.entries(scripts).filter(([, script]) => script.includes('src/cli/') || script.includes('launch.mjs'));

  it('every command of package.json runs src/cli/<command>.ts through the launcher, with exec', () => {
    expect(commands.map(([name]) => name)).toEqual(expect.arrayContaining(['calibrate', 'compare', 'discover', 'explore', 'merge', 'morris', 'sensitivity', 'simulate', 'sobol', 'sweep', 'validate']));
    for (const [name, script] of commands) {
      expect(script).toBe(`exec node scripts/launch.mjs ${name}`);
      expect(existsSync(join(PROJECT_ROOT, 'src/cli', `${name}.ts`))).toBe(true);
    }
  });

  it('refuses an unknown command with exit code 2, naming the commands there are', () => {
    const run = spawnSync(process.execPath, ['scripts/launch.mjs', 'simulat', 'configs/baseline.json'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`error: unknown command "simulat" (did you mean simulate?)\nusage: node scripts/launch.mjs <command> [options], the command one of: ${commands.map(([name]) => name).join(', ')}\n`);
    expect(spawnSync(process.execPath, ['scripts/launch.mjs'], { cwd: PROJECT_ROOT, encoding: 'utf8' }).status).toBe(2);
  });

  it('gives the options to the command, its exit code back, and its messages as tsx does', () => {
    const viaLauncher = spawnSync(process.execPath, ['scripts/launch.mjs', 'simulate', 'no-such.json', '--ticks', '2'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    const viaTsx = runCli('simulate.ts', ['no-such.json', '--ticks', '2']);
    expect(viaLauncher.status).toBe(2);
    expect(viaLauncher.status).toBe(viaTsx.status);
    expect(viaLauncher.stderr).toBe(viaTsx.stderr);
    expect(viaLauncher.stdout).toBe(viaTsx.stdout);
    const help = spawnSync(process.execPath, ['scripts/launch.mjs', 'simulate', '--help'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toBe(runCli('simulate.ts', ['--help']).stdout);
  });

  const PAYBACK = 'enterprises.policies.switching.params.paybackMonths';
  it.each([
    ['simulate, one run on its own thread', 'simulate', (c: Tiny) => [c.baseline]],
    ['simulate, an ensemble on the run pool', 'simulate', (c: Tiny) => [c.baseline, '--runs', '3', '--workers', '2']],
    ['compare', 'compare', (c: Tiny) => [c.baseline, c.cheap, '--runs', '2']],
    ['sweep', 'sweep', (c: Tiny) => [c.cheap, '--param', `${PAYBACK}=3:24:3`, '--runs', '2']],
  ])('writes byte for byte what `node --import tsx src/cli/<command>.ts` writes: %s', (_what, command, args) => {
    const configs = tinyConfigs('launch');
    const out = join(configs.dir, 'out');
    const options = [...args(configs), '--out', out, '--quiet'];
    const viaTsx = runCli(`${command}.ts`, options);
    expect(viaTsx.status).toBe(0);
    const expected = filesOf(out);
    rmSync(out, { recursive: true });
    const viaLauncher = spawnSync(process.execPath, ['scripts/launch.mjs', command, ...options], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    expect(viaLauncher.stderr).toBe(viaTsx.stderr);
    expect(viaLauncher.stdout).toBe(viaTsx.stdout);
    expect(viaLauncher.status).toBe(0);
    const written = filesOf(out);
    expect([...written.keys()]).toEqual([...expected.keys()]);
    expect([...written.keys()]).toContain('manifest.json');
    expect([...written.keys()].some((file) => file.endsWith('.png'))).toBe(true);
    for (const [file, bytes] of expected) expect(written.get(file)!.equals(bytes), file).toBe(true);
  }, 180_000);

  it("serves the explorer's page and font from src/explorer/page, whether the server runs compiled or not", async () => {
    const free = createServer();
    await new Promise<void>((resolve) => free.listen(0, '127.0.0.1', resolve));
    const port = (free.address() as AddressInfo).port;
    await new Promise((resolve) => free.close(resolve));
    const server = spawn(process.execPath, ['scripts/launch.mjs', 'explore', '--port', String(port)], { cwd: PROJECT_ROOT });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let stdout = '';
        let stderr = '';
        server.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString();
          const found = /http:\/\/127\.0\.0\.1:\d+\/\?token=\S+/.exec(stdout);
          if (found) resolve(found[0]);
        });
        server.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        server.on('close', (code) => reject(new Error(`the explorer exited (${code}): ${stderr}`)));
      });
      const token = new URL(url).searchParams.get('token')!;
      const get = (path: string) =>
        new Promise<{ status: number; length: number }>((resolve, reject) => {
          const req = request({ host: '127.0.0.1', port, path, headers: { host: `127.0.0.1:${port}`, 'x-explorer-token': token } }, (res) => {
            let length = 0;
            res.on('data', (chunk: Buffer) => (length += chunk.length));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, length }));
          });
          req.on('error', reject);
          req.end();
        });
      for (const path of ['/app.js', '/worker.js', '/fonts/dejavu-sans.woff2', '/fonts/LICENSE']) {
        const response = await get(path);
        expect(response.status, path).toBe(200);
        expect(response.length, path).toBeGreaterThan(0);
      }
    } finally {
      server.kill('SIGTERM');
      await new Promise((resolve) => (server.exitCode !== null ? resolve(undefined) : server.on('close', resolve)));
    }
  }, 120_000);
});
