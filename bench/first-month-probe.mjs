// Loaded into a command under measurement with NODE_OPTIONS="--import <this file>" (bench/startup.ts):
// it watches the messages the simulation thread sends the main thread (src/cli/simulation-worker.ts,
// `{ type: 'progress', month }` when a month opens) and writes one line to stderr when the run's
// first month is done, that is when month 2 opens. The command itself is unchanged: nothing of this
// is in src/. Plain JavaScript, so that it costs the command nothing to compile.
import { Worker } from 'node:worker_threads';

export const FIRST_MONTH_MARK = 'first-month-probe: first month done';

const emit = Worker.prototype.emit;
let marked = false;
Worker.prototype.emit = function (name, message, ...rest) {
  if (!marked && name === 'message' && message?.type === 'progress' && message.month >= 2) {
    marked = true;
    process.stderr.write(`${FIRST_MONTH_MARK}\n`);
  }
  return emit.call(this, name, message, ...rest);
};
