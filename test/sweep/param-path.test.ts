import { describe, expect, it } from 'vitest';
import { canonicalPath, numberAtPath, numbersAtPath, resolvePath, withValueAt } from '../../src/sweep/param-path.js';
import { applySettings, canonicalRanges } from '../../src/sweep/param-range.js';
import { baselineJson, scenarioOf } from '../support/scenario-fixtures.js';

const json = baselineJson();
json.vendors[0].policies.pricing.params.markup = 2;
delete json.enterprises.policies.switching.params.paybackMonths;
const scenario = scenarioOf(json);

describe('paths into a resolved scenario', () => {
  it('reach a list entry by its id or its index, in dot or bracket form', () => {
    for (const path of ['vendors.openai.policies.pricing.params.markup', 'vendors.0.policies.pricing.params.markup', 'vendors[0].policies.pricing.params.markup']) {
      expect(numberAtPath(scenario, path)).toEqual({ success: true, value: { segments: ['vendors', 0, 'policies', 'pricing', 'params', 'markup'], value: 2 } });
    }
  });

  it('reach a param left to its default, which the resolved scenario holds', () => {
    expect(numberAtPath(scenario, 'enterprises.policies.switching.params.paybackMonths')).toMatchObject({ success: true, value: { value: expect.any(Number) } });
  });

  it('name the deepest valid prefix and what it holds when a step does not exist', () => {
    expect(resolvePath(scenario, 'vendors.opnai.quality')).toEqual({
      success: false,
      message: 'vendors.opnai.quality: no "opnai" at vendors (did you mean "openai"?); available: openai, anthropic, google, xai, mistral, meta, deepseek (ids) or indices 0–6',
    });
    expect(resolvePath(scenario, 'enterprises.policies.switching.params.payback')).toMatchObject({
      success: false,
      message: expect.stringContaining('at enterprises.policies.switching.params; available: reviewProbability, paybackMonths'),
    });
    expect(resolvePath(scenario, 'vendors.9')).toMatchObject({ success: false, message: expect.stringContaining('indices 0–6') });
  });

  it('say what a target is when it is not a number', () => {
    expect(numberAtPath(scenario, 'vendors.openai.policies.pricing')).toEqual({
      success: false,
      message: 'vendors.openai.policies.pricing is an object, not a number; it holds type, params',
    });
    expect(numberAtPath(scenario, 'name')).toMatchObject({ success: false, message: 'name is a string ("baseline"), not a number' });
    expect(numberAtPath(scenario, 'vendors..quality')).toMatchObject({ success: false, message: expect.stringContaining('is not a path') });
  });

  it('set a value on a copy, leaving the scenario as it was', () => {
    const target = numberAtPath(scenario, 'vendors.anthropic.quality');
    if (!target.success) throw new Error(target.message);
    const changed = withValueAt(scenario, target.value.segments, 2.5) as typeof scenario;
    expect(changed.vendors[1]!.quality).toBe(2.5);
    expect(scenario.vendors[1]!.quality).not.toBe(2.5);
    expect(changed.vendors[0]).toBe(scenario.vendors[0]);
  });
});

describe('canonical paths', () => {
  it('spell a list entry by its id, however it was written', () => {
    for (const path of ['vendors.openai.quality', 'vendors.0.quality', 'vendors[0].quality']) {
      expect(canonicalPath(scenario, path)).toEqual({ success: true, value: 'vendors.openai.quality' });
    }
    expect(canonicalPath(scenario, 'enterprises.segments[1].share')).toMatchObject({ success: true, value: expect.stringMatching(/^enterprises\.segments\.[a-z][a-z0-9-]*\.share$/) });
  });

  it('keep an index where the entry has no id, and pass on why a path is wrong', () => {
    expect(canonicalPath({ list: [{ x: 1 }, { x: 2 }] }, 'list.1.x')).toEqual({ success: true, value: 'list[1].x' });
    expect(canonicalPath(scenario, 'vendors.opnai.quality')).toMatchObject({ success: false, message: expect.stringContaining('did you mean "openai"') });
  });

  it('make a sweep refuse one parameter under two spellings, and store the canonical one', () => {
    const range = (path: string) => ({ path, from: 1, to: 2, steps: 2 });
    expect(canonicalRanges(scenario, [range('vendors[0].quality'), range('vendors.openai.quality')])).toEqual({
      success: false,
      message: '--param vendors[0].quality and --param vendors.openai.quality name the same parameter, vendors.openai.quality: sweep each parameter once (two --param make a grid of two different parameters)',
    });
    expect(canonicalRanges(scenario, [range('vendors[1].quality'), range('vendors[0].quality')])).toEqual({
      success: true,
      value: [range('vendors.anthropic.quality'), range('vendors.openai.quality')],
    });
  });
});

describe('"*" in a path: several numbers moving together as one factor', () => {
  const MEDIANS = 'enterprises.segments.*.switchingCostUsd.median';

  it('names every number it reaches, in the scenario’s order, each in its canonical spelling', () => {
    const found = numbersAtPath(scenario, MEDIANS);
    expect(found.success && found.value.map((n) => [n.path, n.value])).toEqual([
      ['enterprises.segments.large.switchingCostUsd.median', 150_000],
      ['enterprises.segments.mid.switchingCostUsd.median', 40_000],
      ['enterprises.segments.small.switchingCostUsd.median', 10_000],
    ]);
    // Vendors without a pricing policy (open weights) are passed over, not refused.
    const markups = numbersAtPath(scenario, 'vendors.*.policies.pricing.params.markup');
    expect(markups.success && markups.value.map((n) => n.path.split('.')[1])).toEqual(['openai', 'anthropic', 'google', 'xai', 'mistral']);
  });

  it('keeps one spelling, the part before "*" canonical, and refuses one that reaches no number or not only numbers', () => {
    expect(canonicalPath(scenario, 'enterprises.segments[*].switchingCostUsd.median')).toMatchObject({ success: false });
    expect(canonicalPath(scenario, MEDIANS)).toEqual({ success: true, value: MEDIANS });
    expect(canonicalPath(scenario, 'vendors[0].policies.*.params.markup')).toEqual({ success: true, value: 'vendors.openai.policies.*.params.markup' });
    expect(numbersAtPath(scenario, 'enterprises.segments.*.switchingCostUsd.medain')).toMatchObject({ success: false, message: expect.stringContaining('"*" reaches no number: enterprises.segments.0.switchingCostUsd.medain: no "medain" at enterprises.segments[0].switchingCostUsd (did you mean "median"?)') });
    expect(numbersAtPath(scenario, 'enterprises.segments.*.switchingCostUsd')).toMatchObject({ success: false, message: expect.stringContaining('"*" must reach numbers only') });
  });

  it('sets every number it reaches to the value, and a sweep refuses it beside a parameter it already moves', () => {
    const applied = applySettings(scenario, [{ path: MEDIANS, value: 70_000 }]);
    expect(applied.success && applied.value.enterprises.segments.map((s) => s.switchingCostUsd.median)).toEqual([70_000, 70_000, 70_000]);
    const both = canonicalRanges(scenario, [
      { path: MEDIANS, from: 1e4, to: 1e6, steps: 3 },
      { path: 'enterprises.segments[1].switchingCostUsd.median', from: 1e4, to: 1e6, steps: 3 },
    ]);
    expect(both).toEqual({
      success: false,
      message: `--param ${MEDIANS} and --param enterprises.segments[1].switchingCostUsd.median name the same parameter, enterprises.segments.mid.switchingCostUsd.median: sweep each parameter once (two --param make a grid of two different parameters)`,
    });
  });
});
