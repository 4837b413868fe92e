import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, runCli, type CliRun } from '../support/run-cli.js';
import { baselineJson } from '../support/scenario-fixtures.js';
import { tinyConfigs } from './tiny-configs.js';

/**
 * Hostile inputs to the commands that read configs: files that are not regular files, are not
 * text, are not JSON, nest or extend without end; options given twice or out of range. Each is
 * exit 2 with a message naming the file and what is wrong, never a stack trace, a hang or a
 * gigabyte of memory.
 */

const noStackTrace = (run: CliRun) => expect(run.stderr).not.toMatch(/\n\s+at |Maximum call stack|node:internal/);

describe('hostile config files', () => {
  const { dir, baseline } = tinyConfigs('hostile-configs');
  const file = (name: string, content: string | Buffer) => {
    writeFileSync(join(dir, name), content);
    return join(dir, name);
  };
  const cases: Record<string, string> = {};
  let validate: CliRun;

  beforeAll(() => {
    execFileSync('mkfifo', [join(dir, 'fifo.json')]);
    cases.fifo = join(dir, 'fifo.json');
    cases.devZero = '/dev/zero';
    cases.extendsDevZero = file('extends-zero.json', JSON.stringify({ extends: '/dev/zero', name: 'x' }));
    cases.extendsFifo = file('extends-fifo.json', JSON.stringify({ extends: 'fifo.json', name: 'x' }));
    cases.passwd = file('passwd.json', 'root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n');
    cases.binary = file('binary.json', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x1b, 0x5b, 0x32, 0x4a]));
    cases.latin1 = file('latin1.json', Buffer.from('{"name": "caf\xe9"}', 'latin1'));
    cases.comment = file('comment.json', `// my scenario\n{\n  "extends": "tiny.json",\n  "name": "commented"\n}\n`);
    cases.trailingComma = file('trailing.json', '{\n  "extends": "tiny.json",\n  "name": "trailing",\n}\n');
    cases.singleQuotes = file('quotes.json', "{ 'extends': 'tiny.json' }");
    cases.empty = file('empty.json', '');
    cases.duplicateKey = file('duplicate.json', '{\n  "extends": "tiny.json",\n  "months": 3,\n  "months": 5\n}\n');
    cases.deepChild = file('deep-child.json', `{"extends": "tiny.json", "name": "deep", "x": ${'['.repeat(5000)}${']'.repeat(5000)}}`);
    file('deep-parent.json', `{"name": "deep-parent", "x": ${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`);
    cases.deepParent = file('child-of-deep.json', JSON.stringify({ extends: 'deep-parent.json', name: 'child' }));
    for (let i = 1; i <= 40; i++) file(`chain-${i}.json`, JSON.stringify({ extends: `chain-${i + 1}.json` }));
    copyFileSync(baseline, join(dir, 'chain-41.json'));
    cases.longChain = join(dir, 'chain-1.json');
    cases.badId = file('bad-id.json', JSON.stringify({ extends: 'tiny.json', name: 'child', vendors: [{ id: 'Open AI', quality: 2 }] }));
    const jsonSchemaUrl = 'https://json-schema.org/draft/2020-12/schema';
    cases.schemaUrlChild = file('schema-url-child.json', JSON.stringify({ $schema: jsonSchemaUrl, extends: 'tiny.json', months: -1 }));
    cases.schemaUrlTyped = file('schema-url-typed.json', JSON.stringify({ $schema: `${jsonSchemaUrl}#`, type: 'object', name: 'Not An Id' }));
    // Objects that cannot be turned into text: String() of them throws.
    cases.noToString = file('no-to-string.json', JSON.stringify([{ toString: null }]));
    cases.noToStringValue = file('no-to-string-value.json', JSON.stringify({ extends: 'tiny.json', name: 'child', months: [{ toString: null, valueOf: null }] }));
    validate = runCli('validate.ts', Object.values(cases));
  });

  it('exits 2, every file reported, with no stack trace', () => {
    expect(validate.status).toBe(2);
    expect(validate.stderr).toContain(`${Object.keys(cases).length} of ${Object.keys(cases).length} files are not valid scenarios`);
    noStackTrace(validate);
  });

  it('refuses what is not a regular file without reading it: a FIFO (no hang), /dev/zero (no blow-up), as a config or as a parent', () => {
    expect(validate.stderr).toContain(`  (file): ${cases.fifo}: is a named pipe (FIFO), not a regular file\n`);
    expect(validate.stderr).toContain('  (file): /dev/zero: is a character device, not a regular file\n');
    expect(validate.stderr).toContain('  extends: parent scenario /dev/zero: is a character device, not a regular file\n');
    expect(validate.stderr).toMatch(/ {2}extends: parent scenario \S*fifo\.json: is a named pipe \(FIFO\), not a regular file\n/);
  });

  it('says what is wrong with a value that cannot be turned into text, [{ "toString": null }], rather than fail with exit 1', () => {
    expect(validate.stderr).toMatch(/no-to-string\.json is not a valid scenario \(1 problem\):\n {2}\(top level\): expected an object; found a list\n/);
    expect(validate.stderr).toMatch(/no-to-string-value\.json is not a valid scenario \(1 problem\):\n {2}months: expected a number; found a list\n/);
  });

  it('says a binary file is not a text file, echoing none of its bytes', () => {
    expect(validate.stderr).toContain('binary.json: this is not a text file: it holds a NUL byte (at byte 8)\n');
    expect(validate.stderr).toContain('latin1.json: this is not a text file: it is not valid UTF-8\n');
    // eslint-disable-next-line no-control-regex
    expect(validate.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
  });

  it('gives JSON errors their real line and column, in words', () => {
    expect(validate.stderr).toContain('  (json): invalid JSON at line 1, column 1: comments are not allowed in JSON\n');
    expect(validate.stderr).toContain('  (json): invalid JSON at line 4, column 1: a comma before "}" is not allowed in JSON (trailing comma)\n');
    expect(validate.stderr).toContain('  (json): invalid JSON at line 1, column 3: strings and property names must be in double quotes, not single quotes\n');
    expect(validate.stderr).toContain('  (json): invalid JSON at line 1, column 1: unexpected "root": expected a JSON value');
    expect(validate.stderr).toContain('empty.json is not a valid scenario (1 problem):\n  (json): the file is empty: expected a JSON object\n');
    expect(validate.stderr).toContain('  (json): invalid JSON at line 4, column 3: "months" is given twice in the same object, and JSON would silently keep the last; give it once\n');
  });

  it('bounds nesting, in a config and in its parent, and the length of an extends chain, naming the file', () => {
    expect(validate.stderr).toMatch(/deep-child\.json is not a valid scenario \(1 problem\):\n {2}\(json\): nesting deeper than 64 levels at x\[0\]\[0\]\[0\]\[0\]\[0\]…/);
    // Named as the user gave it, the parent's problem in the parent's name.
    expect(validate.stderr).toMatch(/child-of-deep\.json is not a valid scenario \(1 problem\):\n {2}in \S*deep-parent\.json, \(json\): nesting deeper than 64 levels at x\.a\.a\.a\.a\.a…/);
    expect(validate.stderr).toMatch(/chain-1\.json is not a valid scenario \(1 problem\):\n {2}extends: the extends chain is longer than 32 files \(\S*chain-1\.json → \S*chain-2\.json → \S*chain-3\.json → … → \S*chain-33\.json\)/);
  });

  it('says a child’s malformed id is not a valid id, and which was probably meant', () => {
    expect(validate.stderr).toContain('  vendors[0]: "Open AI" is not a valid id (an id is lower-case letters, digits and dashes, starting with a letter), and it is not in the parent scenario');
    expect(validate.stderr).toContain('did you mean "openai"?');
  });

  it('checks a scenario whose $schema names json-schema.org as a scenario: only a JSON Schema document is skipped', () => {
    expect(validate.stdout).not.toContain('skip');
    expect(validate.stderr).toMatch(/schema-url-child\.json is not a valid scenario \(1 problem\):\n {2}months: /);
    expect(validate.stderr).toMatch(/schema-url-typed\.json is not a valid scenario \(\d+ problems\):\n {2}name: an id of lower-case/);
    expect(validate.stderr).toContain('  (top level): unknown field "type"; valid fields:');
    const schema = runCli('validate.ts', ['configs/schema.json']);
    expect(schema.status).toBe(0);
    expect(schema.stdout).toBe('skip configs/schema.json (a JSON Schema, not a scenario)\n');
  });

  it('simulate refuses /dev/zero and a FIFO the same way', () => {
    for (const input of ['/dev/zero', cases.fifo!]) {
      const run = runCli('simulate.ts', [input, '--no-charts']);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/is a (character device|named pipe \(FIFO\)), not a regular file\n$/);
      noStackTrace(run);
    }
  });
});

describe('hostile command lines', () => {
  const { dir, baseline } = tinyConfigs('hostile-flags');

  it.each([
    [['--seed', '3', '--seed', '7'], 'error: --seed is given twice ("3" and "7"): give it once\n'],
    [['--quiet', '--quiet'], 'error: --quiet is given twice: give it once\n'],
    [['--seed', '-1'], 'error: --seed must be a whole number from 0 to 4294967295, got "-1"\n'],
  ])('simulate %j: exit 2, one line saying what is wrong, and the usage', (args, message) => {
    const run = runCli('simulate.ts', [baseline, ...args]);
    expect(run.status).toBe(2);
    expect(run.stderr.startsWith(message)).toBe(true);
    expect(run.stderr).toContain('Usage:');
  });

  it.each([
    ['simulate.ts', ['--run', '3'], 'error: unknown option --run (did you mean --runs?)\n  npm run simulate -- --help lists the options\n'],
    ['simulate.ts', ['--no-chart'], 'error: unknown option --no-chart (did you mean --no-charts?)\n  npm run simulate -- --help lists the options\n'],
    ['simulate.ts', ['--seed=3', '--tick=6'], 'error: unknown option --tick (did you mean --ticks?)\n  npm run simulate -- --help lists the options\n'],
    ['simulate.ts', ['--work', '2'], 'error: unknown option --work (did you mean --workers?)\n  npm run simulate -- --help lists the options\n'],
    ['sweep.ts', ['--params', 'x=1:2:2'], 'error: unknown option --params (did you mean --param?)\n  npm run sweep -- --help lists the options\n'],
    ['validate.ts', ['--quite'], 'error: unknown option --quite (did you mean --quiet?)\n  npm run validate -- --help lists the options\n'],
    ['validate.ts', ['--strict'], 'error: unknown option --strict; options: --quiet, --help (-h)\n  npm run validate -- --help lists the options\n'],
    // One dash: named as typed, never as the first letter parseArgs would read as a short option.
    ['simulate.ts', ['-run', '3'], 'error: unknown option -run (did you mean --runs?)\n  npm run simulate -- --help lists the options\n'],
    ['sweep.ts', ['-param=x=1:2:2'], 'error: unknown option -param (did you mean --param?)\n  npm run sweep -- --help lists the options\n'],
    ['validate.ts', ['-quiet'], 'error: unknown option -quiet (did you mean --quiet?)\n  npm run validate -- --help lists the options\n'],
  ])('%s %j: a mistyped flag gets a did-you-mean on one line, not the whole help', (script, args, message) => {
    const run = runCli(script, [baseline, ...args]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(message);
  });

  it.each([
    ['simulate.ts', ['--out'], 'error: --out needs a value, as in --out DIR: output folder (default: output/<scenario name>/)\n'],
    ['simulate.ts', ['--runs'], 'error: --runs needs a value, as in --runs N: seeds per scenario, 1 to 10000 (default 1)\n'],
    [
      'simulate.ts',
      ['--out', '-x'],
      'error: --out needs a value, as in --out DIR: output folder (default: output/<scenario name>/); the argument after it starts with a dash; if that is the value, write --out=<value>\n',
    ],
    ['sweep.ts', ['--param'], 'error: --param needs a value, as in --param P=A:B:N: sweep the number at path P over N evenly spaced values from A to B (at most 2)\n'],
    ['calibrate.ts', ['--free'], 'error: --free needs a value, as in --free P=A:B[:log]: a free parameter and its range (log: searched evenly in its logarithm)\n'],
    ['explore.ts', ['--port'], 'error: --port needs a value, as in --port N: the port to serve on\n'],
    // An option that takes none, given one.
    ['validate.ts', ['--quiet=yes'], 'error: --quiet takes no value: write --quiet alone\n'],
  ])('%s %j: an option without its value says what kind it takes in one sentence, not the whole help', (script, args, message) => {
    const run = runCli(script, [baseline, ...args]);
    expect(run.status).toBe(2);
    const command = script.replace(/\.ts$/, '');
    expect(run.stderr).toBe(`${message}  npm run ${command} -- --help lists the options\n`);
  });

  it.each([
    ['simulate.ts', ['--param', 'months=1:2:2'], '--param: it is an option of npm run sweep, sensitivity, sobol, morris and discover'],
    ['simulate.ts', ['-param', 'months=1:2:2'], '-param: --param is an option of npm run sweep, sensitivity, sobol, morris and discover'],
    ['simulate.ts', ['--at', '2026-01'], '--at: it is an option of npm run sweep, sensitivity, sobol and morris'],
    ['sweep.ts', ['--targets', 'x.json'], '--targets: it is an option of npm run simulate, compare and calibrate'],
    ['explore.ts', ['--prot', '3'], '--prot (did you mean --port?)'],
  ])('%s %j: an option of another command says which commands take it', (script, args, said) => {
    const run = runCli(script, [baseline, ...args]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`error: unknown option ${said}\n  npm run ${script.replace(/\.ts$/, '')} -- --help lists the options\n`);
  });

  it('gives a mistyped command, config or parent a did-you-mean', () => {
    const launched = spawnSync(process.execPath, ['scripts/launch.mjs', 'simulat', 'configs/baseline.json'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    expect(launched.status).toBe(2);
    expect(launched.stderr.split('\n')[0]).toBe('error: unknown command "simulat" (did you mean simulate?)');
    const config = runCli('simulate.ts', ['configs/basline.json']);
    expect(config.status).toBe(2);
    expect(config.stderr).toContain('  (file): configs/basline.json: no such file; did you mean configs/baseline.json?\n');
    writeFileSync(join(dir, 'child-of-typo.json'), JSON.stringify({ extends: 'tinny.json', name: 'typo' }));
    const parent = runCli('validate.ts', [join(dir, 'child-of-typo.json')]);
    // The guess is the value to write in the file, as the file writes it (relative to itself), not where it resolves to.
    expect(parent.stderr).toContain(`  extends: parent scenario ${join(dir, 'tinny.json')}: no such file; did you mean "extends": "tiny.json"?\n`);
    mkdirSync(join(dir, 'sub'), { recursive: true });
    writeFileSync(join(dir, 'sub', 'up.json'), JSON.stringify({ extends: '../tiyn.json', name: 'typo' }));
    expect(runCli('validate.ts', [join(dir, 'sub', 'up.json')]).stderr).toContain(`  extends: parent scenario ${join(dir, 'tiyn.json')}: no such file; did you mean "extends": "../tiny.json"?\n`);
    writeFileSync(join(dir, 'sub', 'absolute.json'), JSON.stringify({ extends: join(dir, 'tinyy.json'), name: 'typo' }));
    expect(runCli('validate.ts', [join(dir, 'sub', 'absolute.json')]).stderr).toContain(`did you mean "extends": ${JSON.stringify(join(dir, 'tiny.json'))}?\n`);
    // Two letters swapped are one slip: the config named on the command line, and a flag.
    expect(runCli('validate.ts', ['configs/basleine.json']).stderr).toContain('  (file): configs/basleine.json: no such file; did you mean configs/baseline.json?\n');
    // Nothing close: no guess.
    expect(runCli('validate.ts', [join(dir, 'zzzzzzzz.json')]).stderr).toMatch(/zzzzzzzz\.json: no such file\n/);
  });

  it('refuses a run past 9999-12, from the config’s months or from --ticks, before writing anything', () => {
    const late = baselineJson();
    Object.assign(late, { start: '9999-06', months: 3, events: [], dealsAtStart: [] });
    delete late.history;
    delete late.calibratedThrough;
    for (const vendor of late.vendors) delete vendor.entersAt;
    late.marketplace.push({ cloud: 'aws', vendor: 'deepseek' });
    const file = join(dir, 'year-9999.json');
    writeFileSync(file, JSON.stringify(late));
    const out = join(dir, 'year-9999-out');
    const ticks = runCli('simulate.ts', [file, '--ticks', '12', '--out', out, '--no-charts']);
    expect(ticks.status).toBe(2);
    expect(ticks.stderr).toBe('error: --ticks 12: baseline: a run of 12 months from 9999-06 would end in year 10000; months are YYYY-MM: at most 7 months from 9999-06\n');
    expect(existsSync(out)).toBe(false);
    writeFileSync(file, JSON.stringify({ ...late, months: 9 }));
    const months = runCli('validate.ts', [file]);
    expect(months.status).toBe(2);
    expect(months.stderr).toContain('  months: a run of 9 months from 9999-06 would end in year 10000');
  });

  it('validate refuses a repeated option too', () => {
    const run = runCli('validate.ts', ['--quiet', '--quiet', baseline]);
    expect(run.status).toBe(2);
    expect(run.stderr.startsWith('error: --quiet is given twice: give it once\n')).toBe(true);
  });

  it('sweep refuses one parameter under two spellings, naming both and the parameter', () => {
    const run = runCli('sweep.ts', [baseline, '--param', 'vendors[0].quality=1:2:2', '--param', 'vendors.openai.quality=1:2:2', '--out', join(dir, 'sweep')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      'error: --param vendors[0].quality and --param vendors.openai.quality name the same parameter, vendors.openai.quality: sweep each parameter once (two --param make a grid of two different parameters)\n',
    );
  });

  it('sensitivity takes --only by index as by id, and refuses the same part twice', () => {
    const run = runCli('sensitivity.ts', [baseline, '--only', 'vendors[0]', '--only', 'vendors.openai']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('error: --only vendors[0] and --only vendors.openai name the same part, vendors.openai: give it once\n');
  });
});
