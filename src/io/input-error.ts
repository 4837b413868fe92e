/**
 * Bad input found only once a job is under way (a shard's file changed while it was merged):
 * thrown from inside a staged folder's work, it ends the command with exit code 2 and its message,
 * the staging folder removed and the previous output left as it was.
 */
export class InputError extends Error {
  override readonly name = 'InputError';
}
