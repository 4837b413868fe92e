import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { OPTION_OWNERS } from '../../src/jobs/option-owners.js';
import { PROJECT_ROOT } from '../support/run-cli.js';

/** The table of which commands take which option is what each command's --help says it takes. */
describe('OPTION_OWNERS', () => {
  const commands = ['simulate', 'compare', 'sweep', 'sensitivity', 'sobol', 'morris', 'discover', 'calibrate', 'merge', 'validate', 'explore'];
  const optionsOf = new Map(
    commands.map((command) => {
      const help = spawnSync(process.execPath, ['scripts/launch.mjs', command, '--help'], { cwd: PROJECT_ROOT, encoding: 'utf8' }).stdout;
      const names = [...help.matchAll(/^ {2}(?:-\w, )?--([\w-]+)/gm)].map((match) => match[1]!);
      return [command, new Set(names)] as const;
    }),
  );

  it('names, for each option some commands lack, exactly the commands whose --help lists it', () => {
    const everywhere = (name: string) => commands.every((command) => optionsOf.get(command)!.has(name));
    const listed = new Set([...optionsOf.values()].flatMap((names) => [...names]));
    const expected = Object.fromEntries(
      [...listed]
        .filter((name) => !everywhere(name) && !['out', 'seed', 'ticks', 'runs', 'workers', 'shard', 'no-charts', 'quiet', 'help'].includes(name))
        .sort()
        .map((name) => [name, commands.filter((command) => optionsOf.get(command)!.has(name))]),
    );
    expect(Object.fromEntries(Object.entries(OPTION_OWNERS).map(([name, owners]) => [name, [...owners].sort()]).sort(([a], [b]) => String(a).localeCompare(String(b))))).toEqual(
      Object.fromEntries(Object.entries(expected).map(([name, owners]) => [name, [...owners].sort()])),
    );
  }, 60_000);
});
