import { sampleValue, type SampleMatrix } from '../../analysis/sample-matrix.js';
import type { Box } from '../../analysis/prim-box.js';
import type { Scenario } from '../../config/parse-scenario.js';
import { describeSeeds, mdTable } from '../../report/kpi-format.js';
import { chartSection, type ChartEntry } from '../../report/run-report.js';
import { scenarioDescription } from '../../report/scenario-description.js';
import { describeFactor, factorName } from '../design-factor.js';
import { paramLabels } from '../param-labels.js';
import { conditionText, type ConditionWords } from './condition.js';
import type { Discovery, ThresholdNoise } from './discover-results.js';
import type { DiscoverJob } from './job.js';

/**
 * points.csv, boxes.csv and report.md of a discovery. points.csv: each point's parameter values,
 * the metric (the mean over its runs), whether the condition holds, and whether seed noise leaves
 * it near the threshold (`near_threshold`: true, false, or empty with one run a point). boxes.csv: PRIM's
 * trajectory, a row a box, with the limits of each parameter it restricts (empty where it does not).
 */

const cell = (value: number): string => (Number.isFinite(value) ? String(value) : '');
/** A limit as a report prints it: three significant digits. */
const short = (value: number): string => String(Number(value.toPrecision(3)));
const percent = (share: number): string => `${Math.round(share * 100)} %`;

export function pointsCsv(job: DiscoverJob, parameters: SampleMatrix, found: Discovery, noise: ThresholdNoise): string {
  const header = ['point', ...job.factors.map(factorName), conditionText(job.condition).split(' ')[0]!, 'holds', 'near_threshold'];
  const lines = [header.join(',')];
  for (let row = 0; row < parameters.rows; row++) {
    const values = job.factors.map((_, c) => String(sampleValue(parameters, row, c)));
    const near = noise.near[row];
    lines.push([String(row + 1), ...values, cell(found.values[row]!), String(found.ofInterest[row]!), near === undefined ? '' : String(near)].join(','));
  }
  return `${lines.join('\n')}\n`;
}

export function boxesCsv(job: DiscoverJob, found: Discovery): string {
  const header = ['step', 'phase', 'points', 'coverage', 'density', 'mass', 'restricted', 'chosen', ...job.factors.flatMap((f) => [`${factorName(f)}:low`, `${factorName(f)}:high`])];
  const lines = [header.join(',')];
  found.trajectory.forEach((step, i) => {
    const limits = job.factors.flatMap((_, c) => (step.restricted.includes(c) ? [String(step.box.lower[c]), String(step.box.upper[c])] : ['', '']));
    lines.push([String(i), step.phase, String(step.points), String(step.coverage), String(step.density), String(step.mass), String(step.restricted.length), String(i === found.chosen), ...limits].join(','));
  });
  return `${lines.join('\n')}\n`;
}

/** "above 0.41", "below 0.2", "0.1 to 0.3": a restricted parameter's range in the box. */
export function describeLimits(box: Box, initial: Box, c: number): string {
  const lower = box.lower[c]! > initial.lower[c]!;
  const upper = box.upper[c]! < initial.upper[c]!;
  if (lower && upper) return `${short(box.lower[c]!)} to ${short(box.upper[c]!)}`;
  return lower ? `above ${short(box.lower[c]!)}` : `below ${short(box.upper[c]!)}`;
}

/** The answer in words, and the box's table; or why there is no box to give. */
function answer(job: DiscoverJob, found: Discovery, words: ConditionWords, labels: readonly string[]): string[] {
  const total = job.samples;
  if (found.outcome === 'every') {
    return [`The condition holds at every one of the ${total} points: over these ranges no assumption is needed for it, so PRIM has nothing to tell apart and the only box is the whole sample (coverage 1, density 1, mass 1). Widen the ranges, or ask for a stricter threshold, to find where it fails.`];
  }
  if (found.outcome === 'none') {
    return [`The condition holds at none of the ${total} points: over these ranges no assumption makes it happen, so PRIM has no box to find (coverage and density 0). Widen the ranges, sample more points, or ask for a weaker threshold.`];
  }
  const step = found.trajectory[found.chosen]!;
  const restricted = step.restricted;
  const where = restricted.length === 0 ? 'over the whole sample' : `where ${restricted.map((c) => `${labels[c]} is ${describeLimits(step.box, found.initialBox, c)}`).join(' and ')}`;
  const sentence = `**${words.subject} is ${words.relation} in ${words.month} in ${percent(step.density)} of the points ${where}** (density ${step.density.toFixed(2)}, ${step.pointsOfInterest} of ${step.points} points), against ${percent(found.holding / total)} of all points. These assumptions hold ${percent(step.coverage)} of the points where it happens (coverage ${step.coverage.toFixed(2)}, ${step.pointsOfInterest} of ${found.holding}) and span ${percent(step.mass)} of the sample (mass ${step.mass.toFixed(2)}).`;
  const choice = found.reachesDensity
    ? `The chosen box is step ${found.chosen} of the trajectory: of the boxes at least ${job.minDensity} dense (--min-density), the one with the highest coverage.`
    : `No box of the trajectory reaches a density of ${job.minDensity} (--min-density): the one shown, step ${found.chosen}, is the densest there is. The condition is not tied to these parameters' ranges strongly enough for a box of that density; more points (--samples) or more runs a point (--runs, less seed noise) may help.`;
  const table = mdTable(
    ['Parameter', 'In the box', 'Sampled range', 'Full range'],
    restricted.map((c) => [labels[c]!, describeLimits(step.box, found.initialBox, c), `${short(found.initialBox.lower[c]!)} to ${short(found.initialBox.upper[c]!)}`, describeFactor(job.factors[c]!)]),
    ['l', 'l', 'l', 'l'],
  );
  const unrestricted = job.factors.map((_, c) => c).filter((c) => !restricted.includes(c));
  const free = unrestricted.length === 0 ? '' : `Left free, any value in its range: ${unrestricted.map((c) => labels[c]).join(', ')}.`;
  return [sentence, choice, ...(restricted.length > 0 ? [table] : []), free].filter((s) => s !== '');
}

export function discoverMd(options: {
  job: DiscoverJob;
  scenario: Scenario;
  command: string;
  seeds: readonly number[];
  words: ConditionWords;
  found: Discovery;
  noise: ThresholdNoise;
  charts: readonly ChartEntry[];
}): string {
  const { job, found } = options;
  const labels = paramLabels(job.factors);
  const { words } = options;
  const runs = job.samples * job.runs;
  return [
    `# Scenario discovery in ${options.scenario.name}`,
    `Made by \`${options.command}\`; [manifest.json](manifest.json) records how to run it again.`,
    scenarioDescription(job.scenario, options.scenario.months, ...(job.condition.at !== undefined ? [`@${job.condition.at}`] : [])),
    `## The question`,
    `Under which assumptions is ${words.subject} ${words.relation} in ${words.month}${job.condition.at === undefined ? ' (the last month)' : ''}? \`--condition "${conditionText(job.condition)}"\``,
    `A Latin hypercube of ${job.samples} points over ${job.factors.length} parameter${job.factors.length === 1 ? '' : 's'} (seed ${job.scenario.seed}), each run ${job.runs} time${job.runs === 1 ? '' : 's'} (${describeSeeds(options.seeds)}, the same at every point): **${runs.toLocaleString('en-US')} runs**. A point's value is the mean of its runs; the condition holds at **${found.holding} of the ${job.samples} points (${percent(found.holding / job.samples)})**${countMissing(found)}. ${noiseSentence(job, options.noise)}`,
    mdTable(['Parameter', 'Path', 'Range sampled', 'Source'], job.factors.map((f, i) => [labels[i]!, `\`${f.path}\``, describeFactor(f), f.origin === 'param' ? 'given with --param' : `declared uncertain by the scenario; source: ${f.source}`]), ['l', 'l', 'l', 'l']),
    `## Under which assumptions`,
    ...answer(job, found, words, labels),
    `PRIM (Friedman and Fisher 1999, as EMA Workbench runs it: peel ${job.peelAlpha}, pasting, lenient objective) cuts, step by step, a slice of ${percent(job.peelAlpha)} of the box's points off one end of one parameter, whichever raises the share of points where the condition holds the most; coverage is the share of all the points where it holds that a box keeps, density the share of a box's points where it holds, mass the share of all points in it. Every box on the way is in [boxes.csv](boxes.csv).`,
    `## Peeling trajectory`,
    chartSection(options.charts),
    `## Files`,
    `- [points.csv](points.csv): each point's parameter values, the metric (mean of its runs), whether the condition holds and whether seed noise leaves it near the threshold\n- [boxes.csv](boxes.csv): the peeling trajectory, a box a row: coverage, density, mass and each restricted parameter's limits; \`chosen\` marks the box above\n- [manifest.json](manifest.json): the resolved scenario, parameters, condition, design, seeds and versions`,
    '',
  ].join('\n\n');
}

/** How many points seed noise leaves too close to the threshold to be sure which side they are on. */
function noiseSentence(job: DiscoverJob, noise: ThresholdNoise): string {
  if (job.runs < 2) return 'With one run a point the seed noise is not measured: a point near the threshold might fall on the other side with another seed (--runs 2 or more says how near is too near).';
  if (!Number.isFinite(noise.halfWidth)) return 'The seed noise could not be measured (a run had no value).';
  const near = noise.near.filter((n) => n === true).length;
  const width = Number(noise.halfWidth.toPrecision(2));
  return `Between seeds the metric moves by ${Number(noise.betweenSeedsSd.toPrecision(2))} (standard deviation, pooled over the points), so a ${job.runs}-run mean is known to ±${width} (1.96 standard errors): **${near} of the points** lie that close to the threshold and might fall on the other side with other seeds (\`near_threshold\` in points.csv).`;
}

function countMissing(found: Discovery): string {
  const missing = Array.from(found.values).filter((v) => !Number.isFinite(v)).length;
  return missing === 0 ? '' : ` (${missing} point${missing === 1 ? '' : 's'} recorded no value, counted as not holding)`;
}
