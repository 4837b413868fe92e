import { sampleStats } from '../ensemble/quantiles.js';
import { posteriorDraws } from './apmc.js';
import type { CalibrationOutcome, CalibrationSetup, GenerationResult } from './calibration-plan.js';
import { describeWindow, type Target } from './target-file.js';

/**
 * The calibration's files as text: calibration.md (targets hit or missed at the fit, each
 * parameter's fit and interval, trade-offs, how the search went), calibration.csv (every point
 * evaluated: its parameters, distance and figures), posterior.csv (the particles and weights).
 */

export interface AtFit {
  /** Seeds the fitted values ran. */
  readonly seeds: readonly number[];
  /** Per seed, each fitted target's figure (setup.targets order). */
  readonly figures: readonly (readonly number[])[];
}

export interface CalibrationReportInput {
  readonly scenarioName: string;
  readonly configFile: string;
  readonly targetsFile: string;
  /** --through: only the file's targets ending by this month were fitted. */
  readonly through?: string;
  readonly setup: CalibrationSetup;
  /** Every target of the file, modelled or not, in the file's order. */
  readonly allTargets: readonly Target[];
  readonly outcome: CalibrationOutcome;
  /** The values fitted.json sets (rounded as written), in setup.space.free order. */
  readonly fittedValues: readonly number[];
  readonly atFit: AtFit;
}

/** 3 significant digits, with k, M, B or T beyond a thousand; a share stays a plain decimal. */
export function formatFigure(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const size = Math.abs(value);
  for (const [scale, suffix] of [
    [1e12, 'T'],
    [1e9, 'B'],
    [1e6, 'M'],
    [1e3, 'k'],
  ] as const) {
    if (size >= scale) return `${Number((value / scale).toPrecision(3))}${suffix}`;
  }
  return `${Number(value.toPrecision(3))}`;
}

/** "0.33 – 0.43", or "≤ 0.7" for a band open below, "≥ 100" open above. */
export function formatBand([low, high]: readonly [number, number]): string {
  if (Number.isFinite(low) && Number.isFinite(high)) return `${formatFigure(low)} – ${formatFigure(high)}`;
  return Number.isFinite(high) ? `≤ ${formatFigure(high)}` : `≥ ${formatFigure(low)}`;
}

/** Each fitted target at the fit: its mean and 5th–95th percentiles over the fit's seeds, and whether the mean is in its band. */
export function targetsAtFit(setup: CalibrationSetup, atFit: AtFit): { target: Target; mean: number; p5: number; p95: number; hit: boolean }[] {
  return setup.targets.map((target, k) => {
    const stats = sampleStats(atFit.figures.map((f) => f[k]!));
    const [mean, p5, p95] = stats ? [stats.mean, stats.p5, stats.p95] : [Number.NaN, Number.NaN, Number.NaN];
    return { target, mean, p5, p95, hit: mean >= target.band[0] && mean <= target.band[1] };
  });
}

export function calibrationMarkdown(input: CalibrationReportInput): string {
  const { setup, outcome, atFit } = input;
  const { settings } = setup;
  const lines: string[] = [];
  const seeds = (list: readonly number[]) => (list.length === 1 ? `seed ${list[0]}` : `seeds ${list[0]}–${list.at(-1)}`);
  lines.push(`# Calibration: ${input.scenarioName}`, '');
  lines.push(
    `${input.configFile} fitted to ${input.targetsFile}${input.through !== undefined ? ` (its targets ending by ${input.through}; later ones left out)` : ''}: ${setup.targets.length} targets fitted, ${input.allTargets.length - setup.targets.length} not modelled; ${setup.space.free.length} free ${setup.space.free.length === 1 ? 'parameter' : 'parameters'}.`,
    '',
  );
  lines.push(
    `Method: adaptive population Monte Carlo ABC (APMC; Lenormand, Jabot and Deffuant 2013), ${settings.populationSize} points in generation 0 ` +
      `(a Latin hypercube of the ranges), ${Math.round(settings.populationSize * settings.keepShare)} kept as particles, ` +
      `stopping when fewer than ${(100 * settings.minAcceptance).toFixed(0)} % of a generation's points land within the tolerance. ` +
      `Every point ran ${seeds(setup.seeds)} (the same seeds for every point). The distance of a point is the Euclidean size of its ` +
      `targets' deviations, each (mean figure − band centre) ÷ half the band.`,
    '',
  );
  const stop =
    outcome.stop === 'acceptance'
      ? `the acceptance rate fell to ${(100 * outcome.state.acceptance).toFixed(1)} %`
      : `the next generation would have gone past the budget of ${input.setup.budget} runs (acceptance still ${(100 * outcome.state.acceptance).toFixed(1)} %: a larger budget would narrow the intervals)`;
  lines.push(`${outcome.runs} runs in ${outcome.generations.length} generations; stopped because ${stop}. Final tolerance ${formatFigure(outcome.state.tolerance)}.`, '');

  lines.push('## Free parameters', '');
  lines.push('| parameter | range | fit | 90 % interval | | source |', '|---|---|---|---|---|---|');
  outcome.fit.parameters.forEach((p, j) => {
    const range = `${formatFigure(p.free.range[0])} – ${formatFigure(p.free.range[1])}${p.free.scale === 'log' ? ' (log)' : ''}`;
    const flag = p.identified ? '' : '**not identified**: the interval spans most of the range';
    lines.push(`| \`${p.free.path}\` | ${range} | ${formatFigure(input.fittedValues[j]!)} | ${formatFigure(p.low)} – ${formatFigure(p.high)} | ${flag} | ${escapeCell(p.free.source)} |`);
  });
  lines.push('');
  lines.push('## Trade-offs', '');
  if (outcome.fit.tradeOffs.length === 0) lines.push('No two parameters are strongly correlated in the posterior (|correlation| < 0.5).');
  for (const t of outcome.fit.tradeOffs) {
    const a = setup.space.free[t.a]!.path;
    const b = setup.space.free[t.b]!.path;
    const how = t.correlation < 0 ? 'one higher with the other lower' : 'both higher or both lower';
    lines.push(`- \`${a}\` and \`${b}\`: correlation ${t.correlation.toFixed(2)}; the targets are met about as well with ${how}.`);
  }
  lines.push('');

  lines.push(`## Targets at the fit (fitted.json, ${seeds(atFit.seeds)})`, '');
  lines.push(`The same figures come from \`${fitRunCommand('<this folder>/fitted.json', atFit.seeds, input.targetsFile)}\`.`, '');
  lines.push('| target | figure | band | mean | p5 – p95 | | source |', '|---|---|---|---|---|---|---|');
  const rows = targetsAtFit(setup, atFit);
  for (const { target, mean, p5, p95, hit } of rows) {
    lines.push(
      `| ${target.id} | ${describeTarget(target)} | ${formatBand(target.band)} | ${formatFigure(mean)} | ${formatFigure(p5)} – ${formatFigure(p95)} | ${hit ? 'hit' : '**miss**'} | ${escapeCell(target.source)} |`,
    );
  }
  lines.push('', `${rows.filter((r) => r.hit).length} of ${setup.targets.length} targets hit (mean within the band).`, '');

  const notModelled = input.allTargets.filter((t) => t.notModelled !== undefined);
  if (notModelled.length > 0) {
    lines.push('## Not modelled', '', 'Figures of the targets file the model does not produce yet: listed, never fitted.', '');
    lines.push('| target | band | why | source |', '|---|---|---|---|');
    for (const t of notModelled) lines.push(`| ${t.id} | ${formatBand(t.band)} | ${escapeCell(t.notModelled!)} | ${escapeCell(t.source)} |`);
    lines.push('');
  }

  lines.push('## The search', '');
  lines.push('| generation | runs | tolerance after it | acceptance |', '|---|---|---|---|');
  for (const g of outcome.generations) lines.push(`| ${g.generation} | ${g.runs} | ${formatFigure(g.tolerance)} | ${g.generation === 0 ? '—' : `${(100 * g.acceptance).toFixed(1)} %`} |`);
  lines.push('');
  return `${lines.join('\n')}\n`;
}

function describeTarget(target: Target): string {
  const per = target.per ? ` ÷ ${target.per}` : '';
  return `${target.aggregate} of ${target.metric}${per}, ${target.entity}, ${describeWindow(target)}`;
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

/** calibration.csv's header: generation, point, each free parameter, the distance, each fitted target's mean figure. */
export function calibrationCsvHeader(setup: CalibrationSetup): string {
  return `${['generation', 'point', ...setup.space.free.map((p) => p.path), 'distance', ...setup.targets.map((t) => t.id)].join(',')}\n`;
}

/** One generation's rows of calibration.csv. */
export function calibrationCsvRows(result: GenerationResult): string {
  return result.points
    .map((p, i) => `${[result.generation, p.index, ...p.values.map(csvNumber), csvNumber(result.distances[i]!), ...result.figures[i]!.map(csvNumber)].join(',')}\n`)
    .join('');
}

/** posterior.csv: the final particles, their parameters, weight (summing to 1) and distance. */
export function posteriorCsv(setup: CalibrationSetup, outcome: CalibrationOutcome): string {
  const header = ['particle', ...setup.space.free.map((p) => p.path), 'weight', 'distance'].join(',');
  const rows = posteriorDraws(outcome.state).map((d, i) => [i, ...setup.space.toValues(d.unit).map(csvNumber), csvNumber(d.weight), csvNumber(outcome.state.particles[i]!.distance)].join(','));
  return `${[header, ...rows].join('\n')}\n`;
}

/** A number as CSV holds it: shortest round-trip text; NaN and infinities as empty cells. */
function csvNumber(value: number): string {
  return Number.isFinite(value) ? String(value) : '';
}

/**
 * The command that runs a fit on the seeds of its figures at the fit, with their targets: a plain
 * `simulate` of fitted.json runs one seed, the config's, and would not give the figures reported.
 */
export function fitRunCommand(fittedPath: string, seeds: readonly number[], targetsFile: string): string {
  const runs = seeds.length > 1 ? ` --runs ${seeds.length}` : '';
  return `npm run simulate -- ${fittedPath} --seed ${seeds[0]}${runs} --targets ${targetsFile}`;
}
