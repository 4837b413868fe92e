import { availableParallelism } from 'node:os';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { MAX_RUNS } from '../batch/job.js';
import { parseShard, type Shard } from '../batch/shard.js';
import { LIMIT_REASONS, MAX_MONTHS } from '../config/limits.js';

/**
 * Options every command that runs simulations shares: where outputs go, seeds, months, runs per
 * scenario, worker threads, the shard of a job spread over machines, charts and quiet.
 */

export const MAX_WORKERS = 256;

/** The shared options' help; `defaultOut` names the default output folder, e.g. "output/<scenario name>/". */
export function jobOptionsUsage(defaultOut: string): string {
  return `  --out DIR          output folder (default: ${defaultOut})
  --seed N           seed of the first run; run i uses seed + i − 1 (default: the config's seed)
  --ticks N          months to simulate, 1 to ${MAX_MONTHS} (default: the config's months)
  --runs N           seeds per scenario, 1 to ${MAX_RUNS} (default 1): charts show the mean and
                     the 5th–95th percentile band, KPIs their mean, p5, p50 and p95
  --workers N        worker threads running simulations (default: the number of cores, ${availableParallelism()})
  --shard i/N        run only slice i of N of the runs (i from 0) and write a partial result;
                     npm run merge -- DIR... combines the N partial results
  --no-charts        skip the PNG charts
  --quiet            print nothing but errors, and no progress bar
  -h, --help         show this help`;
}

export const JOB_OPTIONS = {
  out: { type: 'string' },
  seed: { type: 'string' },
  ticks: { type: 'string' },
  runs: { type: 'string' },
  workers: { type: 'string' },
  shard: { type: 'string' },
  'no-charts': { type: 'boolean', default: false },
  quiet: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const satisfies ParseArgsConfig['options'];

export interface JobOptions {
  readonly out?: string;
  readonly seed?: number;
  readonly ticks?: number;
  readonly runs?: number;
  readonly workers: number;
  readonly shard?: Shard;
  readonly charts: boolean;
  readonly quiet: boolean;
  readonly help: boolean;
}

export type Parsed<T> = { success: true; value: T } | { success: false; message: string };

/** parseArgs with this project's messages: unknown flags named, without Node's advice on "--". */
export function parseCommandLine<O extends NonNullable<ParseArgsConfig['options']>>(argv: readonly string[], options: O) {
  try {
    return { success: true as const, ...parseArgs({ args: [...argv], allowPositionals: true, strict: true, options }) };
  } catch (error) {
    return { success: false as const, message: (error as Error).message.replace(/\. To specify .*$/s, '') };
  }
}

type JobValues = { [K in keyof typeof JOB_OPTIONS]?: (typeof JOB_OPTIONS)[K]['type'] extends 'string' ? string : boolean };

export function readJobOptions(values: JobValues): Parsed<JobOptions> {
  const seed = integerOption('--seed', values.seed, 0, 2 ** 32 - 1);
  if (typeof seed === 'string') return { success: false, message: seed };
  const ticks = integerOption('--ticks', values.ticks, 1, MAX_MONTHS, LIMIT_REASONS.months);
  if (typeof ticks === 'string') return { success: false, message: ticks };
  const runs = integerOption('--runs', values.runs, 1, MAX_RUNS);
  if (typeof runs === 'string') return { success: false, message: runs };
  const workers = integerOption('--workers', values.workers, 1, MAX_WORKERS);
  if (typeof workers === 'string') return { success: false, message: workers };
  let shard: Shard | undefined;
  if (values.shard !== undefined) {
    const parsed = parseShard(values.shard);
    if (!parsed.success) return parsed;
    shard = parsed.shard;
  }
  return {
    success: true,
    value: {
      out: values.out,
      seed,
      ticks,
      runs,
      workers: workers ?? availableParallelism(),
      shard,
      charts: !values['no-charts'],
      quiet: values.quiet ?? false,
      help: values.help ?? false,
    },
  };
}

/** The integer, undefined when absent, or an error message; `aboveMax` explains a limit. */
export function integerOption(
  flag: string,
  text: string | undefined,
  min: number,
  max: number,
  aboveMax?: (found: number) => string,
): number | undefined | string {
  if (text === undefined) return undefined;
  const value = Number(text);
  const whole = /^\d+$/.test(text.trim()) && Number.isSafeInteger(value);
  if (whole && value > max && aboveMax) return `${flag} ${aboveMax(value)}`;
  if (!whole || value < min || value > max) {
    return `${flag} must be a whole number from ${min} to ${max}, got "${text}"`;
  }
  return value;
}

/** An argument as a shell reads it back: quoted when it holds anything but safe characters. */
function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * The command as the manifest records it: the files and the options that change the outputs, not
 * those that only change where they go or how they are made (--out, --workers, --shard, --quiet),
 * so that a sharded job and its merge record the same command as a run on one machine.
 */
export function canonicalCommand(script: string, positionals: readonly string[], options: readonly (readonly [flag: string, value?: string | number])[]): string {
  const words = ['npm', 'run', script, '--', ...positionals];
  for (const [flag, value] of options) words.push(flag, ...(value === undefined ? [] : [String(value)]));
  return words.map(shellWord).join(' ');
}

/** The shared options that change outputs, for canonicalCommand. */
export function outputOptions(options: JobOptions): [string, (string | number)?][] {
  return [
    ...(options.seed !== undefined ? [['--seed', options.seed] as [string, number]] : []),
    ...(options.ticks !== undefined ? [['--ticks', options.ticks] as [string, number]] : []),
    ...(options.runs !== undefined ? [['--runs', options.runs] as [string, number]] : []),
    ...(options.charts ? [] : [['--no-charts'] as [string]]),
  ];
}
