import { appendFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { CalibrationRun, calibrationSetup, monthsNeeded, scenarioAt, type DesignPoint, type GenerationResult } from '../calibration/calibration-plan.js';
import { calibrationCsvHeader, calibrationCsvRows, calibrationMarkdown, posteriorCsv, targetsAtFit } from '../calibration/calibration-report.js';
import { fittedConfig, roundFitted } from '../calibration/fitted-config.js';
import type { Scenario } from '../config/parse-scenario.js';
import type { CalibrateRequest } from '../calibration/calibrate-command.js';
import { lossChart } from '../calibration/loss-chart.js';
import { renderConfigs } from '../render/render-configs.js';
import { CalibrationJournal } from './calibration-journal.js';
import { inStagedFolder } from './execute-job.js';
import { startProgress } from './progress.js';
import { openPool, type OpenPool } from './run-pool.js';

/** Seeds the fitted values run for calibration.md's figures at the fit (besides the budget). */
export const FIT_CHECK_SEEDS = 10;

/**
 * Runs a calibration on the worker pool, generation after generation (src/calibration), and writes
 * its files through the staged output folder, like every job: nothing replaces the previous output
 * until all is written. Each finished run goes to the journal first, so an interrupted calibration
 * resumes; the journal goes once the output is in place.
 */
export async function executeCalibration(request: CalibrateRequest): Promise<number> {
  const setup = calibrationSetup(request.targets, request.free, { budget: request.budget, runs: request.runs, seed: request.seed });
  const journal = CalibrationJournal.open(request.outDir, { scenario: request.scenario, targets: setup.targets, free: request.free, budget: request.budget, runs: request.runs, seed: request.seed, settings: setup.settings });
  if (journal.resumed > 0 && !request.options.quiet) process.stderr.write(`resuming: ${journal.resumed} runs of an interrupted calibration are taken from ${journal.path}\n`);
  let pool: OpenPool | undefined;
  const code = await inStagedFolder({
    outDir: request.outDir,
    inputs: request.inputs,
    quiet: request.options.quiet,
    noun: 'job',
    fill: async (staging, track, stopped) => {
      pool = openPool(Math.max(1, request.options.workers));
      track({ stop: () => pool!.close() });
      const progress = startProgress({ total: request.budget + FIT_CHECK_SEEDS, unit: 'runs', quiet: request.options.quiet });
      const evaluate = async (key: string, scenario: Scenario, seeds: readonly number[]): Promise<number[][]> =>
        Promise.all(
          seeds.map(async (seed) => {
            const run = `${key}/seed ${seed}`;
            const kept = journal.get(run);
            if (kept !== undefined) {
              progress.advance();
              return kept;
            }
            const result = await pool!.run({ scenario, seed, reduction: 'figures', targets: setup.targets });
            if (result.kind !== 'figures') throw new Error(`${run}: the run handed back ${result.kind}, not figures`);
            journal.record(run, result.figures);
            progress.advance();
            return [...result.figures];
          }),
        );
      // Runs stop at the last month a target reads: the months after it change none of the figures.
      const months = monthsNeeded(request.scenario, setup.targets);
      const pointScenario = (point: DesignPoint): Scenario => {
        const built = scenarioAt(request.scenario, request.free, point.values);
        if (!built.success) throw new Error(`point ${point.index}: ${built.message}`);
        return { ...built.value, months };
      };

      const csv = join(staging, 'calibration.csv');
      writeFileSync(csv, calibrationCsvHeader(setup));
      const run = new CalibrationRun(setup);
      const generations: GenerationResult[] = [];
      for (let points = run.next(); points !== null; points = run.next()) {
        const generation = generations.length;
        const figures = await Promise.all(
          points.map(async (point) => {
            const perSeed = await evaluate(`generation ${generation}/point ${point.index}`, pointScenario(point), setup.seeds);
            return setup.targets.map((_, k) => perSeed.reduce((sum, f) => sum + f[k]!, 0) / perSeed.length);
          }),
        );
        if (stopped()) return [];
        const result = run.complete(figures);
        generations.push(result);
        appendFileSync(csv, calibrationCsvRows(result));
      }
      const outcome = run.outcome();

      // The fit as fitted.json writes it, run on seeds of its own for the figures at the fit.
      const fittedValues = outcome.fit.parameters.map((p) => roundFitted(p.value));
      const fitScenario = scenarioAt(request.scenario, request.free, fittedValues);
      if (!fitScenario.success) throw new Error(`the fit: ${fitScenario.message}`);
      const fitSeeds = Array.from({ length: FIT_CHECK_SEEDS }, (_, i) => request.seed + i);
      const atFit = await evaluate('fit', { ...fitScenario.value, months }, fitSeeds);
      progress.stop();
      await pool.close();
      track(undefined);
      if (stopped()) return [];

      const fitted = fittedConfig(
        request.scenario,
        relative(resolve(request.outDir), resolve(request.configFile)),
        request.free.map((p, j) => ({ path: p.path, value: fittedValues[j]! })),
      );
      if (!fitted.success) throw new Error(`fitted.json: ${fitted.message}`);
      writeFileSync(join(staging, 'fitted.json'), `${JSON.stringify(fitted.value, null, 2)}\n`);
      writeFileSync(join(staging, 'posterior.csv'), posteriorCsv(setup, outcome));
      const markdown = calibrationMarkdown({
        scenarioName: request.scenario.name,
        configFile: request.configFile,
        targetsFile: request.targetsFile,
        setup,
        allTargets: request.targets,
        outcome,
        fittedValues,
        atFit: { seeds: fitSeeds, figures: atFit },
      });
      writeFileSync(join(staging, 'calibration.md'), markdown);
      const files = ['calibration.md', 'calibration.csv', 'posterior.csv', 'fitted.json'];
      if (request.options.charts) {
        for (const chart of await renderConfigs([lossChart(request.scenario.name, generations)])) {
          writeFileSync(join(staging, chart.file), chart.png);
          files.push(chart.file);
        }
      }
      const hits = targetsAtFit(setup, { seeds: fitSeeds, figures: atFit }).filter((row) => row.hit).length;
      return [
        `Calibrated ${request.free.length} parameters of ${request.scenario.name} in ${outcome.runs} runs (${outcome.generations.length} generations${journal.resumed > 0 ? `, ${journal.resumed} runs resumed` : ''}), then ${FIT_CHECK_SEEDS} runs at the fit: ${hits} of ${setup.targets.length} targets hit.`,
        ...outcome.fit.parameters.map((p, j) => `  ${p.free.path} = ${fittedValues[j]} (90 % interval ${roundFitted(p.low)} – ${roundFitted(p.high)})${p.identified ? '' : ', not identified'}`),
        `Wrote ${files.join(', ')} to ${request.outDir}/`,
        `Run the fit with: npm run simulate -- ${join(request.outDir, 'fitted.json')}`,
      ];
    },
  });
  await pool?.close();
  if (code === 0) journal.remove();
  return code;
}
