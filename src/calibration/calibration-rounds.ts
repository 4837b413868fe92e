import type { Scenario } from '../config/parse-scenario.js';
import { CalibrationRun, calibrationSetup, monthsNeeded, scenarioAt, type CalibrationOutcome, type CalibrationSetup, type DesignPoint, type GenerationResult } from './calibration-plan.js';
import type { CalibrationRecord } from './calibration-record.js';
import { roundFitted } from './fitted-config.js';

/**
 * A calibration as rounds of runs: each generation of APMC, then the fit's own seeds. A round's
 * runs follow from the record and the figures of the rounds before it, nothing else, so whoever
 * holds those figures (a journal after an interrupt, the state a merge wrote, a shard starting a
 * generation) plans the same runs, and the same figures give the same files.
 */

/** Seeds the fitted values run for calibration.md's figures at the fit (besides the budget). */
export const FIT_CHECK_SEEDS = 10;

/** One run of a round, named for the journal and the shard files: "generation 2/point 7/seed 42", "fit/seed 42". */
export interface PlannedRun {
  readonly key: string;
  /** Built when asked: a replay of finished rounds builds none. */
  readonly scenario: () => Scenario;
  readonly seed: number;
}

export interface Round {
  /** 0, 1, … for the generations; the fit's round follows the last generation. */
  readonly index: number;
  /** "generation 2" or "the fit" */
  readonly label: string;
  /** Point by point, each point's seeds in order. */
  readonly runs: readonly PlannedRun[];
}

export interface FinishedCalibration {
  readonly setup: CalibrationSetup;
  readonly generations: readonly GenerationResult[];
  readonly outcome: CalibrationOutcome;
  /** The values fitted.json sets (rounded as written), in the order of the free parameters. */
  readonly fittedValues: readonly number[];
  readonly atFit: { readonly seeds: readonly number[]; readonly figures: readonly (readonly number[])[] };
  /** Runs in all, the fit's included. */
  readonly runs: number;
}

export type CalibrationStep = { readonly done: false; readonly round: Round; readonly setup: CalibrationSetup } | ({ readonly done: true } & FinishedCalibration);

/** Figures of a run already made, by its key; undefined for a run still to make. */
export type KnownRuns = (key: string) => readonly number[] | undefined;

export function setupOf(record: CalibrationRecord): CalibrationSetup {
  return calibrationSetup(record.targets, record.free, { budget: record.budget, runs: record.runs, seed: record.seed });
}

/**
 * Replays the calibration over the runs known: the first round with a run missing is the one to
 * make next; when every round is known, the calibration is finished and its fit is returned.
 */
export function replayCalibration(record: CalibrationRecord, known: KnownRuns): CalibrationStep {
  const setup = setupOf(record);
  // Runs stop at the last month a target reads: the months after it change none of the figures.
  const months = monthsNeeded(record.scenario, setup.targets);
  const at = (values: readonly number[], where: string): Scenario => {
    const built = scenarioAt(record.scenario, record.free, values);
    if (!built.success) throw new Error(`${where}: ${built.message}`);
    return { ...built.value, months };
  };
  const run = new CalibrationRun(setup);
  const generations: GenerationResult[] = [];
  for (let points = run.next(); points !== null; points = run.next()) {
    const generation = generations.length;
    const runs = pointRuns(generation, points, setup, (point) => at(point.values, `point ${point.index}`));
    const figures = runs.map((r) => known(r.key));
    if (figures.some((f) => f === undefined)) return { done: false, round: { index: generation, label: `generation ${generation}`, runs }, setup };
    // A point's figures: the mean over its seeds.
    const perPoint = points.map((_, p) => {
      const perSeed = figures.slice(p * setup.seeds.length, (p + 1) * setup.seeds.length) as (readonly number[])[];
      return setup.targets.map((_, k) => perSeed.reduce((sum, f) => sum + f[k]!, 0) / perSeed.length);
    });
    generations.push(run.complete(perPoint));
  }
  const outcome = run.outcome();
  // The fit as fitted.json writes it, run on seeds of its own for the figures at the fit.
  const fittedValues = outcome.fit.parameters.map((p) => roundFitted(p.value));
  const fitScenario = once(() => at(fittedValues, 'the fit'));
  const seeds = Array.from({ length: FIT_CHECK_SEEDS }, (_, i) => record.seed + i);
  const fitRuns = seeds.map((seed) => ({ key: `fit/seed ${seed}`, scenario: fitScenario, seed }));
  const atFit = fitRuns.map((r) => known(r.key));
  if (atFit.some((f) => f === undefined)) return { done: false, round: { index: generations.length, label: 'the fit', runs: fitRuns }, setup };
  return { done: true, setup, generations, outcome, fittedValues, atFit: { seeds, figures: atFit as (readonly number[])[] }, runs: outcome.runs + FIT_CHECK_SEEDS };
}

function pointRuns(generation: number, points: readonly DesignPoint[], setup: CalibrationSetup, scenarioOf: (point: DesignPoint) => Scenario): PlannedRun[] {
  return points.flatMap((point) => {
    const scenario = once(() => scenarioOf(point));
    return setup.seeds.map((seed) => ({ key: `generation ${generation}/point ${point.index}/seed ${seed}`, scenario, seed }));
  });
}

function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}
