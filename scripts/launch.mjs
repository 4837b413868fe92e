// `node scripts/launch.mjs <command> [options]`: what `npm run <command>` runs (package.json's
// scripts). Compiles src/ into dist/ if dist/ is not of the current sources (scripts/compile-src.mjs),
// then runs dist/cli/<command>.js, src/cli/<command>.ts compiled, instead of compiling TypeScript at
// every start as `node --import tsx src/cli/<command>.ts` does (docs/performance.md, "Start-up").
//
// The command runs in this same process, imported rather than spawned: `exec node scripts/launch.mjs
// simulate` leaves npm's child the very process that runs the simulation, and signals reach it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildErrorMessage, ensureBuild, PROJECT_ROOT } from './compile-src.mjs';

/** The commands: package.json's scripts that run this launcher with their own name. */
function commands() {
  const { scripts } = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8'));
  return Object.keys(scripts).filter((name) => scripts[name] === `exec node scripts/launch.mjs ${name}`);
}

/** Text safe to print on a terminal, as src/io/json-text.ts printable (not importable before the build): what the user typed never acts on it. */
function printable(text) {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const command = process.argv[2];
const known = commands();
if (command === undefined || !known.includes(command)) {
  process.stderr.write(printable(`error: ${command === undefined ? 'no command given' : `unknown command "${command}"`}\nusage: node scripts/launch.mjs <command> [options], the command one of: ${known.join(', ')}\n`));
  process.exit(2);
}
try {
  await ensureBuild();
} catch (error) {
  process.stderr.write(printable(`error: compiling src/ into dist/ failed: ${buildErrorMessage(error)}\n(node --import tsx src/cli/${command}.ts runs the sources without compiling them)\n`));
  process.exit(1);
}
const entry = join(PROJECT_ROOT, 'dist', 'cli', `${command}.js`);
// The command reads its options from process.argv.slice(2), as when node runs it directly.
process.argv.splice(1, 2, entry);
await import(pathToFileURL(entry).href);
