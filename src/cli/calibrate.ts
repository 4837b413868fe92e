import { calibrateCommand } from '../calibration/calibrate-command.js';
import { JOB_KINDS } from '../jobs/registry.js';
import { loadInput, runCommand } from './command.js';
import { executeCalibration } from './execute-calibration.js';

/** `npm run calibrate`: reads the command line, then runs the calibration on the worker pool. */
runCommand(async (argv) => {
  const request = calibrateCommand(argv, { loadInput: (file) => loadInput(file, JOB_KINDS) });
  if ('exit' in request) return request.exit;
  return executeCalibration(request);
});
