/**
 * The commands that take each option not every command takes, so that an option given to a
 * command without it (--param to simulate) says where it belongs rather than only that it is
 * unknown. test/jobs/option-owners.test.ts holds this to each command's --help.
 */
export const OPTION_OWNERS: Readonly<Record<string, readonly string[]>> = {
  param: ['sweep', 'sensitivity', 'sobol', 'morris', 'discover'],
  at: ['sweep', 'sensitivity', 'sobol', 'morris'],
  vendor: ['compare', 'sweep', 'sensitivity', 'sobol', 'morris'],
  cloud: ['compare', 'sweep', 'sensitivity', 'sobol', 'morris'],
  targets: ['simulate', 'compare', 'calibrate'],
  uncertain: ['simulate'],
  change: ['sensitivity'],
  only: ['sensitivity', 'morris'],
  samples: ['sobol', 'discover'],
  'second-order': ['sobol'],
  trajectories: ['morris'],
  levels: ['morris'],
  condition: ['discover'],
  peel: ['discover'],
  'min-density': ['discover'],
  free: ['calibrate'],
  'free-only': ['calibrate'],
  budget: ['calibrate'],
  through: ['calibrate'],
  from: ['merge', 'calibrate'],
  port: ['explore'],
  host: ['explore'],
};

/** "an option of npm run sweep, sensitivity and discover", or undefined for an option every command or none takes. */
export function ownersOf(flag: string): string | undefined {
  const name = flag.replace(/^-+/, '').replace(/=.*$/s, '');
  if (!Object.hasOwn(OPTION_OWNERS, name)) return undefined;
  const owners = OPTION_OWNERS[name]!;
  const names = owners.length === 1 ? owners[0]! : `${owners.slice(0, -1).join(', ')} and ${owners.at(-1)!}`;
  return `an option of npm run ${names}`;
}
