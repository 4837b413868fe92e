import { writeFileSync } from 'node:fs';
import { printablePath } from '../io/json-text.js';
import { join, relative, resolve } from 'node:path';
import type { Environment } from '../batch/manifest.js';
import { describeShard, shardTasks } from '../batch/shard.js';
import type { CalibrateRequest } from '../calibration/calibrate-command.js';
import { calibrationManifestJson } from '../calibration/calibration-manifest.js';
import { calibrationHash, type CalibrationRecord } from '../calibration/calibration-record.js';
import { calibrationCsvHeader, calibrationCsvRows, calibrationMarkdown, fitRunCommand, posteriorCsv, targetsAtFit } from '../calibration/calibration-report.js';
import { FIT_CHECK_SEEDS, replayCalibration, type FinishedCalibration, type PlannedRun } from '../calibration/calibration-rounds.js';
import { SHARD_FILE, shardJson } from '../calibration/calibration-shard.js';
import { fittedConfig, roundFitted } from '../calibration/fitted-config.js';
import { lossChart } from '../calibration/loss-chart.js';
import { InputError } from '../io/input-error.js';
import { renderConfigs } from '../render/render-configs.js';
import { CalibrationJournal } from './calibration-journal.js';
import { codeIdentity, currentEnvironment } from './environment.js';
import { inStagedFolder } from './execute-job.js';
import { startProgress, type Progress } from './progress.js';
import { openPool, type OpenPool } from './run-pool.js';

export { FIT_CHECK_SEEDS };

/**
 * Runs a calibration on the worker pool, round after round (src/calibration/calibration-rounds.ts),
 * and writes its files through the staged output folder, like every job: nothing replaces the
 * previous output until all is written. Each finished run goes to the journal first, so an
 * interrupted calibration resumes; the journal goes once the output is in place. With --shard it
 * makes its slice of the round the calibration is at and writes it for `npm run merge`; with
 * --from it continues the state a merge wrote.
 */
export async function executeCalibration(request: CalibrateRequest): Promise<number> {
  const { record, options } = request;
  const shard = options.shard;
  const prior = new Map((request.from?.state.results ?? []).map((r) => [r.run, r.figures]));
  // Opened once the output folder is accepted (its parent then exists).
  let journal: CalibrationJournal | undefined;
  const known = (key: string) => prior.get(key) ?? journal!.get(key);
  const environment = currentEnvironment();
  let pool: OpenPool | undefined;
  const code = await inStagedFolder({
    outDir: request.outDir,
    inputs: request.inputs,
    quiet: options.quiet,
    noun: 'job',
    fill: async (staging, track, stopped) => {
      journal = CalibrationJournal.open(request.outDir, { calibration: calibrationHash(record), from: request.from?.state.digest ?? null, shard: shard ?? null, code: codeIdentity() });
      if (journal.resumed > 0 && !options.quiet) process.stderr.write(`resuming: ${journal.resumed} runs of an interrupted calibration are taken from ${printablePath(journal.path)}\n`);
      pool = openPool(Math.max(1, options.workers));
      track({ stop: () => pool!.close() });
      const fittedTargets = record.targets.filter((t) => t.notModelled === undefined);
      const make = async (runs: readonly PlannedRun[], progress: Progress) =>
        Promise.all(
          runs.map(async (run) => {
            if (known(run.key) !== undefined) return;
            const result = await pool!.run({ scenario: run.scenario(), seed: run.seed, reduction: 'figures', targets: fittedTargets });
            if (result.kind !== 'figures') throw new Error(`${run.key}: the run handed back ${result.kind}, not figures`);
            journal!.record(run.key, result.figures);
            progress.advance();
          }),
        );

      if (shard) {
        const step = replayCalibration(record, (key) => prior.get(key));
        if (step.done) throw new InputError(`--from ${request.from?.dir}: the calibration is finished; nothing is left to run`);
        const { round } = step;
        const range = shardTasks(shard, round.runs.length);
        const runs = round.runs.slice(range.from, range.to);
        const progress = startProgress({ total: runs.length, unit: 'runs', quiet: options.quiet });
        await make(runs, progress);
        progress.stop();
        await pool.close();
        track(undefined);
        if (stopped()) return [];
        const results = runs.map((run) => ({ run: run.key, figures: known(run.key)! }));
        writeFileSync(
          join(staging, SHARD_FILE),
          shardJson({ command: request.command, environment, record, round: { index: round.index, label: round.label }, from: request.from?.state.digest ?? null, shard, runs: { ...range, of: round.runs.length }, results }),
        );
        writeFileSync(join(staging, 'manifest.json'), calibrationManifestJson(record, request.command, environment));
        const from = request.from ? ` --from ${request.from.dir}` : '';
        return [
          `Shard ${describeShard(shard)} of ${round.label}: ran ${runs.length} of its ${round.runs.length} runs${runs.length > 0 ? ` (${range.from + 1}–${range.to})` : ''}.`,
          `When all ${shard.count} shards are done, combine them with: npm run merge -- <the ${shard.count} shard folders>${from} --out <the calibration's folder>`,
          `Wrote ${SHARD_FILE} and manifest.json to ${request.outDir}/`,
        ];
      }

      const progress = startProgress({ total: record.budget + FIT_CHECK_SEEDS, unit: 'runs', quiet: options.quiet });
      progress.reach(prior.size + journal.resumed);
      let step = replayCalibration(record, known);
      while (!step.done) {
        await make(step.round.runs, progress);
        if (stopped()) return [];
        step = replayCalibration(record, known);
      }
      progress.stop();
      await pool.close();
      track(undefined);
      if (stopped()) return [];
      const resumed = [journal.resumed > 0 ? `${journal.resumed} runs resumed` : '', prior.size > 0 ? `${prior.size} runs from ${request.from!.dir}` : ''].filter((s) => s !== '');
      return writeCalibration(staging, step, { record, command: request.command, environment, outDir: request.outDir, taken: resumed });
    },
  });
  await pool?.close();
  if (code === 0) journal?.remove();
  return code;
}

/**
 * A finished calibration's files (calibration.md, calibration.csv, posterior.csv, fitted.json,
 * calibration-loss.png, manifest.json) into the staging folder, and the lines to print: the same
 * files whether it ran on one machine, resumed, or was merged from shards.
 */
export async function writeCalibration(
  staging: string,
  finished: FinishedCalibration,
  context: { record: CalibrationRecord; command: string; environment: Environment; outDir: string; taken: readonly string[] },
): Promise<string[]> {
  const { record, outDir } = context;
  const { setup, outcome, fittedValues, atFit, generations } = finished;
  writeFileSync(join(staging, 'calibration.csv'), calibrationCsvHeader(setup) + generations.map(calibrationCsvRows).join(''));
  const fitted = fittedConfig(
    record.scenario,
    relative(resolve(outDir), resolve(record.configFile)),
    record.free.map((p, j) => ({ path: p.path, value: fittedValues[j]! })),
  );
  if (!fitted.success) throw new Error(`fitted.json: ${fitted.message}`);
  writeFileSync(join(staging, 'fitted.json'), `${JSON.stringify(fitted.value, null, 2)}\n`);
  writeFileSync(join(staging, 'posterior.csv'), posteriorCsv(setup, outcome));
  const markdown = calibrationMarkdown({
    scenarioName: record.scenario.name,
    configFile: record.configFile,
    targetsFile: record.targetsFile,
    ...(record.through !== undefined ? { through: record.through } : {}),
    setup,
    allTargets: record.targets,
    outcome,
    fittedValues,
    atFit,
  });
  writeFileSync(join(staging, 'calibration.md'), markdown);
  const files = ['calibration.md', 'calibration.csv', 'posterior.csv', 'fitted.json'];
  if (record.charts) {
    for (const chart of await renderConfigs([lossChart(record.scenario.name, generations)])) {
      writeFileSync(join(staging, chart.file), chart.png);
      files.push(chart.file);
    }
  }
  writeFileSync(join(staging, 'manifest.json'), calibrationManifestJson(record, context.command, context.environment));
  files.push('manifest.json');
  const hits = targetsAtFit(setup, atFit).filter((row) => row.hit).length;
  return [
    `Calibrated ${record.free.length} ${record.free.length === 1 ? 'parameter' : 'parameters'} of ${record.scenario.name} in ${outcome.runs} runs (${[`${outcome.generations.length} generations`, ...context.taken].join(', ')}), then ${FIT_CHECK_SEEDS} runs at the fit: ${hits} of ${setup.targets.length} targets hit.`,
    ...outcome.fit.parameters.map((p, j) => `  ${p.free.path} = ${fittedValues[j]} (90 % interval ${roundFitted(p.low)} – ${roundFitted(p.high)})${p.identified ? '' : ', not identified'}`),
    `Wrote ${files.join(', ')} to ${outDir}/`,
    `Run the fit on the seeds of the figures above with: ${fitRunCommand(join(outDir, 'fitted.json'), atFit.seeds, record.targetsFile)}`,
  ];
}
