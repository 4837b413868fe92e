import { parseCommandLine } from '../jobs/job-options.js';

export const VALIDATE_USAGE = `Usage: npm run validate -- <config.json | manifest.json>... [options]

Checks scenario files without running them: JSON syntax, the schema, ids that must exist, shares
that must add up, dates within the run, limits, and the files they extend. A manifest.json is
checked as a manifest: its job, and that it was not edited since it was written. Prints "ok <file>"
for each valid file and every problem of the others, each with its path in the file.
Exit code: 0 when every file is valid, 2 otherwise.

Options:
  --quiet            print only problems
  -h, --help         show this help
`;

export interface ValidateArgs {
  readonly files: readonly string[];
  readonly quiet: boolean;
  readonly help: boolean;
}

export type ValidateArgsResult = { success: true; args: ValidateArgs } | { success: false; message: string };

export function parseValidateArgs(argv: readonly string[]): ValidateArgsResult {
  const parsed = parseCommandLine(argv, {
    quiet: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  } as const);
  if (!parsed.success) return parsed;
  const { values, positionals } = parsed;
  if (positionals.length === 0 && !values.help) return { success: false, message: 'name at least one config file' };
  return { success: true, args: { files: positionals, quiet: values.quiet, help: values.help } };
}
