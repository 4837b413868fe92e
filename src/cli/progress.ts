import cliProgress from 'cli-progress';

/**
 * A progress bar with an ETA on stderr, for work longer than a moment: it appears only after
 * SHOW_AFTER_MS, only when stderr is a terminal (never in a log file or a pipe), and never with
 * --quiet. Stdout is left to the command's own lines.
 */

const SHOW_AFTER_MS = 700;

export interface Progress {
  advance(): void;
  /** Sets how much is done, for work that reports its position rather than steps. */
  reach(done: number): void;
  /** Removes the bar, so the command's last line is what it printed itself. */
  stop(): void;
}

/** Whether a bar may be shown: a terminal, not --quiet, and more than one step to count. */
export function progressWanted(options: { isTTY: boolean | undefined; quiet: boolean; total: number }): boolean {
  return options.isTTY === true && !options.quiet && options.total > 1;
}

export function startProgress(options: { total: number; unit: string; quiet: boolean; stream?: NodeJS.WriteStream }): Progress {
  const stream = options.stream ?? process.stderr;
  if (!progressWanted({ isTTY: stream.isTTY, quiet: options.quiet, total: options.total })) return { advance: () => {}, reach: () => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: `{bar} {percentage}% | {value}/{total} ${options.unit} | {duration_formatted} elapsed | ETA {eta_formatted}`,
      barsize: 30,
      etaBuffer: 50,
      hideCursor: true,
      clearOnComplete: true,
      fps: 5,
      formatTime: barTime,
    },
    cliProgress.Presets.shades_classic,
  );
  let done = 0;
  let shown = false;
  const timer = setTimeout(() => {
    shown = true;
    bar.start(options.total, done);
  }, SHOW_AFTER_MS);
  timer.unref();
  return {
    advance: () => {
      done++;
      if (shown) bar.update(done);
    },
    reach: (position) => {
      done = position;
      if (shown) bar.update(done);
    },
    stop: () => {
      clearTimeout(timer);
      if (shown) bar.stop();
    },
  };
}

/**
 * Seconds as the bar shows them ("45s", "2m05s", "1h10m"), rounded as a whole before being split:
 * cli-progress's own format rounds the seconds within the minute, so 119 s to a multiple of 5
 * read "1m60s".
 */
export function barTime(seconds: number | string, _options?: unknown, roundToMultipleOf?: number): string {
  // cli-progress passes 'NULL' or 'INF' while it cannot tell yet.
  if (typeof seconds !== 'number' || !Number.isFinite(seconds)) return '…';
  const step = roundToMultipleOf !== undefined && roundToMultipleOf > 0 && seconds > 10 ? roundToMultipleOf : 1;
  const whole = Math.max(0, Math.round(seconds / step) * step);
  const pad = (n: number) => String(n).padStart(2, '0');
  if (whole >= 3600) return `${Math.floor(whole / 3600)}h${pad(Math.floor((whole % 3600) / 60))}m`;
  if (whole >= 60) return `${Math.floor(whole / 60)}m${pad(whole % 60)}s`;
  return `${whole}s`;
}
