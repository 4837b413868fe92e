/** Exit codes of a process ended by a signal, as shells report them: 128 + the signal's number. */
export const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;

export type InterruptSignal = keyof typeof SIGNAL_EXIT_CODES;

/**
 * Calls `handler` once on the first SIGINT, SIGTERM or SIGHUP, instead of Node's default of dying
 * on the spot; a second signal while the handler runs is ignored (the handler is already ending
 * the process). Returns a function that restores the default behaviour.
 */
export function onInterrupt(handler: (signal: InterruptSignal, exitCode: number) => void): () => void {
  let handled = false;
  const listeners = (Object.keys(SIGNAL_EXIT_CODES) as InterruptSignal[]).map((signal) => {
    const listener = () => {
      if (handled) return;
      handled = true;
      handler(signal, SIGNAL_EXIT_CODES[signal]);
    };
    process.on(signal, listener);
    return () => process.off(signal, listener);
  });
  return () => listeners.forEach((remove) => remove());
}
