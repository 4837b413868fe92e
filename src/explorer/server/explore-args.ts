import { parseCommandLine } from '../../jobs/job-options.js';

/** `npm run explore -- [configs/x.json] [--port N] [--host ADDRESS]`, read into settings or one message. */

export const DEFAULT_PORT = 8173;
export const DEFAULT_CONFIG = 'configs/baseline.json';

export const EXPLORE_USAGE = `usage: npm run explore -- [CONFIG] [--port N] [--host ADDRESS]

Starts the explorer: a page on this machine where you move the levers of a scenario and watch the
market answer, every chart redrawn from a run in the page. Open the URL it prints.

  CONFIG           the scenario to open first (default: ${DEFAULT_CONFIG}); the page lists configs/*.json
  --port N         the port to serve on; without it ${DEFAULT_PORT}, or a free one when that is taken
  --host ADDRESS   the address to bind (default 127.0.0.1, this machine only); another address lets
                   other machines reach the page: anyone who has the printed URL can then write configs.
                   0.0.0.0 binds every interface: the URL then names this machine's address on the
                   network, and the page answers to that, to localhost and to 127.0.0.1
  --help           this text
`;

export interface ExploreArgs {
  readonly config: string;
  /** Undefined: the default port, or a free one. */
  readonly port?: number;
  readonly host: string;
  readonly help: boolean;
}

export function parseExploreArgs(argv: readonly string[]): { success: true; args: ExploreArgs } | { success: false; message: string } {
  const parsed = parseCommandLine(argv, {
    port: { type: 'string' },
    host: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  } as const);
  if (!parsed.success) return parsed;
  const { values, positionals } = parsed;
  if (positionals.length > 1) return { success: false, message: `one config at a time: ${positionals.join(' and ')}` };
  const { port: portText, host = '127.0.0.1', help } = values;
  if (portText !== undefined && (!/^\d{1,5}$/.test(portText) || Number(portText) < 1 || Number(portText) > 65535)) {
    return { success: false, message: `--port takes a port number from 1 to 65535; found ${JSON.stringify(portText)}` };
  }
  if (!/^[0-9A-Za-z.:-]+$/.test(host)) return { success: false, message: `--host takes an address such as 127.0.0.1; found ${JSON.stringify(host)}` };
  return { success: true, args: { config: positionals[0] ?? DEFAULT_CONFIG, host, help, ...(portText !== undefined && { port: Number(portText) }) } };
}
