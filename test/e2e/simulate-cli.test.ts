import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../support/run-cli.js';

const REQUIRED_METRICS = [
  'vendor.enterprise_share',
  'vendor.revenue_api_usd',
  'vendor.revenue_subscription_usd',
  'vendor.gross_margin',
  'vendor.arr_usd',
  'cloud.ai_revenue_usd',
  'cloud.asic_share',
  'market.hhi',
  'market.avg_price_usd_per_mtok',
  'market.switches',
  'market.adoption_rate',
];

interface Row {
  tick: number;
  date: string;
  metric: string;
  entity: string;
  value: number;
}

function readRows(dir: string): Row[] {
  const [header, ...lines] = readFileSync(join(dir, 'metrics.csv'), 'utf8').trimEnd().split('\n');
  expect(header).toBe('tick,date,metric,entity,value');
  return lines.map((line) => {
    const [tick, date, metric, entity, value] = line.split(',');
    return { tick: Number(tick), date: date!, metric: metric!, entity: entity!, value: Number(value) };
  });
}

const noStackTrace = (run: CliRun) => expect(run.stderr).not.toMatch(/\n\s+at /);

describe('npm run simulate', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'llm-sim-e2e-')), 'commoditized');
  let run: CliRun;
  let rows: Row[];

  beforeAll(() => {
    run = runCli('simulate.ts', ['configs/commoditized.json', '--out', out, '--ticks', '24', '--seed', '7']);
    rows = run.status === 0 ? readRows(out) : [];
  });

  it('exits 0 and says where the outputs are', () => {
    // 24 months end before commoditized branches from the baseline (2026-01): the run says so.
    expect(run.stderr).toBe("warning: commoditized: the run ends in 2025-11, before the scenario branches from its parent in 2026-01: every month of it is the parent's, and it shows nothing of what the scenario changes; run to 2026-01 or later\n");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(out);
  });

  it('writes charts, metrics.csv, summary.json and events.jsonl', () => {
    const files = readdirSync(out);
    for (const file of ['metrics.csv', 'summary.json', 'events.jsonl']) expect(files).toContain(file);
    const pngs = files.filter((f) => f.endsWith('.png'));
    expect(pngs.length).toBeGreaterThanOrEqual(6);
    for (const png of pngs) expect(readFileSync(join(out, png)).subarray(1, 4).toString()).toBe('PNG');
  });

  it('records every required metric for each of the 24 months, dated from the config start', () => {
    const names = new Set(rows.map((r) => r.metric));
    for (const metric of REQUIRED_METRICS) expect(names).toContain(metric);
    expect(new Set(rows.map((r) => r.tick)).size).toBe(24);
    expect(rows.find((r) => r.tick === 0)!.date).toBe('2023-12');
    expect(rows.find((r) => r.tick === 23)!.date).toBe('2025-11');
    expect(rows.every((r) => Number.isFinite(r.value))).toBe(true);
  });

  it('keeps values in range: shares partition the market, ARR is 12 months of revenue', () => {
    for (let tick = 0; tick < 24; tick++) {
      const shares = rows.filter((r) => r.tick === tick && r.metric === 'vendor.enterprise_share');
      // DeepSeek comes to market in 2025-01 (tick 13).
      const vendors = ['anthropic', ...(tick >= 13 ? ['deepseek'] : []), 'google', 'meta', 'mistral', 'openai', 'xai'];
      expect(shares.map((r) => r.entity).sort()).toEqual(vendors);
      expect(shares.reduce((s, r) => s + r.value, 0)).toBeCloseTo(1, 9);
    }
    for (const r of rows.filter((r) => r.metric === 'cloud.asic_share' || r.metric === 'market.adoption_rate')) {
      expect(r.value).toBeGreaterThanOrEqual(0);
      expect(r.value).toBeLessThanOrEqual(1);
    }
    for (const r of rows.filter((r) => r.metric === 'vendor.gross_margin')) expect(r.value).toBeLessThan(1);
    for (const r of rows.filter((r) => r.metric === 'market.hhi')) {
      expect(r.value).toBeGreaterThan(0);
      expect(r.value).toBeLessThanOrEqual(10_000);
    }
    const revenue = rows.filter((r) => r.metric === 'vendor.revenue_usd');
    for (const arr of rows.filter((r) => r.metric === 'vendor.arr_usd')) {
      const month = revenue.find((r) => r.tick === arr.tick && r.entity === arr.entity)!;
      expect(arr.value).toBeCloseTo(12 * month.value, 0);
    }
    // Open weights earn their makers nothing per token: no revenue rows for meta.
    expect(rows.some((r) => r.metric === 'vendor.revenue_api_usd' && r.entity === 'meta')).toBe(false);
  });

  it('summarises the run: scenario, seed, ticks, start, config hash and final KPIs', () => {
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary).toMatchObject({ scenario: 'commoditized', seed: 7, ticks: 24, start: '2023-12', end: '2025-11' });
    expect(summary.configHash).toMatch(/^sha256:[0-9a-f]{64}$/);
    const lastShare = rows.find((r) => r.tick === 23 && r.metric === 'vendor.enterprise_share' && r.entity === 'openai')!;
    expect(summary.final['vendor.enterprise_share'].openai).toBe(lastShare.value);
    expect(summary.final['market.hhi'].market).toBeGreaterThan(0);
  });

  it('logs the bus events in order, each with its type and tick', () => {
    const events = readFileSync(join(out, 'events.jsonl'), 'utf8')
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    const types = new Set(events.map((e) => e.type));
    for (const type of ['market.month-opened', 'enterprise.adopted', 'compute.contract-signed', 'vendor.price-changed', 'vendor.month-closed']) {
      expect(types).toContain(type);
    }
    for (let i = 1; i < events.length; i++) expect(events[i].tick).toBeGreaterThanOrEqual(events[i - 1].tick);
    expect(events.filter((e) => e.type === 'market.month-opened')).toHaveLength(24);
  });
});

describe('determinism', () => {
  it('gives byte-identical outputs for the same config and seed, and different ones for another seed', () => {
    const root = mkdtempSync(join(tmpdir(), 'llm-sim-det-'));
    const seeds = ['3', '3', '4'];
    const outputs = seeds.map((seed, i) => {
      const out = join(root, `run-${i}`);
      const run = runCli('simulate.ts', ['configs/baseline.json', '--out', out, '--ticks', '18', '--seed', seed, '--no-charts']);
      expect(run.status).toBe(0);
      return out;
    });
    const read = (out: string, file: string) => readFileSync(join(out, file));
    for (const file of ['metrics.csv', 'summary.json', 'events.jsonl']) {
      expect(read(outputs[0]!, file).equals(read(outputs[1]!, file))).toBe(true);
      expect(read(outputs[0]!, file).equals(read(outputs[2]!, file))).toBe(false);
    }
  });
});

describe('bad input', () => {
  it('a missing config file: exit 2, names the file', () => {
    const run = runCli('simulate.ts', ['configs/no-such-scenario.json']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('no-such-scenario.json');
    expect(run.stderr).toContain('no such file');
    noStackTrace(run);
  });

  it('invalid JSON: exit 2 with line and column', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'llm-sim-bad-')), 'broken.json');
    writeFileSync(file, '{\n  "name": "x",\n  "months": 12,,\n}\n');
    const run = runCli('simulate.ts', [file]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/line 3, column \d+/);
    noStackTrace(run);
  });

  it('schema violations: exit 2, every problem with its path', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'llm-sim-bad-')), 'bad.json');
    const baseline = JSON.parse(readFileSync('configs/baseline.json', 'utf8'));
    baseline.months = -3;
    baseline.vendors[0].policies.pricing.type = 'guesswork';
    writeFileSync(file, JSON.stringify(baseline));
    const run = runCli('simulate.ts', [file]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('months:');
    expect(run.stderr).toContain(
      'vendors[0].policies.pricing.type: unknown vendor-pricing policy "guesswork"; valid types: cost-plus-competitive, fixed-price',
    );
    noStackTrace(run);
  });

  it('an unknown flag: exit 2, what was meant, and where the options are listed', () => {
    const run = runCli('simulate.ts', ['--sed', '3']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('error: unknown option --sed (did you mean --seed?)\n  npm run simulate -- --help lists the options\n');
  });

  it('--help: exit 0 and the usage on stdout', () => {
    const run = runCli('simulate.ts', ['--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('--seed');
  });

  it('refuses to replace a non-empty folder it did not write, and leaves it intact', () => {
    const dir = mkdtempSync(join(tmpdir(), 'llm-sim-foreign-'));
    mkdirSync(join(dir, 'mine'));
    writeFileSync(join(dir, 'mine', 'thesis.docx'), 'precious');
    const run = runCli('simulate.ts', ['configs/baseline.json', '--out', join(dir, 'mine'), '--ticks', '2', '--no-charts']);
    expect(run.status).toBe(2);
    expect(readFileSync(join(dir, 'mine', 'thesis.docx'), 'utf8')).toBe('precious');
    expect(existsSync(join(dir, 'mine', 'metrics.csv'))).toBe(false);
  });

  it('replaces its own previous output, leaving no staging folders behind', () => {
    const dir = mkdtempSync(join(tmpdir(), 'llm-sim-rerun-'));
    const out = join(dir, 'run');
    expect(runCli('simulate.ts', ['configs/baseline.json', '--out', out, '--ticks', '2', '--no-charts']).status).toBe(0);
    expect(runCli('simulate.ts', ['configs/baseline.json', '--out', out, '--ticks', '3', '--no-charts']).status).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')).ticks).toBe(3);
    expect(readdirSync(dir)).toEqual(['run']);
  });
});
