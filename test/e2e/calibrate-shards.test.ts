import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { calibrateCommand } from '../../src/calibration/calibrate-command.js';
import { loadInput } from '../../src/cli/command.js';
import { mergeCalibrationShards } from '../../src/cli/merge-calibration.js';
import { JOB_KINDS } from '../../src/jobs/registry.js';
import { BASELINE_PATH } from '../support/scenario-fixtures.js';
import { PROJECT_ROOT, type CliRun } from '../support/run-cli.js';
import { differingFiles, filesOf } from './tiny-configs.js';

/**
 * A calibration on many machines, generation by generation: shards of each round, merged into the
 * state the next round continues, and at last into the files one machine writes, byte for byte.
 * 100 enterprises, runs of 7 months, a budget of two generations (100 + 50 points) and the fit's
 * 10 runs: about a second of simulation per shard, the rest is starting processes.
 */
const dir = mkdtempSync(join(tmpdir(), 'calibrate-shards-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

writeFileSync(join(dir, 'small.json'), JSON.stringify({ extends: BASELINE_PATH, name: 'small', enterprises: { count: 100 } }));
writeFileSync(
  join(dir, 'targets.json'),
  JSON.stringify({
    targets: [
      { id: 'api-spend-2024-06', metric: 'market.enterprise_spend_usd', entity: 'market', month: '2024-06', band: [150e6, 250e6], source: 'test' },
      { id: 'openai-share-2024-06', metric: 'vendor.enterprise_share', entity: 'openai', month: '2024-06', band: [0.3, 0.4], source: 'test' },
      { id: 'upgrades', metric: 'market.upgrade_rate_12m', entity: 'market', month: '2025-06', band: [0.5, 0.8], source: 'survey', notModelled: 'one model per vendor' },
    ],
    free: [
      { path: 'enterprises.represents', range: [20000, 50000], scale: 'log', source: 'test' },
      { path: 'enterprises.brandPremium', range: [0.05, 0.3], scale: 'linear', source: 'test' },
    ],
  }),
);
const calibration = ['small.json', '--targets', 'targets.json', '--budget', '150'];

/** A command run in the calibration's folder, so that paths are as a user types them; tsx named by its path, as the folder is not the project's. */
const node = (script: string, args: readonly string[]) => [['--import', pathToFileURL(join(PROJECT_ROOT, 'node_modules/tsx/dist/loader.mjs')).href, join(PROJECT_ROOT, 'src/cli', script), ...args], { cwd: dir, env: { ...process.env, NODE_OPTIONS: '' } }] as const;
function runCli(script: string, args: readonly string[]): CliRun {
  const result = spawnSync(process.execPath, ...node(script, args));
  return { status: result.status, stdout: result.stdout.toString(), stderr: result.stderr.toString() };
}
const calibrate = (...more: string[]) => runCli('calibrate.ts', [...calibration, ...more]);
const merge = (...args: string[]) => runCli('merge.ts', args);

/** A command as a process of its own, so that the shards of a round run side by side. */
function started(script: string, args: readonly string[]): Promise<CliRun> {
  const child = spawn(process.execPath, ...node(script, args));
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((done) => child.on('close', (status) => done({ status, stdout, stderr })));
}

/** Round's shards, i of N each in sh/<round>-<i>, side by side, each on one worker. */
async function shards(round: number, count: number, from: string[]): Promise<string[]> {
  const dirs = Array.from({ length: count }, (_, i) => `sh/${round}-${i}`);
  const runs = await Promise.all(dirs.map((out, i) => started('calibrate.ts', [...calibration, ...from, '--shard', `${i}/${count}`, '--workers', '1', '--quiet', '--out', out])));
  for (const run of runs) expect(run.status, run.stderr).toBe(0);
  return dirs;
}

const refused = (run: CliRun, pattern: RegExp) => {
  expect(run.status, run.stderr).toBe(2);
  expect(run.stderr).toMatch(pattern);
};

describe('npm run calibrate on many machines', () => {
  // The calibration on one machine, which the others are compared with.
  beforeAll(() => {
    const whole = calibrate('--workers', '2', '--out', 'whole');
    expect(whole.status, whole.stderr).toBe(0);
  }, 300_000);

  it('writes a manifest, and a calibration run again from it makes the same files byte for byte', () => {
    const manifest = JSON.parse(readFileSync(join(dir, 'whole/manifest.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest.command).toBe('npm run calibrate -- small.json --targets targets.json --budget 150');
    const recorded = manifest.calibration as { targetsDigest: { sha256: string }; free: unknown[]; scenario: { name: string } };
    expect(recorded.targetsDigest.sha256).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(recorded.free).toHaveLength(2);
    expect(recorded.scenario.name).toBe('small');

    // The targets file changes afterwards; the manifest holds what ran.
    writeFileSync(join(dir, 'targets-later.json'), '{}');
    const again = runCli('calibrate.ts', ['whole/manifest.json', '--workers', '2', '--out', 'again']);
    expect(again.status, again.stderr).toBe(0);
    expect(differingFiles(join(dir, 'whole'), join(dir, 'again'))).toEqual([]);

    const validated = runCli('validate.ts', ['whole/manifest.json']);
    expect(validated.stdout).toBe('ok whole/manifest.json (a manifest of a calibration: npm run calibrate -- whole/manifest.json runs it again)\n');
    refused(runCli('simulate.ts', ['whole/manifest.json']), /whole\/manifest\.json is the manifest of a calibration, not of a job: npm run calibrate -- whole\/manifest\.json runs it again/);
    refused(runCli('calibrate.ts', ['whole/manifest.json', '--budget', '300', '--out', 'never']), /whole\/manifest\.json is a manifest, which fixes the calibration; --budget cannot change it/);
    const edited = manifest as { calibration: { budget: number } };
    edited.calibration.budget = 300;
    writeFileSync(join(dir, 'edited.json'), JSON.stringify(edited));
    refused(runCli('calibrate.ts', ['edited.json', '--out', 'never']), /calibrationHash: the manifest records sha256:[0-9a-f]+, but its calibration hashes to sha256:[0-9a-f]+/);
  }, 300_000);

  it('runs each generation in shards, merged into the state the next continues, and ends with the files of one machine', async () => {
    const at = (...paths: string[]) => paths.map((p) => join(dir, p));
    // Merges that write a state run here, their refusals too: only the last merge resolves the config's path.
    const mergeHere = async (dirs: string[], from?: string) => {
      const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
      const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
      try {
        const status = await mergeCalibrationShards({ dirs: at(...dirs), out: join(dir, 'merged'), ...(from ? { from: join(dir, from) } : {}), quiet: false });
        return { status, stdout: stdout.mock.calls.map((c) => String(c[0])).join(''), stderr: stderr.mock.calls.map((c) => String(c[0])).join('') };
      } finally {
        stderr.mockRestore();
        stdout.mockRestore();
      }
    };

    // Generation 0 in two shards.
    const round0 = await shards(0, 2, []);
    refused(await mergeHere([round0[0]!]), /missing shard 1\/2 of 2 of generation 0: run it \(--shard i\/2\)/);
    refused(await mergeHere(round0, 'whole'), /--from \S+whole: the shards ran generation 0, which continues no state; leave out --from/);
    const first = await mergeHere(round0);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain('Merged 2 shards of generation 0 (100 runs).\nThe calibration goes on with generation 1: 50 runs.');

    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const otherSeed = calibrateCommand([...at('small.json'), '--targets', ...at('targets.json'), '--budget', '150', '--seed', '9', '--shard', '0/2', '--from', ...at('merged')], { loadInput: (file) => loadInput(file, JOB_KINDS) });
    expect(otherSeed).toEqual({ exit: 2 });
    expect(String(stderr.mock.calls[0]?.[0])).toMatch(/--from \S+merged is the state of another calibration \(its config, targets, free parameters, budget, seed or options differ\): npm run calibrate -- small\.json --targets targets\.json --budget 150\n/);
    stderr.mockRestore();

    refused(await mergeHere(round0), /merged holds the state of this calibration before generation 1, which these shards of generation 0 would replace: merge the next round's shards with --from/);
    // Generation 1 in two shards, from the state.
    const round1 = await shards(1, 2, ['--from', 'merged']);
    refused(await mergeHere(round1), /the shards ran generation 1, continuing the state of the calibration a merge wrote \(sha256:[0-9a-f]+\): name its folder with --from/);
    refused(await mergeHere([round1[0]!, round0[1]!], 'merged'), /sh\/0-1 ran generation 0, \S+sh\/1-0 generation 1: merge the shards of one round at a time/);
    const tampered = JSON.parse(readFileSync(join(dir, round1[1]!, 'calibration-shard.json'), 'utf8')) as { results: { figures: number[] }[] };
    cpSync(join(dir, round1[1]!), join(dir, 'tampered'), { recursive: true });
    tampered.results[0]!.figures[0] = 1;
    writeFileSync(join(dir, 'tampered/calibration-shard.json'), JSON.stringify(tampered));
    refused(await mergeHere([round1[0]!, 'tampered'], 'merged'), /tampered\/calibration-shard\.json was edited after it was written/);
    const second = await mergeHere(round1, 'merged');
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toContain('The calibration goes on with the fit: 10 runs.');
    refused(await mergeHere(round1, 'merged'), /it is already at the fit: these shards were merged before/);

    // The fit's 10 runs in two shards; meanwhile one machine finishes what the shards began, from the same state.
    const [fit, finished] = await Promise.all([shards(2, 2, ['--from', 'merged']), started('calibrate.ts', [...calibration, '--from', 'merged', '--workers', '1', '--out', 'finished'])]);
    expect(finished.status, finished.stderr).toBe(0);
    expect(finished.stdout).toMatch(/\(2 generations, 150 runs from merged\)/);
    // The last merge writes the calibration's files, as a user runs it.
    const last = merge(...fit!, '--from', 'merged', '--out', 'merged');
    expect(last.status, last.stderr).toBe(0);
    expect(last.stdout).toMatch(/^Merged 2 shards of the fit \(10 runs\)\.\nCalibrated 2 parameters of small in 150 runs/);
    expect([...filesOf(join(dir, 'merged')).keys()]).toEqual(['.llm-market-sim', 'calibration-loss.png', 'calibration.csv', 'calibration.md', 'fitted.json', 'manifest.json', 'posterior.csv']);
    expect(differingFiles(join(dir, 'whole'), join(dir, 'merged'))).toEqual([]);
    expect(differingFiles(join(dir, 'whole'), join(dir, 'finished'))).toEqual([]);
    refused(merge(...fit!, '--from', 'merged', '--out', 'again'), /--from merged holds a finished calibration \(calibration\.md\): nothing is left to run/);
  }, 300_000);
});
