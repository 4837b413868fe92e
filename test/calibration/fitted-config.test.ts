import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fittedConfig, roundFitted } from '../../src/calibration/fitted-config.js';
import { loadScenarioFile } from '../../src/config/load-scenario-file.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function loadFitted(settings: { path: string; value: number }[]) {
  const base = loadScenarioFile('configs/baseline.json');
  if (!base.success) throw new Error('baseline does not load');
  const fitted = fittedConfig(base.scenario, resolve('configs/baseline.json'), settings);
  if (!fitted.success) throw new Error(fitted.message);
  const dir = mkdtempSync(join(tmpdir(), 'fitted-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'fitted.json'), JSON.stringify(fitted.value));
  const loaded = loadScenarioFile(join(dir, 'fitted.json'));
  if (!loaded.success) throw new Error(JSON.stringify(loaded.problems));
  return { json: fitted.value, base: base.scenario, scenario: loaded.scenario };
}

describe('fitted.json', () => {
  it('extends the config and sets each fitted value where the merge puts it, nothing else changed', () => {
    const { json, base, scenario } = loadFitted([
      { path: 'enterprises.segments.large.marketplaceShare', value: 0.6 },
      { path: 'enterprises.segments[2].marketplaceShare', value: 0.3 },
      { path: 'vendors.openai.policies.pricing.params.rivalWeight', value: 0.11 },
      { path: 'enterprises.represents', value: 35_000 },
    ]);
    expect(json.enterprises).toEqual({ segments: [{ id: 'large', marketplaceShare: 0.6 }, { id: 'small', marketplaceShare: 0.3 }], represents: 35_000 });
    expect(scenario.enterprises.segments.map((s) => s.marketplaceShare)).toEqual([0.6, base.enterprises.segments[1]!.marketplaceShare, 0.3]);
    const pricing = (scenario: typeof base) => (scenario.vendors[0]!.policies as { pricing: { params: Record<string, number> } }).pricing;
    expect(pricing(scenario)).toEqual({ ...pricing(base), params: { ...pricing(base).params, rivalWeight: 0.11 } });
    expect({ ...scenario, enterprises: base.enterprises, vendors: base.vendors, extended: undefined }).toEqual(base);
    // It extends the config without branching: the config comes with it, to measure its changes from.
    expect(scenario.extended).toEqual(base);
  });

  it('names a path the scenario does not have', () => {
    const base = loadScenarioFile('configs/baseline.json');
    if (!base.success) throw new Error('baseline does not load');
    const fitted = fittedConfig(base.scenario, 'baseline.json', [{ path: 'enterprises.segments.huge.marketplaceShare', value: 1 }]);
    expect(fitted.success).toBe(false);
    expect(!fitted.success && fitted.message).toContain('no "huge"');
  });

  it('writes values to 4 significant digits', () => {
    expect(roundFitted(0.123456)).toBe(0.1235);
    expect(roundFitted(33_333.7)).toBe(33_330);
  });
});
