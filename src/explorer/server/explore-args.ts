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
  let config: string | undefined;
  let port: number | undefined;
  let host = '127.0.0.1';
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    if (flag === '--help' || flag === '-h') help = true;
    else if (flag === '--port') {
      const text = value();
      if (text === undefined || !/^\d{1,5}$/.test(text) || Number(text) < 1 || Number(text) > 65535) return { success: false, message: `--port takes a port number from 1 to 65535; found ${JSON.stringify(text ?? '')}` };
      port = Number(text);
    } else if (flag === '--host') {
      const text = value();
      if (text === undefined || !/^[0-9A-Za-z.:-]+$/.test(text)) return { success: false, message: `--host takes an address such as 127.0.0.1; found ${JSON.stringify(text ?? '')}` };
      host = text;
    } else if (arg.startsWith('-')) return { success: false, message: `unknown option ${arg}` };
    else if (config !== undefined) return { success: false, message: `one config at a time: ${config} and ${arg}` };
    else config = arg;
  }
  return { success: true, args: { config: config ?? DEFAULT_CONFIG, host, help, ...(port !== undefined && { port }) } };
}
