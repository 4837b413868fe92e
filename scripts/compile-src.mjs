// Compiles src/ into dist/ (git-ignored) when dist/ is not of the current sources: what
// scripts/launch.mjs does before every command, so that a start runs JavaScript instead of compiling
// TypeScript, and an edit to src/ is never run stale. src/cli/simulate.ts becomes
// dist/cli/simulate.js, bundled with what it imports (compile, below).
//
// `node scripts/compile-src.mjs` does it once and exits (the end of this file): deploy/Dockerfile
// runs it when the image is built, so that no command run from the image needs to write in it.
//
// Plain JavaScript, so that it needs no compiling itself.
import { accessSync, constants, mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
/** In dist/: what the build was made of (sourceStamp). */
const STAMP = '.build-stamp.json';
/** How long a command waits for another one compiling (a second `npm run` started at the same moment). */
const LOCK_WAIT_MS = 60_000;
/**
 * Packages compiled into dist/ rather than loaded from node_modules, with the file of each
 * bundled: rxjs's entry for Node (dist/cjs/index.js) loads all of rxjs, 60–120 ms of every
 * simulation thread's start, where the event bus uses a Subject and a filter.
 */
const BUNDLED = { rxjs: 'dist/esm/index.js' };

/** Every file under `root`/`dir`, as paths relative to `root` with forward slashes, sorted. */
function filesUnder(root, dir) {
  const files = [];
  const walk = (folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) files.push(relative(root, path).split(sep).join('/'));
    }
  };
  walk(join(root, dir));
  return files.sort();
}

function esbuildVersion() {
  const main = createRequire(import.meta.url).resolve('esbuild');
  return JSON.parse(readFileSync(join(dirname(dirname(main)), 'package.json'), 'utf8')).version;
}

/**
 * What a build of the current sources is of: every file of src/ with its size and modification
 * time, and what else decides the compiled code (this file, tsconfig.json, the versions of esbuild,
 * of the bundled packages and of Node). Equal texts mean the build is of these very sources; an
 * edited, new, moved or deleted file, or one put back with an older time, makes them differ. Stat
 * calls only: a few milliseconds for the 330 files of src/.
 */
export function sourceStamp(root = PROJECT_ROOT) {
  const files = {};
  for (const path of ['tsconfig.json', ...filesUnder(root, 'src')]) {
    const stat = statSync(join(root, path));
    files[path] = [stat.size, stat.mtimeMs];
  }
  const self = statSync(fileURLToPath(import.meta.url));
  const bundled = Object.fromEntries(Object.keys(BUNDLED).map((name) => [name, JSON.parse(readFileSync(join(packageDir(name), 'package.json'), 'utf8')).version]));
  return JSON.stringify({ node: process.version, esbuild: esbuildVersion(), bundled, compiler: [self.size, self.mtimeMs], files });
}

function builtStamp(root) {
  try {
    return readFileSync(join(root, 'dist', STAMP), 'utf8');
  } catch {
    return undefined;
  }
}

/** Whether dist/ holds a build of the current sources. */
export function upToDate(root = PROJECT_ROOT) {
  return builtStamp(root) === sourceStamp(root);
}

/**
 * Compiles src/ into dist/ unless dist/ is of the current sources; returns whether it compiled.
 * Builds into a folder of its own and moves it into place, under a lock (dist.lock), so that two
 * commands started at once neither build on top of each other nor run a half-written build.
 * Rejects with esbuild's errors (a syntax error in src/), or when dist/ cannot be written (at once
 * when the project's folder cannot be).
 */
export async function ensureBuild(root = PROJECT_ROOT) {
  if (upToDate(root)) return false;
  // proper-lockfile retries any error for as long as it waits for the lock: a folder that cannot be
  // written (a read-only image, another user's checkout) would take LOCK_WAIT_MS to be said so.
  try {
    accessSync(root, constants.W_OK);
  } catch (error) {
    throw new Error(`dist/ is not of the current sources, and ${root} cannot be written (${error.code}) to compile it there: run node scripts/compile-src.mjs as a user who can`);
  }
  const { lock } = (await import('proper-lockfile')).default;
  let release;
  try {
    release = await lock(root, { lockfilePath: join(root, 'dist.lock'), stale: 5_000, retries: { retries: LOCK_WAIT_MS / 100, factor: 1, minTimeout: 100, maxTimeout: 100 } });
  } catch (error) {
    throw new Error(
      error.code === 'ELOCKED' ? `another command has been compiling src/ for over ${LOCK_WAIT_MS / 1000} s (remove ${join(root, 'dist.lock')} if none is)` : `cannot write ${join(root, 'dist.lock')}: ${error.message}`,
    );
  }
  try {
    // Read before compiling: a file edited while esbuild runs then differs from the stamp, and the next start compiles again.
    const current = sourceStamp(root);
    // Another command may have compiled while this one waited for the lock.
    if (builtStamp(root) === current) return false;
    // What a command killed while compiling left behind: only the lock's holder compiles, so none of it is in use.
    for (const entry of readdirSync(root)) if (/^dist\.(building|old)-/.test(entry)) rmSync(join(root, entry), { recursive: true, force: true });
    const building = join(root, `dist.building-${process.pid}`);
    mkdirSync(building);
    await compile(root, building).catch((error) => {
      rmSync(building, { recursive: true, force: true });
      throw error;
    });
    writeFileSync(join(building, STAMP), current);
    const dist = join(root, 'dist');
    const old = join(root, `dist.old-${process.pid}`);
    let replaced = false;
    try {
      renameSync(dist, old);
      replaced = true;
    } catch (error) {
      if (error.code !== 'ENOENT') throw error;
    }
    renameSync(building, dist);
    if (replaced) rmSync(old, { recursive: true, force: true });
    return true;
  } finally {
    await release();
  }
}

/**
 * src/ of `root` compiled into `outdir`: each file of src/cli/ (the commands and the worker entries
 * the code loads by URL, simulation-worker.js and pool-task.js) bundled with what it imports into
 * `outdir`/cli/, the code two or more of them share in chunks beside them. One file to load where
 * there were dozens is most of the gain over compiling file by file (docs/performance.md,
 * "Start-up"). Every compiled file is two folders below the root, as src/cli/ and src/io/ are, so
 * every path the code names from its own place (src/io/project-root.ts, the worker entries)
 * resolves alike under tsx and from dist/.
 */
async function compile(root, outdir) {
  const { build } = await import('esbuild');
  await build({
    entryPoints: filesUnder(root, 'src/cli')
      .filter((path) => path.endsWith('.ts') && !path.endsWith('.d.ts') && !path.slice('src/cli/'.length).includes('/'))
      .map((path) => join(root, path)),
    outdir: join(outdir, 'cli'),
    bundle: true,
    splitting: true,
    chunkNames: 'chunk-[hash]',
    // Packages are loaded from node_modules as under tsx, but rxjs (BUNDLED).
    packages: 'external',
    plugins: [esmBuildOf('rxjs', BUNDLED.rxjs)],
    // tsx's options for each file it compiles, so that dist/ runs the code `node --import tsx` runs.
    format: 'esm',
    platform: 'node',
    target: `node${process.versions.node}`,
    keepNames: true,
    // Read only under `node --enable-source-maps`: stack traces then name the lines of src/.
    sourcemap: 'linked',
    logLevel: 'silent',
    // Errors name files from the project's root: src/engine/rng.ts:12:3.
    absWorkingDir: root,
  });
}

/**
 * A package bundled from its ES module build, where its entry for Node is a CommonJS file that
 * loads the whole library: only what the code imports is then compiled in.
 */
function esmBuildOf(name, file) {
  return {
    name: `${name}-esm`,
    setup(build) {
      build.onResolve({ filter: new RegExp(`^${name}$`) }, () => ({ path: join(packageDir(name), file) }));
    },
  };
}

function packageDir(name) {
  return dirname(createRequire(import.meta.url).resolve(`${name}/package.json`));
}

/** An error of ensureBuild in one line: esbuild's each with its file and place. */
export function buildErrorMessage(error) {
  if (Array.isArray(error?.errors) && error.errors.length > 0) {
    return error.errors.map((e) => `${e.location ? `${e.location.file}:${e.location.line}:${e.location.column}: ` : ''}${e.text}`).join('; ');
  }
  return error instanceof Error ? error.message : String(error);
}

// Run as `node scripts/compile-src.mjs`: compiles dist/ if it is not of the current sources, then
// checks that it is (a file of src/ edited meanwhile fails it); exit code 1 with the errors.
function runDirectly() {
  try {
    return realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}
if (runDirectly()) {
  try {
    const compiled = await ensureBuild();
    if (!upToDate()) throw new Error('a file of src/ changed while compiling; run it again');
    process.stdout.write(`${compiled ? 'compiled src/ into' : 'already of the current sources:'} ${join(PROJECT_ROOT, 'dist')}\n`);
  } catch (error) {
    process.stderr.write(`error: compiling src/ into dist/ failed: ${buildErrorMessage(error)}\n`);
    process.exitCode = 1;
  }
}
