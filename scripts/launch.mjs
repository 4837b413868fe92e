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

/** The command meant by a mistyped one: the only one it begins, or one within two edits of it. */
function meant(typed, known) {
  const begun = known.filter((name) => typed.length >= 3 && name.startsWith(typed));
  if (begun.length === 1) return begun[0];
  const distance = (a, b) => {
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      const current = [i];
      for (let j = 1; j <= b.length; j++) current.push(Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)));
      previous = current;
    }
    return previous[b.length];
  };
  return known.find((name) => distance(typed.toLowerCase(), name) <= 2);
}

const command = process.argv[2];
const known = commands();
if (command === undefined || !known.includes(command)) {
  // Quoted as JSON writes it: a line break in what was typed stays on the one line.
  const guess = command === undefined ? undefined : meant(command, known);
  const what = command === undefined ? 'no command given' : `unknown command ${JSON.stringify(command)}${guess === undefined ? '' : ` (did you mean ${guess}?)`}`;
  process.stderr.write(printable(`error: ${what}\nusage: node scripts/launch.mjs <command> [options], the command one of: ${known.join(', ')}\n`));
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
