import { basename, dirname } from 'node:path';
import { putBackBeforeStart } from './put-back.js';
import { oneLine } from '../config/format-problems.js';
import { printable, printableLine, printablePath } from '../io/json-text.js';
import { EXPLORE_USAGE, parseExploreArgs } from '../explorer/server/explore-args.js';
import { PortTaken, startExplorer } from '../explorer/server/explorer-server.js';
import { isEveryInterface } from '../explorer/server/served-addresses.js';
import { explainArgs } from '../jobs/usage-after.js';

/** `npm run explore -- [configs/x.json] [--port N] [--host ADDRESS]`: the explorer's server, until Ctrl-C. */

const EXIT_INVALID = 2;

/** Every line it prints goes through printable (or oneLine): a config's folder is the user's, and nothing in it may act on the terminal. */
async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseExploreArgs(argv);
  if (!parsed.success) {
    const { message, after } = explainArgs(parsed.message, EXPLORE_USAGE);
    process.stderr.write(`error: ${oneLine(message)}\n${after}`);
    return EXIT_INVALID;
  }
  const { config, port, host, help } = parsed.args;
  if (help) {
    process.stdout.write(EXPLORE_USAGE);
    return 0;
  }
  const configsDir = dirname(config);
  try {
    const explorer = await startExplorer({ config: basename(config), configsDir, host, ...(port !== undefined && { port }) });
    // Bound to every interface, the URL names an address other machines reach; this machine's own browser may use loopback.
    const here = isEveryInterface(host) ? `\n    http://127.0.0.1:${explorer.port}/?token=${explorer.token}   (from this machine)\n` : '';
    process.stdout.write(printable(`The explorer is at\n\n    ${explorer.url}\n${here}\nOpen ${here === '' ? 'that URL' : 'one of these URLs'} (it holds the token the server asks for). Configs are listed from ${printablePath(configsDir)}/ and saved there. Ctrl-C stops it.\n`));
    if (host !== '127.0.0.1' && host !== 'localhost' && host !== '::1') {
      process.stderr.write(`${printableLine(`warning: bound to ${host}, not to this machine alone: anyone who can reach it and has the URL can run scenarios and write configs into ${configsDir}/`)}\n`);
    }
    const stop = () => void explorer.close().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return -1;
  } catch (error) {
    if (error instanceof PortTaken) {
      process.stderr.write(`error: ${oneLine(error.message)}\n`);
      return EXIT_INVALID;
    }
    process.stderr.write(`error: ${oneLine((error as Error).message)}\n`);
    return 1;
  }
}

putBackBeforeStart(process.argv.slice(2));
main(process.argv.slice(2)).then((code) => {
  if (code >= 0) process.exitCode = code;
});
