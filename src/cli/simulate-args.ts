import { parseArgs } from 'node:util';
import { LIMIT_REASONS, MAX_MONTHS } from '../config/limits.js';

export const SIMULATE_USAGE = `Usage: npm run simulate -- [config.json] [options]

Runs one scenario and writes charts (PNG), metrics.csv, summary.json and events.jsonl.

Arguments:
  config.json        scenario file (default: configs/baseline.json)

Options:
  --out DIR          output folder (default: output/<scenario name>/)
  --seed N           seed of every random stream (default: the config's seed)
  --ticks N          months to simulate, 1 to ${MAX_MONTHS} (default: the config's months)
  --no-charts        skip the PNG charts
  --quiet            print nothing but errors
  -h, --help         show this help
`;

export interface SimulateArgs {
  readonly config: string;
  readonly out?: string;
  readonly seed?: number;
  readonly ticks?: number;
  readonly charts: boolean;
  readonly quiet: boolean;
  readonly help: boolean;
}

export type ArgsResult = { success: true; args: SimulateArgs } | { success: false; message: string };

export function parseSimulateArgs(argv: readonly string[]): ArgsResult {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        out: { type: 'string' },
        seed: { type: 'string' },
        ticks: { type: 'string' },
        'no-charts': { type: 'boolean', default: false },
        quiet: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    return { success: false, message: (error as Error).message.replace(/\. To specify .*$/s, '') };
  }
  const { values, positionals } = parsed;
  if (positionals.length > 1) {
    return { success: false, message: `one config file at a time, got ${positionals.length}: ${positionals.join(' ')}` };
  }
  const seed = integerOption('--seed', values.seed, 0, 2 ** 32 - 1);
  if (typeof seed === 'string') return { success: false, message: seed };
  const ticks = integerOption('--ticks', values.ticks, 1, MAX_MONTHS, LIMIT_REASONS.months);
  if (typeof ticks === 'string') return { success: false, message: ticks };
  return {
    success: true,
    args: {
      config: positionals[0] ?? 'configs/baseline.json',
      out: values.out,
      seed,
      ticks,
      charts: !values['no-charts'],
      quiet: values.quiet,
      help: values.help,
    },
  };
}

/** The integer, undefined when absent, or an error message; `aboveMax` explains a limit. */
function integerOption(
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
