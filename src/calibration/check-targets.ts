import type { Scenario } from '../config/parse-scenario.js';
import type { ConfigProblem } from '../config/references.js';
import { closestName } from '../config/suggest.js';
import { monthIndex, tickToDate } from '../engine/calendar.js';
import { canonicalPath, numberAtPath } from '../sweep/param-path.js';
import { applySettings } from '../sweep/param-range.js';
import { numericPolicyParams, type ParamBounds } from '../sweep/policy-params.js';
import { targetWindow, type TargetFile } from './target-file.js';

/**
 * What a targets file asks of one scenario that the file alone cannot say: each free parameter is
 * a number of the scenario whose whole range the scenario accepts, named once however it is spelt;
 * each modelled target reads months the run covers, of an entity the scenario has. Pure: the
 * scenario is already loaded.
 */
export function checkTargetsAgainst(file: TargetFile, scenario: Scenario): ConfigProblem[] {
  return [...checkFree(file, scenario), ...checkTargets(file, scenario)];
}

function checkFree(file: TargetFile, scenario: Scenario): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const policyBounds = new Map(numericPolicyParams(scenario).map((param) => [param.path, param.bounds]));
  const seen = new Map<string, number>();
  file.free.forEach((free, i) => {
    const at = `free[${i}]`;
    const found = numberAtPath(scenario, free.path);
    if (!found.success) {
      problems.push({ path: `${at}.path`, message: `${found.message}; a free parameter is a number of the scenario, in the sweep syntax` });
      return;
    }
    const canonical = canonicalPath(scenario, free.path);
    const name = canonical.success ? canonical.value : free.path;
    const first = seen.get(name);
    if (first !== undefined) {
      problems.push({ path: `${at}.path`, message: `${free.path} names ${name}, as free[${first}] does: free each parameter once` });
      return;
    }
    seen.set(name, i);
    const bounds = policyBounds.get(name);
    for (const [end, value] of [['low', free.range[0]], ['high', free.range[1]]] as const) {
      const applied = applySettings(scenario, [{ path: free.path, value }]);
      if (applied.success) continue;
      const valid = bounds ? `; its valid range is ${describeBounds(bounds)}` : '';
      problems.push({
        path: `${at}.range`,
        message: `the ${end} end ${value} is outside what ${name} may be (now ${found.value.value})${valid}: ${applied.message}`,
      });
    }
  });
  return problems;
}

function describeBounds(bounds: ParamBounds): string {
  const low = bounds.min === undefined ? '−∞' : String(bounds.min);
  const high = bounds.max === undefined ? '∞' : String(bounds.max);
  return `${low} to ${high}${bounds.integer ? ', whole numbers' : ''}`;
}

function checkTargets(file: TargetFile, scenario: Scenario): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const first = scenario.start;
  const last = tickToDate(scenario.start, scenario.months - 1);
  const entities: Record<string, readonly string[]> = {
    vendor: scenario.vendors.map((v) => v.id),
    cloud: scenario.clouds.map((c) => c.id),
    market: ['market'],
  };
  file.targets.forEach((target, i) => {
    if (target.notModelled !== undefined) return;
    const at = `targets[${i}]`;
    const { from, to } = targetWindow(target);
    for (const [key, month] of windowKeys(target, from, to)) {
      if (monthIndex(month) < monthIndex(first) || monthIndex(month) > monthIndex(last)) {
        problems.push({ path: `${at}.${key}`, message: `${month} is outside the run, which covers ${first} to ${last} (start and months of the scenario)` });
      }
    }
    const kind = target.metric.split('.')[0]!;
    const known = entities[kind];
    if (known !== undefined && target.entity !== '*' && !known.includes(target.entity)) {
      const guess = closestName(target.entity, known);
      problems.push({
        path: `${at}.entity`,
        message: `${target.metric} is about a ${kind} and the scenario has no ${kind} "${target.entity}"${guess ? `; did you mean "${guess}"?` : ''} (${known.join(', ')})`,
      });
    }
  });
  return problems;
}

function windowKeys(target: { month?: string }, from: string, to: string): [string, string][] {
  return target.month !== undefined ? [['month', from]] : [['from', from], ['to', to]];
}
