import type { Scenario } from '../config/parse-scenario.js';
import { createRng } from '../engine/rng.js';
import type { MetricTable } from '../metrics/metric-table.js';
import { applySettings } from '../sweep/param-range.js';
import type { PathResult } from '../sweep/param-path.js';
import { advance, DEFAULT_APMC, finished, firstGeneration, keptCount, posteriorDraws, proposeGeneration, startFrom, type ApmcSettings, type ApmcState } from './apmc.js';
import { weightedCorrelation, weightedQuantile } from './weighted-stats.js';
import { measureTarget } from './measure-target.js';
import { parameterSpace, type ParameterSpace } from './parameter-space.js';
import { targetWindow, type FreeParameter, type Target } from './target-file.js';
import { monthIndex } from '../engine/calendar.js';

/**
 * A calibration as data: the free parameters' space, the targets fitted, the seeds every point
 * runs (the same seeds for every point: common random numbers, so two points differ by their
 * parameters, not by their luck), and the APMC settings. Each generation's points follow from the
 * seed and the generations before (apmc.ts), so a calibration interrupted and started again plans
 * the same points.
 */
export interface CalibrationSetup {
  readonly space: ParameterSpace;
  /** The targets fitted: those the model produces (not `notModelled`). */
  readonly targets: readonly Target[];
  readonly seeds: readonly number[];
  readonly settings: ApmcSettings;
  /** Runs in all, at most: the last generation that fits in it is the last run. */
  readonly budget: number;
  readonly seed: number;
}

export interface DesignPoint {
  readonly index: number;
  /** Place in the unit cube of the free parameters. */
  readonly unit: readonly number[];
  /** The parameters' values, in the order of `space.free`. */
  readonly values: readonly number[];
}

export interface SetupOptions {
  /** Runs in all, at most (points × seeds). */
  readonly budget: number;
  /** Seeds each point runs. */
  readonly runs: number;
  /** First seed; also seeds the design. */
  readonly seed: number;
  readonly settings?: Partial<ApmcSettings>;
}

export function calibrationSetup(targets: readonly Target[], free: readonly FreeParameter[], options: SetupOptions): CalibrationSetup {
  return {
    space: parameterSpace(free),
    targets: targets.filter((t) => t.notModelled === undefined),
    seeds: Array.from({ length: options.runs }, (_, i) => options.seed + i),
    settings: { ...DEFAULT_APMC, ...options.settings },
    budget: options.budget,
    seed: options.seed,
  };
}

/** The points of the next generation: generation 0 from the prior, later ones from the particles. */
export function generationPoints(setup: CalibrationSetup, state: ApmcState | null): DesignPoint[] {
  const generation = state === null ? 0 : state.generation + 1;
  const rng = createRng(setup.seed, `calibration-generation-${generation}`);
  const units = state === null ? firstGeneration(setup.space.free.length, setup.settings, rng) : proposeGeneration(state, setup.settings, rng);
  return units.map((unit, index) => ({ index, unit, values: setup.space.toValues(unit) }));
}

/** Runs one generation costs. */
export function generationRuns(setup: CalibrationSetup, generation: number): number {
  const points = generation === 0 ? setup.settings.populationSize : Math.max(1, setup.settings.populationSize - keptCount(setup.settings));
  return points * setup.seeds.length;
}

/**
 * Months a calibration's runs need: to the last month a fitted target reads. A month never changes
 * the months before it, so a run stopped there gives the same figures as the whole run.
 */
export function monthsNeeded(scenario: Scenario, targets: readonly Target[]): number {
  const start = monthIndex(scenario.start);
  const last = Math.max(...targets.map((t) => monthIndex(targetWindow(t).to)));
  return Math.min(scenario.months, Math.max(1, last - start + 1));
}

/** The scenario at a point of the design: the free parameters set, validated again as a whole. */
export function scenarioAt(scenario: Scenario, free: readonly FreeParameter[], values: readonly number[]): PathResult<Scenario> {
  return applySettings(
    scenario,
    free.map((p, i) => ({ path: p.path, value: values[i]! })),
  );
}

/** What one run reduces to: each fitted target's figure. */
export function figuresOf(table: MetricTable, targets: readonly Target[]): number[] {
  return targets.map((t) => measureTarget(t, table));
}

/**
 * A figure's deviation from its band, in half-widths of the band: (figure − centre) ÷ half-width,
 * within ±1 inside the band. A band open at one end (a bound: "at most 0.70") has no centre: the
 * deviation is 0 on the right side of the bound and, beyond it, the excess in tenths of the bound.
 */
export function deviationOf(figure: number, target: Target): number {
  const [low, high] = target.band;
  if (!Number.isFinite(low) || !Number.isFinite(high)) {
    const bound = Number.isFinite(low) ? low : high;
    const excess = Number.isFinite(low) ? low - figure : figure - high;
    if (Number.isNaN(excess)) return Number.NaN;
    return excess <= 0 ? 0 : excess / (Math.abs(bound) * 0.1 || 1e-12);
  }
  const centre = (low + high) / 2;
  // A band of one value still has a scale: a thousandth of its size (or 1e-12 at 0).
  const halfWidth = (high - low) / 2 || Math.abs(centre) * 1e-3 || 1e-12;
  return (figure - centre) / halfWidth;
}

/** A point's distance to the targets from its mean figures: the Euclidean size of their deviations. */
export function distanceOfFigures(figures: readonly number[], targets: readonly Target[]): number {
  return distanceOf(figures.map((figure, k) => deviationOf(figure, targets[k]!)));
}

/** Euclidean size of the deviations; Infinity when one is missing (a run that could not measure a target). */
export function distanceOf(deviations: readonly number[]): number {
  let sum = 0;
  for (const d of deviations) {
    if (!Number.isFinite(d)) return Number.POSITIVE_INFINITY;
    sum += d * d;
  }
  return Math.sqrt(sum);
}

/** Each free parameter's fit: the posterior's weighted median and its 90 % interval. */
export interface FittedParameter {
  readonly free: FreeParameter;
  readonly value: number;
  readonly low: number;
  readonly high: number;
  /** False when the interval spans most of the range: the targets do not pin the parameter down. */
  readonly identified: boolean;
}

export interface CalibrationFit {
  readonly parameters: readonly FittedParameter[];
  /** Pairs of parameters (indices into `parameters`) whose posterior correlation is strong: they trade off. */
  readonly tradeOffs: readonly { readonly a: number; readonly b: number; readonly correlation: number }[];
}

/** An interval wider than this share of its range (on its scale) is "not identified". */
export const IDENTIFIED_BELOW = 0.8;
/** Parameters whose posterior correlation (on the logit of their ranges) is at least this in size trade off. */
export const TRADE_OFF_ABOVE = 0.5;

export function fitOf(setup: CalibrationSetup, state: ApmcState): CalibrationFit {
  const draws = posteriorDraws(state);
  const weights = draws.map((d) => d.weight);
  const dimensions = setup.space.free.length;
  const quantiles = (q: number) => setup.space.toValues(Array.from({ length: dimensions }, (_, j) => weightedQuantile(draws.map((d) => d.unit[j]!), weights, q)));
  const [low, value, high] = [quantiles(0.05), quantiles(0.5), quantiles(0.95)];
  const width = (j: number) => setup.space.toUnit(high)[j]! - setup.space.toUnit(low)[j]!;
  const tradeOffs: { a: number; b: number; correlation: number }[] = [];
  for (let a = 0; a < dimensions; a++) {
    for (let b = a + 1; b < dimensions; b++) {
      const correlation = weightedCorrelation(draws.map((d) => d.x[a]!), draws.map((d) => d.x[b]!), weights);
      if (Math.abs(correlation) >= TRADE_OFF_ABOVE) tradeOffs.push({ a, b, correlation });
    }
  }
  return {
    parameters: setup.space.free.map((free, j) => ({ free, value: value[j]!, low: low[j]!, high: high[j]!, identified: width(j) < IDENTIFIED_BELOW })),
    tradeOffs,
  };
}

/** What one generation ran and gave: the points, their mean figures and distances, and the particles after it. */
export interface GenerationResult {
  readonly generation: number;
  readonly points: readonly DesignPoint[];
  readonly figures: readonly (readonly number[])[];
  readonly distances: readonly number[];
  readonly state: ApmcState;
}

/** Why a calibration stopped: the acceptance rate fell below its floor, or the next generation would overspend the budget. */
export type StopReason = 'acceptance' | 'budget';

export interface CalibrationOutcome {
  readonly state: ApmcState;
  readonly fit: CalibrationFit;
  readonly runs: number;
  readonly stop: StopReason;
  /** Per generation: runs, the tolerance after it and its acceptance rate. */
  readonly generations: readonly { readonly generation: number; readonly runs: number; readonly tolerance: number; readonly acceptance: number }[];
}

/**
 * A calibration, step by step: `next()` gives the points of the next generation (null once it has
 * stopped), `complete()` takes their mean figures. The same steps run in one process (`calibrate`)
 * or on the worker pool (the calibrate command), so both plan the same points.
 */
export class CalibrationRun {
  private state: ApmcState | null = null;
  private pending: DesignPoint[] | null = null;
  private runs = 0;
  private stop: StopReason | null = null;
  private readonly history: CalibrationOutcome['generations'][number][] = [];

  constructor(readonly setup: CalibrationSetup) {}

  /** The next generation's points, or null when the calibration has stopped. */
  next(): readonly DesignPoint[] | null {
    if (this.pending !== null) return this.pending;
    const { setup, state } = this;
    if (state !== null && finished(state, setup.settings)) this.stop = 'acceptance';
    else if (state !== null && this.runs + generationRuns(setup, state.generation + 1) > setup.budget) this.stop = 'budget';
    if (this.stop !== null) return null;
    this.pending = generationPoints(setup, state);
    return this.pending;
  }

  /** The pending generation's mean figures, point by point. */
  complete(figures: readonly (readonly number[])[]): GenerationResult {
    const points = this.pending;
    if (points === null) throw new Error('no generation is pending');
    const { setup } = this;
    const distances = figures.map((f) => distanceOfFigures(f, setup.targets));
    const units = points.map((p) => p.unit);
    const state = this.state === null ? startFrom(units, distances, setup.settings) : advance(this.state, units, distances);
    this.state = state;
    this.pending = null;
    this.runs += points.length * setup.seeds.length;
    this.history.push({ generation: state.generation, runs: points.length * setup.seeds.length, tolerance: state.tolerance, acceptance: state.acceptance });
    return { generation: state.generation, points, figures, distances, state };
  }

  /** Runs spent so far. */
  get runsDone(): number {
    return this.runs;
  }

  /** The fit, once the calibration has stopped. */
  outcome(): CalibrationOutcome {
    if (this.state === null || this.stop === null) throw new Error('the calibration has not finished');
    return outcome(this.setup, this.state, this.runs, this.stop, this.history);
  }
}

/**
 * A whole calibration in one process, `evaluate` running each point's seeds and returning each
 * point's mean figures; `onGeneration` sees each generation as it ends (to write its rows).
 */
export function calibrate(
  setup: CalibrationSetup,
  evaluate: (points: readonly DesignPoint[]) => number[][],
  onGeneration: (result: GenerationResult) => void = () => {},
): CalibrationOutcome {
  const run = new CalibrationRun(setup);
  for (let points = run.next(); points !== null; points = run.next()) onGeneration(run.complete(evaluate(points)));
  return run.outcome();
}

function outcome(setup: CalibrationSetup, state: ApmcState, runs: number, stop: StopReason, generations: CalibrationOutcome['generations']): CalibrationOutcome {
  return { state, fit: fitOf(setup, state), runs, stop, generations };
}
