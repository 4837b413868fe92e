import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { outputOf, type ProcessOutput } from './process-output.js';
import { PROJECT_ROOT } from './run-cli.js';

/**
 * A project of one command, `hello`, printing what src/engine/greeting.ts says, with this
 * repository's scripts/launch.mjs and scripts/compile-src.mjs and its node_modules (a link): what
 * `node scripts/launch.mjs hello` needs, and a dist/ of its own to compile, so that a test can make
 * it stale or take away the right to write in it without touching the repository's.
 */
export function launchableProject({ parts = 0 }: { parts?: number } = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'llm-sim-launchable-'));
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  write('package.json', JSON.stringify({ name: 'launchable', private: true, type: 'module', scripts: { hello: 'exec node scripts/launch.mjs hello' } }));
  write('tsconfig.json', JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', strict: true } }));
  write('src/engine/greeting.ts', "export const greeting: string = 'hello';\n");
  // `parts` modules more for hello to import, so that compiling takes long enough for commands started meanwhile to find dist/ stale.
  const numbers = Array.from({ length: parts }, (_, i) => i);
  for (const i of numbers) write(`src/engine/part${i}.ts`, `export function part${i}(x: number): number {\n${Array.from({ length: 50 }, (_, j) => `  x = (x * ${j + 3} + ${i}) % 1000003;\n`).join('')}  return x;\n}\n`);
  write(
    'src/cli/hello.ts',
    `import { greeting } from '../engine/greeting.js';\n${numbers.map((i) => `import { part${i} } from '../engine/part${i}.js';\n`).join('')}let x = 1;\n${numbers.map((i) => `x = part${i}(x);\n`).join('')}process.stdout.write(\`\${greeting}\\n\`);\n`,
  );
  mkdirSync(join(root, 'scripts'));
  for (const script of ['launch.mjs', 'compile-src.mjs']) copyFileSync(join(PROJECT_ROOT, 'scripts', script), join(root, 'scripts', script));
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(root, 'node_modules'));
  return root;
}

export type Launch = ProcessOutput;

/** `node scripts/launch.mjs <args>` in `root`, started now, as its own process; resolves when it exits. */
export function launch(root: string, args: readonly string[], options: { uid?: number; gid?: number } = {}): Promise<Launch> {
  return outputOf(spawn(process.execPath, ['scripts/launch.mjs', ...args], { cwd: root, env: { ...process.env, NODE_OPTIONS: '' }, ...options }));
}
