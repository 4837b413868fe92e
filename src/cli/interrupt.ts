/** Exit codes of a process ended by a signal, as shells report them: 128 + the signal's number. */
export const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;

export type InterruptSignal = keyof typeof SIGNAL_EXIT_CODES;

/** What stopped the run, as the message says it ("interrupted by SIGTERM"), and the exit code. */
export interface Interrupt {
  readonly description: string;
  readonly exitCode: number;
}

/** How often the parent is looked at: a run stops within this long of its npm going away. */
const PARENT_POLL_MS = 200;

/**
 * Started by `npm run` or npx: npm reports the command's end itself, so a run that outlives it
 * (npm killed, or its shell gone on a forwarded SIGTERM) would go on unseen and replace its output
 * after the exit code said it was interrupted. Run with node directly, a run does not depend on
 * its parent: a supervisor, or a shell script that exits, signals it or leaves it be.
 */
export function startedByNpm(): boolean {
  return process.env.npm_lifecycle_event !== undefined;
}

export interface InterruptWatch {
  /** Calls the handler now if the parent watched is gone, as a commit must not wait for the next poll; whether it did. */
  parentGone(): boolean;
  /** Back to Node's default behaviour. */
  restore(): void;
}

/**
 * Calls `handler` once on the first SIGINT, SIGTERM or SIGHUP, instead of Node's default of dying
 * on the spot, or, with `watchParent`, once the parent process is gone (exit code 129, as on the
 * hangup of a terminal); a second signal while the handler runs is ignored (the handler is already
 * ending the process).
 */
export function onInterrupt(handler: (interrupt: Interrupt) => void, options: { watchParent: boolean } = { watchParent: startedByNpm() }): InterruptWatch {
  let handled = false;
  const fire = (interrupt: Interrupt) => {
    if (handled) return;
    handled = true;
    handler(interrupt);
  };
  const listeners = (Object.keys(SIGNAL_EXIT_CODES) as InterruptSignal[]).map((signal) => {
    const listener = () => fire({ description: `interrupted by ${signal}`, exitCode: SIGNAL_EXIT_CODES[signal] });
    process.on(signal, listener);
    return () => process.off(signal, listener);
  });
  const parent = process.ppid;
  const parentGone = () => {
    if (!options.watchParent || process.ppid === parent) return false;
    fire({ description: `interrupted as the process that started it (pid ${parent}) is gone`, exitCode: SIGNAL_EXIT_CODES.SIGHUP });
    return true;
  };
  const poll = options.watchParent ? setInterval(parentGone, PARENT_POLL_MS).unref() : undefined;
  return {
    parentGone,
    restore: () => {
      clearInterval(poll);
      listeners.forEach((remove) => remove());
    },
  };
}
