import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { outputOf, type ProcessOutput } from '../support/process-output.js';
import { PROJECT_ROOT } from '../support/run-cli.js';
import { filesOf } from './tiny-configs.js';

/**
 * Every command's outputs for the shipped configs, byte for byte, against SHA-256 digests recorded
 * in golden-outputs.json: a refactoring of the commands (job kinds, writers, reports, charts, pool,
 * shards, merge, manifests) must leave what users get exactly as it was. Short runs (--ticks) keep
 * it to seconds. What legitimately varies from one checkout to the next is blanked before hashing:
 * the git revision and dirty flag and the Node version in manifest.json and partial.json (and
 * partial.json's digest over them); the output folder in the console lines.
 *
 * When outputs change on purpose (the model, a report, a chart), record them again and commit
 * golden-outputs.json with the change that explains it:
 *   GOLDEN_UPDATE=1 npx vitest run test/e2e/golden-outputs.test.ts
 */

const GOLDEN_FILE = join(PROJECT_ROOT, 'test/e2e/golden-outputs.json');
const UPDATE = process.env.GOLDEN_UPDATE === '1';

const PAYBACK = 'enterprises.policies.switching.params.paybackMonths';
const REVIEW = 'enterprises.policies.switching.params.reviewProbability';

interface Case {
  readonly name: string;
  readonly script: 'simulate' | 'compare' | 'sweep' | 'sensitivity' | 'merge';
  /** Arguments, `<out:name>` standing for the output folder of case `name`. */
  readonly args: readonly string[];
}

interface Recorded {
  readonly command: string;
  readonly exit: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly files: Readonly<Record<string, string>>;
}

const shards = (name: string, script: Case['script'], args: readonly string[]): Case[] => [
  { name: `${name}-shard-0`, script, args: [...args, '--shard', '0/2'] },
  { name: `${name}-shard-1`, script, args: [...args, '--shard', '1/2'] },
];

const SIMULATE_RUNS = ['configs/baseline.json', '--ticks', '4', '--runs', '3', '--no-charts'];
const SWEEP_LINE = ['configs/baseline.json', '--param', `${PAYBACK}=3:24:3`, '--ticks', '4', '--runs', '2'];
const COMPARE = ['configs/baseline.json', 'configs/exclusive-azure.json', '--ticks', '15', '--runs', '2', '--no-charts'];
const SENSITIVITY = ['configs/exclusive-azure.json', '--only', 'enterprises.policies.switching', '--ticks', '15', '--change', '50%'];

/** Runs that need nothing but the configs. */
const FIRST: readonly Case[] = [
  { name: 'simulate', script: 'simulate', args: ['configs/baseline.json', '--ticks', '4'] },
  { name: 'simulate-runs', script: 'simulate', args: ['configs/commoditized.json', '--ticks', '4', '--runs', '3', '--seed', '7'] },
  { name: 'compare-runs', script: 'compare', args: ['configs/baseline.json', 'configs/exclusive-azure.json', '--ticks', '15', '--runs', '2'] },
  {
    name: 'compare-single',
    script: 'compare',
    args: ['configs/baseline.json', 'configs/exclusive-azure.json', 'configs/brand-moat.json', '--ticks', '14', '--vendor', 'anthropic', '--no-charts'],
  },
  { name: 'sweep', script: 'sweep', args: SWEEP_LINE },
  { name: 'sweep-grid', script: 'sweep', args: ['configs/exclusive-azure.json', '--param', `${PAYBACK}=3:24:3`, '--param', `${REVIEW}=0.05:0.5:2`, '--ticks', '14'] },
  { name: 'sensitivity', script: 'sensitivity', args: SENSITIVITY },
  ...shards('simulate-runs', 'simulate', SIMULATE_RUNS),
  ...shards('sweep', 'sweep', [...SWEEP_LINE, '--no-charts']),
  ...shards('compare', 'compare', COMPARE),
  ...shards('sensitivity', 'sensitivity', [...SENSITIVITY, '--no-charts']),
];

/** Runs that read what the first ones wrote: merges of shards, manifests run again. */
const SECOND: readonly Case[] = [
  ...['simulate-runs', 'sweep', 'compare', 'sensitivity'].map((name): Case => ({ name: `${name}-merged`, script: 'merge', args: [`<out:${name}-shard-0>`, `<out:${name}-shard-1>`] })),
  { name: 'simulate-runs-rerun', script: 'simulate', args: ['<out:simulate-runs-merged>/manifest.json'] },
];

function sha256(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * A manifest's or partial result's JSON with the checkout's git state and the Node version blanked.
 * The file must be exactly what JSON.stringify writes, so that blanking hides nothing else.
 */
function withoutEnvironment(file: string, bytes: Buffer): string {
  const text = bytes.toString('utf8');
  const json = JSON.parse(text) as Record<string, unknown>;
  const indent = file === 'manifest.json' ? 2 : undefined;
  expect(`${JSON.stringify(json, null, indent)}\n`, `${file} is written as JSON.stringify writes it`).toBe(text);
  if (file === 'manifest.json') {
    json.git = '<git>';
    json.node = '<node>';
  } else {
    const environment = json.environment as Record<string, unknown>;
    environment.git = '<git>';
    environment.node = '<node>';
    json.digest = '<digest over the environment>';
  }
  return `${JSON.stringify(json, null, indent)}\n`;
}

function digestsOf(dir: string): Record<string, string> {
  const digests: Record<string, string> = {};
  for (const [file, bytes] of filesOf(dir)) {
    digests[file] = sha256(file === 'manifest.json' || file === 'partial.json' ? withoutEnvironment(file, bytes) : bytes);
  }
  return digests;
}

function runAsync(script: string, args: readonly string[]): Promise<ProcessOutput> {
  return outputOf(spawn(process.execPath, ['--import', 'tsx', `${PROJECT_ROOT}/src/cli/${script}.ts`, ...args], { cwd: PROJECT_ROOT, env: { ...process.env, NODE_OPTIONS: '' } }));
}

/** Runs cases two at a time (the machines have two cores); each writes to its own folder under `root`. */
async function runCases(cases: readonly Case[], root: string, recorded: Map<string, Recorded>): Promise<void> {
  const outOf = (name: string) => join(root, name);
  const queue = [...cases];
  const worker = async () => {
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      const args = next.args.map((arg) => arg.replace(/<out:([\w-]+)>/g, (_m, name: string) => outOf(name)));
      // One worker thread per pool: each thread loads the code anew, and outputs never depend on it.
      const workers = next.script === 'merge' ? [] : ['--workers', '1'];
      const run = await runAsync(next.script, [...args, ...workers, '--out', outOf(next.name)]);
      const blank = (text: string) => text.split(root).join('<out>');
      recorded.set(next.name, {
        command: `npm run ${next.script} -- ${blank(args.join(' '))}`,
        exit: run.status,
        stdout: blank(run.stdout),
        stderr: blank(run.stderr),
        files: existsSync(outOf(next.name)) ? digestsOf(outOf(next.name)) : {},
      });
    }
  };
  await Promise.all([worker(), worker()]);
}

describe('outputs of the shipped configs (golden digests)', () => {
  it('simulate, --runs, compare, sweep, sensitivity, shards, merge and manifest re-runs write exactly the recorded files and lines', async () => {
    const root = mkdtempSync(join(tmpdir(), 'llm-sim-golden-'));
    const recorded = new Map<string, Recorded>();
    await runCases(FIRST, root, recorded);
    await runCases(SECOND, root, recorded);
    const actual = Object.fromEntries([...FIRST, ...SECOND].map((c) => [c.name, recorded.get(c.name)!]));
    if (UPDATE) {
      writeFileSync(GOLDEN_FILE, `${JSON.stringify(actual, null, 2)}\n`);
      return;
    }
    const golden = JSON.parse(readFileSync(GOLDEN_FILE, 'utf8')) as Record<string, Recorded>;
    for (const [name, run] of Object.entries(actual)) {
      const expected = golden[name];
      expect(expected, `${name} has golden outputs`).toBeDefined();
      expect(run.exit, `${name}: exit code\n${run.stderr}`).toBe(expected!.exit);
      expect(run.stderr, `${name}: stderr`).toBe(expected!.stderr);
      expect(run.stdout, `${name}: stdout`).toBe(expected!.stdout);
      expect(Object.keys(run.files).sort(), `${name}: the files written`).toEqual(Object.keys(expected!.files).sort());
      const differing = Object.keys(run.files).filter((file) => run.files[file] !== expected!.files[file]);
      expect(differing, `${name}: files whose bytes changed`).toEqual([]);
    }
    expect(Object.keys(actual).sort()).toEqual(Object.keys(golden).sort());
  }, 240_000);

  it('records each case as it should be: every run succeeds, merges equal the job run whole, a manifest re-runs its job', () => {
    const golden = JSON.parse(readFileSync(GOLDEN_FILE, 'utf8')) as Record<string, Recorded>;
    for (const [name, run] of Object.entries(golden)) expect(run.exit, name).toBe(0);
    // The shards ran without charts, so the merged job's manifest and report differ from the whole one's.
    expect(golden['sweep-merged']!.files['sweep.csv']).toBe(golden.sweep!.files['sweep.csv']);
    expect(golden['sensitivity-merged']!.files['sensitivity.csv']).toBe(golden.sensitivity!.files['sensitivity.csv']);
    expect(golden['compare-merged']!.files['comparison.csv']).toBe(golden['compare-runs']!.files['comparison.csv']);
    expect(golden['simulate-runs-rerun']!.files).toEqual(golden['simulate-runs-merged']!.files);
  });
});
