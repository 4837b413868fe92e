import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT, runCli, type CliRun } from '../support/run-cli.js';

const noStackTrace = (run: CliRun) => expect(run.stderr).not.toMatch(/\n\s+at /);

function tempFile(name: string, content: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'llm-sim-validate-')), name);
  writeFileSync(file, content);
  return file;
}

describe('npm run validate', () => {
  it('says ok for every config in configs/ and skips the JSON Schema beside them: exit 0', () => {
    const files = readdirSync(join(PROJECT_ROOT, 'configs'))
      .filter((f) => f.endsWith('.json'))
      .map((f) => `configs/${f}`);
    const run = runCli('validate.ts', files);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    for (const file of files) {
      expect(run.stdout).toContain(file.endsWith('schema.json') ? `skip ${file} (a JSON Schema, not a scenario)` : `ok ${file}\n`);
    }
  });

  it('reports every problem of an invalid file, with paths, and still checks the others: exit 2', () => {
    const baseline = JSON.parse(readFileSync(join(PROJECT_ROOT, 'configs/baseline.json'), 'utf8'));
    baseline.months = -3;
    baseline.enterprises.count = 10_000_000;
    baseline.vendors[0].computeClouds = ['azrue'];
    const bad = tempFile('bad.json', JSON.stringify(baseline));
    const run = runCli('validate.ts', [bad, 'configs/baseline.json']);
    expect(run.status).toBe(2);
    expect(run.stdout).toMatch(/^ok configs\/baseline\.json\n {2}configs\/baseline\.json: \d+ events? of its own\n$/);
    expect(run.stderr).toContain('is not a valid scenario (3 problems):');
    expect(run.stderr).toMatch(/\n {2}months: [^\n]*found -3\n/);
    expect(run.stderr).toMatch(/\n {2}enterprises\.count: 10000000 exceeds the limit of 1,000,000/);
    expect(run.stderr).toContain('  vendors[0].computeClouds[0]: unknown cloud "azrue"; known clouds: azure, aws, gcp, oracle\n');
    expect(run.stderr).toContain('1 of 2 files are not valid scenarios');
    noStackTrace(run);
  });

  it('reports a missing file and broken JSON with its line and column: exit 2', () => {
    const broken = tempFile('broken.json', '{\n  "name": "x",\n  "months": 12,,\n}\n');
    const run = runCli('validate.ts', ['configs/no-such.json', broken]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('configs/no-such.json: no such file');
    expect(run.stderr).toMatch(/\(json\): invalid JSON at line 3, column 16/);
    noStackTrace(run);
  });

  it('--quiet prints only problems', () => {
    const run = runCli('validate.ts', ['--quiet', 'configs/baseline.json', 'configs/commoditized.json']);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('');
  });

  it('an unknown flag: exit 2 naming the options; no file at all: exit 2 with the usage; --help: exit 0', () => {
    const unknown = runCli('validate.ts', ['--strict', 'configs/baseline.json']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('unknown option --strict; options: --quiet, --help (-h)');
    const none = runCli('validate.ts', []);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('name at least one config file');
    expect(none.stderr).toContain('Usage: npm run validate');
    const help = runCli('validate.ts', ['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Exit code: 0 when every file is valid, 2 otherwise.');
  });

  it('says what a child does to the events it inherits, and which of them fall after its end', () => {
    const run = runCli('validate.ts', ['configs/exclusive-azure.json']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^ok configs\/exclusive-azure\.json\n {2}configs\/baseline\.json: \d+ events of its own\n {2}configs\/exclusive-azure\.json: events inherited \d+, added 0, replaced 0, removed 5\n$/);
  });

  it('stops quietly when its reader closes the pipe early (| head), with no stack trace', () => {
    const script = `"${process.execPath}" --import tsx src/cli/validate.ts configs/*.json | head -c 20`;
    const result = spawnSync('bash', ['-o', 'pipefail', '-c', script], { cwd: PROJECT_ROOT, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
    expect(result.stdout).toBe('ok configs/asic-push');
    expect(result.stderr).not.toMatch(/EPIPE|at .*\.ts:\d+/);
    expect(result.status).toBe(0);
  });
});
