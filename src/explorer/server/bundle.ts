import { build } from 'esbuild';
import { PROJECT_ROOT } from '../../io/project-root.js';
import { pageFontFiles } from './page-fonts.js';

/**
 * The page's scripts, bundled in memory by esbuild from src/explorer/page: the page itself and
 * the Web Worker that runs the simulation core (src/simulation and below) in the browser. Bundled
 * for the browser platform, so a module that imports a Node API (fs, process, worker_threads...)
 * fails the build, naming it. With them, the page's font and its licence (page-fonts.ts). Nothing
 * is fetched from a CDN: every script and font the page uses is here.
 */

export interface PageBundle {
  /** URL path → file served. */
  readonly files: ReadonlyMap<string, { readonly contentType: string; readonly body: Buffer }>;
}

/** The page's sources: bundled from its TypeScript, whether this file runs from src/ or compiled from dist/. */
const PAGE_DIR = `${PROJECT_ROOT}src/explorer/page/`;

export async function bundlePage(): Promise<PageBundle> {
  const result = await build({
    entryPoints: { app: `${PAGE_DIR}main.ts`, worker: `${PAGE_DIR}sim-worker.ts` },
    bundle: true,
    write: false,
    outdir: 'out',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    minify: true,
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'silent',
    // The transcendental functions as Node computes them, where a browser's differ
    // (src/explorer/page/v8-math.ts says which and why); ** is lowered to Math.pow for it.
    supported: { 'exponent-operator': false },
    inject: [`${PAGE_DIR}v8-math-inject.ts`],
    define: {
      'process.env.NODE_ENV': '"production"',
      'Math.exp': 'v8MathExp',
      'Math.log': 'v8MathLog',
      'Math.pow': 'v8MathPow',
      'Math.tanh': 'v8MathTanh',
      'Math.cos': 'v8MathCos',
    },
  });
  const files = pageFontFiles();
  for (const output of result.outputFiles) {
    const name = output.path.slice(output.path.lastIndexOf('/') + 1);
    files.set(`/${name}`, { contentType: 'text/javascript; charset=utf-8', body: Buffer.from(withNodePow(output.text)) });
  }
  return { files };
}

/**
 * esbuild lowers every ** to a helper it defines before any module runs, `var h = Math.pow`, which
 * define cannot reach: that one Math.pow becomes a call to v8-math.ts's pow, looked up when called.
 */
function withNodePow(text: string): string {
  const helpers = text.split('Math.pow').length - 1;
  if (helpers > 1) throw new Error(`the page's bundle calls Math.pow in ${helpers} places; expected esbuild's one ** helper`);
  return text.replace('Math.pow', '((x,y)=>globalThis.__explorerPow(x,y))');
}
