import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../support/run-cli.js';
import { markdownLinks, tinyConfigs } from './tiny-configs.js';

describe('npm run compare', () => {
  const { dir, baseline, cheap } = tinyConfigs('compare');
  const out = join(dir, 'out');
  let run: CliRun;

  beforeAll(() => {
    run = runCli('compare.ts', [baseline, cheap, '--runs', '2', '--vendor', 'anthropic', '--out', out]);
  });

  it('exits 0 and says where the outputs are', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toMatch(new RegExp(`^Wrote \\d+ charts, comparison\\.md, comparison\\.csv and manifest\\.json to ${out}/$`));
  });

  it('counts the changes within the runs’ noise', () => {
    expect(run.stdout).toMatch(/\n\d+ of \d+ changes against tiny are within the runs' noise \(marked \* in comparison\.md\)\.\n/);
  });

  it('with one seed per scenario, says a change may be seed noise, and follows the vendor whose share moved most', () => {
    const single = runCli('compare.ts', [baseline, cheap, '--no-charts', '--out', join(dir, 'single')]);
    expect(single.status).toBe(0);
    expect(single.stdout).toContain('One seed per scenario: a change may be seed noise alone');
    const md = readFileSync(join(dir, 'single', 'comparison.md'), 'utf8');
    expect(md).toContain('One seed per scenario: a change may be seed noise alone');
    expect(md).toMatch(/Charts of one vendor follow .+ is the closed vendor whose enterprise share moved most against tiny \([+−]\d+\.\d pp in cheap\)/);
  });

  it('draws a chart of levels and one of changes per key metric, following the vendor asked for', () => {
    const pngs = readdirSync(out).filter((f) => f.endsWith('.png'));
    for (const file of ['enterprise-share-anthropic.png', 'delta-enterprise-share-anthropic.png', 'market-hhi.png', 'delta-market-hhi.png', 'avg-token-price.png']) {
      expect(pngs).toContain(file);
    }
    expect(pngs.some((f) => f.includes('openai'))).toBe(false);
    for (const png of pngs) expect(readFileSync(join(out, png)).subarray(1, 4).toString()).toBe('PNG');
  });

  it('writes comparison.csv with each KPI per scenario and the run-by-run change against the first', () => {
    const [header, ...rows] = readFileSync(join(out, 'comparison.csv'), 'utf8').trimEnd().split('\n');
    expect(header).toBe('kpi,metric,entity,scenario,mean,p5,p50,p95,delta_mean,delta_p5,delta_p95');
    const switches = rows.filter((r) => r.startsWith('total,market.switches,market,'));
    expect(switches.map((r) => r.split(',')[3])).toEqual(['tiny', 'cheap']);
    const [base, other] = switches.map((r) => r.split(','));
    expect(base![8]).toBe('');
    expect(Number(other![8])).toBeCloseTo(Number(other![4]) - Number(base![4]), 6);
  });

  it('writes comparison.md with the KPIs side by side and every chart embedded', () => {
    const md = readFileSync(join(out, 'comparison.md'), 'utf8');
    expect(md).toMatch(/^# Comparing tiny, cheap\n/);
    expect(md).toContain('| Market | tiny | cheap | Δ cheap |');
    const images = markdownLinks(md).filter((l) => l.endsWith('.png'));
    expect(images.sort()).toEqual(readdirSync(out).filter((f) => f.endsWith('.png')).sort());
    for (const link of markdownLinks(md)) expect(existsSync(join(out, link))).toBe(true);
  });

  it('records each scenario’s seeds in the manifest', () => {
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.seeds).toEqual({ tiny: [1, 2], cheap: [1, 2] });
    expect(manifest.job.scenarios.map((s: { name: string }) => s.name)).toEqual(['tiny', 'cheap']);
  });

  it('bad input: one config, an unknown vendor or flag exit 2 with a message', () => {
    const one = runCli('compare.ts', [baseline]);
    expect(one.status).toBe(2);
    expect(one.stderr).toContain('at least two config files');
    const vendor = runCli('compare.ts', [baseline, cheap, '--vendor', 'nobody']);
    expect(vendor.status).toBe(2);
    expect(vendor.stderr).toBe('error: --vendor nobody: no such vendor; vendors: openai, anthropic, google, xai, mistral, meta, deepseek\n');
    const flag = runCli('compare.ts', [baseline, cheap, '--run', '2']);
    expect(flag.status).toBe(2);
    expect(flag.stderr).toBe('error: unknown option --run (did you mean --runs?)\n  npm run compare -- --help lists the options\n');
    expect(runCli('compare.ts', ['--help']).stdout).toContain('--vendor ID');
  });
});
