import { availableParallelism } from 'node:os';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { MAX_RUNS } from '../batch/job-limits.js';
import { parseShard, type Shard } from '../batch/shard.js';
import { LIMIT_REASONS, MAX_MONTHS } from '../config/limits.js';
import { closestName } from '../config/suggest.js';
import { ownersOf } from './option-owners.js';

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
  --quiet            print nothing but errors: no warnings (report.md keeps them), no progress bar
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

/**
 * --targets FILE, of the kinds whose charts draw a targets file's figures (simulate, compare): not
 * part of JOB_OPTIONS, since a sweep's or a sensitivity's charts have no month to draw a figure at.
 */
export const TARGETS_OPTIONS = { targets: { type: 'string' } } as const satisfies ParseArgsConfig['options'];

export const TARGETS_USAGE = `  --targets FILE     a targets file (configs/targets/2023-2025.json; docs/targets.md): each chart
                     of a metric it measures draws its figures with their bands, and the report
                     says whether the run meets each, hit or miss`;

/** --targets as canonicalCommand records it: the file changes the charts and the report. */
export function targetsOutputOption(file: string | undefined): [string, string][] {
  return file === undefined ? [] : [['--targets', file]];
}

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

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

/**
 * `--seed -1` as `--seed=-1`: a negative number after an option that takes a value is that value
 * (parseArgs would call it ambiguous), so that the option's own check says what is wrong with it.
 */
function joinNegativeNumbers(argv: readonly string[], options: OptionsConfig): string[] {
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') return [...args, ...argv.slice(i)];
    const name = arg.startsWith('--') && !arg.includes('=') ? arg.slice(2) : undefined;
    const next = argv[i + 1];
    if (name !== undefined && options[name]?.type === 'string' && next !== undefined && /^-(\d|\.\d)/.test(next)) {
      args.push(`${arg}=${next}`);
      i++;
    } else {
      args.push(arg);
    }
  }
  return args;
}

/** How an unknown option's message starts: the usage then gives way to a pointer to --help. */
export const UNKNOWN_OPTION = 'unknown option ';

/** "unknown option --run (did you mean --runs?)", or the options there are when none is close. */
function unknownOption(flag: string, options: OptionsConfig): string {
  // An option of other commands, unless it is this one's written with one dash (-param for --param).
  const elsewhere = Object.hasOwn(options, flag.replace(/^-+/, '')) ? undefined : ownersOf(flag);
  if (elsewhere !== undefined) return `${UNKNOWN_OPTION}${flag}: ${flag.startsWith('--') ? 'it' : `-${flag}`} is ${elsewhere}`;
  const names = Object.keys(options).map((name) => `--${name}`);
  const typed = flag.replace(/^-+/, '--');
  // A name cut short (--work for --workers) is what was meant when only one option starts so.
  const prefixed = typed.length > 3 ? names.filter((name) => name.startsWith(typed)) : [];
  const guess = prefixed.length === 1 ? prefixed[0] : closestName(typed, names);
  if (guess !== undefined) return `${UNKNOWN_OPTION}${flag} (did you mean ${guess}?)`;
  const listed = Object.entries(options).map(([name, option]) => `--${name}${option.short ? ` (-${option.short})` : ''}`);
  return `${UNKNOWN_OPTION}${flag}; options: ${listed.join(', ')}`;
}

/**
 * A long option written with one dash (-run for --runs): parseArgs reads it as the short options
 * -r -u -n and names the first, "-r", which the user never typed. The word as typed, or undefined.
 */
function singleDashWord(argv: readonly string[], options: OptionsConfig): string | undefined {
  const shorts = new Set(Object.values(options).flatMap((option) => (option.short === undefined ? [] : [option.short])));
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') return undefined;
    const long = /^--([^=]+)$/.exec(arg)?.[1];
    // The value of an option that takes one is no option, whatever it looks like.
    if (long !== undefined && options[long]?.type === 'string') {
      i++;
      continue;
    }
    const word = /^-([^-\d.][^=]+)/.exec(arg)?.[1];
    if (word !== undefined && [...word].some((c) => !shorts.has(c))) return `-${word}`;
  }
  return undefined;
}

/** parseArgs's messages in this project's words, on one line. */
function describeParseError(error: Error, options: OptionsConfig): string {
  const unknown = /^Unknown option '(-[^']*)'/.exec(error.message);
  if (unknown) return unknownOption(unknown[1]!, options);
  const ambiguous = /^Option '(-[\w-]+|--[\w-]+)(?: <value>)?' argument is ambiguous/.exec(error.message);
  if (ambiguous) return `${ambiguous[1]} needs a value, and the argument after it starts with a dash; if that is the value, write ${ambiguous[1]}=<value>`;
  const valued = /^Option '(?:-\w, )?(--[\w-]+)' does not take an argument/.exec(error.message);
  if (valued) return `${valued[1]} takes no value: write ${valued[1]} alone`;
  const missing = /^Option '(-[\w-]+|--[\w-]+)(?: <value>)?' argument missing/.exec(error.message);
  if (missing) return `${missing[1]} needs a value`;
  return error.message.replace(/\. To specify .*$/s, '').replace(/\s*\n\s*/g, ' ');
}

/** An option given more than once that takes one value (or none): which, with the values given. */
function repeatedOption(tokens: readonly { kind: string; name?: string; value?: string | undefined }[], options: OptionsConfig): string | undefined {
  const given = new Map<string, (string | undefined)[]>();
  for (const token of tokens) {
    if (token.kind !== 'option' || token.name === undefined || options[token.name]?.multiple) continue;
    given.set(token.name, [...(given.get(token.name) ?? []), token.value]);
  }
  for (const [name, values] of given) {
    if (values.length < 2) continue;
    const shown = values.every((v) => v !== undefined) ? ` (${values.map((v) => JSON.stringify(v)).join(' and ')})` : '';
    return `--${name} is given ${values.length === 2 ? 'twice' : `${values.length} times`}${shown}: give it once`;
  }
  return undefined;
}

/**
 * parseArgs with this project's messages: unknown flags named, without Node's advice on "--"; an
 * option that takes one value given twice is an error rather than the last one silently winning.
 */
export function parseCommandLine<O extends OptionsConfig>(argv: readonly string[], options: O) {
  const word = singleDashWord(argv, options);
  if (word !== undefined) return { success: false as const, message: unknownOption(word, options) };
  try {
    const parsed = parseArgs({ args: joinNegativeNumbers(argv, options), allowPositionals: true, strict: true, options, tokens: true });
    const repeated = repeatedOption(parsed.tokens, options);
    if (repeated !== undefined) return { success: false as const, message: repeated };
    return { success: true as const, values: parsed.values, positionals: parsed.positionals };
  } catch (error) {
    return { success: false as const, message: describeParseError(error as Error, options) };
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
  const whole = /^-?\d+$/.test(text.trim()) && Number.isSafeInteger(value);
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
