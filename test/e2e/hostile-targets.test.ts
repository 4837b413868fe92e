import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../support/run-cli.js';

/**
 * Bad --targets to simulate and compare: a file that is missing, not JSON or not a targets file,
 * figures outside the run (--ticks) or of an entity a scenario lacks, --targets beside a manifest.
 * Each is exit 2 before anything runs, with calibrate's messages (the same loader), never a stack
 * trace or an output folder.
 */

const noStackTrace = (run: CliRun) => expect(run.stderr).not.toMatch(/\n\s+at |node:internal/);

describe('hostile --targets', () => {
  const dir = mkdtempSync(join(tmpdir(), 'llm-sim-hostile-targets-'));
  const file = (name: string, content: string) => {
    writeFileSync(join(dir, name), content);
    return join(dir, name);
  };
  const out = join(dir, 'out');
  const simulate = (...args: string[]) => runCli('simulate.ts', ['configs/baseline.json', ...args, '--out', out]);
  const runs: Record<string, CliRun> = {};

  beforeAll(() => {
    const target = { id: 'a', metric: 'vendor.enterprise_share', entity: 'anthropic', month: '2024-12', band: [0.18, 0.3], source: 'Menlo' };
    runs.missing = simulate('--targets', join(dir, 'none.json'));
    runs.notJson = simulate('--targets', file('broken.json', '{\n  "targets": [\n}'));
    runs.invalid = simulate('--targets', file('invalid.json', JSON.stringify({ targets: [{ ...target, metric: 'vendor.enterprise_shar', band: [0.3, 0.18] }] })));
    runs.outsideRun = simulate('--targets', 'configs/targets/2023-2025.json', '--ticks', '12');
    runs.valueOutside = simulate('--targets', file('value.json', JSON.stringify({ targets: [{ ...target, value: 24 }] })));
    runs.noEntity = simulate('--targets', file('entity.json', JSON.stringify({ targets: [{ ...target, entity: 'antropic' }] })));
    runs.noValue = simulate('--targets');
    file('ok.json', JSON.stringify({ targets: [target] }));
    runs.manifestRun = runCli('simulate.ts', ['configs/baseline.json', '--ticks', '13', '--no-charts', '--quiet', '--out', join(dir, 'first')]);
    runs.withManifest = runCli('simulate.ts', [join(dir, 'first', 'manifest.json'), '--targets', join(dir, 'ok.json'), '--out', out]);
    runs.compareOutside = runCli('compare.ts', ['configs/baseline.json', 'configs/exclusive-azure.json', '--targets', 'configs/targets/2023-2025.json', '--ticks', '6', '--out', out]);
  }, 120_000);

  it('refuses each with exit 2 before anything runs, without a stack trace or an output folder', () => {
    for (const [name, run] of Object.entries(runs)) {
      if (name === 'manifestRun') continue;
      noStackTrace(run);
      expect({ name, status: run.status }).toEqual({ name, status: 2 });
    }
    expect(existsSync(out)).toBe(false);
  });

  it('names a missing file', () => {
    expect(runs.missing!.stderr).toBe(`error: ${join(dir, 'none.json')} is not a valid targets file:\n  (file): ${join(dir, 'none.json')}: no such file\n`);
  });

  it('says where a file stops being JSON', () => {
    expect(runs.notJson!.stderr).toMatch(/broken\.json is not a valid targets file:\n {2}\(json\): invalid JSON at line 3, column 1/);
  });

  it('names each problem of a targets file at its place, with the name meant', () => {
    expect(runs.invalid!.stderr).toContain('targets[0].band: the band runs from low to high: [0.3, 0.18] is backwards');
    expect(runs.invalid!.stderr).toContain('targets[0].metric: no metric is called "vendor.enterprise_shar"; did you mean "vendor.enterprise_share"?');
  });

  it('refuses a reported figure outside its band', () => {
    expect(runs.valueOutside!.stderr).toContain('targets[0].value: the reported figure 24 lies outside the band [0.18, 0.3]');
  });

  it('refuses a figure outside the run, saying --ticks set its end, and what to do', () => {
    const stderr = runs.outsideRun!.stderr;
    expect(stderr).toMatch(/^error: configs\/targets\/2023-2025\.json does not fit configs\/baseline\.json:\n/);
    expect(stderr).toContain("targets[5].month: 2024-12 is outside the run, which covers 2023-12 to 2024-11 (the scenario's start, and --ticks 12)");
    expect(stderr).toContain('--ticks 12 ends the run at 2024-11: run more months, or name a targets file whose figures lie within the run');
    // A figure of the run's first month (history before any branch) is within it.
    expect(stderr).not.toContain('targets[11].month');
  });

  it('refuses an entity the scenario lacks, with the one meant', () => {
    expect(runs.noEntity!.stderr).toContain('targets[0].entity: vendor.enterprise_share is about a vendor and the scenario has no vendor "antropic"; did you mean "anthropic"?');
  });

  it('asks for the file when --targets has none', () => {
    expect(runs.noValue!.stderr).toMatch(/^error: --targets needs a value/);
  });

  it('refuses --targets beside a manifest, which fixes the job', () => {
    expect(runs.manifestRun!.status).toBe(0);
    expect(runs.withManifest!.stderr).toContain('is a manifest, which fixes the job; --targets cannot change it');
  });

  it('checks the targets against every compared scenario, naming each config', () => {
    const stderr = runs.compareOutside!.stderr;
    expect(stderr).toContain('configs/targets/2023-2025.json does not fit configs/baseline.json:');
    expect(stderr).toContain('configs/targets/2023-2025.json does not fit configs/exclusive-azure.json:');
  });
});
