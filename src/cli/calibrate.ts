import { manifestSizeProblem } from '../batch/manifest.js';
import { calibrateCommand } from '../calibration/calibrate-command.js';
import { calibrationManifestJson } from '../calibration/calibration-manifest.js';
import { badInput } from '../jobs/command-line.js';
import { JOB_KINDS } from '../jobs/registry.js';
import { loadInput, runCommand } from './command.js';
import { currentEnvironment } from './environment.js';
import { executeCalibration } from './execute-calibration.js';

/** `npm run calibrate`: reads the command line, then runs the calibration on the worker pool. */
runCommand(async (argv) => {
  const request = calibrateCommand(argv, { loadInput: (file) => loadInput(file, JOB_KINDS) });
  if ('exit' in request) return request.exit;
  // As for a job: no manifest is written that could not be read back.
  const manifestTooBig = manifestSizeProblem(calibrationManifestJson(request.record, request.command, currentEnvironment()), 1);
  if (manifestTooBig !== undefined) return badInput(manifestTooBig);
  return executeCalibration(request);
});
